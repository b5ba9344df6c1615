ALTER TABLE "communities" ADD COLUMN "gentle_rule" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session_signups" ADD COLUMN "held_back" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "session_signups_held_back_idx" ON "session_signups" USING btree ("session_id") WHERE "session_signups"."held_back" and "session_signups"."status" = 'waitlisted';