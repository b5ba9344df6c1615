import { and, eq } from 'drizzle-orm';
import { sessionSignups } from '../../../server/db/schema';
import type { MySignupView, SignUpResult } from '../../../src/domain/contract/sessions';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  cancelSignup,
  getSession,
  members,
  moveSession,
  noticesOf,
  scheduleSession,
  seatCounters,
  signUpOk,
} from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signUpWith(user: SignedInUser, sessionId: string, payload: object) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/signups`,
    headers: user.headers,
    payload,
  });
  return { status: response.statusCode, body: response.json<SignUpResult & { code?: string }>() };
}

async function changeSpot(user: SignedInUser, sessionId: string, minGuests: unknown) {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/sessions/${sessionId}/signups/me`,
    headers: user.headers,
    payload: { minGuests },
  });
  return { status: response.statusCode, body: response.json<MySignupView & { code?: string }>() };
}

async function expectLedgerExact(sessionId: string) {
  const counters = await seatCounters(t.db, sessionId);
  expect(counters.onSession).toEqual(counters.fromSignups);
}

describe('a party that accepts a smaller spot', () => {
  it('is seated at sign-up with the guests the free seats allow', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 3 });
    const [a, b] = await members(t.app, community.inviteCode!, 2);
    await signUpOk(t.app, a!, session.id, 1);
    // One seat left: a party of three that comes alone when it must takes it.
    const seated = await signUpWith(b!, session.id, { guests: 2, minGuests: 0 });
    expect(seated).toMatchObject({ status: 200, body: { status: 'confirmed', guests: 0 } });
    expect((await getSession(t.app, b!, session.id)).mySignup).toMatchObject({
      status: 'confirmed',
      guests: 0,
      minGuests: null,
    });
    await expectLedgerExact(session.id);
  });

  it('waits whole when even its smallest spot does not fit, and says so on its sign-up', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, b] = await members(t.app, community.inviteCode!, 2);
    await signUpOk(t.app, a!, session.id, 0);
    const waiting = await signUpWith(b!, session.id, { guests: 2, minGuests: 1 });
    expect(waiting.body).toMatchObject({ status: 'waitlisted', guests: 2, position: 1 });
    expect((await getSession(t.app, b!, session.id)).mySignup).toMatchObject({ guests: 2, minGuests: 1 });
  });

  it('takes the freed seats in its turn on a cancellation, ahead of a smaller party behind it', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, b, flexible, small] = await members(t.app, community.inviteCode!, 4);
    await signUpOk(t.app, a!, session.id);
    await signUpOk(t.app, b!, session.id);
    await signUpWith(flexible!, session.id, { guests: 2, minGuests: 0 });
    await signUpOk(t.app, small!, session.id);

    expect((await cancelSignup(t.app, a!, session.id)).statusCode).toBe(204);
    expect((await getSession(t.app, flexible!, session.id)).mySignup).toMatchObject({
      status: 'confirmed',
      guests: 0,
    });
    expect((await getSession(t.app, small!, session.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    const promoted = (await noticesOf(t.db, flexible!.user.id)).find((n) => n.kind === 'waitlist_promoted');
    expect(promoted?.body).toContain('你一个人来');
    await expectLedgerExact(session.id);
  });

  it('without a smaller spot, a party too large keeps its place while a smaller one behind it is seated', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, b, whole, small] = await members(t.app, community.inviteCode!, 4);
    await signUpOk(t.app, a!, session.id);
    await signUpOk(t.app, b!, session.id);
    await signUpOk(t.app, whole!, session.id, 2);
    await signUpOk(t.app, small!, session.id);
    await cancelSignup(t.app, a!, session.id);
    expect((await getSession(t.app, small!, session.id)).mySignup?.status).toBe('confirmed');
    expect((await getSession(t.app, whole!, session.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      guests: 2,
      position: 1,
    });
    await expectLedgerExact(session.id);
  });

  it('while waiting, accepting a smaller spot seats the party at once when seats are free', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, party, later] = await members(t.app, community.inviteCode!, 3);
    await signUpOk(t.app, a!, session.id);
    await signUpOk(t.app, party!, session.id, 2);
    await signUpOk(t.app, later!, session.id, 2);
    expect((await getSession(t.app, party!, session.id)).seatsLeft).toBe(1);

    const changed = await changeSpot(party!, session.id, 0);
    expect(changed).toMatchObject({ status: 200, body: { status: 'confirmed', guests: 0, minGuests: null } });
    expect((await getSession(t.app, later!, session.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    await expectLedgerExact(session.id);
  });

  it('while waiting with no seat free, the choice is kept, changed or taken back, and used on the next release', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, b, party] = await members(t.app, community.inviteCode!, 3);
    await signUpOk(t.app, a!, session.id);
    await signUpOk(t.app, b!, session.id);
    await signUpOk(t.app, party!, session.id, 2);
    expect((await changeSpot(party!, session.id, 1)).body).toMatchObject({
      status: 'waitlisted',
      minGuests: 1,
    });
    expect((await changeSpot(party!, session.id, null)).body).toMatchObject({ minGuests: null });
    // A minimum not below the party is the whole party.
    expect((await changeSpot(party!, session.id, 2)).body).toMatchObject({ minGuests: null });
    expect((await changeSpot(party!, session.id, 1)).body).toMatchObject({ minGuests: 1 });

    await cancelSignup(t.app, a!, session.id);
    // One seat: the party of three comes with at least one guest, so it keeps waiting.
    expect((await getSession(t.app, party!, session.id)).mySignup).toMatchObject({ status: 'waitlisted' });
    await cancelSignup(t.app, b!, session.id);
    expect((await getSession(t.app, party!, session.id)).mySignup).toMatchObject({
      status: 'confirmed',
      guests: 1,
    });
    await expectLedgerExact(session.id);
  });

  it('more capacity seats waiting parties by the same rule', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 1 });
    const [a, flexible, whole] = await members(t.app, community.inviteCode!, 3);
    await signUpOk(t.app, a!, session.id);
    await signUpWith(flexible!, session.id, { guests: 2, minGuests: 0 });
    await signUpOk(t.app, whole!, session.id, 1);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/sessions/${session.id}`,
      headers: owner.headers,
      payload: { capacity: 3 },
    });
    expect(edited.statusCode).toBe(200);
    // Two seats: the first in line takes both (one guest), the pair behind waits in first place now.
    expect((await getSession(t.app, flexible!, session.id)).mySignup).toMatchObject({
      status: 'confirmed',
      guests: 1,
    });
    expect((await getSession(t.app, whole!, session.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    await expectLedgerExact(session.id);
  });

  it('refuses a change when I am not waiting, bad minimums, and outsiders', async () => {
    const { community, owner, member, outsider } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 5 });
    expect(await changeSpot(member, session.id, 0)).toMatchObject({
      status: 409,
      body: { code: 'NOT_WAITLISTED' },
    });
    await signUpOk(t.app, member, session.id, 1);
    expect((await changeSpot(member, session.id, 0)).body.code).toBe('NOT_WAITLISTED');
    expect((await changeSpot(member, session.id, 3)).status).toBe(400);
    expect((await changeSpot(member, session.id, -1)).status).toBe(400);
    expect((await changeSpot(member, session.id, '1')).status).toBe(400);
    expect((await changeSpot(outsider, session.id, 0)).status).toBe(403);
    expect((await signUpWith(member, session.id, { guests: 1, minGuests: 3 })).status).toBe(400);
  });

  it('signing up again after cancelling starts without the old choice', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 1 });
    const [a, party] = await members(t.app, community.inviteCode!, 2);
    await signUpOk(t.app, a!, session.id);
    await signUpWith(party!, session.id, { guests: 2, minGuests: 0 });
    await cancelSignup(t.app, party!, session.id);
    await signUpOk(t.app, party!, session.id, 2);
    const [row] = await t.db
      .select()
      .from(sessionSignups)
      .where(and(eq(sessionSignups.sessionId, session.id), eq(sessionSignups.userId, party!.user.id)));
    expect(row).toMatchObject({ status: 'waitlisted', minGuests: null });
  });

  it('changes nothing of seats after the start', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, party] = await members(t.app, community.inviteCode!, 2);
    await signUpOk(t.app, a!, session.id);
    await signUpOk(t.app, party!, session.id, 2);
    await moveSession(t.db, session.id, new Date(Date.now() - 60_000));
    expect((await changeSpot(party!, session.id, 0)).body).toMatchObject({
      status: 'waitlisted',
      minGuests: 0,
    });
    await expectLedgerExact(session.id);
  });
});
