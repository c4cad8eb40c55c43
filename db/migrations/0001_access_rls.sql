-- Row-level security: the backstop under the policy functions (ARCHITECTURE.md, mechanism 1).
-- Requests run as trama_app (NOSUPERUSER NOBYPASSRLS) with their context in transaction-local
-- settings trama.*; system work (sessions, sealing the audit chain, jobs) runs as the owner.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trama_app') THEN
    CREATE ROLE trama_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
GRANT trama_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO trama_app;
--> statement-breakpoint
CREATE FUNCTION trama_user() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('trama.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION trama_role() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('trama.role', true), '') $$;
--> statement-breakpoint
CREATE FUNCTION trama_org() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('trama.organisation_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION trama_is_global() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(trama_role() IN ('admin', 'dpo'), false) $$;
--> statement-breakpoint
-- SECURITY DEFINER so the checks can read memberships and grants without recursing into their
-- own policies; no SET clause (it would cost a GUC change per call) and schema-qualified names
-- instead. Policies call them as (select …) so each runs once per query, not once per row.
CREATE FUNCTION trama_org_member_ids() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT m.user_id), '{}')
     FROM public.memberships m LEFT JOIN public.services s ON s.id = m.service_id
    WHERE coalesce(m.organisation_id, s.organisation_id) = public.trama_org() $$;
--> statement-breakpoint
CREATE FUNCTION trama_granted_ids(kind text) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(g.record_id), '{}') FROM public.break_glass_grants g
    WHERE g.user_id = public.trama_user() AND g.record_type = kind
      AND g.revoked_at IS NULL AND g.expires_at > now() $$;
--> statement-breakpoint
-- Reference and organisation structure: not personal data; who may write is checked per route.
GRANT SELECT, INSERT, UPDATE ON districts, municipalities, organisations, services TO trama_app;
--> statement-breakpoint
GRANT SELECT ON countries, languages TO trama_app;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_system ON users TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY users_read ON users FOR SELECT TO trama_app USING (
  (SELECT trama_is_global()) OR id = (SELECT trama_user())
  OR id = ANY ((SELECT trama_org_member_ids())::uuid[]) OR id = ANY ((SELECT trama_granted_ids('user'))::uuid[]));
--> statement-breakpoint
CREATE POLICY users_insert ON users FOR INSERT TO trama_app WITH CHECK (trama_role() = 'admin');
--> statement-breakpoint
CREATE POLICY users_update ON users FOR UPDATE TO trama_app
  USING (trama_role() = 'admin' OR id = trama_user()) WITH CHECK (trama_role() = 'admin' OR id = trama_user());
--> statement-breakpoint
-- Column grants: trama_app can never read or write password hashes or TOTP secrets.
GRANT SELECT (id, username, display_name, email, phone, locale, mfa_enrolled_at, disabled_at, demo, created_at,
  password_changed_at) ON users TO trama_app;
--> statement-breakpoint
GRANT INSERT (username, display_name, email, phone, locale) ON users TO trama_app;
--> statement-breakpoint
GRANT UPDATE (display_name, email, phone, locale, disabled_at) ON users TO trama_app;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_system ON memberships TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY memberships_read ON memberships FOR SELECT TO trama_app USING (
  (SELECT trama_is_global()) OR user_id = (SELECT trama_user())
  OR user_id = ANY ((SELECT trama_org_member_ids())::uuid[]) OR user_id = ANY ((SELECT trama_granted_ids('user'))::uuid[]));
--> statement-breakpoint
CREATE POLICY memberships_insert ON memberships FOR INSERT TO trama_app WITH CHECK (trama_role() = 'admin');
--> statement-breakpoint
CREATE POLICY memberships_delete ON memberships FOR DELETE TO trama_app USING (trama_role() = 'admin');
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON memberships TO trama_app;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sessions_system ON sessions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY sessions_own_or_admin ON sessions TO trama_app
  USING (user_id = trama_user() OR trama_role() = 'admin');
--> statement-breakpoint
GRANT SELECT (id, user_id, state, created_at, last_seen_at, absolute_expires_at, revoked_at, client_ip, user_agent)
  ON sessions TO trama_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON sessions TO trama_app;
--> statement-breakpoint
-- Secrets of authentication: no grant to trama_app at all; only the auth platform (as owner) reads them.
ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recovery_codes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY recovery_codes_system ON recovery_codes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE password_reset_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE password_reset_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY password_reset_tokens_system ON password_reset_tokens TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE auth_throttle ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE auth_throttle FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY auth_throttle_system ON auth_throttle TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Audit: requests append their own events; only the DPO reads; nobody but the sealer updates.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_system ON audit_events TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT TO trama_app
  WITH CHECK (actor_user_id IS NOT DISTINCT FROM (SELECT trama_user()) AND chain_seq IS NULL);
--> statement-breakpoint
CREATE POLICY audit_events_dpo_read ON audit_events FOR SELECT TO trama_app USING (trama_role() = 'dpo');
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events TO trama_app;
--> statement-breakpoint
GRANT SELECT ON audit_chain_head TO trama_app;
--> statement-breakpoint
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_chain_head_system ON audit_chain_head TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_chain_head_dpo ON audit_chain_head FOR SELECT TO trama_app USING (trama_role() = 'dpo');
--> statement-breakpoint
-- Sealed events never change and no event is deleted; the sealer may only fill the chain columns once.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit events are append-only';
  END IF;
  IF OLD.chain_seq IS NOT NULL OR
     (OLD.id, OLD.xid, OLD.occurred_at, OLD.actor_user_id, OLD.actor_username, OLD.actor_role,
      OLD.acting_service_id, OLD.action, OLD.outcome, OLD.record_type, OLD.record_id, OLD.purpose,
      OLD.client_ip, OLD.details)
     IS DISTINCT FROM
     (NEW.id, NEW.xid, NEW.occurred_at, NEW.actor_user_id, NEW.actor_username, NEW.actor_role,
      NEW.acting_service_id, NEW.action, NEW.outcome, NEW.record_type, NEW.record_id, NEW.purpose,
      NEW.client_ip, NEW.details) THEN
    RAISE EXCEPTION 'audit events are append-only';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
ALTER TABLE break_glass_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE break_glass_grants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY break_glass_grants_system ON break_glass_grants TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY break_glass_grants_own ON break_glass_grants FOR INSERT TO trama_app WITH CHECK (user_id = trama_user());
--> statement-breakpoint
CREATE POLICY break_glass_grants_read ON break_glass_grants FOR SELECT TO trama_app
  USING (user_id = trama_user() OR trama_role() = 'dpo');
--> statement-breakpoint
GRANT SELECT, INSERT ON break_glass_grants TO trama_app;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_system ON notifications TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications FOR SELECT TO trama_app USING (user_id = trama_user());
--> statement-breakpoint
CREATE POLICY notifications_mark_read ON notifications FOR UPDATE TO trama_app USING (user_id = trama_user());
--> statement-breakpoint
-- Anyone acting may notify someone (the DPO of a break-the-glass); nobody reads another's notices.
CREATE POLICY notifications_send ON notifications FOR INSERT TO trama_app WITH CHECK (trama_user() IS NOT NULL);
--> statement-breakpoint
GRANT SELECT, INSERT ON notifications TO trama_app;
--> statement-breakpoint
GRANT UPDATE (read_at) ON notifications TO trama_app;
