import { date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, primaryId } from './columns';
import { communityIdColumn } from './communities';
import { users } from './users';

/**
 * 本周群周报: what the team decided about a week's digest (its intro line, when it was shared). The
 * content itself is assembled from the week's tips, sessions, promotions and newcomers when read.
 * One row per community and week: the ready job and the team's writes meet on that unique key.
 */
export const weeklyDigests = pgTable(
  'weekly_digests',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    /** The week's Monday in China time. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    /** Null: the default line. */
    intro: text('intro'),
    introBy: uuid('intro_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the ready job took up the week (and told the team, if the week had content); null when the team came first. */
    preparedAt: timestamp('prepared_at', { withTimezone: true }),
    /** First shared into the group: members can read it from then on. */
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    sharedBy: uuid('shared_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('weekly_digests_community_week').on(table.communityId, table.weekStart)],
);
