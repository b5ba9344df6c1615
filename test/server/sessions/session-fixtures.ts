import { count, eq, sql } from 'drizzle-orm';
import type { App } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import { notices, sessionSignups, sessions } from '../../../server/db/schema';
import type { SessionInput, SessionView, SignUpResult } from '../../../src/domain/contract/sessions';
import { devLogin, joinCommunity, type SignedInUser } from '../../support/api-session';

export function sessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    title: '15分钟学会切水果做蛋糕装饰',
    description: '准备一把水果刀，跟着做。',
    startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    durationMinutes: 15,
    mode: 'online',
    meetingLink: 'https://meeting.tencent.com/dm/demo',
    capacity: 10,
    materials: ['水果刀', '草莓或猕猴桃'],
    tags: ['烘焙'],
    ...overrides,
  };
}

export async function scheduleSession(
  app: App,
  user: SignedInUser,
  communityId: string,
  overrides: Partial<SessionInput> = {},
): Promise<SessionView> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/sessions`,
    headers: user.headers,
    payload: sessionInput(overrides),
  });
  if (response.statusCode !== 201)
    throw new Error(`schedule failed: ${response.statusCode} ${response.body}`);
  return response.json<SessionView>();
}

export function signUp(app: App, user: SignedInUser, sessionId: string, guests?: number) {
  return app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/signups`,
    headers: user.headers,
    payload: guests === undefined ? {} : { guests },
  });
}

export async function signUpOk(
  app: App,
  user: SignedInUser,
  sessionId: string,
  guests?: number,
): Promise<SignUpResult> {
  const response = await signUp(app, user, sessionId, guests);
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  return response.json<SignUpResult>();
}

export function cancelSignup(app: App, user: SignedInUser, sessionId: string) {
  return app.inject({
    method: 'DELETE',
    url: `/api/sessions/${sessionId}/signups/me`,
    headers: user.headers,
  });
}

export async function getSession(app: App, user: SignedInUser, sessionId: string): Promise<SessionView> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/sessions/${sessionId}`,
    headers: user.headers,
  });
  if (response.statusCode !== 200) throw new Error(`get failed: ${response.statusCode} ${response.body}`);
  return response.json<SessionView>();
}

export async function members(app: App, inviteCode: string, howMany: number): Promise<SignedInUser[]> {
  const users = await Promise.all(Array.from({ length: howMany }, () => devLogin(app)));
  for (const user of users) await joinCommunity(app, user, inviteCode);
  return users;
}

/** Moves a session in time directly in the database (the API refuses a start in the past). */
export async function moveSession(db: Database, sessionId: string, startsAt: Date): Promise<void> {
  await db.update(sessions).set({ startsAt, signUpDeadline: startsAt }).where(eq(sessions.id, sessionId));
}

export async function sessionRowCounts(db: Database) {
  const [s] = await db.select({ n: count() }).from(sessions);
  const [u] = await db.select({ n: count() }).from(sessionSignups);
  return { sessions: s!.n, signups: u!.n };
}

export async function noticesOf(db: Database, userId: string) {
  return db.select().from(notices).where(eq(notices.userId, userId));
}

/**
 * The seat counters on the session row, and the same sums taken over its sign-ups: the seat ledger
 * keeps them equal, whatever happened.
 */
export async function seatCounters(db: Database, sessionId: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  const [sums] = await db
    .select({
      seatsTaken: sql<number>`coalesce(sum(1 + ${sessionSignups.guests}) filter (where ${sessionSignups.status} in ('confirmed', 'offered')), 0)::int`,
      waitlistCount: sql<number>`(count(*) filter (where ${sessionSignups.status} = 'waitlisted'))::int`,
    })
    .from(sessionSignups)
    .where(eq(sessionSignups.sessionId, sessionId));
  return {
    onSession: { seatsTaken: row!.seatsTaken, waitlistCount: row!.waitlistCount },
    fromSignups: { seatsTaken: sums!.seatsTaken, waitlistCount: sums!.waitlistCount },
  };
}

/**
 * Past sessions of the community where check-in was opened and these members held a seat without
 * checking in: one no-show each, `daysAgo` days before `now` (written directly: the API refuses a
 * start in the past).
 */
export async function pastNoShows(
  db: Database,
  communityId: string,
  hostUserId: string,
  userIds: readonly string[],
  daysAgo: readonly number[],
  now: Date = new Date(),
): Promise<void> {
  for (const days of daysAgo) {
    const startsAt = new Date(now.getTime() - days * 24 * 3600_000);
    const [session] = await db
      .insert(sessions)
      .values({
        communityId,
        title: '过去的活动',
        hostUserId,
        createdBy: hostUserId,
        startsAt,
        signUpDeadline: startsAt,
        durationMinutes: 15,
        mode: 'online',
        capacity: Math.max(1, userIds.length),
        seatsTaken: userIds.length,
        checkInOpenedAt: startsAt,
      })
      .returning();
    if (userIds.length === 0) continue;
    await db
      .insert(sessionSignups)
      .values(userIds.map((userId) => ({ sessionId: session!.id, userId, status: 'confirmed' as const })));
  }
}
