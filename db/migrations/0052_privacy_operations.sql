CREATE TABLE "record_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"vault_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shredded_at" timestamp with time zone,
	CONSTRAINT "record_keys_scope_unique" UNIQUE("scope","scope_id"),
	CONSTRAINT "record_keys_scope" CHECK ("record_keys"."scope" in ('household'))
);
--> statement-breakpoint
CREATE TABLE "privacy_breach_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"breach_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"reference" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_breach_notifications_recipient" CHECK ("privacy_breach_notifications"."recipient" in ('garante', 'data_subjects', 'partner', 'police'))
);
--> statement-breakpoint
CREATE TABLE "privacy_breaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"detected_how" text NOT NULL,
	"occurred_from" timestamp with time zone NOT NULL,
	"occurred_to" timestamp with time zone NOT NULL,
	"suspected_user_id" uuid,
	"suspected_ip" text,
	"status" text DEFAULT 'suspected' NOT NULL,
	"risk" text,
	"garante_decision" text,
	"garante_reasons" text,
	"subjects_decision" text,
	"subjects_reasons" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_breaches_status" CHECK ("privacy_breaches"."status" in ('suspected', 'confirmed', 'not_a_breach', 'closed')),
	CONSTRAINT "privacy_breaches_risk" CHECK ("privacy_breaches"."risk" in ('unlikely', 'risk', 'high_risk')),
	CONSTRAINT "privacy_breaches_garante" CHECK ("privacy_breaches"."garante_decision" in ('notify', 'not_required')),
	CONSTRAINT "privacy_breaches_subjects" CHECK ("privacy_breaches"."subjects_decision" in ('notify', 'not_required')),
	CONSTRAINT "privacy_breaches_window" CHECK ("privacy_breaches"."occurred_to" >= "privacy_breaches"."occurred_from")
);
--> statement-breakpoint
CREATE TABLE "privacy_legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"reference" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text,
	CONSTRAINT "privacy_legal_holds_dates" CHECK ("privacy_legal_holds"."ends_on" is null or "privacy_legal_holds"."ends_on" >= "privacy_legal_holds"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "privacy_processing_entries" (
	"activity_key" text PRIMARY KEY NOT NULL,
	"controller" text,
	"processors" text,
	"transfers" text,
	"notes" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"identity_check" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extended_to" date,
	"extension_reason" text,
	"details" text,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"answered_at" timestamp with time zone,
	"restriction_lifted_at" timestamp with time zone,
	"restriction_lift_reason" text,
	"reminded_due_soon_for" date,
	"reminded_overdue_for" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_kind" CHECK ("privacy_requests"."kind" in ('access', 'rectification', 'erasure', 'restriction', 'objection')),
	CONSTRAINT "privacy_requests_status" CHECK ("privacy_requests"."status" in ('open', 'answered', 'refused')),
	CONSTRAINT "privacy_requests_extension" CHECK ("privacy_requests"."extended_to" is null or "privacy_requests"."extended_to" > "privacy_requests"."due_on")
);
--> statement-breakpoint
CREATE TABLE "privacy_retention_items" (
	"run_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"household_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"last_closed_on" date NOT NULL,
	"due_on" date NOT NULL,
	"cases" integer NOT NULL,
	"people" integer NOT NULL,
	"notes" integer NOT NULL,
	"documents" integer NOT NULL,
	"status" text NOT NULL,
	"hold_id" uuid,
	"done_at" timestamp with time zone,
	CONSTRAINT "privacy_retention_items_run_id_household_id_pk" PRIMARY KEY("run_id","household_id"),
	CONSTRAINT "privacy_retention_items_status" CHECK ("privacy_retention_items"."status" in ('due', 'held', 'done', 'not_due'))
);
--> statement-breakpoint
CREATE TABLE "privacy_retention_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"retention_class" text NOT NULL,
	"period_months" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_retention_policies_class" UNIQUE("organisation_id","retention_class"),
	CONSTRAINT "privacy_retention_policies_class_known" CHECK ("privacy_retention_policies"."retention_class" in ('case_record', 'statistical', 'training_record', 'account'))
);
--> statement-breakpoint
CREATE TABLE "privacy_retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"as_of" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "privacy_retention_runs_status" CHECK ("privacy_retention_runs"."status" in ('proposed', 'approved', 'done', 'discarded'))
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "anonymised_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "processing_restricted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "privacy_breach_notifications" ADD CONSTRAINT "privacy_breach_notifications_breach_id_privacy_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."privacy_breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_breach_notifications" ADD CONSTRAINT "privacy_breach_notifications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_breaches" ADD CONSTRAINT "privacy_breaches_suspected_user_id_users_id_fk" FOREIGN KEY ("suspected_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_breaches" ADD CONSTRAINT "privacy_breaches_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_breaches" ADD CONSTRAINT "privacy_breaches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_legal_holds" ADD CONSTRAINT "privacy_legal_holds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_legal_holds" ADD CONSTRAINT "privacy_legal_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_processing_entries" ADD CONSTRAINT "privacy_processing_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_retention_items" ADD CONSTRAINT "privacy_retention_items_run_id_privacy_retention_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."privacy_retention_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_retention_items" ADD CONSTRAINT "privacy_retention_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_retention_items" ADD CONSTRAINT "privacy_retention_items_hold_id_privacy_legal_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."privacy_legal_holds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_retention_policies" ADD CONSTRAINT "privacy_retention_policies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_retention_policies" ADD CONSTRAINT "privacy_retention_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_retention_runs" ADD CONSTRAINT "privacy_retention_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_retention_runs" ADD CONSTRAINT "privacy_retention_runs_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_breach_notifications_breach" ON "privacy_breach_notifications" USING btree ("breach_id");--> statement-breakpoint
CREATE INDEX "privacy_legal_holds_household" ON "privacy_legal_holds" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_retention_runs_one_open" ON "privacy_retention_runs" USING btree ((true)) WHERE "privacy_retention_runs"."status" in ('proposed', 'approved');--> statement-breakpoint
-- Row-level security of privacy operations (issue 23): the DPO's records, read and written by the DPO
-- only; the retention periods also read by the admin. The retention job runs as the owner.
ALTER TABLE privacy_retention_policies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_retention_policies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_retention_policies_system ON privacy_retention_policies TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_retention_policies_read ON privacy_retention_policies FOR SELECT TO trama_app
  USING ((SELECT trama_role()) IN ('dpo', 'admin'));
