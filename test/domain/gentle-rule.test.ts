import { type AttendanceFacts, attendanceOutcome } from '../../src/domain/attendance';
import {
  type CountedSession,
  gentleRule,
  gentleRuleStanding,
  gentleRuleStandingText,
  heldBackMayBeSeated,
  heldBackSeatedFrom,
  holdsBackSignUp,
} from '../../src/domain/gentle-rule';
import { partiesToPromote, placeNewParty } from '../../src/domain/sessions';

const day = 24 * 3600_000;
const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * day);

function session(days: number, outcome: CountedSession['outcome']): CountedSession {
  return { startsAt: daysAgo(days), outcome };
}

/** What the record counts for one past session, by the attendance rule (cut-off 2 hours). */
function counted(days: number, overrides: Partial<AttendanceFacts>): CountedSession[] {
  const facts: AttendanceFacts = {
    startsAt: daysAgo(days),
    durationMinutes: 60,
    sessionCancelled: false,
    checkInOpened: true,
    status: 'confirmed',
    checkedIn: false,
    cancelledAt: null,
    cancelledWhileConfirmed: false,
    ...overrides,
  };
  const outcome = attendanceOutcome(facts, now, 2);
  return outcome === null ? [] : [{ startsAt: facts.startsAt, outcome }];
}

describe('where a member stands', () => {
  it('3 no-shows in 60 days hold a member back; 2 do not', () => {
    expect(gentleRule).toEqual({
      noShowsToHoldBack: 3,
      windowDays: 60,
      seatedHoursBeforeStart: 24,
      attendedInRowToClear: 2,
    });
    const two = [session(50, 'no-show'), session(20, 'late-cancel')];
    expect(gentleRuleStanding(two, now)).toMatchObject({ heldBack: false, noShows: 2 });
    const three = [...two, session(5, 'no-show')];
    expect(gentleRuleStanding(three, now)).toEqual({
      heldBack: true,
      noShows: 3,
      attendedInRow: 0,
      attendedToClear: 2,
      // The oldest of the three leaves the window 60 days after it.
      clearsBy: new Date(daysAgo(50).getTime() + 60 * day),
    });
  });

  it('no-shows older than 60 days do not count', () => {
    const history = [session(61, 'no-show'), session(30, 'no-show'), session(10, 'no-show')];
    expect(gentleRuleStanding(history, now)).toMatchObject({ heldBack: false, noShows: 2 });
  });

  it('2 attended in a row wipe the slate clean; one is not enough, and a no-show breaks the run', () => {
    const missed = [session(40, 'no-show'), session(35, 'no-show'), session(30, 'no-show')];
    const once = [...missed, session(20, 'attended')];
    expect(gentleRuleStanding(once, now)).toMatchObject({
      heldBack: true,
      attendedInRow: 1,
      attendedToClear: 1,
    });
    expect(gentleRuleStanding([...once, session(10, 'attended')], now)).toMatchObject({
      heldBack: false,
      noShows: 0,
      attendedInRow: 2,
      attendedToClear: null,
      clearsBy: null,
    });
    const broken = [...missed, session(25, 'attended'), session(20, 'no-show'), session(10, 'attended')];
    expect(gentleRuleStanding(broken, now)).toMatchObject({ heldBack: true, noShows: 4, attendedInRow: 1 });
    // After a wiped slate, three new no-shows are needed again.
    const again = [...missed, session(28, 'attended'), session(26, 'attended'), session(3, 'no-show')];
    expect(gentleRuleStanding(again, now)).toMatchObject({ heldBack: false, noShows: 1 });
  });

  it('cancelling before the cut-off and sessions without check-in count nothing', () => {
    const history = [
      ...counted(30, {}),
      ...counted(20, {}),
      // Cancelled 3 hours before the start (cut-off 2 hours): never a no-show.
      ...counted(15, {
        status: 'cancelled',
        cancelledWhileConfirmed: true,
        cancelledAt: new Date(daysAgo(15).getTime() - 3 * 3600_000),
      }),
      // No check-in opened: nobody can tell who came.
      ...counted(10, { checkInOpened: false }),
      // Waiting when it started: not a no-show.
      ...counted(5, { status: 'waitlisted' }),
    ];
    expect(history).toHaveLength(2);
    expect(gentleRuleStanding(history, now)).toMatchObject({ heldBack: false, noShows: 2 });
    // A cancellation after the cut-off is a no-show: the third.
    const late = counted(4, {
      status: 'cancelled',
      cancelledWhileConfirmed: true,
      cancelledAt: new Date(daysAgo(4).getTime() - 3600_000),
    });
    expect(gentleRuleStanding([...history, ...late], now)).toMatchObject({ heldBack: true, noShows: 3 });
  });

  it('says whether the rule applies and what clears it', () => {
    const held = gentleRuleStanding(
      [session(40, 'no-show'), session(30, 'no-show'), session(10, 'no-show')],
      now,
    );
    expect(gentleRuleStandingText(held, '1月9日')).toBe(
      '近 60 天缺席 3 次，报名先进入候补；再连续到场 2 次，或 1月9日 后恢复',
    );
    expect(gentleRuleStandingText(gentleRuleStanding([], now), null)).toBe(
      '缺席较多先候补：对你不适用（近 60 天缺席 0 次）',
    );
  });
});

describe('placement and seating of held-back members', () => {
  const startsAt = new Date('2026-12-10T12:00:00Z');

  it('holds back a new sign-up only while the rule is on and the 24-hour mark is ahead', () => {
    const heldBack = { heldBack: true };
    expect(heldBackSeatedFrom(startsAt)).toEqual(new Date('2026-12-09T12:00:00Z'));
    expect(holdsBackSignUp(true, heldBack, new Date('2026-12-09T11:59:00Z'), startsAt)).toBe(true);
    expect(holdsBackSignUp(true, heldBack, new Date('2026-12-09T12:00:00Z'), startsAt)).toBe(false);
    expect(holdsBackSignUp(false, heldBack, new Date('2026-12-01T12:00:00Z'), startsAt)).toBe(false);
    expect(holdsBackSignUp(true, { heldBack: false }, new Date('2026-12-01T12:00:00Z'), startsAt)).toBe(
      false,
    );
  });

  it('a held-back newcomer waits with seats free', () => {
    expect(placeNewParty(10, 0, 0, null, true)).toEqual({ status: 'waitlisted', guests: 0 });
    expect(placeNewParty(10, 0, 0, null, false)).toEqual({ status: 'confirmed', guests: 0 });
  });

  it('before the mark, held-back parties keep their place while later ones are seated; from it, in order', () => {
    const waitlist = [
      { id: 'held', guests: 0, minGuests: null, heldBack: true },
      { id: 'next', guests: 0, minGuests: null },
      { id: 'last', guests: 0, minGuests: null },
    ];
    const ids = (picked: { party: { id: string } }[]) => picked.map(({ party }) => party.id);
    const before = heldBackMayBeSeated(true, new Date('2026-12-09T11:00:00Z'), startsAt);
    const after = heldBackMayBeSeated(true, new Date('2026-12-09T12:00:00Z'), startsAt);
    expect([before, after]).toEqual([false, true]);
    expect(ids(partiesToPromote(1, waitlist, before))).toEqual(['next']);
    expect(ids(partiesToPromote(1, waitlist, after))).toEqual(['held']);
    expect(ids(partiesToPromote(3, waitlist, after))).toEqual(['held', 'next', 'last']);
    // The owner turned the rule off: nobody is held back any more.
    expect(heldBackMayBeSeated(false, new Date('2026-12-01T12:00:00Z'), startsAt)).toBe(true);
  });
});
