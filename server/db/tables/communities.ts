import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../../../src/domain/roles';
import { users } from './users';

export const memberRole = pgEnum('member_role', roles);

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

export const membershipEventKind = pgEnum('membership_event_kind', ['joined', 'left']);

/**
 * Every join and leave, kept after the membership row is gone: the owner's dashboard counts joins
 * and leaves per week from it.
 */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: membershipEventKind('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('membership_events_community_at').on(table.communityId, table.at)],
);
