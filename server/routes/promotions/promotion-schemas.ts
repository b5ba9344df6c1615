import { Type } from '@sinclair/typebox';
import { promotionCategories, promotionLimits, startTimePattern } from '../../../src/domain/promotions';
import {
  DateTime,
  multiLineText,
  singleLineText,
  typedText,
  UserTime,
  UserViewSchema,
  Uuid,
} from '../shared-schemas';

export const CommunityParams = Type.Object({ communityId: Uuid });
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

export const PromotionRulesSchema = Type.Object({
  minTenureDays: Type.Integer(),
  windowDays: Type.Integer(),
  approvedPerWindow: Type.Integer(),
  earnedExtraPerWindow: Type.Integer(),
  pendingMax: Type.Integer(),
  weeksOpen: Type.Integer(),
  schedule: Type.Array(
    Type.Object({
      weekday: Type.Integer(),
      startTime: Type.String(),
      durationMinutes: Type.Integer(),
      places: Type.Integer(),
    }),
  ),
});

export const PromotionSlotSchema = Type.Object({
  id: Uuid,
  startsAt: DateTime,
  endsAt: DateTime,
  places: Type.Integer(),
  remaining: Type.Integer(),
  closed: Type.Boolean(),
  source: Type.Union([Type.Literal('schedule'), Type.Literal('extra')]),
});

export const ExtraSlotBody = Type.Object(
  {
    startsAt: UserTime,
    durationMinutes: ScheduleEntry.properties.durationMinutes,
    places: ScheduleEntry.properties.places,
  },
  { additionalProperties: false },
);

const httpsLink = typedText('link', {
  maxLength: promotionLimits.linkMax,
  pattern: '^https://[^\\s/$.?#][^\\s]*$',
});
const Category = Type.Union(promotionCategories.map((category) => Type.Literal(category)));

const requestFields = {
  slotId: Uuid,
  title: singleLineText(promotionLimits.titleMax),
  content: multiLineText(promotionLimits.contentMax),
  link: httpsLink,
  imageUploadId: Uuid,
  category: Category,
};

export const CreatePromotionRequestBody = Type.Object(
  {
    ...requestFields,
    link: Type.Optional(requestFields.link),
    imageUploadId: Type.Optional(requestFields.imageUploadId),
  },
  { additionalProperties: false },
);

export const UpdatePromotionRequestBody = Type.Partial(
  Type.Object({
    ...requestFields,
    link: Type.Union([httpsLink, Type.Null()]),
    imageUploadId: Type.Union([Uuid, Type.Null()]),
  }),
  { additionalProperties: false, minProperties: 1 },
);

/** The version of the request the reviewer read (PromotionRequestView.version). */
const ReviewedVersion = Type.Integer({ minimum: 1 });

export const ApproveBody = Type.Object({ version: ReviewedVersion }, { additionalProperties: false });

export const RejectBody = Type.Object(
  { reason: singleLineText(promotionLimits.rejectReasonMax), version: ReviewedVersion },
  { additionalProperties: false },
);

export const PromotionRequestSchema = Type.Object({
  id: Uuid,
  communityId: Uuid,
  slot: PromotionSlotSchema,
  author: UserViewSchema,
  title: Type.String(),
  content: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('approved'),
    Type.Literal('rejected'),
    Type.Literal('withdrawn'),
  ]),
  rejectReason: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});

export const ReviewItemSchema = Type.Composite([
  PromotionRequestSchema,
  Type.Object({
    joinedAt: DateTime,
    lastApprovedSlotStartsAt: Type.Union([DateTime, Type.Null()]),
    contentVerdict: Type.String(),
  }),
]);

export const EligibilitySchema = Type.Object({
  eligible: Type.Boolean(),
  problems: Type.Array(
    Type.Object({
      reason: Type.String(),
      message: Type.String(),
      eligibleFrom: Type.Union([DateTime, Type.Null()]),
    }),
  ),
  eligibleFrom: Type.Union([DateTime, Type.Null()]),
  allowance: Type.Integer(),
  usedInWindow: Type.Integer(),
  earnedExtra: Type.Union([Type.String(), Type.Null()]),
  joinedAt: DateTime,
});

export const BoardSchema = Type.Object({
  current: Type.Array(PromotionRequestSchema),
  upcoming: Type.Array(PromotionRequestSchema),
});

export const ArchiveQuery = Type.Object(
  { cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const ArchiveSchema = Type.Object({
  items: Type.Array(PromotionRequestSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
