import { and, desc, eq, gt, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { type AttendanceOutcome, attendanceOutcome, attendanceRecord } from '../../../src/domain/attendance';
import type { AttendanceRecordView } from '../../../src/domain/contract/sessions';
import {
  type CountedSession,
  type GentleRuleStanding,
  gentleRule,
  gentleRuleStanding,
} from '../../../src/domain/gentle-rule';
import type { Database } from '../../db/database';
import { communities, sessionSignups, sessions } from '../../db/schema';

/**
 * Attendance in one community, by the rule of `src/domain/attendance.ts`: only sessions whose
 * check-in was opened are read, newest first; the rule decides what each sign-up counts. Read
 * without locks (a record is a view of the past).
 */
export interface AttendanceSettings {
  lateCancelHours: number;
  gentleRule: boolean;
}

/** The community's settings the attendance rules read (the owner's cut-off, the gentle rule). */
export async function attendanceSettingsOf(tx: Database, communityId: string): Promise<AttendanceSettings> {
  const [community] = await tx
    .select({ lateCancelHours: communities.lateCancelHours, gentleRule: communities.gentleRule })
    .from(communities)
    .where(eq(communities.id, communityId));
  return community ?? { lateCancelHours: 0, gentleRule: false };
}

interface OutcomeRow {
  userId: string;
  sessionId: string;
  startsAt: Date;
  outcome: AttendanceOutcome;
}

async function outcomesWhere(
  tx: Database,
  communityId: string,
  lateCancelHours: number,
  which: SQL | undefined,
  now: Date,
): Promise<OutcomeRow[]> {
  const rows = await tx
    .select({
      userId: sessionSignups.userId,
      sessionId: sessions.id,
      startsAt: sessions.startsAt,
      durationMinutes: sessions.durationMinutes,
      sessionStatus: sessions.status,
      status: sessionSignups.status,
      checkedInAt: sessionSignups.checkedInAt,
      cancelledAt: sessionSignups.cancelledAt,
      cancelledWhileConfirmed: sessionSignups.cancelledWhileConfirmed,
    })
    .from(sessionSignups)
    .innerJoin(sessions, eq(sessions.id, sessionSignups.sessionId))
    .where(
      and(
        eq(sessions.communityId, communityId),
        isNotNull(sessions.checkInOpenedAt),
        lt(sessions.startsAt, now),
        which,
      ),
    )
    .orderBy(desc(sessions.startsAt), desc(sessions.id));
  return rows.map((row) => ({
    userId: row.userId,
    sessionId: row.sessionId,
    startsAt: row.startsAt,
    outcome: attendanceOutcome(
      {
        startsAt: row.startsAt,
        durationMinutes: row.durationMinutes,
        sessionCancelled: row.sessionStatus === 'cancelled',
        checkInOpened: true,
        status: row.status,
        checkedIn: row.checkedInAt !== null,
        cancelledAt: row.cancelledAt,
        cancelledWhileConfirmed: row.cancelledWhileConfirmed,
      },
      now,
      lateCancelHours,
    ),
  }));
}

function countedSessions(rows: readonly OutcomeRow[], userId: string): CountedSession[] {
  return rows.flatMap((row) =>
    row.userId === userId && row.outcome !== null ? [{ startsAt: row.startsAt, outcome: row.outcome }] : [],
  );
}

function standingView(standing: GentleRuleStanding): NonNullable<AttendanceRecordView['gentleRule']> {
  return { ...standing, clearsBy: standing.clearsBy?.toISOString() ?? null };
}

/**
 * Each member's record over the latest counted sessions; while the community has the gentle rule on,
 * with where they stand (from the same rows).
 */
export async function attendanceRecordsOf(
  tx: Database,
  communityId: string,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, AttendanceRecordView>> {
  const records = new Map<string, AttendanceRecordView>();
  if (userIds.length === 0) return records;
  const settings = await attendanceSettingsOf(tx, communityId);
  const rows = await outcomesWhere(
    tx,
    communityId,
    settings.lateCancelHours,
    inArray(sessionSignups.userId, [...userIds]),
    now,
  );
  for (const userId of userIds) {
    const record: AttendanceRecordView = attendanceRecord(
      rows.filter((row) => row.userId === userId).map((row) => row.outcome),
    );
    if (settings.gentleRule) {
      record.gentleRule = standingView(gentleRuleStanding(countedSessions(rows, userId), now));
    }
    records.set(userId, record);
  }
  return records;
}

/**
 * Where these members stand under the gentle rule, in one query over the window's sessions (the seat
 * ledger reads it for a whole turn of sign-ups, under the session lock: plain reads of other sessions).
 */
export async function gentleRuleStandingsOf(
  tx: Database,
  communityId: string,
  lateCancelHours: number,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, GentleRuleStanding>> {
  const standings = new Map<string, GentleRuleStanding>();
  if (userIds.length === 0) return standings;
  const windowStart = new Date(now.getTime() - gentleRule.windowDays * 24 * 3600_000);
  const rows = await outcomesWhere(
    tx,
    communityId,
    lateCancelHours,
    and(inArray(sessionSignups.userId, [...userIds]), gt(sessions.startsAt, windowStart)),
    now,
  );
  for (const userId of userIds) standings.set(userId, gentleRuleStanding(countedSessions(rows, userId), now));
  return standings;
}

export async function attendanceRecordOf(
  tx: Database,
  communityId: string,
  userId: string,
  now: Date,
): Promise<AttendanceRecordView> {
  return (await attendanceRecordsOf(tx, communityId, [userId], now)).get(userId)!;
}

/** What each sign-up of these sessions counts (the dashboard's no-show rate per session). */
export async function attendanceOutcomesOfSessions(
  tx: Database,
  communityId: string,
  sessionIds: readonly string[],
  now: Date,
): Promise<Map<string, AttendanceOutcome[]>> {
  const bySession = new Map<string, AttendanceOutcome[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return bySession;
  const { lateCancelHours } = await attendanceSettingsOf(tx, communityId);
  const rows = await outcomesWhere(
    tx,
    communityId,
    lateCancelHours,
    inArray(sessions.id, [...sessionIds]),
    now,
  );
  for (const row of rows) bySession.get(row.sessionId)?.push(row.outcome);
  return bySession;
}
