import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sessionStatuses } from '../../../src/domain/contract/sessions';
import { seriesRepeats } from '../../../src/domain/session-series';
import { sessionModes, signupStatuses } from '../../../src/domain/sessions';
import { createdAt, primaryId } from './columns';
import { communityIdColumn } from './communities';
import { tips } from './tips';
import { userIdColumn, users } from './users';

export const sessionMode = pgEnum('session_mode', sessionModes);
export const sessionStatus = pgEnum('session_status', sessionStatuses);
export const signupStatus = pgEnum('signup_status', signupStatuses);
export const seriesRepeat = pgEnum('series_repeat', seriesRepeats);

/**
 * A weekly or two-weekly series (`src/domain/session-series.ts`): it only ties its dates together;
 * each date is a session of its own, with its own seats and waitlist.
 */
export const sessionSeries = pgTable('session_series', {
  id: primaryId(),
  communityId: communityIdColumn(),
  repeat: seriesRepeat('repeat').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/**
 * A shared session (活动). Its row carries the seat counters and is the lock every change of seats
 * takes (see `server/modules/sessions/seat-ledger.ts`).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    /** The series this session is a date of; null for a session on its own. */
    seriesId: uuid('series_id').references(() => sessionSeries.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    hostUserId: uuid('host_user_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: sessionMode('mode').notNull(),
    meetingLink: text('meeting_link'),
    address: text('address'),
    capacity: integer('capacity').notNull(),
    /** Seats held by confirmed and offered parties, guests included: the sum over its sign-ups, kept by the seat ledger. */
    seatsTaken: integer('seats_taken').notNull().default(0),
    /** Parties on the waitlist, kept by the seat ledger; the newest waiting party's position. */
    waitlistCount: integer('waitlist_count').notNull().default(0),
    signUpDeadline: timestamp('sign_up_deadline', { withTimezone: true }).notNull(),
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    reminderOffsets: jsonb('reminder_offsets').$type<number[]>().notNull().default([1440, 60]),
    /** Null: a promoted party is confirmed at once; otherwise it must claim the seats within this many hours. */
    claimWindowHours: integer('claim_window_hours'),
    status: sessionStatus('status').notNull().default('scheduled'),
    checkInCode: text('check_in_code'),
    /** When check-in was first opened (a code, or someone checked in by hand): only such sessions count in attendance records. */
    checkInOpenedAt: timestamp('check_in_opened_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sessions_community_starts_idx').on(table.communityId, table.startsAt, table.id),
    index('sessions_series_starts_idx')
      .on(table.seriesId, table.startsAt)
      .where(sql`${table.seriesId} is not null`),
    check(
      'sessions_seat_counters',
      sql`${table.seatsTaken} >= 0 and ${table.seatsTaken} <= ${table.capacity} and ${table.waitlistCount} >= 0`,
    ),
  ],
);

/**
 * One row per member and session, reused when they sign up again. `arrival` comes from a sequence read
 * while the session row is locked, so it orders the waitlist exactly as sign-ups were served.
 */
export const sessionSignups = pgTable(
  'session_signups',
  {
    id: primaryId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: userIdColumn(),
    guests: smallint('guests').notNull().default(0),
    /** The fewest guests the party still comes with when seats are short (a smaller spot); null: whole or not at all. */
    minGuests: smallint('min_guests'),
    status: signupStatus('status').notNull(),
    arrival: bigserial('arrival', { mode: 'number' }).notNull(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** The guests who came, as the host counted them when scanning the member's pass; null: not counted. */
    checkedInGuests: smallint('checked_in_guests'),
    wrongCheckInGuesses: smallint('wrong_check_in_guesses').notNull().default(0),
    feedbackRating: smallint('feedback_rating'),
    feedbackComment: text('feedback_comment'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    /** When the sign-up was cancelled, and whether it held a confirmed seat then: a late one counts as a no-show. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledWhileConfirmed: boolean('cancelled_while_confirmed').notNull().default(false),
    /** When the party joined the waitlist (null: seated at once): the dashboard's waitlist conversion. */
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
    /**
     * Waitlisted by the gentle rule with seats free: not seated before 24 hours before the start.
     * Cleared by the seat ledger at that mark (`releaseHeldBackParties`) or when signing up again.
     */
    heldBack: boolean('held_back').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('session_signups_session_user_unique').on(table.sessionId, table.userId),
    index('session_signups_session_status_arrival_idx').on(table.sessionId, table.status, table.arrival),
    index('session_signups_user_idx').on(table.userId),
    index('session_signups_offer_expiry_idx')
      .on(table.offerExpiresAt)
      .where(sql`${table.status} = 'offered'`),
    index('session_signups_held_back_idx')
      .on(table.sessionId)
      .where(sql`${table.heldBack} and ${table.status} = 'waitlisted'`),
  ],
);

/** "想听这个": a member asks for a session on a tip; the team sees the most wanted tips when scheduling. */
export const tipWants = pgTable(
  'tip_wants',
  {
    tipId: uuid('tip_id')
      .notNull()
      .references(() => tips.id, { onDelete: 'cascade' }),
    userId: userIdColumn(),
    communityId: communityIdColumn(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tipId, table.userId] }),
    index('tip_wants_community_tip_idx').on(table.communityId, table.tipId),
  ],
);
