/**
 * A member's attendance record as shown to them and to the team. Apart from the rules that count it
 * (attendance.ts), so the 我的 card on the first screen carries only these words.
 */
export interface AttendanceRecord {
  /** Counted sessions among the latest (at most `recentSessions`). */
  counted: number;
  attended: number;
  /** Not checked in, late cancellations included. */
  noShows: number;
  lateCancels: number;
}

/** 最近 5 次：到场 4 次 (未到 1 次，含临时取消 1 次 in the detail). */
export function attendanceRecordText(record: AttendanceRecord): string {
  if (record.counted === 0) return '还没有签到记录';
  return `最近 ${record.counted} 次：到场 ${record.attended} 次`;
}

export function attendanceRecordDetail(record: AttendanceRecord): string {
  if (record.noShows === 0) return record.counted === 0 ? '' : '每次都到了';
  const late = record.lateCancels > 0 ? `，其中临时取消 ${record.lateCancels} 次` : '';
  return `未到 ${record.noShows} 次${late}`;
}
