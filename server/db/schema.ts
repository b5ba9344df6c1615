import { sql } from 'drizzle-orm';
import { integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../../src/domain/roles';

export const memberRole = pgEnum('member_role', roles);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Dev-login users get `dev:<nickname>`, so they never collide with a WeChat openid. */
  openid: text('openid').notNull().unique(),
  unionid: text('unionid'),
  /** Kept for decrypting group info later; never sent to the client. */
  sessionKey: text('session_key'),
  nickname: text('nickname').notNull(),
  avatarUrl: text('avatar_url'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const authSessions = pgTable('auth_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** sha256 of the bearer token: a leaked table does not log anyone in. */
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const communities = pgTable('communities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  goal: text('goal').notNull(),
  rules: text('rules').notNull(),
  capacity: integer('capacity').notNull().default(100),
  inviteCode: text('invite_code').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A member who leaves is deleted, so joining again is a plain insert. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('memberships_community_user_unique').on(table.communityId, table.userId),
    uniqueIndex('memberships_one_owner_per_community')
      .on(table.communityId)
      .where(sql`${table.role} = 'owner'`),
  ],
);

/** Shared by every server instance, so they do not each fetch (and invalidate) a token. */
export const wechatAccessTokens = pgTable('wechat_access_tokens', {
  appid: text('appid').primaryKey(),
  accessToken: text('access_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
