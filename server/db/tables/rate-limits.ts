import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Hits per bucket and minute, shared by every server instance (the server keeps no state of its own). */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (table) => [primaryKey({ columns: [table.bucket, table.windowStart] })],
);
