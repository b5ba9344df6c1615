import { heldBackSeatingJob } from '../../../server/modules/sessions/held-back-seating-job';
import type { SignedInUser } from '../../support/api-session';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  cancelSignup,
  getSession,
  members,
  noticesOf,
  pastNoShows,
  scheduleSession,
  seatCounters,
  signUpOk,
} from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(new Date()));

const hour = 3600_000;

function setGentleRule(user: SignedInUser, communityId: string, gentleRule: unknown) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/communities/${communityId}`,
    headers: user.headers,
    payload: { gentleRule },
  });
}

async function myAttendance(user: SignedInUser, communityId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/communities/${communityId}/members/me`,
    headers: user.headers,
  });
  return response.json().attendance;
}

/** A community whose `missed` members each missed 3 sessions in the last 60 days; `others` did not. */
async function communityWithNoShows(missed: number, others: number) {
  const team = await communityWithTeam(t.app);
  const [...people] = await members(t.app, team.community.inviteCode!, missed + others);
  const heldBack = people.slice(0, missed);
  await pastNoShows(
    t.db,
    team.community.id,
    team.owner.user.id,
    heldBack.map((user) => user.user.id),
    [40, 20, 5],
  );
  return { ...team, heldBack, others: people.slice(missed) };
}

describe('the gentle rule', () => {
  it('is off by default: a member with 3 no-shows is seated', async () => {
    const { community, owner, heldBack } = await communityWithNoShows(1, 0);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 5 });
    expect(await signUpOk(t.app, heldBack[0]!, session.id)).toEqual({ status: 'confirmed', guests: 0 });
    expect(await myAttendance(heldBack[0]!, community.id)).toEqual({
      counted: 3,
      attended: 0,
      noShows: 3,
      lateCancels: 0,
    });
    expect((await getSession(t.app, owner, session.id)).gentleRule).toBe(false);
  });

  it('on: a held-back member waits with seats free and is told why; the others are seated past them; the job seats them at 24 hours', async () => {
    const { community, owner, heldBack, others } = await communityWithNoShows(1, 3);
    const changed = await setGentleRule(owner, community.id, true);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().gentleRule).toBe(true);
    const startsAt = new Date(Date.now() + 3 * 24 * hour);
    const session = await scheduleSession(t.app, owner, community.id, {
      capacity: 2,
      startsAt: startsAt.toISOString(),
    });
    const seatedFrom = new Date(startsAt.getTime() - 24 * hour).toISOString();

    const held = heldBack[0]!;
    expect(await signUpOk(t.app, held, session.id)).toEqual({
      status: 'waitlisted',
      guests: 0,
      position: 1,
      heldBack: { seatedFrom },
    });
    const view = await getSession(t.app, held, session.id);
    expect(view).toMatchObject({ gentleRule: true, seatsLeft: 2, waitlistCount: 1 });
    expect(view.mySignup).toMatchObject({ status: 'waitlisted', position: 1, heldBack: true });
    expect((await myAttendance(held, community.id)).gentleRule).toMatchObject({
      heldBack: true,
      noShows: 3,
      attendedToClear: 2,
    });
    expect((await myAttendance(others[0]!, community.id)).gentleRule).toMatchObject({ heldBack: false });

    // Others are seated past the held-back member; the third waits behind them.
    const [a, b, c] = others;
    expect(await signUpOk(t.app, a!, session.id)).toMatchObject({ status: 'confirmed' });
    expect(await signUpOk(t.app, b!, session.id)).toMatchObject({ status: 'confirmed' });
    expect(await signUpOk(t.app, c!, session.id)).toEqual({ status: 'waitlisted', guests: 0, position: 2 });

    // A seat frees before the mark: the next ordinary party takes it, the held-back one keeps its place.
    t.clock.set(new Date(startsAt.getTime() - 30 * hour));
    expect((await cancelSignup(t.app, a!, session.id)).statusCode).toBe(204);
    expect((await getSession(t.app, c!, session.id)).mySignup?.status).toBe('confirmed');
    expect((await cancelSignup(t.app, b!, session.id)).statusCode).toBe(204);
    expect((await getSession(t.app, held, session.id)).mySignup?.status).toBe('waitlisted');

    // The job before the mark does nothing; at it, the held-back member is seated and told.
    expect(await heldBackSeatingJob.runOnce(t.db, new Date(startsAt.getTime() - 24 * hour - 60_000))).toBe(0);
    expect((await getSession(t.app, held, session.id)).mySignup?.status).toBe('waitlisted');
    expect(await heldBackSeatingJob.runOnce(t.db, new Date(startsAt.getTime() - 24 * hour))).toBe(1);
    expect(await heldBackSeatingJob.runOnce(t.db, new Date(startsAt.getTime() - 24 * hour))).toBe(0);
    const seated = await getSession(t.app, held, session.id);
    expect(seated.mySignup).toMatchObject({ status: 'confirmed', heldBack: false });
    expect((await noticesOf(t.db, held.user.id)).map((notice) => notice.kind)).toContain('waitlist_promoted');
    const counters = await seatCounters(t.db, session.id);
    expect(counters.onSession).toEqual(counters.fromSignups);
    expect(counters.onSession).toEqual({ seatsTaken: 2, waitlistCount: 0 });
  });

  it('at the mark the held-back party waits in its place: seats go in arrival order', async () => {
    const { community, owner, heldBack, others } = await communityWithNoShows(1, 2);
    await setGentleRule(owner, community.id, true);
    const startsAt = new Date(Date.now() + 3 * 24 * hour);
    const session = await scheduleSession(t.app, owner, community.id, {
      capacity: 1,
      startsAt: startsAt.toISOString(),
    });
    await signUpOk(t.app, heldBack[0]!, session.id);
    await signUpOk(t.app, others[0]!, session.id);
    expect(await signUpOk(t.app, others[1]!, session.id)).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });
    // The job lets the held-back party go; no seat is free, so it waits at the head of the line.
    expect(await heldBackSeatingJob.runOnce(t.db, new Date(startsAt.getTime() - 20 * hour))).toBe(1);
    t.clock.set(new Date(startsAt.getTime() - 20 * hour));
    expect((await getSession(t.app, heldBack[0]!, session.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      position: 1,
      heldBack: false,
    });
    expect((await cancelSignup(t.app, others[0]!, session.id)).statusCode).toBe(204);
    expect((await getSession(t.app, heldBack[0]!, session.id)).mySignup?.status).toBe('confirmed');
    expect((await getSession(t.app, others[1]!, session.id)).mySignup).toMatchObject({ position: 1 });
  });

  it('a held-back member signing up within 24 hours of the start is seated', async () => {
    const { community, owner, heldBack } = await communityWithNoShows(1, 0);
    await setGentleRule(owner, community.id, true);
    const session = await scheduleSession(t.app, owner, community.id, {
      startsAt: new Date(Date.now() + 20 * hour).toISOString(),
    });
    expect(await signUpOk(t.app, heldBack[0]!, session.id)).toEqual({ status: 'confirmed', guests: 0 });
  });

  it('tells a held-back member before they sign up that it would join the waitlist, until the mark', async () => {
    const { community, owner, heldBack, others } = await communityWithNoShows(1, 1);
    const held = heldBack[0]!;
    const startsAt = new Date(t.clock.now().getTime() + 3 * 24 * hour);
    const session = await scheduleSession(t.app, owner, community.id, { startsAt: startsAt.toISOString() });
    const heldBackOnPage = async (user: SignedInUser) =>
      (await getSession(t.app, user, session.id)).signUpHeldBack;

    expect(await heldBackOnPage(held)).toBe(false); // the rule is off
    await setGentleRule(owner, community.id, true);
    expect(await heldBackOnPage(held)).toBe(true);
    expect(await heldBackOnPage(others[0]!)).toBe(false);

    t.clock.set(new Date(startsAt.getTime() - 24 * hour));
    expect(await heldBackOnPage(held)).toBe(false);
  });

  it('turned off later: the next sign-up is seated, and the job seats those it held back', async () => {
    const { community, owner, heldBack } = await communityWithNoShows(2, 0);
    await setGentleRule(owner, community.id, true);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 5 });
    expect(await signUpOk(t.app, heldBack[0]!, session.id)).toMatchObject({ status: 'waitlisted' });

    const off = await setGentleRule(owner, community.id, false);
    expect(off.json().gentleRule).toBe(false);
    expect(await heldBackSeatingJob.runOnce(t.db, new Date())).toBe(1);
    expect((await getSession(t.app, heldBack[0]!, session.id)).mySignup?.status).toBe('confirmed');
    expect(await signUpOk(t.app, heldBack[1]!, session.id)).toEqual({ status: 'confirmed', guests: 0 });
    expect((await myAttendance(heldBack[1]!, community.id)).gentleRule).toBeUndefined();
  });

  it('turned off before the job came: the next sign-up seats the held-back party first, in its order', async () => {
    const { community, owner, heldBack, others } = await communityWithNoShows(1, 1);
    await setGentleRule(owner, community.id, true);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 1 });
    expect(await signUpOk(t.app, heldBack[0]!, session.id)).toMatchObject({ status: 'waitlisted' });
    await setGentleRule(owner, community.id, false);
    expect(await signUpOk(t.app, others[0]!, session.id)).toEqual({
      status: 'waitlisted',
      guests: 0,
      position: 1,
    });
    expect((await getSession(t.app, heldBack[0]!, session.id)).mySignup?.status).toBe('confirmed');
    expect(await heldBackSeatingJob.runOnce(t.db, new Date())).toBe(0);
  });

  it('only the owner changes the setting, and only to true or false', async () => {
    const { community, admin, member, owner, outsider } = await communityWithTeam(t.app);
    for (const user of [admin, member]) {
      const refused = await setGentleRule(user, community.id, true);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('OWNER_ROLE_REQUIRED');
    }
    expect((await setGentleRule(outsider, community.id, true)).statusCode).toBe(403);
    for (const bad of ['yes', 1, null]) {
      const refused = await setGentleRule(owner, community.id, bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('VALIDATION_FAILED');
    }
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
    });
    expect(view.json().gentleRule).toBe(false);
  });
});