--> statement-breakpoint
CREATE POLICY privacy_retention_policies_insert ON privacy_retention_policies FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND updated_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY privacy_retention_policies_update ON privacy_retention_policies FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'dpo') WITH CHECK ((SELECT trama_role()) = 'dpo' AND updated_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_retention_policies TO trama_app;
--> statement-breakpoint
GRANT UPDATE (period_months, updated_by, updated_at) ON privacy_retention_policies TO trama_app;
--> statement-breakpoint
ALTER TABLE privacy_legal_holds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_legal_holds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_legal_holds_system ON privacy_legal_holds TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_legal_holds_read ON privacy_legal_holds FOR SELECT TO trama_app
  USING ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
CREATE POLICY privacy_legal_holds_insert ON privacy_legal_holds FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND created_by = (SELECT trama_user()) AND lifted_at IS NULL);
--> statement-breakpoint
CREATE POLICY privacy_legal_holds_lift ON privacy_legal_holds FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'dpo' AND lifted_at IS NULL)
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND lifted_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_legal_holds TO trama_app;
--> statement-breakpoint
GRANT UPDATE (lifted_at, lifted_by, lift_reason) ON privacy_legal_holds TO trama_app;
--> statement-breakpoint
ALTER TABLE privacy_retention_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_retention_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_retention_runs_system ON privacy_retention_runs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_retention_runs_read ON privacy_retention_runs FOR SELECT TO trama_app
  USING ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
