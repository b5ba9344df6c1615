import type { AttendanceOutcome } from './attendance';

/**
 * The owner's gentle rule against no-shows (off by default): a member who missed 3 sessions in 60
 * days signs up to the waitlist first, even with seats free, and is seated from it 24 hours before
 * the start if seats remain. Attending 2 sessions in a row wipes the slate clean.
 *
 * Why 2 in a row: one session attended after three missed may be luck; two in a row shows the habit
 * changed. More would keep a member of a fortnightly group held back for most of the 60 days, which
 * punishes the member who already came back.
 */
export const gentleRule = {
  noShowsToHoldBack: 3,
  windowDays: 60,
  seatedHoursBeforeStart: 24,
  attendedInRowToClear: 2,
} as const;

const day = 24 * 3600_000;

/** A counted session of one member (`attendanceOutcome` not null), with its start. */
export interface CountedSession {
  startsAt: Date;
  outcome: Exclude<AttendanceOutcome, null>;
}

export interface GentleRuleStanding {
  /** The member signs up to the waitlist first while the rule is on. */
  heldBack: boolean;
  /** No-shows (late cancellations included) in the window, since the slate was last wiped. */
  noShows: number;
  /** Sessions attended in a row since the last no-show. */
  attendedInRow: number;
  /** While held back: sessions still to attend in a row to wipe the slate. */
  attendedToClear: number | null;
  /** While held back: when enough no-shows have aged out of the window if nothing else happens. */
  clearsBy: Date | null;
}

/**
 * Where a member stands, from their counted sessions (any order): walking oldest first, every
 * `attendedInRowToClear` attendances in a row wipe the no-shows before them; the no-shows left that
 * started within `windowDays` of `now` count.
 */
export function gentleRuleStanding(history: readonly CountedSession[], now: Date): GentleRuleStanding {
  const oldestFirst = [...history].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  let slate: Date[] = [];
  let attendedInRow = 0;
  for (const session of oldestFirst) {
    if (session.outcome === 'attended') {
      attendedInRow += 1;
      if (attendedInRow >= gentleRule.attendedInRowToClear) slate = [];
    } else {
      attendedInRow = 0;
      slate.push(session.startsAt);
    }
  }
  const windowStart = now.getTime() - gentleRule.windowDays * day;
  const counting = slate.filter((startsAt) => startsAt.getTime() > windowStart).reverse();
  const heldBack = counting.length >= gentleRule.noShowsToHoldBack;
  // Newest first: once the one at the limit ages out, fewer than the limit remain.
  const atLimit = counting[gentleRule.noShowsToHoldBack - 1];
  return {
    heldBack,
    noShows: counting.length,
    attendedInRow,
    attendedToClear: heldBack ? gentleRule.attendedInRowToClear - attendedInRow : null,
    clearsBy: heldBack && atLimit ? new Date(atLimit.getTime() + gentleRule.windowDays * day) : null,
  };
}

/** Held-back parties may be seated from this moment: 24 hours before the start. */
export function heldBackSeatedFrom(startsAt: Date): Date {
  return new Date(startsAt.getTime() - gentleRule.seatedHoursBeforeStart * 3600_000);
}

/**
 * Whether a held-back party may take free seats now: always when the community has the rule off
 * (turned off since), otherwise from 24 hours before the start.
 */
export function heldBackMayBeSeated(gentleRuleOn: boolean, now: Date, startsAt: Date): boolean {
  return !gentleRuleOn || now.getTime() >= heldBackSeatedFrom(startsAt).getTime();
}

/** A new sign-up goes to the waitlist first: the rule is on, the member is held back, and the mark is ahead. */
export function holdsBackSignUp(
  gentleRuleOn: boolean,
  standing: Pick<GentleRuleStanding, 'heldBack'>,
  now: Date,
  startsAt: Date,
): boolean {
  return standing.heldBack && !heldBackMayBeSeated(gentleRuleOn, now, startsAt);
}

/** The owner's setting, in one line. */
export const gentleRuleSettingText = `开启后，${gentleRule.windowDays} 天内缺席 ${gentleRule.noShowsToHoldBack} 次的成员报名先进入候补，活动开始前 ${gentleRule.seatedHoursBeforeStart} 小时若仍有空位自动入座；连续到场 ${gentleRule.attendedInRowToClear} 次即恢复。`;

/** The session page's rule line, beside the waitlist rule, when the community has the rule on. */
export const gentleRuleLineText = `缺席较多先候补：近 ${gentleRule.windowDays} 天缺席 ${gentleRule.noShowsToHoldBack} 次的成员报名先进入候补，开始前 ${gentleRule.seatedHoursBeforeStart} 小时起若仍有空位按排队顺序入座。`;

/** Said to a held-back member when they sign up and on the session page; `seatedFrom` is a formatted time. */
export function heldBackText(seatedFrom: string): string {
  return `你最近几次报名未到场，本次先进入候补，开始前 ${gentleRule.seatedHoursBeforeStart} 小时（${seatedFrom}）若仍有空位会自动为你保留。`;
}

/** The member's own record: whether the rule applies now and what clears it; `clearsBy` is a formatted date. */
export function gentleRuleStandingText(
  standing: Pick<GentleRuleStanding, 'heldBack' | 'noShows' | 'attendedToClear'>,
  clearsBy: string | null,
): string {
  if (!standing.heldBack) {
    return `缺席较多先候补：对你不适用（近 ${gentleRule.windowDays} 天缺席 ${standing.noShows} 次）`;
  }
  const after = clearsBy ? `，或 ${clearsBy} 后` : '';
  return `近 ${gentleRule.windowDays} 天缺席 ${standing.noShows} 次，报名先进入候补；再连续到场 ${standing.attendedToClear} 次${after}恢复`;
}
