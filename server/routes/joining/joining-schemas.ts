import { Type } from '@sinclair/typebox';
import { joinLimits } from '../../../src/domain/community-rules';
import { CommunityViewSchema } from '../communities/community-schemas';
import { DateTime, singleLineText, UserViewSchema, Uuid } from '../shared-schemas';

const JoinRequestStatusSchema = Type.Union(
  (['pending', 'approved', 'declined', 'withdrawn'] as const).map((status) => Type.Literal(status)),
);

export const MyJoinRequestViewSchema = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  status: JoinRequestStatusSchema,
  reason: Type.String(),
  createdAt: DateTime,
});

export const JoinRequestViewSchema = Type.Object({
  id: Uuid,
  communityId: Uuid,
  user: UserViewSchema,
  inviter: Type.Union([UserViewSchema, Type.Null()]),
  via: Type.Union((['invite_code', 'share_card', 'wechat_group'] as const).map((via) => Type.Literal(via))),
  note: Type.String(),
  status: JoinRequestStatusSchema,
  reason: Type.String(),
  createdAt: DateTime,
  decidedAt: Type.Union([DateTime, Type.Null()]),
});

export const JoinResultSchema = Type.Union([
  Type.Object({ outcome: Type.Literal('joined'), community: CommunityViewSchema }),
  Type.Object({ outcome: Type.Literal('requested'), request: MyJoinRequestViewSchema }),
]);

export const CommunityPreviewViewSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  goal: Type.String(),
  rules: Type.String(),
  memberCount: Type.Integer(),
  capacity: Type.Integer(),
  joinApproval: Type.Boolean(),
  inviter: Type.Union([UserViewSchema, Type.Null()]),
  alreadyMember: Type.Boolean(),
  myPendingRequest: Type.Union([MyJoinRequestViewSchema, Type.Null()]),
});

const joinFields = {
  inviterId: Type.Optional(Uuid),
  note: Type.Optional(singleLineText(joinLimits.noteMax)),
};

export const JoinByCodeBody = Type.Object(
  // Loose on purpose: members type codes with spaces and full-width letters; the service normalises.
  { inviteCode: singleLineText(32), ...joinFields },
  { additionalProperties: false },
);

export const JoinRequestBody = Type.Object(joinFields, { additionalProperties: false });

/** Base64 of WeChat's encrypted group info: a few hundred characters in practice. */
const groupTicketFields = {
  encryptedData: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9+/=]+$' }),
  iv: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9+/=]+$' }),
};

export const GroupTicketBody = Type.Object(groupTicketFields, { additionalProperties: false });

export const JoinByGroupBody = Type.Object(
  { ...groupTicketFields, inviterId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const DeclineJoinRequestBody = Type.Object(
  { reason: Type.Optional(singleLineText(joinLimits.declineReasonMax)) },
  { additionalProperties: false },
);

export const PreviewQuery = Type.Object({ inviter: Type.Optional(Uuid) }, { additionalProperties: false });
export const JoinRequestParams = Type.Object({ requestId: Uuid });
