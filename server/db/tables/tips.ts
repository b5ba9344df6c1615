import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tipStatuses } from '../../../src/domain/tips';
import { createdAt, primaryId } from './columns';
import { communityIdColumn } from './communities';
import { uploads } from './uploads';
import { userIdColumn, users } from './users';

export const tipStatus = pgEnum('tip_status', tipStatuses);

/** Written as a `tsvector` literal the app builds (src/domain/search-text.ts), read back as text. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Counters are updated in the transaction that adds or removes a like/save/try, with the tip row
 * locked first (`FOR UPDATE`), so the feed reads them without counting.
 */
export const tips = pgTable(
  'tips',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    /** The credited author: for a suggestion, the member who suggested it. */
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The team member who published it (null until published). */
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    steps: text('steps').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    minutes: integer('minutes').notNull(),
    /** Optional picture; an upload of the author (or of the team member who set it). */
    imageUploadId: uuid('image_upload_id').references(() => uploads.id, { onDelete: 'set null' }),
    status: tipStatus('status').notNull(),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    likeCount: integer('like_count').notNull().default(0),
    saveCount: integer('save_count').notNull().default(0),
    tryCount: integer('try_count').notNull().default(0),
    /**
     * The words of title, tags, steps and body as character pairs (tipSearchDocument), set with every write of
     * them; null for tips from before search existed until the backfill job reaches them.
     */
    searchVector: tsvector('search_vector'),
    /** 1 when written, +1 on every edit of its content: publishing or declining names the version reviewed. */
    version: integer('version').notNull().default(1),
    /** Hidden by the team after a report: seen only by its author and the team (moderation/visibility.ts). */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The feed's keyset: (published_at, id) descending within a community, published rows only.
    index('tips_feed')
      .on(table.communityId, table.publishedAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`${table.status} = 'published'`),
    index('tips_due').on(table.publishAt).where(sql`${table.status} = 'scheduled'`),
    index('tips_by_status').on(table.communityId, table.status, table.createdAt.desc().nullsFirst()),
    index('tips_by_author').on(table.authorId, table.createdAt.desc().nullsFirst()),
    // Search asks only among published tips.
    index('tips_search').using('gin', table.searchVector).where(sql`${table.status} = 'published'`),
    index('tips_search_missing').on(table.id).where(sql`${table.searchVector} is null`),
    // The authors of hidden tips, who alone see them among members (the feed cache asks at each fill).
    index('tips_hidden_authors')
      .on(table.communityId, table.authorId)
      .where(sql`${table.hiddenAt} is not null`),
  ],
);

// DESC indexes say NULLS FIRST: that is what `ORDER BY x DESC` means, and drizzle's default (NULLS LAST) would leave them unused for ordering.
/** One row per tag of a tip; `published_at` mirrors the tip's while it is published (null otherwise). */
export const tipTags = pgTable(
  'tip_tags',
  {
    tipId: uuid('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').notNull(),
    tag: text('tag').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tipId, table.tag] }),
    index('tip_tags_feed')
      .on(
        table.communityId,
        table.tag,
        table.publishedAt.desc().nullsFirst(),
        table.tipId.desc().nullsFirst(),
      )
      .where(sql`${table.publishedAt} is not null`),
  ],
);

export const tipLikes = pgTable(
  'tip_likes',
  {
    tipId: uuid('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    userId: userIdColumn(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.tipId, table.userId] })],
);

export const tipSaves = pgTable(
  'tip_saves',
  {
    tipId: uuid('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    userId: userIdColumn(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tipId, table.userId] }),
    index('tip_saves_by_user').on(table.userId, table.createdAt.desc().nullsFirst()),
  ],
);

/** 我试过了: one per member per tip, the note editable. */
export const tipTries = pgTable(
  'tip_tries',
  {
    tipId: uuid('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    userId: userIdColumn(),
    note: text('note'),
    /** The note hidden by the team after a report (the try itself still counts). */
    noteHiddenAt: timestamp('note_hidden_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tipId, table.userId] }),
    index('tip_tries_by_user').on(table.userId, table.updatedAt.desc().nullsFirst()),
    index('tip_tries_by_tip').on(table.tipId, table.updatedAt.desc().nullsFirst()),
  ],
);
