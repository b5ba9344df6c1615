import { Type } from '@sinclair/typebox';
import { profileLimits } from '../../../src/domain/profiles';
import { tagLimits } from '../../../src/domain/tags';
import { DateTime, multiLineText, RoleSchema, singleLineText, Uuid } from '../shared-schemas';

export const MemberSummarySchema = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  bio: Type.String(),
  role: RoleSchema,
});

export const MemberProfileSchema = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  bio: Type.String(),
  tags: Type.Array(Type.String()),
  role: RoleSchema,
  joinedAt: DateTime,
  hiddenFromSimilar: Type.Optional(Type.Boolean()),
});

export const SimilarPageSchema = Type.Object({
  items: Type.Array(
    Type.Intersect([MemberSummarySchema, Type.Object({ sharedTags: Type.Array(Type.String()) })]),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** Raw tags are loose (the service normalises them); the list is bounded so a huge body is refused early. */
const RawTag = Type.String({ maxLength: 40 });

export const UpdateProfileBody = Type.Partial(
  Type.Object({
    nickname: singleLineText(profileLimits.nicknameMax),
    avatarUploadId: Type.Union([Uuid, Type.Null()]),
    // The text rule first, so a refused bio is told why (not only that it is not the empty string).
    bio: Type.Union([multiLineText(profileLimits.bioMax), Type.Literal('')]),
    tags: Type.Array(RawTag, { maxItems: tagLimits.perMember * 4 }),
    hiddenFromSimilar: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);

export const SimilarQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    // Query strings arrive as text and the app does not coerce types: 1 to 50.
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-4][0-9]|50)$' })),
  },
  { additionalProperties: false },
);

export const TagCountSchema = Type.Object({ tag: Type.String(), count: Type.Integer() });

export const SuggestedTagSchema = Type.Object({
  id: Uuid,
  tag: Type.String(),
  hidden: Type.Boolean(),
  count: Type.Integer(),
});

export const TagQuery = Type.Object({ tag: RawTag }, { additionalProperties: false });
export const AddSuggestedTagBody = Type.Object({ tag: RawTag }, { additionalProperties: false });
export const ChangeSuggestedTagBody = Type.Partial(Type.Object({ tag: RawTag, hidden: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});
export const MergeTagsBody = Type.Object({ from: RawTag, into: RawTag }, { additionalProperties: false });
export const SuggestedTagParams = Type.Object({ communityId: Uuid, tagId: Uuid });
