import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, primaryId } from './columns';
import { communityIdColumn } from './communities';
import { userIdColumn } from './users';

export const noticeStatus = pgEnum('notice_status', ['pending', 'sent', 'failed', 'cancelled']);
/** How a sent notice reached the member: the inbox always; `wechat`/`log` also as a subscribe message. */
export const noticeChannel = pgEnum('notice_channel', ['inbox', 'wechat', 'log']);

/** The outbox: written in the transaction of the change that causes the notice, sent by the dispatcher job. */
export const notices = pgTable(
  'notices',
  {
    id: primaryId(),
    userId: userIdColumn(),
    communityId: communityIdColumn(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A mini program page path with its query, e.g. `/member/session/index?id=...`. */
    link: text('link').notNull(),
    templateKey: text('template_key'),
    templateData: jsonb('template_data').$type<Record<string, string>>(),
    /** Unique among notices that are not cancelled: the same reminder is never enqueued twice. */
    dedupeKey: text('dedupe_key'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: noticeStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the dispatcher may take it: `dueAt`, then the retry time, or the end of a claim's lease. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    channel: noticeChannel('channel'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('notices_dedupe_key_unique').on(table.dedupeKey).where(sql`${table.status} <> 'cancelled'`),
    index('notices_pending_due').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    index('notices_user').on(table.userId),
  ],
);

/** What the member sees in 我的 → 消息: one message per notice, written by the dispatcher. */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: primaryId(),
    noticeId: uuid('notice_id')
      .notNull()
      .unique()
      .references(() => notices.id, { onDelete: 'cascade' }),
    userId: userIdColumn(),
    communityId: communityIdColumn(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  // `.desc()` alone means DESC NULLS LAST, which PostgreSQL cannot use for a plain ORDER BY ... DESC.
  (table) => [
    index('inbox_messages_user_newest').on(
      table.userId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('inbox_messages_user_community_newest').on(
      table.userId,
      table.communityId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('inbox_messages_user_unread').on(table.userId).where(sql`${table.readAt} is null`),
  ],
);

/** WeChat subscribe messages are one-time: each accepted request allows exactly one send. */
export const subscribeConsents = pgTable(
  'subscribe_consents',
  {
    userId: userIdColumn(),
    templateKey: text('template_key').notNull(),
    remaining: integer('remaining').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.templateKey] })],
);
