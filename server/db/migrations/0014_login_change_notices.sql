-- Every change that alters who a login is or where they stand tells the listening server instances
-- (channel login_changes; payload: the user's id, or community:<id>), which drop what they cached of
-- it (server/modules/auth/login-cache.ts). A trigger, so that no code path can forget to tell them.
-- NOTIFY is sent at commit, and not at all on rollback.
CREATE FUNCTION "notify_login_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('login_changes', changed.id::text);
  ELSIF TG_TABLE_NAME = 'communities' THEN
    PERFORM pg_notify('login_changes', 'community:' || changed.id::text);
  ELSE
    PERFORM pg_notify('login_changes', changed.user_id::text);
    IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
      PERFORM pg_notify('login_changes', OLD.user_id::text);
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "auth_sessions_login_change" AFTER UPDATE OR DELETE ON "auth_sessions"
  FOR EACH ROW EXECUTE FUNCTION "notify_login_change"();--> statement-breakpoint
CREATE TRIGGER "users_login_change" AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "notify_login_change"();--> statement-breakpoint
CREATE TRIGGER "memberships_login_change" AFTER INSERT OR UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "notify_login_change"();--> statement-breakpoint
CREATE TRIGGER "communities_login_change" AFTER INSERT OR DELETE ON "communities"
  FOR EACH ROW EXECUTE FUNCTION "notify_login_change"();
