import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, primaryId } from './columns';

export const users = pgTable('users', {
  id: primaryId(),
  /** Dev-login users get `dev:<nickname>`, so they never collide with a WeChat openid. */
  openid: text('openid').notNull().unique(),
  unionid: text('unionid'),
  /** Kept for decrypting group info later; never sent to the client. */
  sessionKey: text('session_key'),
  nickname: text('nickname').notNull(),
  avatarUrl: text('avatar_url'),
  createdAt: createdAt(),
});

/** A user column that goes when the user goes. */
export const userIdColumn = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const authSessions = pgTable('auth_sessions', {
  id: primaryId(),
  userId: userIdColumn(),
  /** sha256 of the bearer token: a leaked table does not log anyone in. */
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});
