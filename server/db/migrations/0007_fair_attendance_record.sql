ALTER TABLE "communities" ADD COLUMN "late_cancel_hours" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_signups" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_signups" ADD COLUMN "cancelled_while_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "check_in_opened_at" timestamp with time zone;--> statement-breakpoint
/* Sessions that had a check-in code before this column existed had check-in opened. */
UPDATE "sessions" SET "check_in_opened_at" = "updated_at" WHERE "check_in_code" IS NOT NULL;
