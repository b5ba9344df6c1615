/**
 * The rules of shared sessions (活动), used by the server as the authority and by the mini program to
 * show the same thing: limits, party seating, waitlist promotion, deadlines, overlap, check-in.
 */
export const sessionLimits = {
  titleMax: 40,
  descriptionMax: 1000,
  locationMax: 200,
  meetingLinkMax: 500,
  materialsMaxItems: 10,
  materialMax: 60,
  tagsMax: 5,
  durationMin: 5,
  durationMax: 180,
  /** The essay's advice: short and practical beats an hour-long lecture; the form nudges above this. */
  durationRecommendedMax: 45,
  capacityMin: 1,
  capacityMax: 500,
  guestsMax: 2,
  remindersMax: 3,
  /** Reminder offsets before the start, in minutes: 5 minutes to 7 days. */
  reminderOffsetMin: 5,
  reminderOffsetMax: 7 * 24 * 60,
  claimWindowMinHours: 1,
  claimWindowMaxHours: 72,
  feedbackCommentMax: 200,
  ratingMin: 1,
  ratingMax: 5,
  checkInCodeLength: 4,
  checkInWrongGuessesMax: 5,
} as const;

/** Default reminders: 1 day and 1 hour before the start. */
export const defaultReminderOffsets: readonly number[] = [24 * 60, 60];

export const sessionModes = ['online', 'offline'] as const;
export type SessionMode = (typeof sessionModes)[number];

/**
 * `offered`: promoted from the waitlist in a session with a claim window; the seats are held for the
 * member until they claim them or the window ends.
 */
export const signupStatuses = ['confirmed', 'offered', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof signupStatuses)[number];

const minute = 60_000;

export function partySize(guests: number): number {
  return 1 + guests;
}

/** Seats held count against capacity: confirmed parties and parties holding an offer. */
export function holdsSeats(status: SignupStatus): boolean {
  return status === 'confirmed' || status === 'offered';
}

export function seatsLeft(capacity: number, seatsTaken: number): number {
  return Math.max(0, capacity - seatsTaken);
}

/**
 * A party with guests may accept a smaller spot ("只有 1 个名额时我一个人来"): `minGuests` is the fewest
 * guests it still comes with (0: the member alone). Null when it comes whole or not at all; a minimum
 * that is not below the party's guests means the same and is stored as null.
 */
export function normaliseMinGuests(guests: number, minGuests: number | null | undefined): number | null {
  if (minGuests === null || minGuests === undefined || minGuests >= guests) return null;
  return Math.max(0, minGuests);
}

/**
 * How many of a party's guests come with `freeSeats` seats: all of them when the whole party fits;
 * when it accepted a smaller spot and at least its minimum fits, as many as the seats allow; otherwise
 * null (the party keeps waiting, in its place).
 */
export function guestsSeated(freeSeats: number, guests: number, minGuests: number | null): number | null {
  if (partySize(guests) <= freeSeats) return guests;
  if (minGuests !== null && partySize(minGuests) <= freeSeats) return freeSeats - 1;
  return null;
}

/**
 * A new party takes a seat when it fits in the free seats (whole, or down to the smaller spot it
 * accepted), otherwise it waits whole. A party the gentle rule holds back (`heldBack`,
 * `holdsBackSignUp` in `gentle-rule.ts`) waits even with seats free. Free seats never coexist with a
 * waitlisted party that may take them (every release promotes at once; held-back parties may not
 * before the mark), so seating a newcomer takes nothing from anyone waiting.
 */
export function placeNewParty(
  capacity: number,
  seatsTaken: number,
  guests: number,
  minGuests: number | null = null,
  heldBack = false,
): { status: 'confirmed' | 'waitlisted'; guests: number } {
  if (heldBack) return { status: 'waitlisted', guests };
  const seated = guestsSeated(seatsLeft(capacity, seatsTaken), guests, minGuests);
  return seated === null ? { status: 'waitlisted', guests } : { status: 'confirmed', guests: seated };
}

export interface WaitingParty {
  id: string;
  guests: number;
  minGuests: number | null;
  /** Placed on the waitlist by the gentle rule: not seated before the mark (`heldBackMayBeSeated`). */
  heldBack?: boolean;
}

/** A waiting party moved up, with the guests it comes with (fewer than it asked for when it took a smaller spot). */
export interface Promotion<T extends WaitingParty> {
  party: T;
  guests: number;
}

/**
 * Who moves up when seats free (after a cancellation, an expired offer, more capacity, or a waiting
 * party accepting a smaller spot): walk the waitlist in arrival order; each party takes its seats
 * whole if they fit, or as many as are left if it accepted a smaller spot and its minimum fits. A
 * party that cannot be seated keeps its place at the head while a later party that fits is seated,
 * because leaving seats empty helps nobody. A party the gentle rule held back keeps its place the
 * same way until `heldBackMayBeSeated` (from 24 hours before the start, or once the owner turns the
 * rule off): before that, later parties are seated past it; from then on it is seated in its order
 * like anyone. `waitlistRuleText` (and `gentleRuleLineText` when the rule is on) say the same on the
 * session page.
 */
