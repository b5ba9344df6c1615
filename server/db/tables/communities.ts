import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { attendanceDefaults } from '../../../src/domain/attendance';
import { joinRequestStatuses, joinVias } from '../../../src/domain/contract/joining';
import { roles } from '../../../src/domain/roles';
import { createdAt, primaryId } from './columns';
import { userIdColumn, users } from './users';

export const memberRole = pgEnum('member_role', roles);

export const communities = pgTable('communities', {
  id: primaryId(),
  name: text('name').notNull(),
  goal: text('goal').notNull(),
  rules: text('rules').notNull(),
  capacity: integer('capacity').notNull().default(100),
  inviteCode: text('invite_code').notNull().unique(),
  joinApproval: boolean('join_approval').notNull().default(false),
  /** The WeChat group's `opengid` (unique per group and mini program); a group binds one community. */
  wechatGroupId: text('wechat_group_id').unique(),
  /** A confirmed seat given up less than this many hours before the start counts as a no-show. */
  lateCancelHours: integer('late_cancel_hours').notNull().default(attendanceDefaults.lateCancelHours),
  /** Owner setting, off by default: members with many no-shows sign up to the waitlist first (`src/domain/gentle-rule.ts`). */
  gentleRule: boolean('gentle_rule').notNull().default(false),
  createdAt: createdAt(),
});

/** A community column that goes when the community goes. */
export const communityIdColumn = () =>
  uuid('community_id')
    .notNull()
    .references(() => communities.id, { onDelete: 'cascade' });

/** A member who leaves is deleted, so joining again is a plain insert. */
export const memberships = pgTable(
  'memberships',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    userId: userIdColumn(),
    role: memberRole('role').notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** The member whose share card brought them (or who shared the invite code), when known. */
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    /** Null until the member has read the goal and rules and confirmed them. */
    rulesConfirmedAt: timestamp('rules_confirmed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('memberships_community_user_unique').on(table.communityId, table.userId),
    uniqueIndex('memberships_one_owner_per_community')
      .on(table.communityId)
      .where(sql`${table.role} = 'owner'`),
  ],
);

export const membershipEventKind = pgEnum('membership_event_kind', ['joined', 'left', 'removed']);

/**
 * Every join, leave and removal, kept after the membership row is gone: the owner's dashboard counts
 * joins and departures per week from it. A removal records who removed the member and why.
 */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    userId: userIdColumn(),
    kind: membershipEventKind('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Who removed the member (removals only). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
  },
  (table) => [index('membership_events_community_at').on(table.communityId, table.at)],
);

/** Users the team removed and barred from joining again, until the team lifts the block. */
export const communityBlocks = pgTable(
  'community_blocks',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    userId: userIdColumn(),
    reason: text('reason').notNull().default(''),
    blockedBy: uuid('blocked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('community_blocks_community_user_unique').on(table.communityId, table.userId)],
);

export const joinVia = pgEnum('join_via', joinVias);
export const joinRequestStatus = pgEnum('join_request_status', joinRequestStatuses);

/** Newcomers waiting for the owner or an admin; decided requests stay as the record of who let whom in. */
export const joinRequests = pgTable(
  'join_requests',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    userId: userIdColumn(),
    inviterId: uuid('inviter_id').references(() => users.id, { onDelete: 'set null' }),
    via: joinVia('via').notNull(),
    note: text('note').notNull().default(''),
    status: joinRequestStatus('status').notNull().default('pending'),
    reason: text('reason').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('join_requests_one_pending')
      .on(table.communityId, table.userId)
      .where(sql`${table.status} = 'pending'`),
    index('join_requests_community_status_created').on(table.communityId, table.status, table.createdAt),
    index('join_requests_user_created').on(table.userId, table.createdAt),
  ],
);
