import { and, asc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { memberTags, sessionSignups, sessions, users } from '../../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
export type SignupRow = typeof sessionSignups.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

const activeStatuses = ['confirmed', 'offered', 'waitlisted'] as const;

export async function findSession(tx: Database, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await tx.select().from(sessions).where(eq(sessions.id, sessionId));
  return row;
}

/** Every sign-up, cancellation, promotion and edit of a session queues on this lock. */
export async function lockSession(tx: Database, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
  return row;
}

export async function insertSession(tx: Database, session: NewSession): Promise<SessionRow> {
  const [row] = await tx.insert(sessions).values(session).returning();
  return row!;
}

export async function updateSession(
  tx: Database,
  sessionId: string,
  changes: Partial<NewSession>,
): Promise<SessionRow> {
  const [row] = await tx
    .update(sessions)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(sessions.id, sessionId))
    .returning();
  return row!;
}

export async function findSignup(
  tx: Database,
  sessionId: string,
  userId: string,
): Promise<SignupRow | undefined> {
  const [row] = await tx
    .select()
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.userId, userId)));
  return row;
}

/** A new arrival number: read under the session lock, so it orders sign-ups exactly as they were served. */
const nextArrival = sql`nextval(pg_get_serial_sequence('session_signups', 'arrival'))`;

export async function upsertSignup(
  tx: Database,
  signup: { sessionId: string; userId: string; guests: number; status: 'confirmed' | 'waitlisted' },
): Promise<SignupRow> {
  const [row] = await tx
    .insert(sessionSignups)
    .values(signup)
    .onConflictDoUpdate({
      target: [sessionSignups.sessionId, sessionSignups.userId],
      set: {
        guests: signup.guests,
        status: signup.status,
        arrival: nextArrival,
        offerExpiresAt: null,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export async function setSignupStatus(
  tx: Database,
  signupIds: string[],
  status: SignupRow['status'],
  offerExpiresAt: Date | null = null,
): Promise<void> {
  if (signupIds.length === 0) return;
  await tx
    .update(sessionSignups)
    .set({ status, offerExpiresAt, updatedAt: new Date() })
    .where(inArray(sessionSignups.id, signupIds));
}

export async function updateSignup(
  tx: Database,
  signupId: string,
  changes: Partial<typeof sessionSignups.$inferInsert>,
): Promise<SignupRow> {
  const [row] = await tx
    .update(sessionSignups)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(sessionSignups.id, signupId))
    .returning();
  return row!;
}

/** Seats held (confirmed and offered parties, guests included) and parties waiting. */
export async function countSeats(
  tx: Database,
  sessionId: string,
): Promise<{ seatsTaken: number; waiting: number }> {
  const [row] = await tx
    .select({
      seatsTaken: sql<number>`coalesce(sum(1 + ${sessionSignups.guests}) filter (where ${sessionSignups.status} in ('confirmed', 'offered')), 0)::int`,
      waiting: sql<number>`(count(*) filter (where ${sessionSignups.status} = 'waitlisted'))::int`,
    })
    .from(sessionSignups)
    .where(eq(sessionSignups.sessionId, sessionId));
  return { seatsTaken: row?.seatsTaken ?? 0, waiting: row?.waiting ?? 0 };
}

export async function countSeatsOfSessions(
  tx: Database,
  sessionIds: string[],
): Promise<Map<string, { seatsTaken: number; waiting: number }>> {
  const counts = new Map<string, { seatsTaken: number; waiting: number }>();
  if (sessionIds.length === 0) return counts;
  const rows = await tx
    .select({
      sessionId: sessionSignups.sessionId,
      seatsTaken: sql<number>`coalesce(sum(1 + ${sessionSignups.guests}) filter (where ${sessionSignups.status} in ('confirmed', 'offered')), 0)::int`,
      waiting: sql<number>`(count(*) filter (where ${sessionSignups.status} = 'waitlisted'))::int`,
    })
    .from(sessionSignups)
    .where(inArray(sessionSignups.sessionId, sessionIds))
    .groupBy(sessionSignups.sessionId);
  for (const row of rows) counts.set(row.sessionId, { seatsTaken: row.seatsTaken, waiting: row.waiting });
  return counts;
}

/** 1 for the head of the waitlist: the number of waiting parties that arrived before mine, plus one. */
export async function waitlistPosition(tx: Database, signup: SignupRow): Promise<number> {
  const [row] = await tx
    .select({ ahead: sql<number>`count(*)::int` })
    .from(sessionSignups)
    .where(
      and(
        eq(sessionSignups.sessionId, signup.sessionId),
        eq(sessionSignups.status, 'waitlisted'),
        sql`${sessionSignups.arrival} < ${signup.arrival}`,
      ),
    );
  return (row?.ahead ?? 0) + 1;
}

export async function listWaitlist(tx: Database, sessionId: string): Promise<SignupRow[]> {
  return tx
    .select()
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.status, 'waitlisted')))
    .orderBy(asc(sessionSignups.arrival));
}

export async function listActiveSignups(tx: Database, sessionId: string): Promise<SignupRow[]> {
  return tx
    .select()
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), inArray(sessionSignups.status, [...activeStatuses])))
    .orderBy(asc(sessionSignups.arrival));
}

