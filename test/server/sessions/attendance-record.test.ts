import type { AttendanceView } from '../../../src/domain/contract/sessions';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { cancelSignup, members, scheduleSession, signUpOk } from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => t.clock.set(new Date()));

const minute = 60_000;
const hour = 60 * minute;

async function myRecord(user: SignedInUser, communityId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/communities/${communityId}/members/me`,
    headers: user.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json().attendance;
}

async function profileAs(viewer: SignedInUser, communityId: string, userId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/communities/${communityId}/members/${userId}`,
    headers: viewer.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function openCheckIn(host: SignedInUser, sessionId: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/check-in-code`,
    headers: host.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json().checkInCode;
}

async function checkIn(user: SignedInUser, sessionId: string, code: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/check-in`,
    headers: user.headers,
    payload: { code },
  });
  expect(response.statusCode).toBe(200);
}

/** A 15-minute session `daysAhead` days from now: its check-in closes 45 minutes after the start. */
const startIn = (daysAhead: number) => new Date(Date.now() + daysAhead * 24 * hour);

describe('the attendance record', () => {
  it('counts check-in sessions only: attended, no-shows and late cancellations; the member, the team and the attendance list see it', async () => {
    const { community, owner, secretary, member: came, outsider } = await communityWithTeam(t.app);
    const [noShow, lateCanceller, earlyCanceller, otherMember] = await members(
      t.app,
      community.inviteCode!,
      4,
    );
    const startsAt = startIn(3);
    const session = await scheduleSession(t.app, owner, community.id, {
      startsAt: startsAt.toISOString(),
      capacity: 10,
    });
    // A session without check-in: nobody's record changes.
    const noCheckIn = await scheduleSession(t.app, owner, community.id, {
      startsAt: new Date(startsAt.getTime() - 2 * hour).toISOString(),
    });
    for (const user of [came, noShow!, lateCanceller!, earlyCanceller!]) {
      await signUpOk(t.app, user, session.id);
      await signUpOk(t.app, user, noCheckIn.id);
    }

    t.clock.set(new Date(startsAt.getTime() - 3 * hour));
    expect((await cancelSignup(t.app, earlyCanceller!, session.id)).statusCode).toBe(204);
    t.clock.set(new Date(startsAt.getTime() - 1 * hour));
    expect((await cancelSignup(t.app, lateCanceller!, session.id)).statusCode).toBe(204);

    t.clock.set(new Date(startsAt.getTime() + 5 * minute));
    const code = await openCheckIn(owner, session.id);
    await checkIn(came, session.id, code);
    // While members can still check in, nothing counts yet.
    expect(await myRecord(noShow!, community.id)).toEqual({
      counted: 0,
      attended: 0,
      noShows: 0,
      lateCancels: 0,
    });

    t.clock.set(new Date(startsAt.getTime() + 46 * minute));
    expect(await myRecord(came, community.id)).toEqual({
      counted: 1,
      attended: 1,
      noShows: 0,
      lateCancels: 0,
    });
    expect(await myRecord(noShow!, community.id)).toEqual({
      counted: 1,
      attended: 0,
      noShows: 1,
      lateCancels: 0,
    });
    expect(await myRecord(lateCanceller!, community.id)).toEqual({
      counted: 1,
      attended: 0,
      noShows: 1,
      lateCancels: 1,
    });
    expect(await myRecord(earlyCanceller!, community.id)).toEqual({
      counted: 0,
      attended: 0,
      noShows: 0,
      lateCancels: 0,
    });

    // The team sees it on the member's page; other members do not.
    expect((await profileAs(secretary, community.id, noShow!.user.id)).attendance).toMatchObject({
      noShows: 1,
    });
    expect((await profileAs(otherMember!, community.id, noShow!.user.id)).attendance).toBeUndefined();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/communities/${community.id}/members/${noShow!.user.id}`,
          headers: outsider.headers,
        })
      ).statusCode,
    ).toBe(403);

    // And on the attendance list.
    const attendance = await t.app.inject({
      method: 'GET',
      url: `/api/sessions/${session.id}/attendance`,
      headers: owner.headers,
    });
    const byUser = new Map(
      attendance.json<AttendanceView>().attendees.map((attendee) => [attendee.userId, attendee.record]),
    );
    expect(byUser.get(came.user.id)).toMatchObject({ counted: 1, attended: 1 });
    expect(byUser.get(noShow!.user.id)).toMatchObject({ counted: 1, noShows: 1 });

    // With no cut-off, giving up a seat before the start is never a no-show.
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
      payload: { lateCancelHours: 0 },
    });
    expect(changed.json()).toMatchObject({ lateCancelHours: 0 });
    expect(await myRecord(lateCanceller!, community.id)).toMatchObject({ counted: 0, noShows: 0 });
  });

  it('checking someone in by hand opens check-in for the record too', async () => {
    const { community, owner, member, admin } = await communityWithTeam(t.app);
    const startsAt = startIn(5);
    const session = await scheduleSession(t.app, owner, community.id, { startsAt: startsAt.toISOString() });
    await signUpOk(t.app, member, session.id);
    await signUpOk(t.app, admin, session.id);
    t.clock.set(new Date(startsAt.getTime() + 5 * minute));
    const byHand = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/attendees/${member.user.id}/check-in`,
      headers: owner.headers,
    });
    expect(byHand.statusCode).toBe(200);
    t.clock.set(new Date(startsAt.getTime() + 2 * hour));
    expect(await myRecord(member, community.id)).toMatchObject({ counted: 1, attended: 1 });
    expect(await myRecord(admin, community.id)).toMatchObject({ counted: 1, noShows: 1 });
  });

  it('keeps the latest five counted sessions', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const starts = [1, 2, 3, 4, 5, 6].map((days) => startIn(days));
    const ids: string[] = [];
    for (const startsAt of starts) {
      const session = await scheduleSession(t.app, owner, community.id, { startsAt: startsAt.toISOString() });
      await signUpOk(t.app, member, session.id);
      ids.push(session.id);
    }
    for (const [index, startsAt] of starts.entries()) {
      t.clock.set(new Date(startsAt.getTime() + 5 * minute));
      const code = await openCheckIn(owner, ids[index]!);
      // The first one missed, the others attended.
      if (index > 0) await checkIn(member, ids[index]!, code);
    }
    t.clock.set(new Date(starts[5]!.getTime() + 2 * hour));
    expect(await myRecord(member, community.id)).toEqual({
      counted: 5,
      attended: 5,
      noShows: 0,
      lateCancels: 0,
    });
  });

  it('only the owner sets the cut-off, within 0-72 hours', async () => {
    const { community, owner, admin } = await communityWithTeam(t.app);
    const patch = (user: SignedInUser, lateCancelHours: unknown) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/communities/${community.id}`,
        headers: user.headers,
        payload: { lateCancelHours },
      });
    expect((await patch(admin, 6)).statusCode).toBe(403);
    expect((await patch(owner, 73)).statusCode).toBe(400);
    expect((await patch(owner, -1)).statusCode).toBe(400);
    expect((await patch(owner, 24)).json()).toMatchObject({ lateCancelHours: 24 });
  });
});

describe('the dashboard rates per session', () => {
  it('shows the no-show rate where check-in counted, and how many waiting parties got a seat', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const [a, b, c, d] = await members(t.app, community.inviteCode!, 4);
    const startsAt = startIn(2);
    const session = await scheduleSession(t.app, owner, community.id, {
      startsAt: startsAt.toISOString(),
      capacity: 2,
    });
    for (const user of [a!, b!, c!, d!]) await signUpOk(t.app, user, session.id);
    // b gives up the seat in good time: c moves up, d keeps waiting.
    t.clock.set(new Date(startsAt.getTime() - 5 * hour));
    await cancelSignup(t.app, b!, session.id);
    t.clock.set(new Date(startsAt.getTime() + 5 * minute));
    await checkIn(a!, session.id, await openCheckIn(owner, session.id));
    t.clock.set(new Date(startsAt.getTime() + 2 * hour));

    const dashboard = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/dashboard`,
      headers: owner.headers,
    });
    expect(dashboard.statusCode).toBe(200);
    const row = dashboard.json().sessions.find((s: { id: string }) => s.id === session.id);
    // a came, c did not (b cancelled before the cut-off: not counted); c of the two waiting got a seat.
    expect(row).toMatchObject({ attended: 1, noShowPercent: 50, waitlistConversionPercent: 50 });
  });
});
