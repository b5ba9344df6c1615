ALTER TABLE "promotion_requests" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;