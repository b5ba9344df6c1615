import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Shared by every server instance, so they do not each fetch (and invalidate) a token. */
export const wechatAccessTokens = pgTable('wechat_access_tokens', {
  appid: text('appid').primaryKey(),
  accessToken: text('access_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
