import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { memberTags, sessionSeries, sessionSignups, sessions, users } from '../../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
export type SignupRow = typeof sessionSignups.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;

const activeStatuses = ['confirmed', 'offered', 'waitlisted'] as const;

export async function findSession(tx: Database, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await tx.select().from(sessions).where(eq(sessions.id, sessionId));
  return row;
}

/**
 * Every cancellation, promotion and edit of a session queues on this lock (a sign-up takes it in
 * the seat ledger's statement). Reads after it see every change of seats committed before it.
 */
export async function lockSession(tx: Database, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
  return row;
}

export async function insertSession(tx: Database, session: NewSession): Promise<SessionRow> {
  const [row] = await tx.insert(sessions).values(session).returning();
  return row!;
}

/** The session's own fields; its seat counters change only in the seat ledger. */
export async function updateSession(
  tx: Database,
  sessionId: string,
  changes: Partial<Omit<NewSession, 'seatsTaken' | 'waitlistCount'>>,
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
  options: { lock?: boolean } = {},
): Promise<SignupRow | undefined> {
  const query = tx
    .select()
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.userId, userId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** A sign-up's own details (check-in, feedback); who holds a seat changes only in the seat ledger. */
export type SignupDetails = Partial<
  Pick<
    SignupRow,
    | 'checkedInAt'
    | 'checkedInGuests'
    | 'wrongCheckInGuesses'
    | 'feedbackRating'
    | 'feedbackComment'
    | 'feedbackAt'
  >
>;

export async function updateSignup(
  tx: Database,
  signupId: string,
  changes: SignupDetails,
): Promise<SignupRow> {
  const [row] = await tx
    .update(sessionSignups)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(sessionSignups.id, signupId))
    .returning();
  return row!;
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

/** A session with what its views show beside it: the host, and how often its series repeats. */
const withHost = {
  session: sessions,
  hostNickname: users.nickname,
  hostAvatarUrl: users.avatarUrl,
  seriesRepeat: sessionSeries.repeat,
};

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
    .select(withHost)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.hostUserId))
    .leftJoin(sessionSeries, eq(sessionSeries.id, sessions.seriesId))
    .where(and(...conditions))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(filter.limit);
}

export async function findSessionWithHost(tx: Database, sessionId: string) {
  const [row] = await tx
    .select(withHost)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.hostUserId))
    .leftJoin(sessionSeries, eq(sessionSeries.id, sessions.seriesId))
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
    .select(withHost)
    .from(sessionSignups)
    .innerJoin(sessions, eq(sessions.id, sessionSignups.sessionId))
    .innerJoin(users, eq(users.id, sessions.hostUserId))
    .leftJoin(sessionSeries, eq(sessionSeries.id, sessions.seriesId))
    .where(
      and(
        eq(sessionSignups.userId, userId),
        inArray(sessionSignups.status, [...activeStatuses]),
        sql`exists (select 1 from memberships m where m.community_id = ${sessions.communityId} and m.user_id = ${userId})`,
      ),
    )
    .orderBy(asc(sessions.startsAt));
}

/**
 * Sessions of the community, not yet ended, where the member holds a seat, an offer or a waitlist
 * place; by id, so that two members leaving at once lock their sessions in the same order.
 */
export async function listSessionsWithActiveSignupOf(
  tx: Database,
  communityId: string,
  userId: string,
  now: Date,
): Promise<string[]> {
  const rows = await tx
    .select({ id: sessions.id })
    .from(sessionSignups)
    .innerJoin(sessions, eq(sessions.id, sessionSignups.sessionId))
    .where(
      and(
        eq(sessions.communityId, communityId),
        eq(sessionSignups.userId, userId),
        inArray(sessionSignups.status, [...activeStatuses]),
        sql`${sessions.startsAt} + make_interval(mins => ${sessions.durationMinutes}) > ${now.toISOString()}`,
      ),
    )
    .orderBy(asc(sessions.id));
  return rows.map((row) => row.id);
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

export type SeriesRow = typeof sessionSeries.$inferSelect;

export async function insertSeries(
  tx: Database,
  series: typeof sessionSeries.$inferInsert,
): Promise<SeriesRow> {
  const [row] = await tx.insert(sessionSeries).values(series).returning();
  return row!;
}

export async function findSeries(tx: Database, seriesId: string): Promise<SeriesRow | undefined> {
  const [row] = await tx.select().from(sessionSeries).where(eq(sessionSeries.id, seriesId));
  return row;
}

/** Every date of a series, cancelled ones included, soonest first. */
export async function listSeriesDates(tx: Database, seriesId: string): Promise<SessionRow[]> {
  return tx
    .select()
    .from(sessions)
    .where(eq(sessions.seriesId, seriesId))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
}

/**
 * Sessions not yet started where the gentle rule holds parties back past their mark (within 24 hours
 * of the start, or the owner turned the rule off), locked for this job run; rows another instance or
 * a sign-up holds are skipped.
 */
export async function lockSessionsHoldingBackPastTheMark(
  tx: Database,
  now: Date,
  markHours: number,
  limit: number,
): Promise<SessionRow[]> {
  return tx
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.status, 'scheduled'),
        gt(sessions.startsAt, now),
        sql`exists (select 1 from session_signups s where s.session_id = ${sessions.id} and s.held_back and s.status = 'waitlisted')`,
        or(
          sql`${sessions.startsAt} <= ${new Date(now.getTime() + markHours * 3600_000).toISOString()}`,
          sql`not (select c.gentle_rule from communities c where c.id = ${sessions.communityId})`,
        ),
      ),
    )
    .orderBy(asc(sessions.startsAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}
