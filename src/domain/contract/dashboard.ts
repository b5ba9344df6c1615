import { type Static, Type } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from './common';

/** The owner's dashboard. Weeks are ISO weeks in China time, oldest first, `weekStart` a Monday `YYYY-MM-DD`. */

const Count = Type.Integer({ minimum: 0 });
const WeekStart = Type.String({ format: 'date' });

export const DashboardSizeWeek = Type.Object({ weekStart: WeekStart, joined: Count, left: Count });
export type DashboardSizeWeek = Static<typeof DashboardSizeWeek>;

export const DashboardContentWeek = Type.Object({
  weekStart: WeekStart,
  published: Count,
  saved: Count,
  tried: Count,
});
export type DashboardContentWeek = Static<typeof DashboardContentWeek>;

export const DashboardSessionView = Type.Object({
  id: Uuid,
  title: Type.String(),
  startsAt: DateTime,
  capacity: Count,
  seatsTaken: Count,
  fillPercent: Count,
  waitlisted: Count,
  /** Null while the session has not started. */
  attended: Nullable(Count),
  /** Of the sign-ups its check-in counted, the share who did not come (late cancellations included); null without check-in or before it closed. */
  noShowPercent: Nullable(Count),
  /** Of the parties that waited, the share that got a seat; null when nobody waited. */
  waitlistConversionPercent: Nullable(Count),
});

export const DashboardPromotionWeek = Type.Object({
  weekStart: WeekStart,
  requested: Count,
  approved: Count,
  rejected: Count,
  /** Places of slots that started this week and ended with nobody approved in them. */
  emptyPlaces: Count,
});
export type DashboardPromotionWeek = Static<typeof DashboardPromotionWeek>;

export const DashboardView = Type.Object({
  size: Type.Object({
    memberCount: Count,
    capacity: Count,
    band: Type.Object({ min: Count, max: Count }),
    advice: Type.String(),
    weeks: Type.Array(DashboardSizeWeek),
  }),
  team: Type.Object({
    admins: Count,
    secretaries: Count,
    recommended: Type.Object({ admin: Count, secretary: Count }),
    note: Nullable(Type.String()),
  }),
  content: Type.Object({
    weeks: Type.Array(DashboardContentWeek),
    mostTried: Type.Array(Type.Object({ id: Uuid, title: Type.String(), tryCount: Count })),
  }),
  sessions: Type.Array(DashboardSessionView),
  promotions: Type.Array(DashboardPromotionWeek),
  tags: Type.Object({
    top: Type.Array(Type.Object({ tag: Type.String(), holders: Count, addedRecently: Count })),
    /** Weeks over which `addedRecently` counts new holders. */
    growthWeeks: Count,
  }),
});
export type DashboardView = Static<typeof DashboardView>;

/** 新人欢迎 takes no options: today's newcomers (the week's are in 本周群周报). */
export const WelcomeDigestQuery = Type.Object({}, { additionalProperties: false });

/** 新人欢迎: today's newcomers, oldest first, and the message to copy into the group. */
export const WelcomeDigestView = Type.Object({
  /** Start of today, China time. */
  since: DateTime,
  newcomers: Type.Array(
    Type.Object({
      userId: Uuid,
      nickname: Type.String(),
      /** The inviter's name in the group, when known. */
      invitedBy: Nullable(Type.String()),
      joinedAt: DateTime,
      tags: Type.Array(Type.String()),
      sharedTags: Type.Array(Type.Object({ tag: Type.String(), others: Count })),
    }),
  ),
  /** '' when nobody joined today. */
  text: Type.String(),
});
export type WelcomeDigestView = Static<typeof WelcomeDigestView>;
