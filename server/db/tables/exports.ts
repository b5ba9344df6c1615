import { index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { exportKinds } from '../../../src/domain/exports';
import { createdAt, primaryId } from './columns';
import { communityIdColumn } from './communities';
import { users } from './users';

export const exportKind = pgEnum('export_kind', exportKinds);

/** Every spreadsheet the team downloaded: who, what, when and how many rows. */
export const exportRecords = pgTable(
  'export_records',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: exportKind('kind').notNull(),
    /** The exported session (null for the member list). */
    subjectId: uuid('subject_id'),
    /** The session's title or the community's name at the time of the export. */
    subject: text('subject').notNull(),
    rowCount: integer('row_count').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('export_records_community_newest').on(
      table.communityId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);