CREATE POLICY privacy_retention_runs_insert ON privacy_retention_runs FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND created_by = (SELECT trama_user()) AND status = 'proposed');
--> statement-breakpoint
-- The DPO approves or discards a proposed run; only the job (the owner) marks it done.
CREATE POLICY privacy_retention_runs_decide ON privacy_retention_runs FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'dpo' AND status = 'proposed')
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND status IN ('approved', 'discarded')
    AND (status = 'discarded' OR approved_by = (SELECT trama_user())));
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_retention_runs TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, approved_by, approved_at, finished_at) ON privacy_retention_runs TO trama_app;
--> statement-breakpoint
ALTER TABLE privacy_retention_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_retention_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_retention_items_system ON privacy_retention_items TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_retention_items_read ON privacy_retention_items FOR SELECT TO trama_app
  USING ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
-- Items are written only with their run's dry run, by the DPO who made it.
CREATE POLICY privacy_retention_items_insert ON privacy_retention_items FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND status IN ('due', 'held') AND EXISTS (
    SELECT 1 FROM privacy_retention_runs r WHERE r.id = run_id AND r.status = 'proposed' AND r.created_by = (SELECT trama_user())));
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_retention_items TO trama_app;
--> statement-breakpoint
-- A record's key (ADR 0026): the request role makes one on a household's first note and reads
-- where it lies; only the owner (the retention job) destroys one.
GRANT SELECT, INSERT ON record_keys TO trama_app;
--> statement-breakpoint
-- The retention job anonymises a merged duplicate too: the guard that keeps it read-only yields
-- to the owner's erasure, never to the request role (which cannot be the owner).
CREATE OR REPLACE FUNCTION trama_person_merge_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE kept people%ROWTYPE;
BEGIN
  IF current_setting('role') = 'none' AND coalesce(current_setting('trama.retention_erasing', true), '') = 'on' THEN
    RETURN NEW;
  END IF;
  IF OLD.merged_into_id IS NOT NULL AND NEW.merged_into_id IS NOT NULL THEN
    RAISE EXCEPTION 'a merged record is read-only until the merge is undone' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.case_role IS DISTINCT FROM OLD.case_role AND EXISTS (
       SELECT 1 FROM people o WHERE o.merged_into_id = NEW.id
          AND (o.case_role = 'perpetrator') <> (NEW.case_role = 'perpetrator')) THEN
    RAISE EXCEPTION 'a perpetrator is never merged with another person' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.merged_into_id IS NULL OR OLD.merged_into_id IS NOT NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO kept FROM people WHERE id = NEW.merged_into_id;
  IF kept.id IS NULL OR (kept.case_role = 'perpetrator') <> (NEW.case_role = 'perpetrator') THEN
    RAISE EXCEPTION 'a perpetrator is never merged with another person' USING ERRCODE = 'check_violation';
  END IF;
  IF kept.merged_into_id IS NOT NULL OR EXISTS (SELECT 1 FROM people o WHERE o.merged_into_id = NEW.id) THEN
    RAISE EXCEPTION 'merges do not chain' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- The breach register: the DPO's only. A notification, once recorded, is never changed.
ALTER TABLE privacy_breaches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_breaches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_breaches_system ON privacy_breaches TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_breaches_read ON privacy_breaches FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
CREATE POLICY privacy_breaches_insert ON privacy_breaches FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND created_by = (SELECT trama_user()) AND decided_by IS NULL);
--> statement-breakpoint
CREATE POLICY privacy_breaches_decide ON privacy_breaches FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'dpo') WITH CHECK ((SELECT trama_role()) = 'dpo' AND decided_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_breaches TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, risk, garante_decision, garante_reasons, subjects_decision, subjects_reasons, decided_by, decided_at)
  ON privacy_breaches TO trama_app;
--> statement-breakpoint
ALTER TABLE privacy_breach_notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_breach_notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_breach_notifications_system ON privacy_breach_notifications TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_breach_notifications_read ON privacy_breach_notifications FOR SELECT TO trama_app
  USING ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
CREATE POLICY privacy_breach_notifications_insert ON privacy_breach_notifications FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND recorded_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_breach_notifications TO trama_app;
--> statement-breakpoint
-- The DPO's completions of the record of processing: read and written by the DPO only.
ALTER TABLE privacy_processing_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_processing_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_processing_entries_system ON privacy_processing_entries TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_processing_entries_read ON privacy_processing_entries FOR SELECT TO trama_app
  USING ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
