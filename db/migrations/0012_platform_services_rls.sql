-- Row-level security and grants for the platform services of migration 0011.
-- Sections: jobs and mail, idempotency keys, file storage, exports, audit retention.

-- == Jobs and mail ==
-- pg-boss keeps its own schema (pgboss), created by pg-boss at start and used only by the owner
-- role; trama_app has no grant on it. Mail deliveries are the mail job's, the owner's only.
ALTER TABLE mail_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mail_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mail_deliveries_system ON mail_deliveries TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint

-- == Break-the-glass: early revocation ==
-- A DPO ends someone else's active emergency access. Only revoked_at changes, so trama_app gets no
-- column grant: this function, owned by the owner, is the one way, and it names the outcome.
CREATE FUNCTION break_glass_revoke(gid uuid)
RETURNS TABLE (outcome text, record_type text, record_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE g public.break_glass_grants%ROWTYPE;
BEGIN
  IF public.trama_role() IS DISTINCT FROM 'dpo' THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::text, NULL::uuid; RETURN;
  END IF;
  SELECT * INTO g FROM public.break_glass_grants WHERE id = gid FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::text, NULL::uuid; RETURN;
  END IF;
  IF g.user_id = public.trama_user() THEN
    RETURN QUERY SELECT 'own'::text, g.record_type, g.record_id; RETURN;
  END IF;
  IF g.revoked_at IS NOT NULL OR g.expires_at <= now() THEN
    RETURN QUERY SELECT 'ended'::text, g.record_type, g.record_id; RETURN;
  END IF;
  UPDATE public.break_glass_grants SET revoked_at = now() WHERE id = gid;
  RETURN QUERY SELECT 'revoked'::text, g.record_type, g.record_id;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION break_glass_revoke(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION break_glass_revoke(uuid) TO trama_app;
--> statement-breakpoint

-- == Idempotency keys ==
-- A write's key is claimed by the request's own transaction (as trama_app) and read back and
-- answered only for its own user; the prune job deletes old keys as the owner.
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY idempotency_keys_system ON idempotency_keys TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY idempotency_keys_read ON idempotency_keys FOR SELECT TO trama_app
  USING (user_id = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY idempotency_keys_claim ON idempotency_keys FOR INSERT TO trama_app
  WITH CHECK (user_id = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY idempotency_keys_answer ON idempotency_keys FOR UPDATE TO trama_app
  USING (user_id = (SELECT trama_user())) WITH CHECK (user_id = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON idempotency_keys TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status_code, response_body, completed_at) ON idempotency_keys TO trama_app;
--> statement-breakpoint

-- == File storage ==
-- Who may read a file is its module's rule, asked by platform/storage before a link is made and
-- again when it is used. Beneath it: a request sees a file's row only through a link issued to
-- itself, or through a policy its module adds here for the files its own rows name (e.g.
-- "id IN (SELECT file_id FROM case_documents)", under case_documents' own RLS); it creates files
-- only as itself, for the service it acts for; it reaches only its own links, for ten minutes at most.
-- The owner of a file (module, record, class: never its name or key) is readable by id, so the
-- module's rule can be asked before any link exists.
CREATE FUNCTION trama_file_owner(f uuid)
RETURNS TABLE (module text, record_type text, record_id uuid, data_class text)
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT s.module, s.record_type, s.record_id, s.data_class FROM public.stored_files s
    WHERE s.id = f AND s.deleted_at IS NULL $$;
--> statement-breakpoint
ALTER TABLE stored_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stored_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY stored_files_system ON stored_files TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY stored_files_linked ON stored_files FOR SELECT TO trama_app USING (
  id IN (SELECT l.file_id FROM file_links l WHERE l.user_id = (SELECT trama_user())));
--> statement-breakpoint
CREATE POLICY stored_files_insert ON stored_files FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND service_id IS NOT DISTINCT FROM (SELECT trama_service())
  AND deleted_at IS NULL);
--> statement-breakpoint
-- Deleting is marking and forgetting the key; an UPDATE that names the row also needs it to be
-- visible under the SELECT policies above.
CREATE POLICY stored_files_delete ON stored_files FOR UPDATE TO trama_app USING (deleted_at IS NULL)
  WITH CHECK (deleted_at IS NOT NULL);
--> statement-breakpoint
-- Every column but the sealed data key, which the request role writes and forgets but never reads
-- (the download reads it as the owner, after the link is spent).
GRANT SELECT (id, module, record_type, record_id, data_class, retention_class, name_sealed, content_type,
  size_bytes, storage_key, key_id, service_id, created_by, created_at, deleted_at) ON stored_files TO trama_app;
--> statement-breakpoint
GRANT INSERT ON stored_files TO trama_app;
--> statement-breakpoint
GRANT UPDATE (deleted_at, data_key_sealed) ON stored_files TO trama_app;
--> statement-breakpoint
ALTER TABLE file_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE file_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY file_links_system ON file_links TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY file_links_read ON file_links FOR SELECT TO trama_app USING (user_id = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY file_links_insert ON file_links FOR INSERT TO trama_app WITH CHECK (
  user_id = (SELECT trama_user()) AND used_at IS NULL AND expires_at <= now() + interval '10 minutes');
--> statement-breakpoint
CREATE POLICY file_links_use ON file_links FOR UPDATE TO trama_app USING (user_id = (SELECT trama_user()))
  WITH CHECK (user_id = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON file_links TO trama_app;
--> statement-breakpoint
GRANT UPDATE (used_at) ON file_links TO trama_app;
--> statement-breakpoint

-- == Exports ==
-- Written by the platform as the owner after its checks (requests, decisions, the job's progress).
-- A request sees its own runs, the runs of its service that wait for a second person, and those it
-- decided; the service layer shows a waiting run only to someone holding the approving permission.
ALTER TABLE export_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE export_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY export_runs_system ON export_runs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY export_runs_read ON export_runs FOR SELECT TO trama_app USING (
  requested_by = (SELECT trama_user()) OR approved_by = (SELECT trama_user())
  OR (state = 'awaiting_approval' AND service_id = (SELECT trama_service())));
--> statement-breakpoint
GRANT SELECT ON export_runs TO trama_app;
--> statement-breakpoint

-- == Audit retention ==

-- A cut (platform/audit/audit-retention.ts) is written by the retention job as the owner and never
-- changed; the DPO may read the cuts. Only the retention cut deletes audit events: the append-only
-- trigger now lets a DELETE through for a sealed event covered by a recorded cut (at or before its
-- sequence number and older than its limit), and refuses every other DELETE, of an unsealed event
-- above all, and every UPDATE as before. trama_app has no DELETE grant on audit_events and no write
-- grant on audit_retention_cuts, so a request can do neither. The owner could always switch the
-- trigger off: a cut row it forged would carry no valid signature (ADR 0003, Retention).
--> statement-breakpoint
ALTER TABLE audit_retention_cuts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_retention_cuts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_retention_cuts_system ON audit_retention_cuts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_retention_cuts_dpo ON audit_retention_cuts FOR SELECT TO trama_app USING (trama_role() = 'dpo');
--> statement-breakpoint
GRANT SELECT ON audit_retention_cuts TO trama_app;
--> statement-breakpoint
CREATE FUNCTION audit_retention_cuts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit retention cuts are append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_retention_cuts_append_only BEFORE UPDATE OR DELETE ON audit_retention_cuts
  FOR EACH ROW EXECUTE FUNCTION audit_retention_cuts_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.chain_seq IS NOT NULL AND EXISTS (
         SELECT 1 FROM public.audit_retention_cuts c
          WHERE c.through_seq >= OLD.chain_seq AND OLD.occurred_at < c.older_than) THEN
      RETURN OLD;
    END IF;
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
-- The cut itself, in the caller's transaction: records the signed cut, then deletes the events it
-- covers, after checking what was signed against the table (the hash at the cut point, every event
-- through it older than the limit, the chain head kept, nothing before the previous cut) and that
-- exactly the counted events went. Runs as the caller (the owner); nobody else may execute it.
CREATE FUNCTION audit_retention_cut(p_through_seq bigint, p_through_hash text, p_removed_events bigint,
  p_older_than timestamptz, p_signed_text text, p_signature text, p_key_id text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  removed bigint;
BEGIN
  IF p_through_seq <= (SELECT coalesce(max(through_seq), 0) FROM public.audit_retention_cuts) THEN
    RAISE EXCEPTION 'audit retention cut: sequence % is not after the last cut', p_through_seq;
  END IF;
  IF p_through_seq >= (SELECT seq FROM public.audit_chain_head WHERE id = 1) THEN
    RAISE EXCEPTION 'audit retention cut: sequence % would remove the chain head', p_through_seq;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM public.audit_events WHERE chain_seq = p_through_seq AND hash = p_through_hash) THEN
    RAISE EXCEPTION 'audit retention cut: the event at sequence % does not carry the signed hash', p_through_seq;
  END IF;
  IF EXISTS (SELECT 1 FROM public.audit_events WHERE chain_seq <= p_through_seq AND occurred_at >= p_older_than) THEN
    RAISE EXCEPTION 'audit retention cut: an event through sequence % is not older than %', p_through_seq, p_older_than;
  END IF;
  INSERT INTO public.audit_retention_cuts
    (through_seq, through_hash, removed_events, older_than, signed_text, signature, key_id)
    VALUES (p_through_seq, p_through_hash, p_removed_events, p_older_than, p_signed_text, p_signature, p_key_id);
  DELETE FROM public.audit_events WHERE chain_seq <= p_through_seq;
  GET DIAGNOSTICS removed = ROW_COUNT;
  IF removed <> p_removed_events THEN
    RAISE EXCEPTION 'audit retention cut: % events to remove through sequence %, % found', p_removed_events, p_through_seq, removed;
  END IF;
  RETURN removed;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_retention_cut(bigint, text, bigint, timestamptz, text, text, text) FROM PUBLIC;
