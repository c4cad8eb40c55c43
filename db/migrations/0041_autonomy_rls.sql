-- Autonomy paths and protected housing (issue 20). The acting membership's role when it is held in an
-- autonomy_housing service (null otherwise): its coordinators and practitioners are the housing team and
-- keep the catalogue; its coordinators are the housing coordinators; its finance officers pay.
CREATE FUNCTION trama_autonomy_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT CASE WHEN EXISTS (SELECT 1 FROM public.services s WHERE s.id = public.trama_service() AND s.kind = 'autonomy_housing')
            THEN public.trama_role() END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_autonomy_role() TO trama_app;
--> statement-breakpoint
-- The plans the acting user reads: the household's team (and who supervises it or holds a grant into one
-- of its cases), or its tutor; never a plan of someone the user is blocked from.
CREATE FUNCTION trama_readable_plans() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(p.id), '{}') FROM public.autonomy_plans p
    WHERE (p.household_id = ANY (public.trama_readable_households()) OR p.tutor_user_id = public.trama_user())
      AND NOT (p.person_id = ANY (public.trama_blocked_people())) $$;
--> statement-breakpoint
-- The plans the acting user writes: the team that works the household, or the tutor.
CREATE FUNCTION trama_writable_plans() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(p.id), '{}') FROM public.autonomy_plans p
    WHERE (p.household_id = ANY (public.trama_worked_households()) OR p.tutor_user_id = public.trama_user())
      AND NOT (p.person_id = ANY (public.trama_blocked_people())) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_readable_plans() TO trama_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_writable_plans() TO trama_app;
--> statement-breakpoint
-- A finance officer's membership reaches a private landlord's IBAN: a second person approves it, like
-- every role that reaches case, safety or audit data (src/contracts/roles.ts SECOND_PERSON_ROLES).
CREATE OR REPLACE FUNCTION trama_role_needs_second_person(r text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT r = ANY (ARRAY['admin', 'dpo', 'coordinator', 'practitioner', 'clinician', 'mediator', 'researcher', 'finance']) $$;
--> statement-breakpoint
ALTER TABLE autonomy_offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_offers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_offers_system ON autonomy_offers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_offers_read ON autonomy_offers FOR SELECT TO trama_app USING (true);
--> statement-breakpoint
CREATE POLICY autonomy_offers_insert ON autonomy_offers FOR INSERT TO trama_app WITH CHECK (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner') AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY autonomy_offers_update ON autonomy_offers FOR UPDATE TO trama_app USING (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner')) WITH CHECK (service_id = (SELECT trama_service()));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_offers TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, kind, topic, description, provider_organisation_id, provider_holder_id, languages, schedule, municipality, places, prerequisites, cost_cents, starts_on, ends_on, active, updated_at) ON autonomy_offers TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_initiatives ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_initiatives FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_initiatives_system ON autonomy_initiatives TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_initiatives_read ON autonomy_initiatives FOR SELECT TO trama_app USING (true);
--> statement-breakpoint
CREATE POLICY autonomy_initiatives_insert ON autonomy_initiatives FOR INSERT TO trama_app WITH CHECK (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner') AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY autonomy_initiatives_update ON autonomy_initiatives FOR UPDATE TO trama_app USING (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner')) WITH CHECK (service_id = (SELECT trama_service()));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_initiatives TO trama_app;
--> statement-breakpoint
GRANT UPDATE (name, holder_id, stage, jobs_created, description, updated_at) ON autonomy_initiatives TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_initiative_stages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_initiative_stages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_initiative_stages_system ON autonomy_initiative_stages TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_initiative_stages_read ON autonomy_initiative_stages FOR SELECT TO trama_app USING (true);
--> statement-breakpoint
CREATE POLICY autonomy_initiative_stages_insert ON autonomy_initiative_stages FOR INSERT TO trama_app WITH CHECK (changed_by = (SELECT trama_user()) AND initiative_id IN (SELECT i.id FROM autonomy_initiatives i WHERE i.service_id = (SELECT trama_service())) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner'));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_initiative_stages TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_plans_system ON autonomy_plans TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_plans_read ON autonomy_plans FOR SELECT TO trama_app USING (id = ANY ((SELECT trama_readable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_plans_insert ON autonomy_plans FOR INSERT TO trama_app WITH CHECK (
  household_id = ANY ((SELECT trama_worked_households())::uuid[]) AND created_by = (SELECT trama_user())
  AND NOT (person_id = ANY ((SELECT trama_blocked_people())::uuid[])));
