import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PictureCheckStatus } from '../../../src/domain/uploads';
import { createdAt, primaryId } from './columns';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers a Uint8Array, node-postgres a Buffer: both become a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Images members upload (avatars, tip and promotion images). Kept in the database: server instances keep no files. */
export const uploads = pgTable(
  'uploads',
  {
    id: primaryId(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
    /** WeChat's picture check (`modules/uploads/README.md`); uploads made before it existed passed. */
    checkStatus: text('check_status').$type<PictureCheckStatus>().notNull().default('pass'),
    /** mediaCheckAsync's scene: 1 资料 (avatars), 3 论坛 (tip and promotion images). */
    checkScene: integer('check_scene').notNull().default(3),
    /** WeChat's task id, matched by the push that brings the answer. */
    checkTraceId: text('check_trace_id'),
    /** WeChat's last word on it (`pass`, `risky`, `review`): `review` keeps the picture pending. */
    checkSuggest: text('check_suggest'),
    /** Set while the check request is still to be sent to WeChat (or sent under a lease); null after. */
    checkNextAttemptAt: timestamp('check_next_attempt_at', { withTimezone: true }),
    checkAttempts: integer('check_attempts').notNull().default(0),
    checkLastError: text('check_last_error'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /**
     * The secret of the address that shows an unchecked picture: to its uploader (an `<Image>` sends
     * no bearer token) and to WeChat's checker, which downloads it.
     */
    previewKey: text('preview_key'),
  },
  (table) => [
    index('uploads_owner_idx').on(table.ownerUserId),
    uniqueIndex('uploads_check_trace_id_unique').on(table.checkTraceId),
    index('uploads_check_due_idx')
      .on(table.checkNextAttemptAt)
      .where(sql`${table.checkNextAttemptAt} is not null`),
  ],
);

/**
 * WeChat's answers that came before we recorded the trace id they carry (a push can beat the
 * record of mediaCheckAsync's reply): the record applies and deletes it. Old ones are for traces
 * we never asked about and are deleted by the check job.
 */
export const pictureCheckAnswers = pgTable('picture_check_answers', {
  traceId: text('trace_id').primaryKey(),
  suggest: text('suggest').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});
