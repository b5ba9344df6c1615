import {
  averageRating,
  cancelSignupRefusal,
  guestsSeated,
  isCheckInOpen,
  isSignUpOpen,
  isWellFormedCheckInCode,
  normaliseMinGuests,
  partiesToPromote,
  placeNewParty,
  reminderLabel,
  remindersAhead,
  sessionsOverlap,
  smallerSpotLabel,
} from '../../src/domain/sessions';

const at = (iso: string) => new Date(iso);
const start = at('2026-11-28T12:00:00Z'); // 20:00 in Shanghai

describe('seating a new party', () => {
  it('confirms a party that fits whole, waitlists one that does not', () => {
    expect(placeNewParty(10, 9, 0)).toEqual({ status: 'confirmed', guests: 0 });
    expect(placeNewParty(10, 9, 1)).toEqual({ status: 'waitlisted', guests: 1 });
    expect(placeNewParty(10, 10, 0)).toEqual({ status: 'waitlisted', guests: 0 });
    expect(placeNewParty(1, 0, 0)).toEqual({ status: 'confirmed', guests: 0 });
  });
  it('seats a party that accepted a smaller spot with the guests the seats allow', () => {
    expect(placeNewParty(10, 9, 2, 0)).toEqual({ status: 'confirmed', guests: 0 });
    expect(placeNewParty(10, 8, 2, 0)).toEqual({ status: 'confirmed', guests: 1 });
    expect(placeNewParty(10, 8, 2, 1)).toEqual({ status: 'confirmed', guests: 1 });
    expect(placeNewParty(10, 9, 2, 1)).toEqual({ status: 'waitlisted', guests: 2 });
    expect(placeNewParty(10, 10, 2, 0)).toEqual({ status: 'waitlisted', guests: 2 });
  });
});

describe('a smaller spot', () => {
  it('keeps only a minimum below the party', () => {
    expect(normaliseMinGuests(2, 0)).toBe(0);
    expect(normaliseMinGuests(2, 1)).toBe(1);
    expect(normaliseMinGuests(2, 2)).toBeNull();
    expect(normaliseMinGuests(0, 0)).toBeNull();
    expect(normaliseMinGuests(1, undefined)).toBeNull();
    expect(normaliseMinGuests(1, null)).toBeNull();
  });
  it('seats the whole party, the smaller spot, or nothing', () => {
    expect(guestsSeated(3, 2, null)).toBe(2);
    expect(guestsSeated(2, 2, null)).toBeNull();
    expect(guestsSeated(2, 2, 0)).toBe(1);
    expect(guestsSeated(1, 2, 0)).toBe(0);
    expect(guestsSeated(1, 2, 1)).toBeNull();
    expect(guestsSeated(0, 2, 0)).toBeNull();
  });
  it('says what the member accepts', () => {
    expect(smallerSpotLabel(0)).toBe('只有 1 个名额时我一个人来');
    expect(smallerSpotLabel(1)).toBe('只有 2 个名额时我带 1 位来');
  });
});

describe('promotion from the waitlist', () => {
  const waitlist = [
    { id: 'big', guests: 2, minGuests: null },
    { id: 'a', guests: 0, minGuests: null },
    { id: 'b', guests: 1, minGuests: null },
    { id: 'c', guests: 0, minGuests: null },
  ];
  const ids = (promotions: { party: { id: string } }[]) => promotions.map((p) => p.party.id);
  it('promotes in arrival order, skipping a party too large for the freed seats', () => {
    expect(ids(partiesToPromote(1, waitlist))).toEqual(['a']);
    expect(ids(partiesToPromote(3, waitlist))).toEqual(['big']);
    expect(ids(partiesToPromote(4, waitlist))).toEqual(['big', 'a']);
    expect(ids(partiesToPromote(2, waitlist))).toEqual(['a', 'c']);
  });
  it('promotes nobody without free seats', () => {
    expect(partiesToPromote(0, waitlist)).toEqual([]);
  });
  it('seats a party that accepted a smaller spot in its turn, with the seats left', () => {
    const flexible = [{ ...waitlist[0]!, minGuests: 0 }, ...waitlist.slice(1)];
    expect(partiesToPromote(1, flexible)).toEqual([{ party: flexible[0], guests: 0 }]);
    expect(partiesToPromote(2, flexible)).toEqual([{ party: flexible[0], guests: 1 }]);
    expect(partiesToPromote(4, flexible)).toEqual([
      { party: flexible[0], guests: 2 },
      { party: flexible[1], guests: 0 },
    ]);
  });
  it('skips a party whose smallest spot still does not fit, and seats the next that does', () => {
    const atLeastTwo = [{ id: 'pair', guests: 2, minGuests: 1 }, ...waitlist.slice(1)];
    expect(partiesToPromote(1, atLeastTwo)).toEqual([{ party: atLeastTwo[1], guests: 0 }]);
    expect(partiesToPromote(2, atLeastTwo)).toEqual([{ party: atLeastTwo[0], guests: 1 }]);
  });
  it('never hands out more seats than are free', () => {
    const list = [
      { id: 'x', guests: 2, minGuests: 0 },
      { id: 'y', guests: 1, minGuests: 0 },
      { id: 'z', guests: 2, minGuests: 1 },
      { id: 'w', guests: 0, minGuests: null },
    ];
    for (let free = 0; free <= 8; free += 1) {
      const used = partiesToPromote(free, list).reduce((sum, p) => sum + 1 + p.guests, 0);
      expect(used).toBeLessThanOrEqual(free);
    }
  });
});

describe('deadlines', () => {
  it('closes sign-up at the deadline and cancelling at the start, or once checked in', () => {
    expect(isSignUpOpen(at('2026-11-28T11:59:59Z'), start)).toBe(true);
    expect(isSignUpOpen(start, start)).toBe(false);
    expect(cancelSignupRefusal(at('2026-11-28T11:59:00Z'), start, false)).toBeNull();
    expect(cancelSignupRefusal(at('2026-11-28T12:00:01Z'), start, false)).toBe('SESSION_STARTED');
    expect(cancelSignupRefusal(at('2026-11-28T11:50:00Z'), start, true)).toBe('ALREADY_CHECKED_IN');
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
    expect(remindersAhead(start, [1440, 60, 60, 15], now)).toEqual([15]);
    expect(remindersAhead(start, [1440, 60], at('2026-11-27T11:00:00Z'))).toEqual([1440, 60]);
  });
  it('labels offsets in Chinese', () => {
    expect([1440, 60, 90].map(reminderLabel)).toEqual(['提前1天', '提前1小时', '提前90分钟']);
  });
  it('averages ratings to one decimal, null without any', () => {
    expect(averageRating([5, 4, 4])).toBe(4.3);
    expect(averageRating([])).toBeNull();
  });
});