--> statement-breakpoint
CREATE POLICY autonomy_plans_update ON autonomy_plans FOR UPDATE TO trama_app USING (id = ANY ((SELECT trama_writable_plans())::uuid[])) WITH CHECK (id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_plans TO trama_app;
--> statement-breakpoint
GRANT UPDATE (tutor_user_id, next_review_on, status, exit_reason, exit_on, exit_note, updated_at) ON autonomy_plans TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_goals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_goals_system ON autonomy_goals TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_goals_read ON autonomy_goals FOR SELECT TO trama_app USING (plan_id = ANY ((SELECT trama_readable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_goals_insert ON autonomy_goals FOR INSERT TO trama_app WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_goals_update ON autonomy_goals FOR UPDATE TO trama_app USING (plan_id = ANY ((SELECT trama_writable_plans())::uuid[])) WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_goals TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, description, target_on, updated_at) ON autonomy_goals TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_steps_system ON autonomy_steps TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_steps_read ON autonomy_steps FOR SELECT TO trama_app USING (plan_id = ANY ((SELECT trama_readable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_steps_insert ON autonomy_steps FOR INSERT TO trama_app WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_steps_update ON autonomy_steps FOR UPDATE TO trama_app USING (plan_id = ANY ((SELECT trama_writable_plans())::uuid[])) WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_steps_delete ON autonomy_steps FOR DELETE TO trama_app USING (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON autonomy_steps TO trama_app;
--> statement-breakpoint
GRANT UPDATE (done_on) ON autonomy_steps TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_enrolments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_enrolments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_enrolments_system ON autonomy_enrolments TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_enrolments_read ON autonomy_enrolments FOR SELECT TO trama_app USING (plan_id = ANY ((SELECT trama_readable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_enrolments_insert ON autonomy_enrolments FOR INSERT TO trama_app WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_enrolments_update ON autonomy_enrolments FOR UPDATE TO trama_app USING (plan_id = ANY ((SELECT trama_writable_plans())::uuid[])) WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_enrolments TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, certificate, outcome_on) ON autonomy_enrolments TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_meetings_system ON autonomy_meetings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_meetings_read ON autonomy_meetings FOR SELECT TO trama_app USING (plan_id = ANY ((SELECT trama_readable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_meetings_insert ON autonomy_meetings FOR INSERT TO trama_app WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_meetings TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_skills ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_skills FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_skills_system ON autonomy_skills TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_skills_read ON autonomy_skills FOR SELECT TO trama_app USING (plan_id = ANY ((SELECT trama_readable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_skills_insert ON autonomy_skills FOR INSERT TO trama_app WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_skills_update ON autonomy_skills FOR UPDATE TO trama_app USING (plan_id = ANY ((SELECT trama_writable_plans())::uuid[])) WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_skills TO trama_app;
--> statement-breakpoint
GRANT UPDATE (languages, education_level, education_country, education_recognition, work_history, driving_licence, notes, updated_by, updated_at) ON autonomy_skills TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_job_placements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_job_placements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_job_placements_system ON autonomy_job_placements TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_job_placements_read ON autonomy_job_placements FOR SELECT TO trama_app USING (plan_id = ANY ((SELECT trama_readable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_job_placements_insert ON autonomy_job_placements FOR INSERT TO trama_app WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
CREATE POLICY autonomy_job_placements_update ON autonomy_job_placements FOR UPDATE TO trama_app USING (plan_id = ANY ((SELECT trama_writable_plans())::uuid[])) WITH CHECK (plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_job_placements TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, ends_on, end_note, updated_at) ON autonomy_job_placements TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_sealed_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_sealed_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_sealed_notes_system ON autonomy_sealed_notes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- A clinician's tutoring note: its author and the clinicians who read the plan, nobody else.
CREATE POLICY autonomy_sealed_notes_read ON autonomy_sealed_notes FOR SELECT TO trama_app USING (
  author_id = (SELECT trama_user()) OR ((SELECT trama_role()) = 'clinician' AND plan_id = ANY ((SELECT trama_readable_plans())::uuid[])));
--> statement-breakpoint
CREATE POLICY autonomy_sealed_notes_insert ON autonomy_sealed_notes FOR INSERT TO trama_app WITH CHECK (author_id = (SELECT trama_user()) AND (SELECT trama_role()) = 'clinician' AND plan_id = ANY ((SELECT trama_writable_plans())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_sealed_notes TO trama_app;
--> statement-breakpoint
ALTER TABLE autonomy_placement_follow_ups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE autonomy_placement_follow_ups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY autonomy_placement_follow_ups_system ON autonomy_placement_follow_ups TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY autonomy_placement_follow_ups_read ON autonomy_placement_follow_ups FOR SELECT TO trama_app USING (placement_id IN (SELECT j.id FROM autonomy_job_placements j WHERE j.plan_id = ANY ((SELECT trama_readable_plans())::uuid[])));
--> statement-breakpoint
CREATE POLICY autonomy_placement_follow_ups_insert ON autonomy_placement_follow_ups FOR INSERT TO trama_app WITH CHECK (recorded_by = (SELECT trama_user()) AND placement_id IN (SELECT j.id FROM autonomy_job_placements j WHERE j.plan_id = ANY ((SELECT trama_writable_plans())::uuid[])));
--> statement-breakpoint
CREATE POLICY autonomy_placement_follow_ups_update ON autonomy_placement_follow_ups FOR UPDATE TO trama_app USING (placement_id IN (SELECT j.id FROM autonomy_job_placements j WHERE j.plan_id = ANY ((SELECT trama_writable_plans())::uuid[]))) WITH CHECK (recorded_by = (SELECT trama_user()) AND placement_id IN (SELECT j.id FROM autonomy_job_placements j WHERE j.plan_id = ANY ((SELECT trama_writable_plans())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON autonomy_placement_follow_ups TO trama_app;
--> statement-breakpoint
GRANT UPDATE (outcome, recorded_on, recorded_by) ON autonomy_placement_follow_ups TO trama_app;
--> statement-breakpoint
ALTER TABLE housing_units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE housing_units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY housing_units_system ON housing_units TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY housing_units_read ON housing_units FOR SELECT TO trama_app USING (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner', 'finance'));
--> statement-breakpoint
CREATE POLICY housing_units_insert ON housing_units FOR INSERT TO trama_app WITH CHECK (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) = 'coordinator' AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY housing_units_update ON housing_units FOR UPDATE TO trama_app USING (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) = 'coordinator') WITH CHECK (service_id = (SELECT trama_service()));
--> statement-breakpoint
-- The address stays out of the request role's SELECT: it is read only by the reveal, as the owner,
-- after the service has judged who asks, their step-up and their reason.
GRANT SELECT (id, service_id, label, managing_organisation_id, capacity, accessibility, district_id, notes, active, created_by, created_at, updated_at) ON housing_units TO trama_app;
--> statement-breakpoint
GRANT INSERT ON housing_units TO trama_app;
--> statement-breakpoint
GRANT UPDATE (label, capacity, accessibility, address_encrypted, notes, active, updated_at) ON housing_units TO trama_app;
--> statement-breakpoint
ALTER TABLE housing_occupancies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE housing_occupancies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY housing_occupancies_system ON housing_occupancies TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY housing_occupancies_read ON housing_occupancies FOR SELECT TO trama_app USING ((SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner') AND unit_id IN (SELECT u.id FROM housing_units u));
--> statement-breakpoint
CREATE POLICY housing_occupancies_insert ON housing_occupancies FOR INSERT TO trama_app WITH CHECK ((SELECT trama_autonomy_role()) = 'coordinator' AND created_by = (SELECT trama_user()) AND unit_id IN (SELECT u.id FROM housing_units u));
--> statement-breakpoint
CREATE POLICY housing_occupancies_update ON housing_occupancies FOR UPDATE TO trama_app USING ((SELECT trama_autonomy_role()) = 'coordinator' AND unit_id IN (SELECT u.id FROM housing_units u)) WITH CHECK (ended_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON housing_occupancies TO trama_app;
--> statement-breakpoint
GRANT UPDATE (ends_on, exit_reason, ended_by) ON housing_occupancies TO trama_app;
--> statement-breakpoint
ALTER TABLE housing_address_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE housing_address_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY housing_address_requests_system ON housing_address_requests TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY housing_address_requests_read ON housing_address_requests FOR SELECT TO trama_app USING (
  requested_by = (SELECT trama_user()) OR ((SELECT trama_autonomy_role()) = 'coordinator' AND unit_id IN (SELECT u.id FROM housing_units u)));
--> statement-breakpoint
CREATE POLICY housing_address_requests_insert ON housing_address_requests FOR INSERT TO trama_app WITH CHECK (requested_by = (SELECT trama_user()) AND status = 'pending' AND decided_by IS NULL);
--> statement-breakpoint
CREATE POLICY housing_address_requests_update ON housing_address_requests FOR UPDATE TO trama_app
  USING ((SELECT trama_autonomy_role()) = 'coordinator' AND status = 'pending' AND requested_by <> (SELECT trama_user()) AND unit_id IN (SELECT u.id FROM housing_units u))
  WITH CHECK (decided_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON housing_address_requests TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, decided_by, decided_at, decision_note, usable_until) ON housing_address_requests TO trama_app;
--> statement-breakpoint
ALTER TABLE housing_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE housing_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY housing_messages_system ON housing_messages TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY housing_messages_read ON housing_messages FOR SELECT TO trama_app USING ((SELECT trama_autonomy_role()) = 'coordinator' AND occupancy_id IN (SELECT o.id FROM housing_occupancies o));
--> statement-breakpoint
GRANT SELECT ON housing_messages TO trama_app;
--> statement-breakpoint
ALTER TABLE rent_budgets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rent_budgets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rent_budgets_system ON rent_budgets TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY rent_budgets_read ON rent_budgets FOR SELECT TO trama_app USING (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner', 'finance'));
--> statement-breakpoint
CREATE POLICY rent_budgets_insert ON rent_budgets FOR INSERT TO trama_app WITH CHECK (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) = 'finance' AND created_by = (SELECT trama_user()) AND committed_cents = 0);
--> statement-breakpoint
GRANT SELECT, INSERT ON rent_budgets TO trama_app;
--> statement-breakpoint
ALTER TABLE rent_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rent_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rent_requests_system ON rent_requests TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY rent_requests_read ON rent_requests FOR SELECT TO trama_app USING (service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner', 'finance'));
--> statement-breakpoint
CREATE POLICY rent_requests_insert ON rent_requests FOR INSERT TO trama_app WITH CHECK (
  service_id = (SELECT trama_service()) AND (SELECT trama_autonomy_role()) IN ('coordinator', 'practitioner', 'finance') AND requested_by = (SELECT trama_user()) AND status = 'requested'
  AND approved_by IS NULL AND paid_by IS NULL AND refused_by IS NULL);
--> statement-breakpoint
-- Finance decides and pays; the requester may only withdraw a request not yet decided.
CREATE POLICY rent_requests_update ON rent_requests FOR UPDATE TO trama_app
  USING (service_id = (SELECT trama_service()) AND status IN ('requested', 'approved')
         AND ((SELECT trama_autonomy_role()) = 'finance' OR requested_by = (SELECT trama_user())))
  WITH CHECK ((SELECT trama_autonomy_role()) = 'finance' OR (requested_by = (SELECT trama_user()) AND status = 'cancelled' AND approved_by IS NULL));
--> statement-breakpoint
GRANT SELECT (id, code, service_id, budget_id, household_id, unit_id, amount_cents, period_from, period_to, payee_kind,
  payee_organisation_id, note, status, requested_by, requested_at, approved_by, approved_at, refused_by, refusal_reason, paid_on,
  payment_reference, paid_by, updated_at) ON rent_requests TO trama_app;
--> statement-breakpoint
GRANT INSERT ON rent_requests TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, approved_by, approved_at, refused_by, refusal_reason, paid_on, payment_reference, paid_by, updated_at) ON rent_requests TO trama_app;
--> statement-breakpoint
-- A paid order is final: a mistake is undone by a reversal in the ledger, never by editing the order.
CREATE FUNCTION rent_requests_paid_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'paid' THEN
    RAISE EXCEPTION 'rent request % is paid: reverse it in the ledger instead', OLD.code USING ERRCODE = '23514', CONSTRAINT = 'rent_requests_paid_final';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER rent_requests_paid_final BEFORE UPDATE OR DELETE ON rent_requests FOR EACH ROW EXECUTE FUNCTION rent_requests_paid_final();
--> statement-breakpoint
ALTER TABLE rent_request_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rent_request_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rent_request_files_system ON rent_request_files TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY rent_request_files_read ON rent_request_files FOR SELECT TO trama_app USING (request_id IN (SELECT r.id FROM rent_requests r));
--> statement-breakpoint
CREATE POLICY rent_request_files_insert ON rent_request_files FOR INSERT TO trama_app WITH CHECK (added_by = (SELECT trama_user()) AND request_id IN (SELECT r.id FROM rent_requests r));
--> statement-breakpoint
GRANT SELECT, INSERT ON rent_request_files TO trama_app;
--> statement-breakpoint
ALTER TABLE rent_ledger_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rent_ledger_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rent_ledger_entries_system ON rent_ledger_entries TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY rent_ledger_entries_read ON rent_ledger_entries FOR SELECT TO trama_app USING (budget_id IN (SELECT b.id FROM rent_budgets b));
--> statement-breakpoint
CREATE POLICY rent_ledger_entries_insert ON rent_ledger_entries FOR INSERT TO trama_app WITH CHECK ((SELECT trama_autonomy_role()) = 'finance' AND recorded_by = (SELECT trama_user()) AND budget_id IN (SELECT b.id FROM rent_budgets b));
--> statement-breakpoint
GRANT SELECT, INSERT ON rent_ledger_entries TO trama_app;
--> statement-breakpoint
-- The ledger is append-only for everyone, the owner included.
CREATE FUNCTION rent_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the rent ledger is append-only: record a reversal instead' USING ERRCODE = '23514', CONSTRAINT = 'rent_ledger_append_only';
END $$;
--> statement-breakpoint
CREATE TRIGGER rent_ledger_append_only BEFORE UPDATE OR DELETE ON rent_ledger_entries FOR EACH ROW EXECUTE FUNCTION rent_ledger_append_only();
