import { Type } from '@sinclair/typebox';
import { sessionLimits } from '../../../src/domain/sessions';
import { DateTime, singleLineText, typedText, UserTime, UserViewSchema, Uuid } from '../shared-schemas';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const SignupStatusSchema = Type.Union([
  Type.Literal('confirmed'),
  Type.Literal('offered'),
  Type.Literal('waitlisted'),
]);
const ModeSchema = Type.Union([Type.Literal('online'), Type.Literal('offline')]);

export const MySignupSchema = Type.Object({
  status: SignupStatusSchema,
  guests: Type.Integer(),
  position: Type.Union([Type.Integer(), Type.Null()]),
  offerExpiresAt: Nullable(DateTime),
  checkedIn: Type.Boolean(),
  feedback: Type.Union([Type.Object({ rating: Type.Integer(), comment: Type.String() }), Type.Null()]),
});

const summaryFields = {
  id: Uuid,
  communityId: Uuid,
  title: Type.String(),
  startsAt: DateTime,
  durationMinutes: Type.Integer(),
  mode: ModeSchema,
  hostNickname: Type.String(),
  capacity: Type.Integer(),
  confirmedCount: Type.Integer(),
  seatsLeft: Type.Integer(),
  waitlistCount: Type.Integer(),
  tags: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  mySignup: Type.Union([MySignupSchema, Type.Null()]),
};

export const SessionSummarySchema = Type.Object(summaryFields);

export const SessionViewSchema = Type.Object({
  ...summaryFields,
  description: Type.String(),
  host: UserViewSchema,
  meetingLink: Nullable(Type.String()),
  address: Nullable(Type.String()),
  materials: Type.Array(Type.String()),
  signUpDeadline: DateTime,
  reminderOffsets: Type.Array(Type.Integer()),
  claimWindowHours: Type.Union([Type.Integer(), Type.Null()]),
  canManage: Type.Boolean(),
});

export const SessionPageSchema = Type.Object({
  items: Type.Array(SessionSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const MySessionsSchema = Type.Object({
  upcoming: Type.Array(SessionSummarySchema),
  past: Type.Array(SessionSummarySchema),
});

const sessionFields = {
  title: singleLineText(sessionLimits.titleMax),
  description: typedText('multi-line', { maxLength: sessionLimits.descriptionMax }),
  hostUserId: Uuid,
  startsAt: UserTime,
  durationMinutes: Type.Integer({ minimum: sessionLimits.durationMin, maximum: sessionLimits.durationMax }),
  mode: ModeSchema,
  meetingLink: typedText('link', { maxLength: sessionLimits.meetingLinkMax, pattern: '^(|https?://\\S+)$' }),
  address: typedText('single-line', { maxLength: sessionLimits.locationMax }),
  capacity: Type.Integer({ minimum: sessionLimits.capacityMin, maximum: sessionLimits.capacityMax }),
  signUpDeadline: UserTime,
  materials: Type.Array(singleLineText(sessionLimits.materialMax), {
    maxItems: sessionLimits.materialsMaxItems,
  }),
  tags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: sessionLimits.tagsMax }),
  reminderOffsets: Type.Array(
    Type.Integer({ minimum: sessionLimits.reminderOffsetMin, maximum: sessionLimits.reminderOffsetMax }),
    { maxItems: sessionLimits.remindersMax },
  ),
  claimWindowHours: Type.Union([
    Type.Integer({ minimum: sessionLimits.claimWindowMinHours, maximum: sessionLimits.claimWindowMaxHours }),
    Type.Null(),
  ]),
};

export const CreateSessionBody = Type.Composite(
  [
    Type.Pick(Type.Object(sessionFields), ['title', 'startsAt', 'durationMinutes', 'mode', 'capacity']),
    Type.Partial(
      Type.Omit(Type.Object(sessionFields), ['title', 'startsAt', 'durationMinutes', 'mode', 'capacity']),
    ),
  ],
  { additionalProperties: false },
);

export const UpdateSessionBody = Type.Partial(Type.Object(sessionFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const SessionParams = Type.Object({ sessionId: Uuid });
export const CommunitySessionsParams = Type.Object({ communityId: Uuid });
export const ListSessionsQuery = Type.Object(
  {
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const SignUpBody = Type.Object(
  { guests: Type.Optional(Type.Integer({ minimum: 0, maximum: sessionLimits.guestsMax })) },
  { additionalProperties: false },
);

export const SignUpResultSchema = Type.Object({
  status: Type.Union([Type.Literal('confirmed'), Type.Literal('waitlisted'), Type.Literal('offered')]),
  position: Type.Optional(Type.Integer()),
  guests: Type.Integer(),
  overlapping: Type.Optional(Type.Object({ id: Uuid, title: Type.String(), startsAt: DateTime })),
});

export const CheckInBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 10 }) },
  { additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  {
    rating: Type.Integer({ minimum: sessionLimits.ratingMin, maximum: sessionLimits.ratingMax }),
    comment: Type.Optional(typedText('multi-line', { maxLength: sessionLimits.feedbackCommentMax })),
  },
  { additionalProperties: false },
);

export const AttendanceSchema = Type.Object({
  sessionId: Uuid,
  checkInCode: Nullable(Type.String()),
  checkInOpensAt: DateTime,
  checkInClosesAt: DateTime,
  attendees: Type.Array(
    Type.Object({
      userId: Uuid,
      nickname: Type.String(),
      avatarUrl: Nullable(Type.String()),
      guests: Type.Integer(),
      status: SignupStatusSchema,
      checkedInAt: Nullable(DateTime),
    }),
  ),
  checkedInCount: Type.Integer(),
  feedbackCount: Type.Integer(),
  averageRating: Type.Union([Type.Number(), Type.Null()]),
  comments: Type.Array(
    Type.Object({ nickname: Type.String(), rating: Type.Integer(), comment: Type.String() }),
  ),
});
