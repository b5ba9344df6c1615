CREATE TYPE "public"."export_kind" AS ENUM('session_signups', 'members');--> statement-breakpoint
CREATE TABLE "export_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" "export_kind" NOT NULL,
	"subject_id" uuid,
	"subject" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "weekly_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"intro" text,
	"intro_by" uuid,
	"prepared_at" timestamp with time zone,
	"shared_at" timestamp with time zone,
	"shared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "export_records" ADD CONSTRAINT "export_records_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_records" ADD CONSTRAINT "export_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_digests" ADD CONSTRAINT "weekly_digests_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_digests" ADD CONSTRAINT "weekly_digests_intro_by_users_id_fk" FOREIGN KEY ("intro_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_digests" ADD CONSTRAINT "weekly_digests_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_records_community_newest" ON "export_records" USING btree ("community_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_digests_community_week" ON "weekly_digests" USING btree ("community_id","week_start");--> statement-breakpoint
CREATE INDEX "tips_search" ON "tips" USING gin ("search_vector") WHERE "tips"."status" = 'published';--> statement-breakpoint
CREATE INDEX "tips_search_missing" ON "tips" USING btree ("id") WHERE "tips"."search_vector" is null;