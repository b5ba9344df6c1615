import { type Static, Type } from '@sinclair/typebox';
import { DateTime, RoleSchema, UserView, Uuid } from './common';
import { MyJoinRequestView } from './joining';

export const MembershipView = Type.Object({
  communityId: Uuid,
  communityName: Type.String(),
  role: RoleSchema,
  joinedAt: DateTime,
  /** False until the member has read the goal and rules and confirmed them (首页 asks first). */
  rulesConfirmed: Type.Boolean(),
});
export type MembershipView = Static<typeof MembershipView>;

export const MeView = Type.Object({
  user: UserView,
  memberships: Type.Array(MembershipView),
  /** My join requests still waiting, and those declined in the last 7 days (with the reason). */
  joinRequests: Type.Array(MyJoinRequestView),
});
export type MeView = Static<typeof MeView>;
