import { type Static, Type } from '@sinclair/typebox';
import { weeklyDigestLimits } from '../weekly-digest';
import { DateTime, Nullable, optionalSingleLineText, Uuid } from './common';

/**
 * 本周群周报. A week is named by its Monday in China time (`YYYY-MM-DD`). Members read a week's digest
 * once the team shared it; the team (owner, admins, secretary) previews any week, edits the intro line
 * and shares it (this week's, and last week's until this week ends).
 */

const WeekStart = Type.String({ format: 'date' });

export const WeeklyDigestParams = Type.Object({ communityId: Uuid, weekStart: WeekStart });

const Count = Type.Integer({ minimum: 0 });

const DigestTip = Type.Object({ id: Uuid, title: Type.String(), minutes: Count, tryCount: Count });

export const WeeklyDigestView = Type.Object({
  communityId: Uuid,
  communityName: Type.String(),
  weekStart: WeekStart,
  /** `11月23日-11月29日`. */
  weekLabel: Type.String(),
  /** The team's line, or the default one. */
  intro: Type.String(),
  /** True when the team wrote the intro line. */
  introEdited: Type.Boolean(),
  /** Empty sections are empty arrays: the page and the text leave them out. */
  newTips: Type.Array(DigestTip),
  /** `tryCount` here counts the tries made during the week. */
  mostTried: Type.Array(DigestTip),
  sessions: Type.Array(Type.Object({ id: Uuid, title: Type.String(), startsAt: DateTime, seatsLeft: Count })),
  promotions: Type.Array(
    Type.Object({ id: Uuid, title: Type.String(), authorNickname: Type.String(), slotStartsAt: DateTime }),
  ),
  newcomers: Type.Array(
    Type.Object({
      userId: Uuid,
      nickname: Type.String(),
      invitedBy: Nullable(Type.String()),
      tags: Type.Array(Type.String()),
    }),
  ),
  /** First shared into the group (members can read it from then on); null before. */
  sharedAt: Nullable(DateTime),
  /** The caller may edit the intro line and share: the team, while the week is open. */
  canManage: Type.Boolean(),
  /** The digest as text to paste into the group. */
  text: Type.String(),
});
export type WeeklyDigestView = Static<typeof WeeklyDigestView>;

/**
 * A week's digest as read, or none and why: `empty`, nothing happened that week; `not-shared`, a
 * member before the team shared it. Those are states of a week, not faults: they answer 200.
 */
export const WeeklyDigestReadView = Type.Object({
  digest: Nullable(WeeklyDigestView),
  noDigest: Nullable(Type.Union([Type.Literal('empty'), Type.Literal('not-shared')])),
});
export type WeeklyDigestReadView = Static<typeof WeeklyDigestReadView>;

/** The digest 首页 links to: the latest one shared, this week or last. */
export const LatestWeeklyDigestView = Type.Object({
  latest: Nullable(Type.Object({ weekStart: WeekStart, weekLabel: Type.String(), sharedAt: DateTime })),
});
export type LatestWeeklyDigestView = Static<typeof LatestWeeklyDigestView>;

/** '' puts the default line back. */
export const DigestIntroBody = Type.Object(
  { intro: optionalSingleLineText(weeklyDigestLimits.introMax) },
  { additionalProperties: false },
);
