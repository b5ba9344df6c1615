import {
  averageRating,
  canCancelSignup,
  isCheckInOpen,
  isSignUpOpen,
  isWellFormedCheckInCode,
  partiesToPromote,
  placeNewParty,
  reminderLabel,
  reminderTimes,
  sessionsOverlap,
} from '../../src/domain/sessions';

const at = (iso: string) => new Date(iso);
const start = at('2026-11-28T12:00:00Z'); // 20:00 in Shanghai

describe('seating a new party', () => {
  it('confirms a party that fits whole, waitlists one that does not', () => {
    expect(placeNewParty(10, 9, 1)).toBe('confirmed');
    expect(placeNewParty(10, 9, 2)).toBe('waitlisted');
    expect(placeNewParty(10, 10, 1)).toBe('waitlisted');
    expect(placeNewParty(1, 0, 1)).toBe('confirmed');
  });
});

describe('promotion from the waitlist', () => {
  const waitlist = [
    { id: 'big', guests: 2 },
    { id: 'a', guests: 0 },
    { id: 'b', guests: 1 },
    { id: 'c', guests: 0 },
  ];
  it('promotes in arrival order, skipping a party too large for the freed seats', () => {
    expect(partiesToPromote(1, waitlist).map((p) => p.id)).toEqual(['a']);
    expect(partiesToPromote(3, waitlist).map((p) => p.id)).toEqual(['big']);
    expect(partiesToPromote(4, waitlist).map((p) => p.id)).toEqual(['big', 'a']);
    expect(partiesToPromote(2, waitlist).map((p) => p.id)).toEqual(['a', 'c']);
  });
  it('promotes nobody without free seats', () => {
    expect(partiesToPromote(0, waitlist)).toEqual([]);
  });
});

describe('deadlines', () => {
  it('closes sign-up at the deadline and cancelling at the start', () => {
    expect(isSignUpOpen(at('2026-11-28T11:59:59Z'), start)).toBe(true);
    expect(isSignUpOpen(start, start)).toBe(false);
    expect(canCancelSignup(at('2026-11-28T11:59:00Z'), start)).toBe(true);
    expect(canCancelSignup(at('2026-11-28T12:00:01Z'), start)).toBe(false);
  });
});

describe('overlap', () => {
  const first = { startsAt: start, durationMinutes: 45 };
  it('sees sessions sharing any minute as overlapping', () => {
    expect(sessionsOverlap(first, { startsAt: at('2026-11-28T12:30:00Z'), durationMinutes: 30 })).toBe(true);
    expect(sessionsOverlap(first, { startsAt: at('2026-11-28T11:30:00Z'), durationMinutes: 31 })).toBe(true);
  });
  it('does not count back-to-back sessions', () => {
    expect(sessionsOverlap(first, { startsAt: at('2026-11-28T12:45:00Z'), durationMinutes: 30 })).toBe(false);
    expect(sessionsOverlap(first, { startsAt: at('2026-11-28T11:30:00Z'), durationMinutes: 30 })).toBe(false);
  });
});

describe('check-in', () => {
  const slot = { startsAt: start, durationMinutes: 30 };
  it('is open from 30 minutes before the start to 30 minutes after the end', () => {
    expect(isCheckInOpen(at('2026-11-28T11:29:00Z'), slot)).toBe(false);
    expect(isCheckInOpen(at('2026-11-28T11:30:00Z'), slot)).toBe(true);
    expect(isCheckInOpen(at('2026-11-28T12:59:00Z'), slot)).toBe(true);
    expect(isCheckInOpen(at('2026-11-28T13:00:00Z'), slot)).toBe(false);
  });
  it('accepts exactly four digits', () => {
    expect(isWellFormedCheckInCode('0427')).toBe(true);
    expect(isWellFormedCheckInCode('427')).toBe(false);
    expect(isWellFormedCheckInCode('04a7')).toBe(false);
  });
});

describe('reminders and feedback', () => {
  it('keeps only reminders still in the future, without duplicates', () => {
    const now = at('2026-11-28T11:30:00Z');
    expect(reminderTimes(start, [1440, 60, 60, 15], now).map((d) => d.toISOString())).toEqual([
      '2026-11-28T11:45:00.000Z',
    ]);
  });
  it('labels offsets in Chinese', () => {
    expect([1440, 60, 90].map(reminderLabel)).toEqual(['提前1天', '提前1小时', '提前90分钟']);
  });
  it('averages ratings to one decimal, null without any', () => {
    expect(averageRating([5, 4, 4])).toBe(4.3);
    expect(averageRating([])).toBeNull();
  });
});
