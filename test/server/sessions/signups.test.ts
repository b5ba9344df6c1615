import { eq } from 'drizzle-orm';
import { sessionSignups } from '../../../server/db/schema';
import { offerExpiryJob } from '../../../server/modules/sessions/offer-expiry-job';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  cancelSignup,
  getSession,
  members,
  moveSession,
  noticesOf,
  scheduleSession,
  sessionRowCounts,
  signUp,
  signUpOk,
} from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('signing up', () => {
  it('confirms while seats remain, then waitlists with positions, and shows it all on the session', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, b, c, d] = await members(t.app, community.inviteCode!, 4);
    expect(await signUpOk(t.app, a!, session.id)).toEqual({ status: 'confirmed', guests: 0 });
    expect(await signUpOk(t.app, b!, session.id)).toEqual({ status: 'confirmed', guests: 0 });
    expect(await signUpOk(t.app, c!, session.id)).toEqual({ status: 'waitlisted', position: 1, guests: 0 });
    expect(await signUpOk(t.app, d!, session.id)).toEqual({ status: 'waitlisted', position: 2, guests: 0 });
    const view = await getSession(t.app, d!, session.id);
    expect(view).toMatchObject({ confirmedCount: 2, waitlistCount: 2, capacity: 2, seatsLeft: 0 });
    expect(view.mySignup).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('is idempotent: signing up again answers the same and changes nothing', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 1 });
    const first = await signUpOk(t.app, member, session.id, 0);
    const before = await sessionRowCounts(t.db);
    const notices = (await noticesOf(t.db, member.user.id)).length;
    expect(await signUpOk(t.app, member, session.id, 2)).toEqual(first);
    expect(await sessionRowCounts(t.db)).toEqual(before);
    expect((await noticesOf(t.db, member.user.id)).length).toBe(notices);
  });

  it('seats or waitlists a party with guests whole, and refuses more than 2 guests', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 4 });
    const [a, b, c] = await members(t.app, community.inviteCode!, 3);
    expect((await signUpOk(t.app, a!, session.id, 2)).status).toBe('confirmed');
    // 1 seat left: a party of 3 waits whole rather than half-seated.
    expect(await signUpOk(t.app, b!, session.id, 2)).toMatchObject({ status: 'waitlisted', position: 1 });
    // A party of 1 still fits in the last seat.
    expect((await signUpOk(t.app, c!, session.id)).status).toBe('confirmed');
    expect((await getSession(t.app, c!, session.id)).confirmedCount).toBe(4);
    const tooMany = await signUp(t.app, (await members(t.app, community.inviteCode!, 1))[0]!, session.id, 3);
    expect(tooMany.statusCode).toBe(400);
  });

  it('refuses outsiders, and sign-up after the deadline', async () => {
    const { community, owner, member, outsider } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    expect((await signUp(t.app, outsider, session.id)).statusCode).toBe(403);
    const closed = await scheduleSession(t.app, owner, community.id, {
      signUpDeadline: new Date(t.clock.now().getTime() + 60_000).toISOString(),
    });
    t.clock.advance(61_000);
    const response = await signUp(t.app, member, closed.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('SIGNUP_CLOSED');
    expect((await signUp(t.app, member, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('warns (without refusing) when I am confirmed for an overlapping session', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const start = Date.now() + 2 * 24 * 3600_000;
    const first = await scheduleSession(t.app, owner, community.id, {
      startsAt: new Date(start).toISOString(),
      durationMinutes: 45,
    });
    const overlapping = await scheduleSession(t.app, owner, community.id, {
      title: 'PPT 标题层级入门',
      startsAt: new Date(start + 30 * 60_000).toISOString(),
      durationMinutes: 30,
    });
    // Starts as the first one ends (touching, not overlapping it) but inside the second one.
    const touching = await scheduleSession(t.app, owner, community.id, {
      startsAt: new Date(start + 45 * 60_000).toISOString(),
    });
    await signUpOk(t.app, member, first.id);
    const result = await signUpOk(t.app, member, overlapping.id);
    expect(result.status).toBe('confirmed');
    expect(result.overlapping).toMatchObject({ id: first.id });
    expect((await signUpOk(t.app, member, touching.id)).overlapping).toEqual({
      id: overlapping.id,
      title: 'PPT 标题层级入门',
      startsAt: overlapping.startsAt,
    });
  });

  it('schedules reminders at the organiser offsets for confirmed members only', async () => {
    const { community, owner, member, admin } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, {
      capacity: 1,
      reminderOffsets: [120],
    });
    await signUpOk(t.app, member, session.id);
    await signUpOk(t.app, admin, session.id);
    const reminders = (await noticesOf(t.db, member.user.id)).filter((n) => n.kind === 'session_reminder');
    expect(reminders.map((n) => n.dueAt.toISOString())).toEqual([
      new Date(new Date(session.startsAt).getTime() - 120 * 60_000).toISOString(),
    ]);
    expect((await noticesOf(t.db, admin.user.id)).filter((n) => n.kind === 'session_reminder')).toHaveLength(
      0,
    );
  });
});

describe('cancelling and the waitlist', () => {
  it('promotes the first waitlisted party that fits, in arrival order, and notifies them', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 2 });
    const [a, b, big, small, last] = await members(t.app, community.inviteCode!, 5);
    await signUpOk(t.app, a!, session.id);
    await signUpOk(t.app, b!, session.id);
    await signUpOk(t.app, big!, session.id, 2);
    await signUpOk(t.app, small!, session.id);
    await signUpOk(t.app, last!, session.id);

    expect((await cancelSignup(t.app, a!, session.id)).statusCode).toBe(204);
    // One seat: the party of 3 cannot fit, the next party of 1 takes it; the party of 3 stays first in line.
    expect((await getSession(t.app, small!, session.id)).mySignup?.status).toBe('confirmed');
    expect((await getSession(t.app, big!, session.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    expect((await getSession(t.app, last!, session.id)).mySignup).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });
    expect(
      (await noticesOf(t.db, small!.user.id)).filter((n) => n.kind === 'waitlist_promoted'),
    ).toHaveLength(1);
    expect((await noticesOf(t.db, small!.user.id)).filter((n) => n.kind === 'session_reminder')).toHaveLength(
      2,
    );
    expect(
      (await noticesOf(t.db, a!.user.id)).filter(
        (n) => n.kind === 'session_reminder' && n.status === 'pending',
      ),
    ).toHaveLength(0);
  });

  it('leaving the waitlist closes the gap, and I can sign up again at the end', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 1 });
    const [a, b, c, d] = await members(t.app, community.inviteCode!, 4);
    for (const user of [a, b, c, d]) await signUpOk(t.app, user!, session.id);
    expect((await cancelSignup(t.app, b!, session.id)).statusCode).toBe(204);
    expect((await getSession(t.app, c!, session.id)).mySignup?.position).toBe(1);
    expect((await getSession(t.app, d!, session.id)).mySignup?.position).toBe(2);
    expect(await signUpOk(t.app, b!, session.id)).toMatchObject({ status: 'waitlisted', position: 3 });
    const again = await cancelSignup(t.app, b!, session.id);
    expect(again.statusCode).toBe(204);
    expect((await cancelSignup(t.app, b!, session.id)).json().code).toBe('SIGNUP_NOT_FOUND');
  });

  it('refuses cancelling after the start', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    await signUpOk(t.app, member, session.id);
    await moveSession(t.db, session.id, new Date(Date.now() - 60_000));
    const response = await cancelSignup(t.app, member, session.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('SESSION_STARTED');
  });

  it('with a claim window: the promoted member claims, or the seat passes to the next when it expires', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 1, claimWindowHours: 12 });
    const [a, b, c] = await members(t.app, community.inviteCode!, 3);
    for (const user of [a, b, c]) await signUpOk(t.app, user!, session.id);
    await cancelSignup(t.app, a!, session.id);
    const offered = (await getSession(t.app, b!, session.id)).mySignup!;
    expect(offered.status).toBe('offered');
    expect(new Date(offered.offerExpiresAt!).getTime()).toBeGreaterThan(Date.now() + 11.9 * 3600_000);
    // The offer holds the seat: a newcomer waits.
    const [late] = await members(t.app, community.inviteCode!, 1);
    expect((await signUpOk(t.app, late!, session.id)).status).toBe('waitlisted');

    expect(await offerExpiryJob.runOnce(t.db, new Date())).toBe(0);
    expect(await offerExpiryJob.runOnce(t.db, new Date(Date.now() + 13 * 3600_000))).toBe(1);
    expect((await getSession(t.app, b!, session.id)).mySignup).toBeNull();
    expect((await getSession(t.app, c!, session.id)).mySignup?.status).toBe('offered');
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/signups/me/claim`,
      headers: c!.headers,
    });
    expect(claim.json()).toMatchObject({ status: 'confirmed' });
    const noOffer = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/signups/me/claim`,
      headers: b!.headers,
    });
    expect(noOffer.json().code).toBe('NO_OFFER_TO_CLAIM');
    const [row] = await t.db.select().from(sessionSignups).where(eq(sessionSignups.userId, c!.user.id));
    expect(row?.status).toBe('confirmed');
  });

  it('lists my upcoming and past sessions in 我的', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const upcoming = await scheduleSession(t.app, owner, community.id, { title: '即将开始' });
    const past = await scheduleSession(t.app, owner, community.id, { title: '已经结束' });
    await signUpOk(t.app, member, upcoming.id);
    await signUpOk(t.app, member, past.id);
    await moveSession(t.db, past.id, new Date(Date.now() - 3 * 3600_000));
    const response = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: member.headers });
    expect(response.json().upcoming.map((s: { title: string }) => s.title)).toEqual(['即将开始']);
    expect(response.json().past.map((s: { title: string }) => s.title)).toEqual(['已经结束']);
  });
});
