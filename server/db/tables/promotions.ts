import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { promotionSlotSources } from '../../../src/domain/contract/promotions';
import { promotionStatuses } from '../../../src/domain/promotions';
import { createdAt, primaryId } from './columns';
import { communities, communityIdColumn } from './communities';
import { uploads } from './uploads';
import { userIdColumn, users } from './users';

export const promotionStatus = pgEnum('promotion_status', promotionStatuses);
export const promotionSlotSource = pgEnum('promotion_slot_source', promotionSlotSources);
export const promotionDecisionKind = pgEnum('promotion_decision_kind', ['approved', 'rejected']);

/** One row per community once the owner or an admin saved rules; absent means the defaults. */
export const promotionRules = pgTable('promotion_rules', {
  communityId: uuid('community_id')
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  minTenureDays: integer('min_tenure_days').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The recurring weekly slots; weekday ISO (1 = Monday), start "HH:mm" in China time. */
export const promotionSchedules = pgTable(
  'promotion_schedules',
  {
    communityId: communityIdColumn(),
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    places: integer('places').notNull(),
  },
  (table) => [primaryKey({ columns: [table.communityId, table.weekday, table.startTime] })],
);

/**
 * Slots are materialised from the schedule on demand (idempotently, unique by start), so a request
 * points at a row and an approval can lock it: `approved_count` never exceeds `places`.
 */
export const promotionSlots = pgTable(
  'promotion_slots',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    places: integer('places').notNull(),
    approvedCount: integer('approved_count').notNull().default(0),
    source: promotionSlotSource('source').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('promotion_slots_community_start_unique').on(table.communityId, table.startsAt),
    check('promotion_slots_not_overbooked', sql`${table.approvedCount} <= ${table.places}`),
  ],
);

export const promotionRequests = pgTable(
  'promotion_requests',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => promotionSlots.id, { onDelete: 'cascade' }),
    userId: userIdColumn(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    link: text('link'),
    imageUploadId: uuid('image_upload_id').references(() => uploads.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    status: promotionStatus('status').notNull().default('pending'),
    /** The content-security verdict at the last submit or edit, shown to the reviewer. */
    contentVerdict: text('content_verdict').notNull(),
    /** 1 when submitted, +1 on every edit by the author: a decision must name the version it reviewed. */
    version: integer('version').notNull().default(1),
    rejectReason: text('reject_reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Hidden by the team after a report: seen only by its author and the team (moderation/visibility.ts). */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // At most one pending request per member and community, even when two submits race.
    uniqueIndex('promotion_requests_one_pending')
      .on(table.communityId, table.userId)
      .where(sql`${table.status} = 'pending'`),
    index('promotion_requests_queue').on(table.communityId, table.status, table.slotId),
    index('promotion_requests_member').on(table.userId, table.communityId, table.status),
    index('promotion_requests_slot').on(table.slotId, table.status),
  ],
);

/** Every review decision: who, when, why. A request is decided once, but the log outlives edits. */
export const promotionDecisions = pgTable(
  'promotion_decisions',
  {
    id: primaryId(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => promotionRequests.id, { onDelete: 'cascade' }),
    decision: promotionDecisionKind('decision').notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('promotion_decisions_request').on(table.requestId)],
);
