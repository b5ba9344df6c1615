import { type Static, Type } from '@sinclair/typebox';
import { profileLimits } from '../profiles';
import { tagLimits } from '../tags';
import { DateTime, multiLineText, Nullable, pageOf, RoleSchema, singleLineText, Uuid } from './common';
import { AttendanceRecordView } from './sessions';

export const MemberSummaryView = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Nullable(Type.String()),
  bio: Type.String(),
  role: RoleSchema,
});
export type MemberSummaryView = Static<typeof MemberSummaryView>;

/** A member's profile in one community (GET /api/communities/{id}/members/me and /members/{userId}). */
export const MemberProfileView = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Nullable(Type.String()),
  bio: Type.String(),
  /** Normalised, in the order the member chose. */
  tags: Type.Array(Type.String()),
  role: RoleSchema,
  joinedAt: DateTime,
  /** Only in my own profile: other members never learn it. */
  hiddenFromSimilar: Type.Optional(Type.Boolean()),
  /** My attendance record ("最近 5 次：到场 4 次"): in my own profile, and for the team; never for other members. */
  attendance: Type.Optional(AttendanceRecordView),
});
export type MemberProfileView = Static<typeof MemberProfileView>;

export const SimilarMemberView = Type.Intersect([
  MemberSummaryView,
  Type.Object({ sharedTags: Type.Array(Type.String()) }),
]);
export type SimilarMemberView = Static<typeof SimilarMemberView>;

export const SimilarPage = pageOf(SimilarMemberView);

/** Raw tags are loose (the service normalises them); the list is bounded so a huge body is refused early. */
export const RawTag = Type.String({ maxLength: 40 });

/** PATCH /api/communities/{id}/members/me: any subset; bio '' clears it, avatarUploadId null clears the avatar. */
export const UpdateProfileBody = Type.Partial(
  Type.Object({
    nickname: singleLineText(profileLimits.nicknameMax),
    avatarUploadId: Nullable(Uuid),
    // The text rule first, so a refused bio is told why (not only that it is not the empty string).
    bio: Type.Union([multiLineText(profileLimits.bioMax), Type.Literal('')]),
    tags: Type.Array(RawTag, { maxItems: tagLimits.perMember * 4 }),
    hiddenFromSimilar: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type MemberProfileChanges = Static<typeof UpdateProfileBody>;

export const SimilarQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    // Query strings arrive as text and the app does not coerce types: 1 to 50.
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-4][0-9]|50)$' })),
  },
  { additionalProperties: false },
);
