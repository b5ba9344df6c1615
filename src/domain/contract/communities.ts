import { type Static, Type } from '@sinclair/typebox';
import { attendanceLimits } from '../attendance';
import { communityLimits, removalLimits } from '../community-rules';
import { assignableRoles } from '../roles';
import {
  DateTime,
  literalUnion,
  multiLineText,
  Nullable,
  optionalSingleLineText,
  pageOf,
  RoleSchema,
  singleLineText,
  Uuid,
} from './common';

export const CommunityView = Type.Object({
  id: Uuid,
  name: Type.String(),
  goal: Type.String(),
  rules: Type.String(),
  capacity: Type.Integer(),
  memberCount: Type.Integer(),
  myRole: RoleSchema,
  /** Shown to the whole team, so they can invite people; null for plain members. */
  inviteCode: Nullable(Type.String()),
  /** Owner setting: newcomers with an invite code or a share card wait for the owner or an admin. */
  joinApproval: Type.Boolean(),
  /** Bound to its WeChat group: members opening a share card inside that group join without a code. */
  wechatGroupBound: Type.Boolean(),
  /** Owner setting: a confirmed seat given up less than this many hours before the start counts as a no-show. */
  lateCancelHours: Type.Integer(),
  /** Owner setting, off by default: members with many no-shows sign up to the waitlist first (`gentle-rule.ts`). */
  gentleRule: Type.Boolean(),
  createdAt: DateTime,
});
export type CommunityView = Static<typeof CommunityView>;

export const MemberView = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Nullable(Type.String()),
  role: RoleSchema,
  joinedAt: DateTime,
});
export type MemberView = Static<typeof MemberView>;

/** The team's member list: a member with their name in the community and their tags. */
export const MemberDirectoryEntry = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Nullable(Type.String()),
  role: RoleSchema,
  joinedAt: DateTime,
  tags: Type.Array(Type.String()),
});
export type MemberDirectoryEntry = Static<typeof MemberDirectoryEntry>;

export const MemberDirectoryPage = pageOf(MemberDirectoryEntry);

/** A part of a name or of a tag; '' or absent lists everyone (the team first, then by arrival). */
export const MemberSearchQuery = Type.Object(
  {
    q: Type.Optional(optionalSingleLineText(communityLimits.memberSearchMax)),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type MemberSearchQuery = Static<typeof MemberSearchQuery>;

const communityFields = {
  name: singleLineText(communityLimits.nameMax),
  goal: singleLineText(communityLimits.goalMax),
  rules: multiLineText(communityLimits.rulesMax),
  capacity: Type.Integer({ minimum: communityLimits.capacityMin, maximum: communityLimits.capacityMax }),
};

export const CreateCommunityBody = Type.Object(
  { ...communityFields, capacity: Type.Optional(communityFields.capacity) },
  { additionalProperties: false },
);
export type CommunityInput = Static<typeof CreateCommunityBody>;

/**
 * Owner only; `joinApproval` turns approval of newcomers on or off; `lateCancelHours` sets the no-show
 * cut-off; `gentleRule` turns the gentle rule on or off.
 */
export const UpdateCommunityBody = Type.Partial(
  Type.Object({
    ...communityFields,
    joinApproval: Type.Boolean(),
    lateCancelHours: Type.Integer({
      minimum: attendanceLimits.lateCancelHoursMin,
      maximum: attendanceLimits.lateCancelHoursMax,
    }),
    gentleRule: Type.Boolean(),
  }),
  {
    additionalProperties: false,
    minProperties: 1,
  },
);
export type CommunityChanges = Static<typeof UpdateCommunityBody>;

export const ChangeRoleBody = Type.Object(
  { role: literalUnion(assignableRoles) },
  { additionalProperties: false },
);

export const TransferOwnershipBody = Type.Object({ userId: Uuid }, { additionalProperties: false });

/** Owner and admins: remove a member whose role is below theirs; `block` bars them from joining again. */
export const RemoveMemberBody = Type.Object(
  {
    reason: Type.Optional(optionalSingleLineText(removalLimits.reasonMax)),
    block: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RemoveMemberInput = Static<typeof RemoveMemberBody>;

/** Someone the team removed and barred from joining again. */
export const BlockedUserView = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Nullable(Type.String()),
  reason: Type.String(),
  blockedByNickname: Nullable(Type.String()),
  blockedAt: DateTime,
});
export type BlockedUserView = Static<typeof BlockedUserView>;
