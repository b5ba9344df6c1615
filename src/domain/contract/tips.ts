import { type Static, Type } from '@sinclair/typebox';
import { tipLimits, tipStatuses } from '../tips';
import {
  DateTime,
  literalUnion,
  multiLineText,
  Nullable,
  optionalMultiLineText,
  optionalSingleLineText,
  pageOf,
  singleLineText,
  UserTime,
  Uuid,
} from './common';

const TipStatusSchema = literalUnion(tipStatuses);

/** The feed's orders: newest first, or 为你推荐 (shared tags first). */
const feedSorts = ['latest', 'recommended'] as const;
export type FeedSort = (typeof feedSorts)[number];

/** 我的: tips I saved (收藏) or tried (试过的技巧). */
const myTipsKinds = ['saved', 'tried'] as const;
export type MyTipsKind = (typeof myTipsKinds)[number];

// Structure and the outer bounds here; the tip rule (src/domain/tips.ts) answers per field with
// a Chinese reason: empty steps, tag normalisation and the limits after merging.
const tipContent = {
  title: singleLineText(tipLimits.titleMax),
  body: multiLineText(tipLimits.bodyMax),
  steps: Type.Array(optionalSingleLineText(tipLimits.stepMax), { maxItems: tipLimits.stepsMax }),
  tags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
  minutes: Type.Integer({ minimum: tipLimits.minutesMin, maximum: tipLimits.minutesMax }),
  /** An upload of mine (POST /api/uploads); null removes the picture, absent keeps it. */
  imageUploadId: Type.Optional(Nullable(Uuid)),
};

export const CreateTipBody = Type.Object(
  {
    ...tipContent,
    /** Team only: schedule instead of publishing now. */
    publishAt: Type.Optional(UserTime),
    /** Team only: keep as a draft. Members' tips are always suggestions for review. */
    draft: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TipInput = Static<typeof CreateTipBody>;

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
  { note: Type.Optional(optionalMultiLineText(tipLimits.noteMax)) },
  { additionalProperties: false },
);

export const FeedQuery = Type.Object(
  {
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    sort: Type.Optional(literalUnion(feedSorts)),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type FeedQuery = Static<typeof FeedQuery>;

/** Words of a tip's title, tags, steps or body; `cursor` as the feed's. */
export const SearchTipsQuery = Type.Object(
  {
    q: singleLineText(tipLimits.searchQueryMax),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type SearchTipsQuery = Static<typeof SearchTipsQuery>;

export const ManagedTipsQuery = Type.Object({ status: TipStatusSchema }, { additionalProperties: false });

export const MyTipsQuery = Type.Object(
  {
    kind: literalUnion(myTipsKinds),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const TipAuthorView = Type.Object({ id: Uuid, nickname: Type.String() });

const tipCardProperties = {
  id: Uuid,
  communityId: Uuid,
  title: Type.String(),
  body: Type.String(),
  minutes: Type.Integer(),
  tags: Type.Array(Type.String()),
  status: TipStatusSchema,
  author: TipAuthorView,
  /** True when a member suggested it and the team published it: shown as 群友投稿. */
  suggested: Type.Boolean(),
  publishedAt: Nullable(DateTime),
  publishAt: Nullable(DateTime),
  imageUrl: Nullable(Type.String()),
  likeCount: Type.Integer(),
  saveCount: Type.Integer(),
  tryCount: Type.Integer(),
  /** 1 when written, +1 on every edit: publishing or declining names the version the reviewer saw. */
  version: Type.Integer(),
  /** Present (true) when the team hid it after a report: only its author and the team still see it. */
  hidden: Type.Optional(Type.Boolean()),
};

/** A tip as a feed card. */
export const TipCardView = Type.Object(tipCardProperties);
export type TipCardView = Static<typeof TipCardView>;

export const TipTryView = Type.Object({ note: Nullable(Type.String()), updatedAt: DateTime });

export const TipDetailView = Type.Object({
  ...tipCardProperties,
  steps: Type.Array(Type.String()),
  liked: Type.Boolean(),
  saved: Type.Boolean(),
  myTry: Nullable(TipTryView),
  declineReason: Nullable(Type.String()),
  /** Team members may edit, publish and unpublish. */
  canManage: Type.Boolean(),
  createdAt: DateTime,
});
export type TipDetailView = Static<typeof TipDetailView>;

export const TipPage = pageOf(TipCardView);

export const TipNoteView = Type.Object({
  user: TipAuthorView,
  note: Nullable(Type.String()),
  updatedAt: DateTime,
  /** Present (true) when the team hid the note after a report: only its author and the team still see it. */
  hidden: Type.Optional(Type.Boolean()),
});
export type TipNoteView = Static<typeof TipNoteView>;

export const TipTagsView = Type.Object({
  /** 我的标签, first among the feed's chips. */
  myTags: Type.Array(Type.String()),
  /** The most used tags of published tips that are not mine. */
  otherTags: Type.Array(Type.String()),
});
export type TipTagsView = Static<typeof TipTagsView>;
