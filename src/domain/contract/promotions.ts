import { type Static, Type } from '@sinclair/typebox';
import { promotionCategories, promotionLimits, promotionStatuses, startTimePattern } from '../promotions';
import {
  DateTime,
  literalUnion,
  multiLineText,
  Nullable,
  pageOf,
  singleLineText,
  typedText,
  UserTime,
  UserView,
  Uuid,
} from './common';

/** Promotion slots (推广). Times are ISO strings; wall-clock times are China's. */

/** A slot of the weekly schedule, or one the team added; the `promotion_slot_source` database enum too. */
export const promotionSlotSources = ['schedule', 'extra'] as const;

export const RequestParams = Type.Object({ requestId: Uuid });
export const SlotParams = Type.Object({ slotId: Uuid });

const ScheduleEntry = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    startTime: Type.String({ pattern: startTimePattern }),
    durationMinutes: Type.Integer({
      minimum: promotionLimits.durationMinutesMin,
      maximum: promotionLimits.durationMinutesMax,
    }),
    places: Type.Integer({ minimum: promotionLimits.placesMin, maximum: promotionLimits.placesMax }),
  },
  { additionalProperties: false },
);

export const PromotionRulesBody = Type.Object(
  {
    minTenureDays: Type.Integer({ minimum: 0, maximum: promotionLimits.minTenureDaysMax }),
    schedule: Type.Array(ScheduleEntry, { maxItems: promotionLimits.schedulesMax }),
  },
  { additionalProperties: false },
);
export type PromotionRulesInput = Static<typeof PromotionRulesBody>;

export const PromotionScheduleView = Type.Object({
  weekday: Type.Integer(),
  startTime: Type.String(),
  durationMinutes: Type.Integer(),
  places: Type.Integer(),
});
export type PromotionScheduleView = Static<typeof PromotionScheduleView>;

export const PromotionRulesView = Type.Object({
  minTenureDays: Type.Integer(),
  windowDays: Type.Integer(),
  approvedPerWindow: Type.Integer(),
  earnedExtraPerWindow: Type.Integer(),
  pendingMax: Type.Integer(),
  weeksOpen: Type.Integer(),
  schedule: Type.Array(PromotionScheduleView),
});
export type PromotionRulesView = Static<typeof PromotionRulesView>;

export const PromotionSlotView = Type.Object({
  id: Uuid,
  startsAt: DateTime,
  endsAt: DateTime,
  places: Type.Integer(),
  remaining: Type.Integer(),
  closed: Type.Boolean(),
  source: literalUnion(promotionSlotSources),
});
export type PromotionSlotView = Static<typeof PromotionSlotView>;

export const ExtraSlotBody = Type.Object(
  {
    startsAt: UserTime,
    durationMinutes: ScheduleEntry.properties.durationMinutes,
    places: ScheduleEntry.properties.places,
  },
  { additionalProperties: false },
);
export type ExtraSlotInput = Static<typeof ExtraSlotBody>;

const httpsLink = typedText('link', {
  maxLength: promotionLimits.linkMax,
  pattern: '^https://[^\\s/$.?#][^\\s]*$',
});

const requestFields = {
  slotId: Uuid,
  title: singleLineText(promotionLimits.titleMax),
  content: multiLineText(promotionLimits.contentMax),
  link: httpsLink,
  imageUploadId: Uuid,
  category: literalUnion(promotionCategories),
};

export const CreatePromotionRequestBody = Type.Object(
  {
    ...requestFields,
    link: Type.Optional(requestFields.link),
    imageUploadId: Type.Optional(requestFields.imageUploadId),
  },
  { additionalProperties: false },
);
export type PromotionRequestInput = Static<typeof CreatePromotionRequestBody>;

export const UpdatePromotionRequestBody = Type.Partial(
  Type.Object({
    ...requestFields,
    link: Nullable(httpsLink),
    imageUploadId: Nullable(Uuid),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type PromotionRequestChanges = Static<typeof UpdatePromotionRequestBody>;

/** The version of the request the reviewer read (PromotionRequestView.version). */
const ReviewedVersion = Type.Integer({ minimum: 1 });

export const ApproveBody = Type.Object({ version: ReviewedVersion }, { additionalProperties: false });

export const RejectBody = Type.Object(
  { reason: singleLineText(promotionLimits.rejectReasonMax), version: ReviewedVersion },
  { additionalProperties: false },
);

export const PromotionRequestView = Type.Object({
  id: Uuid,
  communityId: Uuid,
  slot: PromotionSlotView,
  author: UserView,
  title: Type.String(),
  content: Type.String(),
  link: Nullable(Type.String()),
  imageUrl: Nullable(Type.String()),
  category: Type.String(),
  status: literalUnion(promotionStatuses),
  rejectReason: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  /** 1 when submitted, +1 on every edit by the author: a decision names the version the reviewer saw. */
  version: Type.Integer(),
  /** Present (true) when the team hid it after a report: only its author and the team still see it. */
  hidden: Type.Optional(Type.Boolean()),
});
export type PromotionRequestView = Static<typeof PromotionRequestView>;

/** A request in the review queue, with what the reviewer needs to decide in one glance. */
export const PromotionReviewItemView = Type.Composite([
  PromotionRequestView,
  Type.Object({
    joinedAt: DateTime,
    lastApprovedSlotStartsAt: Nullable(DateTime),
    /** The content-security verdict at the last submit or edit ("通过" or the reason). */
    contentVerdict: Type.String(),
  }),
]);
export type PromotionReviewItemView = Static<typeof PromotionReviewItemView>;

export const PromotionEligibilityView = Type.Object({
  eligible: Type.Boolean(),
  problems: Type.Array(
    Type.Object({
      reason: Type.String(),
      message: Type.String(),
      eligibleFrom: Nullable(DateTime),
    }),
  ),
  eligibleFrom: Nullable(DateTime),
  allowance: Type.Integer(),
  usedInWindow: Type.Integer(),
  earnedExtra: Nullable(Type.String()),
  joinedAt: DateTime,
});
export type PromotionEligibilityView = Static<typeof PromotionEligibilityView>;

export const PromotionBoardView = Type.Object({
  /** Approved promotions of the slot running now. */
  current: Type.Array(PromotionRequestView),
  /** Approved promotions of the slots to come. */
  upcoming: Type.Array(PromotionRequestView),
});
export type PromotionBoardView = Static<typeof PromotionBoardView>;

export const ArchiveQuery = Type.Object(
  { cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const PromotionArchivePage = pageOf(PromotionRequestView);
export type PromotionArchivePage = Static<typeof PromotionArchivePage>;
