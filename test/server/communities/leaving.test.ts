import { and, eq } from 'drizzle-orm';
import { inboxMessages, notices, sessionSignups } from '../../../server/db/schema';
import { createNoticeDispatcher } from '../../../server/modules/notifications/notice-dispatcher';
import type { AttendanceView } from '../../../src/domain/contract/sessions';
import { communityWithTeam, joinCommunity, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { collectingLog } from '../notifications/notice-fixtures';
import {
  getSession,
  members,
  moveSession,
  noticesOf,
  scheduleSession,
  seatCounters,
  signUpOk,
} from '../sessions/session-fixtures';

/** Leaving a community ends everything of the membership: seats, places in line, pending notices. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function leave(user: SignedInUser, communityId: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/leave`,
    headers: user.headers,
  });
}

async function attendance(user: SignedInUser, sessionId: string): Promise<AttendanceView> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/sessions/${sessionId}/attendance`,
    headers: user.headers,
  });
  return response.json<AttendanceView>();
}

it('gives up their seats and places in line, promotes the waitlist in order, and withdraws their notices', async () => {
  const { community, owner } = await communityWithTeam(t.app);
  const [leaver, head, next] = await members(t.app, community.inviteCode!, 3);
  const full = await scheduleSession(t.app, owner, community.id, { capacity: 1, title: '一个名额' });
  const other = await scheduleSession(t.app, owner, community.id, { capacity: 1, title: '另一场' });
  const past = await scheduleSession(t.app, owner, community.id, { title: '上周的活动' });
  await signUpOk(t.app, leaver!, full.id);
  await signUpOk(t.app, head!, full.id);
  await signUpOk(t.app, next!, full.id);
  await signUpOk(t.app, head!, other.id);
  await signUpOk(t.app, leaver!, other.id);
  await signUpOk(t.app, leaver!, past.id);
  await moveSession(t.db, past.id, new Date(Date.now() - 7 * 24 * 3600_000));
  const pendingOf = async (user: SignedInUser) =>
    (await noticesOf(t.db, user.user.id)).filter((n) => n.status === 'pending');
  // Reminders of the two sessions where they hold a seat (the past one's were written before it was moved back).
  expect((await pendingOf(leaver!)).filter((n) => n.kind === 'session_reminder')).toHaveLength(4);

  expect((await leave(leaver!, community.id)).statusCode).toBe(204);

  // The seat went to the head of the line, who is told; the next one moved up.
  expect((await getSession(t.app, head!, full.id)).mySignup?.status).toBe('confirmed');
  expect((await getSession(t.app, next!, full.id)).mySignup).toMatchObject({
    status: 'waitlisted',
    position: 1,
  });
  expect((await pendingOf(head!)).map((n) => n.kind)).toContain('waitlist_promoted');
  // Their place in the other line is gone too.
  expect((await getSession(t.app, head!, other.id)).waitlistCount).toBe(0);
  for (const sessionId of [full.id, other.id]) {
    expect((await attendance(owner, sessionId)).attendees.map((a) => a.userId)).not.toContain(
      leaver!.user.id,
    );
    const counters = await seatCounters(t.db, sessionId);
    expect(counters.onSession).toEqual(counters.fromSignups);
  }
  // A session that has already ended keeps its record of who came.
  const [kept] = await t.db
    .select({ status: sessionSignups.status })
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, past.id), eq(sessionSignups.userId, leaver!.user.id)));
  expect(kept?.status).toBe('confirmed');
  // Nothing of this community is left to send them.
  expect(await pendingOf(leaver!)).toEqual([]);

  // Back again later: they start with no sign-ups.
  await joinCommunity(t.app, leaver!, community.inviteCode!);
  expect((await getSession(t.app, leaver!, full.id)).mySignup).toBeNull();
});

it('the dispatcher sends them nothing of the community even if a notice was written after they left', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  const session = await scheduleSession(t.app, owner, community.id);
  await signUpOk(t.app, member, session.id);
  await leave(member, community.id);
  // A reminder written as if nothing had happened (a bug elsewhere): due now.
  await t.db.insert(notices).values({
    userId: member.user.id,
    communityId: community.id,
    kind: 'session_reminder',
    title: '活动提醒',
    body: '马上开始',
    link: '/member/session/index',
    dueAt: new Date(),
    nextAttemptAt: new Date(),
  });
  const job = createNoticeDispatcher({ config: t.config, log: collectingLog() });
  await job.runOnce(t.db, new Date());
  expect(await t.db.select().from(inboxMessages).where(eq(inboxMessages.userId, member.user.id))).toEqual([]);
  expect((await noticesOf(t.db, member.user.id)).map((n) => n.status)).not.toContain('pending');
});
