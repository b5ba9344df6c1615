import { Type } from '@sinclair/typebox';
import { welcomePeriods } from '../../../src/domain/welcome-digest';
import { DateTime, Uuid } from '../shared-schemas';

export const CommunityParams = Type.Object({ communityId: Uuid });

const Count = Type.Integer({ minimum: 0 });
const WeekStart = Type.String({ format: 'date' });

export const DashboardSchema = Type.Object({
  size: Type.Object({
    memberCount: Count,
    capacity: Count,
    band: Type.Object({ min: Count, max: Count }),
    advice: Type.String(),
    weeks: Type.Array(Type.Object({ weekStart: WeekStart, joined: Count, left: Count })),
  }),
  team: Type.Object({
    admins: Count,
    secretaries: Count,
    recommended: Type.Object({ admin: Count, secretary: Count }),
    note: Type.Union([Type.String(), Type.Null()]),
  }),
  content: Type.Object({
    weeks: Type.Array(Type.Object({ weekStart: WeekStart, published: Count, saved: Count, tried: Count })),
    mostTried: Type.Array(Type.Object({ id: Uuid, title: Type.String(), tryCount: Count })),
  }),
  sessions: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      startsAt: DateTime,
      capacity: Count,
      seatsTaken: Count,
      fillPercent: Count,
      waitlisted: Count,
      attended: Type.Union([Count, Type.Null()]),
    }),
  ),
  promotions: Type.Array(
    Type.Object({
      weekStart: WeekStart,
      requested: Count,
      approved: Count,
      rejected: Count,
      emptyPlaces: Count,
    }),
  ),
  tags: Type.Object({
    top: Type.Array(Type.Object({ tag: Type.String(), holders: Count, addedRecently: Count })),
    growthWeeks: Count,
  }),
});

export const WelcomeDigestQuery = Type.Object(
  { period: Type.Optional(Type.Union(welcomePeriods.map((period) => Type.Literal(period)))) },
  { additionalProperties: false },
);

export const WelcomeDigestSchema = Type.Object({
  period: Type.Union(welcomePeriods.map((period) => Type.Literal(period))),
  since: DateTime,
  newcomers: Type.Array(
    Type.Object({
      userId: Uuid,
      nickname: Type.String(),
      joinedAt: DateTime,
      tags: Type.Array(Type.String()),
      sharedTags: Type.Array(Type.Object({ tag: Type.String(), others: Count })),
    }),
  ),
  text: Type.String(),
});
