import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reportStatuses, reportTargetKinds } from '../../../src/domain/moderation';
import { createdAt, primaryId } from './columns';
import { communityIdColumn } from './communities';
import { users } from './users';

export const reportTargetKind = pgEnum('report_target_kind', reportTargetKinds);
export const reportStatus = pgEnum('report_status', reportStatuses);

/**
 * 举报: a member's report of a tip, a note or a promotion. The content is named by its kind, its id
 * (a note's is its tip's) and its author (a note is one member's on one tip).
 */
export const contentReports = pgTable(
  'content_reports',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    targetKind: reportTargetKind('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    status: reportStatus('status').notNull().default('open'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    // A member reports the same content once while the report is open.
    uniqueIndex('content_reports_one_open_per_reporter')
      .on(table.reporterId, table.targetKind, table.targetId, table.authorId)
      .where(sql`${table.status} = 'open'`),
    index('content_reports_queue').on(table.communityId, table.status, table.createdAt),
    index('content_reports_target').on(table.targetKind, table.targetId, table.authorId),
  ],
);
