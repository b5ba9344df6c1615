CREATE TABLE "picture_check_answers" (
	"trace_id" text PRIMARY KEY NOT NULL,
	"suggest" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "check_status" text DEFAULT 'pass' NOT NULL;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "check_scene" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "check_trace_id" text;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "check_suggest" text;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "check_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "check_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "check_last_error" text;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "preview_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_check_trace_id_unique" ON "uploads" USING btree ("check_trace_id");--> statement-breakpoint
CREATE INDEX "uploads_check_due_idx" ON "uploads" USING btree ("check_next_attempt_at") WHERE "uploads"."check_next_attempt_at" is not null;