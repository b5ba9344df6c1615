import { type Static, Type } from '@sinclair/typebox';
import { joinLimits } from '../community-rules';
import { DateTime, literalUnion, Nullable, singleLineText, UserView, Uuid } from './common';
import { CommunityView } from './communities';

/** How a newcomer came in: the `join_via` database enum is this list too. */
export const joinVias = ['invite_code', 'share_card', 'wechat_group'] as const;
export type JoinVia = (typeof joinVias)[number];

export const joinRequestStatuses = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type JoinRequestStatus = (typeof joinRequestStatuses)[number];

const JoinRequestStatusSchema = literalUnion(joinRequestStatuses);

/** My own join request, as its author sees it. */
export const MyJoinRequestView = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  status: JoinRequestStatusSchema,
  reason: Type.String(),
  createdAt: DateTime,
});
export type MyJoinRequestView = Static<typeof MyJoinRequestView>;

/** A join request as the owner and admins review it (GET /api/communities/{id}/join-requests). */
export const JoinRequestView = Type.Object({
  id: Uuid,
  communityId: Uuid,
  user: UserView,
  /** The member whose share card brought them, when still a member. */
  inviter: Nullable(UserView),
  via: literalUnion(joinVias),
  /** The newcomer's few words to the team, '' when none. */
  note: Type.String(),
  status: JoinRequestStatusSchema,
  /** Decline reason, '' when none. */
  reason: Type.String(),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
});
export type JoinRequestView = Static<typeof JoinRequestView>;

/** POST /api/communities/join and /join-by-group: in at once, or queued for approval. */
export const JoinResult = Type.Union([
  Type.Object({ outcome: Type.Literal('joined'), community: CommunityView }),
  Type.Object({ outcome: Type.Literal('requested'), request: MyJoinRequestView }),
]);
export type JoinResult = Static<typeof JoinResult>;

/** A share card's landing page, before joining: GET /api/communities/{id}/preview (any signed-in user). */
export const CommunityPreviewView = Type.Object({
  id: Uuid,
  name: Type.String(),
  goal: Type.String(),
  rules: Type.String(),
  memberCount: Type.Integer(),
  capacity: Type.Integer(),
  joinApproval: Type.Boolean(),
  /** The member named in the card, when still a member. */
  inviter: Nullable(UserView),
  alreadyMember: Type.Boolean(),
  myPendingRequest: Nullable(MyJoinRequestView),
});
export type CommunityPreviewView = Static<typeof CommunityPreviewView>;

const joinFields = {
  inviterId: Type.Optional(Uuid),
  note: Type.Optional(singleLineText(joinLimits.noteMax)),
};

export const JoinByCodeBody = Type.Object(
  // Loose on purpose: members type codes with spaces and full-width letters; the service normalises.
  { inviteCode: singleLineText(32), ...joinFields },
  { additionalProperties: false },
);
export type JoinByCodeInput = Static<typeof JoinByCodeBody>;

export const JoinRequestBody = Type.Object(joinFields, { additionalProperties: false });
export type JoinRequestInput = Static<typeof JoinRequestBody>;

/** The encrypted group info of `Taro.getGroupEnterInfo` (base64: a few hundred characters in practice). */
const groupTicketFields = {
  encryptedData: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9+/=]+$' }),
  iv: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9+/=]+$' }),
};

export const GroupTicketBody = Type.Object(groupTicketFields, { additionalProperties: false });
export type GroupTicketInput = Static<typeof GroupTicketBody>;

export const JoinByGroupBody = Type.Object(
  { ...groupTicketFields, inviterId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type JoinByGroupInput = Static<typeof JoinByGroupBody>;

export const DeclineJoinRequestBody = Type.Object(
  { reason: Type.Optional(singleLineText(joinLimits.declineReasonMax)) },
  { additionalProperties: false },
);

export const PreviewQuery = Type.Object({ inviter: Type.Optional(Uuid) }, { additionalProperties: false });
export const JoinRequestParams = Type.Object({ requestId: Uuid });
