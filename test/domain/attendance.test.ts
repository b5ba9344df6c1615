import {
  type AttendanceFacts,
  attendanceOutcome,
  attendanceRecord,
  lateCancelRuleText,
  noShowPercent,
  waitlistConversionPercent,
} from '../../src/domain/attendance';
import { attendanceRecordDetail, attendanceRecordText } from '../../src/domain/attendance-record';

const start = new Date('2026-11-28T12:00:00Z');
const hour = 3600_000;
// 60 minutes long: check-in closes 30 minutes after the end, at 13:30.
const afterCheckIn = new Date(start.getTime() + 2 * hour);

function facts(overrides: Partial<AttendanceFacts> = {}): AttendanceFacts {
  return {
    startsAt: start,
    durationMinutes: 60,
    sessionCancelled: false,
    checkInOpened: true,
    status: 'confirmed',
    checkedIn: false,
    cancelledAt: null,
    cancelledWhileConfirmed: false,
    ...overrides,
  };
}

describe('one session in the record', () => {
  it('counts a confirmed member who checked in as attended, one who did not as a no-show', () => {
    expect(attendanceOutcome(facts({ checkedIn: true }), afterCheckIn, 2)).toBe('attended');
    expect(attendanceOutcome(facts(), afterCheckIn, 2)).toBe('no-show');
  });

  it('counts nothing where check-in was never opened, or for a cancelled session', () => {
    expect(attendanceOutcome(facts({ checkInOpened: false }), afterCheckIn, 2)).toBeNull();
    expect(attendanceOutcome(facts({ sessionCancelled: true }), afterCheckIn, 2)).toBeNull();
  });

  it('counts nothing while check-in is still possible', () => {
    expect(attendanceOutcome(facts(), new Date(start.getTime() + 89 * 60_000), 2)).toBeNull();
    expect(attendanceOutcome(facts(), new Date(start.getTime() + 90 * 60_000), 2)).toBe('no-show');
  });

  it('never counts cancelling before the cut-off; a seat given up after it is a late cancellation', () => {
    const cancelledAt = (hoursBefore: number) =>
      facts({
        status: 'cancelled',
        cancelledWhileConfirmed: true,
        cancelledAt: new Date(start.getTime() - hoursBefore * hour),
      });
    expect(attendanceOutcome(cancelledAt(3), afterCheckIn, 2)).toBeNull();
    expect(attendanceOutcome(cancelledAt(2), afterCheckIn, 2)).toBeNull();
    expect(attendanceOutcome(cancelledAt(1), afterCheckIn, 2)).toBe('late-cancel');
    expect(attendanceOutcome(cancelledAt(1), afterCheckIn, 0)).toBeNull();
    expect(attendanceOutcome(cancelledAt(20), afterCheckIn, 24)).toBe('late-cancel');
  });

  it('never counts leaving the waitlist, waiting, or an offer that ran out', () => {
    const late = new Date(start.getTime() - 10 * 60_000);
    expect(
      attendanceOutcome(
        facts({ status: 'cancelled', cancelledWhileConfirmed: false, cancelledAt: late }),
        afterCheckIn,
        2,
      ),
    ).toBeNull();
    expect(attendanceOutcome(facts({ status: 'waitlisted' }), afterCheckIn, 2)).toBeNull();
    expect(attendanceOutcome(facts({ status: 'offered' }), afterCheckIn, 2)).toBeNull();
    // A cancellation from before this rule existed carries no time: never a no-show.
    expect(
      attendanceOutcome(facts({ status: 'cancelled', cancelledWhileConfirmed: true }), afterCheckIn, 2),
    ).toBeNull();
  });
});

describe('the record', () => {
  it('takes the latest five counted sessions, skipping the uncounted', () => {
    const record = attendanceRecord([
      'attended',
      null,
      'no-show',
      'attended',
      null,
      'late-cancel',
      'attended',
      'no-show',
    ]);
    expect(record).toEqual({ counted: 5, attended: 3, noShows: 2, lateCancels: 1 });
    expect(attendanceRecordText(record)).toBe('最近 5 次：到场 3 次');
    expect(attendanceRecordDetail(record)).toBe('未到 2 次，其中临时取消 1 次');
  });

  it('says so when fewer or none counted', () => {
    expect(attendanceRecordText(attendanceRecord(['attended', 'attended']))).toBe('最近 2 次：到场 2 次');
    expect(attendanceRecordDetail(attendanceRecord(['attended']))).toBe('每次都到了');
    expect(attendanceRecordText(attendanceRecord([null, null]))).toBe('还没有签到记录');
    expect(attendanceRecordDetail(attendanceRecord([]))).toBe('');
  });

  it('explains the cut-off', () => {
    expect(lateCancelRuleText(2)).toContain('开始前 2 小时内取消算未到');
    expect(lateCancelRuleText(0)).toContain('开始前取消都不算未到');
  });
});

describe('the dashboard rates', () => {
  it('gives the no-show share of counted sign-ups, null when nothing counts', () => {
    expect(noShowPercent(['attended', 'no-show', 'late-cancel', 'attended', null])).toBe(50);
    expect(noShowPercent(['attended', 'attended', 'no-show'])).toBe(33);
    expect(noShowPercent([null])).toBeNull();
  });
  it('gives the share of waiting parties seated, null when nobody waited', () => {
    expect(waitlistConversionPercent(4, 3)).toBe(75);
    expect(waitlistConversionPercent(0, 0)).toBeNull();
  });
});
