ALTER TABLE "sessions" ADD COLUMN "seats_taken" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "waitlist_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written backfill: the counters start as the sums over the existing sign-ups.
UPDATE "sessions" SET
  "seats_taken" = coalesce((SELECT sum(1 + "guests") FROM "session_signups" WHERE "session_id" = "sessions"."id" AND "status" IN ('confirmed', 'offered')), 0),
  "waitlist_count" = (SELECT count(*) FROM "session_signups" WHERE "session_id" = "sessions"."id" AND "status" = 'waitlisted');--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_seat_counters" CHECK ("sessions"."seats_taken" >= 0 and "sessions"."seats_taken" <= "sessions"."capacity" and "sessions"."waitlist_count" >= 0);