CREATE POLICY privacy_processing_entries_insert ON privacy_processing_entries FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND updated_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY privacy_processing_entries_update ON privacy_processing_entries FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'dpo') WITH CHECK ((SELECT trama_role()) = 'dpo' AND updated_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON privacy_processing_entries TO trama_app;
--> statement-breakpoint
-- Data subjects' requests: no one but the DPO reads or writes one. Once answered, a request is closed.
ALTER TABLE privacy_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_requests_system ON privacy_requests TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY privacy_requests_read ON privacy_requests FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
CREATE POLICY privacy_requests_insert ON privacy_requests FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND created_by = (SELECT trama_user()) AND status = 'open');
--> statement-breakpoint
-- An open request is extended or answered; a restriction granted is lifted once.
CREATE POLICY privacy_requests_update ON privacy_requests FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'dpo' AND (status = 'open'
    OR (kind = 'restriction' AND status = 'answered' AND restriction_lifted_at IS NULL)))
  WITH CHECK ((SELECT trama_role()) = 'dpo');
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_requests TO trama_app;
--> statement-breakpoint
GRANT UPDATE (extended_to, extension_reason, status, outcome, answered_at, restriction_lifted_at, restriction_lift_reason)
  ON privacy_requests TO trama_app;
--> statement-breakpoint
-- Restriction of processing (GDPR art. 18): a restricted person's record is kept as it is, not
-- deleted and not brought into a new referral, session, mediation or consultation, whoever writes
-- (SQLSTATE TR018, answered as 409). Art. 18(2) still lets the services protect someone: the at-risk
-- mark and the safety details change. Setting or lifting the mark changes the row; so do the owner's
-- retention erasure and the DPO's rectification, each announced by its transaction-local setting.
CREATE OR REPLACE FUNCTION trama_refuse_restricted_person() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  protective CONSTANT text[] := ARRAY['at_risk', 'contact_encrypted', 'safe_contact_encrypted', 'updated_at'];
BEGIN
  IF TG_TABLE_NAME = 'people' THEN
    IF OLD.processing_restricted_at IS NULL
       OR (current_setting('role') = 'none' AND (coalesce(current_setting('trama.retention_erasing', true), '') = 'on'
           OR coalesce(current_setting('trama.subject_rectifying', true), '') = 'on')) THEN
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.processing_restricted_at IS DISTINCT FROM OLD.processing_restricted_at
       OR (to_jsonb(NEW) - protective) = (to_jsonb(OLD) - protective)) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the processing of this person is restricted' USING ERRCODE = 'TR018';
  END IF;
  IF EXISTS (SELECT 1 FROM people p WHERE p.id = NEW.person_id AND p.processing_restricted_at IS NOT NULL) THEN
    RAISE EXCEPTION 'the processing of this person is restricted' USING ERRCODE = 'TR018';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_processing_restricted BEFORE UPDATE OR DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION trama_refuse_restricted_person();
--> statement-breakpoint
CREATE TRIGGER referral_people_processing_restricted BEFORE INSERT ON referral_people
  FOR EACH ROW EXECUTE FUNCTION trama_refuse_restricted_person();
--> statement-breakpoint
CREATE TRIGGER session_people_processing_restricted BEFORE INSERT ON session_people
  FOR EACH ROW EXECUTE FUNCTION trama_refuse_restricted_person();
--> statement-breakpoint
CREATE TRIGGER mediation_requests_processing_restricted BEFORE INSERT OR UPDATE OF person_id ON mediation_requests
  FOR EACH ROW WHEN (NEW.person_id IS NOT NULL) EXECUTE FUNCTION trama_refuse_restricted_person();
--> statement-breakpoint
CREATE TRIGGER consultation_attendance_processing_restricted BEFORE INSERT ON consultation_attendance
  FOR EACH ROW WHEN (NEW.person_id IS NOT NULL) EXECUTE FUNCTION trama_refuse_restricted_person();
