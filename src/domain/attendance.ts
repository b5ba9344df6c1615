import type { AttendanceRecord } from './attendance-record';
import { checkInClosesAt, type SignupStatus } from './sessions';

/**
 * A fair attendance record: the one rule both sides use. Only sessions whose check-in was opened
 * count (without check-in nobody can tell who came); a confirmed member who did not check in is a
 * no-show; cancelling a seat after the community's cut-off counts as one too, before it never does.
 */

export const attendanceLimits = {
  lateCancelHoursMin: 0,
  lateCancelHoursMax: 72,
  /** The record shows this many of the latest counted sessions ("最近 5 次"). */
  recentSessions: 5,
} as const;

/** A community starts with this cut-off: a seat given up less than 2 hours before the start counts as a no-show. */
export const attendanceDefaults = { lateCancelHours: 2 } as const;

/** The cut-offs the owner picks from (0: any cancellation before the start is fine). */
export const lateCancelHoursChoices: readonly number[] = [0, 2, 6, 12, 24, 48];

export interface AttendanceFacts {
  startsAt: Date;
  durationMinutes: number;
  sessionCancelled: boolean;
  /** The host or team opened check-in (a code, or checking someone in by hand). */
  checkInOpened: boolean;
  /** The sign-up's status now. */
  status: SignupStatus;
  checkedIn: boolean;
  /** When the sign-up was cancelled, and whether it held a confirmed seat then. */
  cancelledAt: Date | null;
  cancelledWhileConfirmed: boolean;
}

/** null: the session does not count for this member (no check-in, still open, waiting, cancelled in time). */
export type AttendanceOutcome = 'attended' | 'no-show' | 'late-cancel' | null;

export function isLateCancel(cancelledAt: Date, startsAt: Date, lateCancelHours: number): boolean {
  return cancelledAt.getTime() > startsAt.getTime() - lateCancelHours * 3600_000;
}

/**
 * What one sign-up adds to the record, once the session's check-in window has closed (until then a
 * member may still check in, so nothing counts yet).
 */
export function attendanceOutcome(
  facts: AttendanceFacts,
  now: Date,
  lateCancelHours: number,
): AttendanceOutcome {
  if (facts.sessionCancelled || !facts.checkInOpened) return null;
  if (now.getTime() < checkInClosesAt(facts).getTime()) return null;
  if (facts.status === 'confirmed') return facts.checkedIn ? 'attended' : 'no-show';
  if (facts.status === 'cancelled' && facts.cancelledWhileConfirmed && facts.cancelledAt) {
    return isLateCancel(facts.cancelledAt, facts.startsAt, lateCancelHours) ? 'late-cancel' : null;
  }
  return null;
}

/** The record over the latest counted sessions; `outcomes` newest first, uncounted ones (null) skipped. */
export function attendanceRecord(
  outcomes: readonly AttendanceOutcome[],
  recent: number = attendanceLimits.recentSessions,
): AttendanceRecord {
  const latest = outcomes.filter((outcome) => outcome !== null).slice(0, recent);
  return {
    counted: latest.length,
    attended: latest.filter((outcome) => outcome === 'attended').length,
    noShows: latest.filter((outcome) => outcome !== 'attended').length,
    lateCancels: latest.filter((outcome) => outcome === 'late-cancel').length,
  };
}

/** 活动开始前 2 小时内取消算未到 / 开始前取消都不算未到. */
export function lateCancelRuleText(lateCancelHours: number): string {
  return lateCancelHours === 0
    ? '活动开始前取消都不算未到；开了签到的活动，报名成功却没签到算未到。'
    : `活动开始前 ${lateCancelHours} 小时内取消算未到；开了签到的活动，报名成功却没签到也算未到。`;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/** The dashboard: of one session's counted sign-ups, the share who did not come; null when nothing counts. */
export function noShowPercent(outcomes: readonly AttendanceOutcome[]): number | null {
  const counted = outcomes.filter((outcome) => outcome !== null);
  return percent(counted.filter((outcome) => outcome !== 'attended').length, counted.length);
}

/** The dashboard: of the parties that waited for a session, the share that got a seat; null when nobody waited. */
export function waitlistConversionPercent(waited: number, seated: number): number | null {
  return percent(seated, waited);
}
