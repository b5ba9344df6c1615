import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns most tables share, so their definition cannot drift apart. */
export const primaryId = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
