import { Type } from '@sinclair/typebox';
import { communityLimits } from '../../../src/domain/community-rules';
import { assignableRoles } from '../../../src/domain/roles';
import { DateTime, multiLineText, RoleSchema, singleLineText, Uuid } from '../shared-schemas';

export const CommunityViewSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  goal: Type.String(),
  rules: Type.String(),
  capacity: Type.Integer(),
  memberCount: Type.Integer(),
  myRole: RoleSchema,
  inviteCode: Type.Union([Type.String(), Type.Null()]),
  joinApproval: Type.Boolean(),
  wechatGroupBound: Type.Boolean(),
  createdAt: DateTime,
});

export const MemberViewSchema = Type.Object({
  userId: Uuid,
  nickname: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  joinedAt: DateTime,
});

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

export const UpdateCommunityBody = Type.Partial(
  Type.Object({ ...communityFields, joinApproval: Type.Boolean() }),
  {
    additionalProperties: false,
    minProperties: 1,
  },
);

export const CommunityParams = Type.Object({ communityId: Uuid });
export const MemberParams = Type.Object({ communityId: Uuid, userId: Uuid });

export const ChangeRoleBody = Type.Object(
  { role: Type.Union(assignableRoles.map((role) => Type.Literal(role))) },
  { additionalProperties: false },
);

export const TransferOwnershipBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
