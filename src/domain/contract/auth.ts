import { type Static, Type } from '@sinclair/typebox';
import { communityLimits } from '../community-rules';
import { DateTime, Nullable, RoleSchema, singleLineText, UserView } from './common';

export const AuthResult = Type.Object({ token: Type.String(), expiresAt: DateTime, user: UserView });
export type AuthResult = Static<typeof AuthResult>;

export const WechatLoginBody = Type.Object({ code: singleLineText(128) }, { additionalProperties: false });

export const DevLoginBody = Type.Object(
  { name: singleLineText(communityLimits.nameMax) },
  { additionalProperties: false },
);

/** A ready-made user on the H5 dev login screen (dev login only). */
export const DevUserView = Type.Object({
  nickname: Type.String(),
  /** Their role in the first community they joined, or null when they have none. */
  role: Nullable(RoleSchema),
  communityName: Nullable(Type.String()),
});
export type DevUserView = Static<typeof DevUserView>;
