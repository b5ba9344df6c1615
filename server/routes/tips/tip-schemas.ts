import { Type } from '@sinclair/typebox';
import { tipLimits, tipStatuses } from '../../../src/domain/tips';
import { DateTime, multiLineText, singleLineText, typedText, UserTime, Uuid } from '../shared-schemas';

const TipStatusSchema = Type.Union(tipStatuses.map((status) => Type.Literal(status)));

// Structure and the outer bounds here; the tip rule (src/domain/tips.ts) answers per field with
// a Chinese reason: empty steps, tag normalisation and the limits after merging.
const tipContent = {
  title: singleLineText(tipLimits.titleMax),
  body: multiLineText(tipLimits.bodyMax),
  steps: Type.Array(typedText('single-line', { maxLength: tipLimits.stepMax }), {
    maxItems: tipLimits.stepsMax,
  }),
  tags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
  minutes: Type.Integer({ minimum: tipLimits.minutesMin, maximum: tipLimits.minutesMax }),
  imageUploadId: Type.Optional(Type.Union([Uuid, Type.Null()])),
};

export const CreateTipBody = Type.Object(
  { ...tipContent, publishAt: Type.Optional(UserTime), draft: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const EditTipBody = Type.Object(tipContent, { additionalProperties: false });

/** The version of the tip the publisher or reviewer read (TipCardView.version). */
const ReviewedVersion = Type.Integer({ minimum: 1 });

export const PublishTipBody = Type.Object(
  { publishAt: Type.Optional(UserTime), version: ReviewedVersion },
  { additionalProperties: false },
);

export const DeclineTipBody = Type.Object(
  { reason: multiLineText(tipLimits.declineReasonMax), version: ReviewedVersion },
  { additionalProperties: false },
);

export const TryTipBody = Type.Object(
  {
    note: Type.Optional(typedText('multi-line', { maxLength: tipLimits.noteMax })),
  },
  { additionalProperties: false },
);

export const TipParams = Type.Object({ tipId: Uuid });
export const CommunityParams = Type.Object({ communityId: Uuid });

export const FeedQuery = Type.Object(
  {
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    sort: Type.Optional(Type.Union([Type.Literal('latest'), Type.Literal('recommended')])),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const ManagedTipsQuery = Type.Object({ status: TipStatusSchema }, { additionalProperties: false });

export const MyTipsQuery = Type.Object(
  {
    kind: Type.Union([Type.Literal('saved'), Type.Literal('tried')]),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const TipAuthor = Type.Object({ id: Uuid, nickname: Type.String() });

const tipCardProperties = {
  id: Uuid,
  communityId: Uuid,
  title: Type.String(),
  body: Type.String(),
  minutes: Type.Integer(),
  tags: Type.Array(Type.String()),
  status: TipStatusSchema,
  author: TipAuthor,
  suggested: Type.Boolean(),
  publishedAt: Nullable(DateTime),
  publishAt: Nullable(DateTime),
  imageUrl: Nullable(Type.String()),
  likeCount: Type.Integer(),
  saveCount: Type.Integer(),
  tryCount: Type.Integer(),
  version: Type.Integer(),
};

export const TipCardSchema = Type.Object(tipCardProperties);

export const TipDetailSchema = Type.Object({
  ...tipCardProperties,
  steps: Type.Array(Type.String()),
  liked: Type.Boolean(),
  saved: Type.Boolean(),
  myTry: Type.Union([Type.Object({ note: Nullable(Type.String()), updatedAt: DateTime }), Type.Null()]),
  declineReason: Nullable(Type.String()),
  canManage: Type.Boolean(),
  createdAt: DateTime,
});

export const TipPageSchema = Type.Object({
  items: Type.Array(TipCardSchema),
  nextCursor: Nullable(Type.String()),
});

export const TipNoteSchema = Type.Object({
  user: TipAuthor,
  note: Nullable(Type.String()),
  updatedAt: DateTime,
});

export const TipTagsSchema = Type.Object({
  myTags: Type.Array(Type.String()),
  otherTags: Type.Array(Type.String()),
});
