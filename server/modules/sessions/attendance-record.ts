import { and, desc, eq, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { type AttendanceOutcome, attendanceOutcome, attendanceRecord } from '../../../src/domain/attendance';
import type { AttendanceRecord } from '../../../src/domain/attendance-record';
import type { Database } from '../../db/database';
import { communities, sessionSignups, sessions } from '../../db/schema';

/**
 * Attendance in one community, by the rule of `src/domain/attendance.ts`: only sessions whose
 * check-in was opened are read, newest first; the rule decides what each sign-up counts. Read
 * without locks (a record is a view of the past).
 */
async function outcomesWhere(
  tx: Database,
  communityId: string,
  which: SQL | undefined,
  now: Date,
): Promise<{ userId: string; sessionId: string; outcome: AttendanceOutcome }[]> {
  const [community] = await tx
    .select({ lateCancelHours: communities.lateCancelHours })
    .from(communities)
    .where(eq(communities.id, communityId));
  const lateCancelHours = community?.lateCancelHours ?? 0;
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

/** Each member's record over the latest counted sessions. */
export async function attendanceRecordsOf(
  tx: Database,
  communityId: string,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, AttendanceRecord>> {
  const records = new Map<string, AttendanceRecord>();
  if (userIds.length === 0) return records;
  const rows = await outcomesWhere(tx, communityId, inArray(sessionSignups.userId, [...userIds]), now);
  for (const userId of userIds) {
    records.set(
      userId,
      attendanceRecord(rows.filter((row) => row.userId === userId).map((row) => row.outcome)),
    );
  }
  return records;
}

export async function attendanceRecordOf(
  tx: Database,
  communityId: string,
  userId: string,
  now: Date,
): Promise<AttendanceRecord> {
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
  const rows = await outcomesWhere(tx, communityId, inArray(sessions.id, [...sessionIds]), now);
  for (const row of rows) bySession.get(row.sessionId)?.push(row.outcome);
  return bySession;
}
