import { and, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { type AttendanceRecord, attendanceOutcome, attendanceRecord } from '../../../src/domain/attendance';
import type { Database } from '../../db/database';
import { communities, sessionSignups, sessions } from '../../db/schema';

/**
 * Members' attendance records in one community, by the rule of `src/domain/attendance.ts`: only
 * sessions whose check-in was opened are read, newest first; the rule decides what each counts.
 * Read without locks (a record is a view of the past).
 */
export async function attendanceRecordsOf(
  tx: Database,
  communityId: string,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, AttendanceRecord>> {
  const records = new Map<string, AttendanceRecord>();
  if (userIds.length === 0) return records;
  const [community] = await tx
    .select({ lateCancelHours: communities.lateCancelHours })
    .from(communities)
    .where(eq(communities.id, communityId));
  const lateCancelHours = community?.lateCancelHours ?? 0;
  const rows = await tx
    .select({
      userId: sessionSignups.userId,
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
        inArray(sessionSignups.userId, [...userIds]),
        isNotNull(sessions.checkInOpenedAt),
        lt(sessions.startsAt, now),
      ),
    )
    .orderBy(desc(sessions.startsAt), desc(sessions.id));
  const outcomes = new Map(userIds.map((userId) => [userId, [] as ReturnType<typeof attendanceOutcome>[]]));
  for (const row of rows) {
    outcomes.get(row.userId)?.push(
      attendanceOutcome(
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
    );
  }
  for (const [userId, list] of outcomes) records.set(userId, attendanceRecord(list));
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
