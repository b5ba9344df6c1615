CREATE INDEX "tips_hidden_authors" ON "tips" USING btree ("community_id","author_id") WHERE "tips"."hidden_at" is not null;--> statement-breakpoint
-- Every change of a tip tells the listening server instances which community's feed changed
-- (channel feed_changes; payload: the community's id), and a new nickname, which shows on the cards
-- of every community, tells them all ('*'); they drop what they cached of it
-- (server/modules/tips/feed-cache.ts). NOTIFY is sent at commit, once per payload per transaction.
CREATE FUNCTION "notify_feed_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('feed_changes', '*');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('feed_changes', OLD.community_id::text);
  ELSE
    PERFORM pg_notify('feed_changes', NEW.community_id::text);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tips_feed_change" AFTER INSERT OR UPDATE OR DELETE ON "tips"
  FOR EACH ROW EXECUTE FUNCTION "notify_feed_change"();--> statement-breakpoint
CREATE TRIGGER "users_feed_change" AFTER UPDATE OF "nickname" ON "users"
  FOR EACH ROW WHEN (OLD."nickname" IS DISTINCT FROM NEW."nickname") EXECUTE FUNCTION "notify_feed_change"();