export function partiesToPromote<T extends WaitingParty>(
  freeSeats: number,
  waitlist: readonly T[],
  heldBackMayBeSeated = true,
): Promotion<T>[] {
  let left = freeSeats;
  const promoted: Promotion<T>[] = [];
  for (const party of waitlist) {
    if (left <= 0) break;
    if (party.heldBack && !heldBackMayBeSeated) continue;
    const guests = guestsSeated(left, party.guests, party.minGuests);
    if (guests === null) continue;
    promoted.push({ party, guests });
    left -= partySize(guests);
  }
  return promoted;
}

/** How the waitlist moves, in one line for the session page. */
export const waitlistRuleText =
  '候补规则：有名额空出时按排队顺序入座；整队坐不下的，愿意少带同伴就用剩下的名额入座，否则保留排位，让后面坐得下的先入座。';

/** 只有 1 个名额时我一个人来 / 只有 2 个名额时我带 1 位来. */
export function smallerSpotLabel(minGuests: number): string {
  return minGuests === 0
    ? '只有 1 个名额时我一个人来'
    : `只有 ${partySize(minGuests)} 个名额时我带 ${minGuests} 位来`;
}

export function sessionEndsAt(startsAt: Date, durationMinutes: number): Date {
  return new Date(startsAt.getTime() + durationMinutes * minute);
}

/** Sign-up closes at the deadline (default the start) and for a cancelled session. */
export function isSignUpOpen(now: Date, deadline: Date): boolean {
  return now.getTime() < deadline.getTime();
}

/** Members may leave the waitlist or cancel any time before the start; after it, the seat is spent. */
/** Why a sign-up can no longer be given up: the session began, or I am already there (checked in). */
export function cancelSignupRefusal(
  now: Date,
  startsAt: Date,
  checkedIn: boolean,
): 'SESSION_STARTED' | 'ALREADY_CHECKED_IN' | null {
  if (checkedIn) return 'ALREADY_CHECKED_IN';
  return now.getTime() < startsAt.getTime() ? null : 'SESSION_STARTED';
}

export interface TimeSlot {
  startsAt: Date;
  durationMinutes: number;
}

/** Touching end-to-start is not an overlap: a 10:00-10:30 session and a 10:30 one can both be joined. */
export function sessionsOverlap(a: TimeSlot, b: TimeSlot): boolean {
  const aEnd = sessionEndsAt(a.startsAt, a.durationMinutes).getTime();
  const bEnd = sessionEndsAt(b.startsAt, b.durationMinutes).getTime();
  return a.startsAt.getTime() < bEnd && b.startsAt.getTime() < aEnd;
}

/** The check-in code can be opened from 30 minutes before the start and stays valid until 30 minutes after the end. */
export const checkInWindow = { opensBeforeMinutes: 30, closesAfterEndMinutes: 30 } as const;

export function checkInOpensAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - checkInWindow.opensBeforeMinutes * minute);
}

export function checkInClosesAt(slot: TimeSlot): Date {
  return new Date(
    sessionEndsAt(slot.startsAt, slot.durationMinutes).getTime() +
      checkInWindow.closesAfterEndMinutes * minute,
  );
}

export function isCheckInOpen(now: Date, slot: TimeSlot): boolean {
  const time = now.getTime();
  return time >= checkInOpensAt(slot.startsAt).getTime() && time < checkInClosesAt(slot).getTime();
}

export function isWellFormedCheckInCode(code: string): boolean {
  return new RegExp(`^[0-9]{${sessionLimits.checkInCodeLength}}$`).test(code);
}

/** When the reminder `offsetMinutes` before the start is due. */
export function reminderDueAt(startsAt: Date, offsetMinutes: number): Date {
  return new Date(startsAt.getTime() - offsetMinutes * minute);
}

/** The reminder offsets (minutes before the start) whose time is still ahead, without duplicates: a
 * session starting in 30 minutes promises no reminder a day ahead, and schedules none. */
export function remindersAhead(startsAt: Date, offsetsMinutes: readonly number[], now: Date): number[] {
  return [...new Set(offsetsMinutes)].filter(
    (offset) => reminderDueAt(startsAt, offset).getTime() > now.getTime(),
  );
}

/** 1440 -> 提前1天, 60 -> 提前1小时, 90 -> 提前90分钟. */
export function reminderLabel(offsetMinutes: number): string {
  if (offsetMinutes % 1440 === 0) return `提前${offsetMinutes / 1440}天`;
  if (offsetMinutes % 60 === 0) return `提前${offsetMinutes / 60}小时`;
  return `提前${offsetMinutes}分钟`;
}

export function averageRating(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  return Math.round((ratings.reduce((sum, r) => sum + r, 0) / ratings.length) * 10) / 10;
}