export async function listAttendees(tx: Database, sessionId: string) {
  return tx
    .select({
      signup: sessionSignups,
      nickname: users.nickname,
      avatarUrl: users.avatarUrl,
    })
    .from(sessionSignups)
    .innerJoin(users, eq(users.id, sessionSignups.userId))
    .where(and(eq(sessionSignups.sessionId, sessionId), inArray(sessionSignups.status, [...activeStatuses])))
    .orderBy(asc(sessionSignups.status), asc(sessionSignups.arrival));
}

/** My confirmed sessions (not cancelled) that could overlap `[from, to)`; the caller checks exactly. */
export async function listMyConfirmedSessionsAround(
  tx: Database,
  userId: string,
  excludeSessionId: string,
  from: Date,
  to: Date,
): Promise<SessionRow[]> {
  const rows = await tx
    .select({ session: sessions })
    .from(sessionSignups)
    .innerJoin(sessions, eq(sessions.id, sessionSignups.sessionId))
    .where(
      and(
        eq(sessionSignups.userId, userId),
        eq(sessionSignups.status, 'confirmed'),
        eq(sessions.status, 'scheduled'),
        sql`${sessions.id} <> ${excludeSessionId}`,
        sql`${sessions.startsAt} < ${to.toISOString()}`,
        sql`${sessions.startsAt} + make_interval(mins => ${sessions.durationMinutes}) > ${from.toISOString()}`,
      ),
    );
  return rows.map((row) => row.session);
}

export interface SessionListFilter {
  communityId: string;
  now: Date;
  tag?: string;
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** Upcoming (not yet ended) sessions by start time, keyset-paged on (startsAt, id). */
export async function listUpcomingSessions(tx: Database, filter: SessionListFilter) {
  const conditions = [
    eq(sessions.communityId, filter.communityId),
    sql`${sessions.startsAt} + make_interval(mins => ${sessions.durationMinutes}) > ${filter.now.toISOString()}`,
  ];
  if (filter.tag) conditions.push(sql`${sessions.tags} @> ${JSON.stringify([filter.tag])}::jsonb`);
  if (filter.after) {
    const { startsAt, id } = filter.after;
    conditions.push(
      or(gt(sessions.startsAt, startsAt), and(eq(sessions.startsAt, startsAt), gt(sessions.id, id)))!,
    );
  }
  return tx
    .select({ session: sessions, hostNickname: users.nickname, hostAvatarUrl: users.avatarUrl })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.hostUserId))
    .where(and(...conditions))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(filter.limit);
}

export async function findSessionWithHost(tx: Database, sessionId: string) {
  const [row] = await tx
    .select({ session: sessions, hostNickname: users.nickname, hostAvatarUrl: users.avatarUrl })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.hostUserId))
    .where(eq(sessions.id, sessionId));
  return row;
}

export async function listMySignups(
  tx: Database,
  userId: string,
  sessionIds: string[],
): Promise<SignupRow[]> {
  if (sessionIds.length === 0) return [];
  return tx
    .select()
    .from(sessionSignups)
    .where(and(eq(sessionSignups.userId, userId), inArray(sessionSignups.sessionId, sessionIds)));
}

/** My sessions with an active sign-up in communities I still belong to, soonest first. */
export async function listSessionsSignedUpBy(tx: Database, userId: string) {
  return tx
    .select({ session: sessions, hostNickname: users.nickname, hostAvatarUrl: users.avatarUrl })
    .from(sessionSignups)
    .innerJoin(sessions, eq(sessions.id, sessionSignups.sessionId))
    .innerJoin(users, eq(users.id, sessions.hostUserId))
    .where(
      and(
        eq(sessionSignups.userId, userId),
        inArray(sessionSignups.status, [...activeStatuses]),
        sql`exists (select 1 from memberships m where m.community_id = ${sessions.communityId} and m.user_id = ${userId})`,
      ),
    )
    .orderBy(asc(sessions.startsAt));
}

export async function expireOffersDue(tx: Database, sessionId: string, now: Date): Promise<number> {
  const expired = await tx
    .update(sessionSignups)
    .set({ status: 'cancelled', offerExpiresAt: null, updatedAt: now })
    .where(
      and(
        eq(sessionSignups.sessionId, sessionId),
        eq(sessionSignups.status, 'offered'),
        lte(sessionSignups.offerExpiresAt, now),
      ),
    )
    .returning({ id: sessionSignups.id });
  return expired.length;
}

/** Sessions with an offer past its window, locked for this job run; rows another instance holds are skipped. */
export async function lockSessionsWithExpiredOffers(
  tx: Database,
  now: Date,
  limit: number,
): Promise<SessionRow[]> {
  return tx
    .select()
    .from(sessions)
    .where(
      sql`exists (select 1 from session_signups s where s.session_id = ${sessions.id} and s.status = 'offered' and s.offer_expires_at <= ${now.toISOString()})`,
    )
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Members of the community who hold any of these tags (from their profile), for announcing a new session. */
export async function listMembersHoldingTags(
  tx: Database,
  communityId: string,
  tags: string[],
): Promise<string[]> {
  if (tags.length === 0) return [];
  const rows = await tx
    .selectDistinct({ userId: memberTags.userId })
    .from(memberTags)
    .where(and(eq(memberTags.communityId, communityId), inArray(memberTags.tag, tags)));
  return rows.map((row) => row.userId);
}
