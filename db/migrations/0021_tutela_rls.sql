-- Tutela Minori's own cases and the court (issue 15, ADR 0017): row-level security for the new
-- tables. What hangs off a case is read by whoever may open the case (openable_cases: the clinical
-- team, a supervising coordinator, a live break-the-glass grant) and written by its clinical team;
-- a coordinator approves or returns a report. The referrer and the mediator reach none of it.
-- Who may write a person's network, legal roles and residence: the household's own service, or the
-- clinical team of a case of that household.
CREATE FUNCTION trama_worked_households() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT x.id), '{}') FROM (
     SELECT h.id FROM public.households h WHERE h.owner_service_id = public.trama_service()
     UNION
     SELECT c.household_id FROM public.cases c
      WHERE c.id = ANY (public.trama_team_cases('{lead,member}'))
        AND NOT (c.id = ANY (public.trama_blocked_cases()))) x $$;
--> statement-breakpoint
-- The same, read-only, for a coordinator supervising the household's service or one of its cases, and a
-- break-the-glass grant (people RLS still shows each of them only the people they reach).
CREATE FUNCTION trama_readable_households() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT x.id), '{}') FROM (
     SELECT unnest(public.trama_worked_households()) AS id
     UNION
     SELECT h.id FROM public.households h WHERE h.owner_service_id = ANY (public.trama_supervised_services())
     UNION
     SELECT c.household_id FROM public.cases c
      WHERE (c.id = ANY (public.trama_granted_ids('case'))
             OR c.service_id = ANY (public.trama_supervised_services()))
        AND NOT (c.id = ANY (public.trama_blocked_cases()))) x $$;
--> statement-breakpoint
ALTER TABLE court_orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE court_orders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY court_orders_system ON court_orders TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY court_orders_read ON court_orders FOR SELECT TO trama_app
  USING (EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY court_orders_insert ON court_orders FOR INSERT TO trama_app
  WITH CHECK (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]) AND created_by = (SELECT trama_user())
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
CREATE POLICY court_orders_update ON court_orders FOR UPDATE TO trama_app
  USING (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON court_orders TO trama_app;
--> statement-breakpoint
GRANT UPDATE (court, docket_number, decided_on, removal_at, living_arrangement, provisions, duration_months,
  ends_on, report_every_months, curatore_speciale, tutore, address_protected, updated_at) ON court_orders TO trama_app;
--> statement-breakpoint
ALTER TABLE court_order_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE court_order_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY court_order_changes_system ON court_order_changes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY court_order_changes_read ON court_order_changes FOR SELECT TO trama_app
  USING (order_id IN (SELECT id FROM court_orders));
--> statement-breakpoint
CREATE POLICY court_order_changes_insert ON court_order_changes FOR INSERT TO trama_app
  WITH CHECK (changed_by = (SELECT trama_user()) AND order_id IN (SELECT o.id FROM court_orders o
    WHERE o.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON court_order_changes TO trama_app;
--> statement-breakpoint
ALTER TABLE court_deadlines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE court_deadlines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY court_deadlines_system ON court_deadlines TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY court_deadlines_read ON court_deadlines FOR SELECT TO trama_app
  USING (EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY court_deadlines_insert ON court_deadlines FOR INSERT TO trama_app
  WITH CHECK (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))
    AND order_id IN (SELECT o.id FROM court_orders o WHERE o.case_id = court_deadlines.case_id));
--> statement-breakpoint
CREATE POLICY court_deadlines_update ON court_deadlines FOR UPDATE TO trama_app
  USING (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON court_deadlines TO trama_app;
--> statement-breakpoint
-- A deadline is met or superseded; its date never changes in place.
GRANT UPDATE (met_at, met_by, superseded_at, superseded_by) ON court_deadlines TO trama_app;
--> statement-breakpoint
ALTER TABLE court_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE court_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY court_reports_system ON court_reports TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY court_reports_read ON court_reports FOR SELECT TO trama_app
  USING (EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY court_reports_insert ON court_reports FOR INSERT TO trama_app
  WITH CHECK (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]) AND drafted_by = (SELECT trama_user())
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))
    AND order_id IN (SELECT o.id FROM court_orders o WHERE o.case_id = court_reports.case_id));
--> statement-breakpoint
-- The team drafts, submits and marks sent; a coordinator supervising the service approves or returns.
CREATE POLICY court_reports_update ON court_reports FOR UPDATE TO trama_app
  USING (NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])) AND (
    case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    OR case_id IN (SELECT c.id FROM cases c WHERE c.service_id IN (SELECT unnest(trama_supervised_services())))));
--> statement-breakpoint
GRANT SELECT, INSERT ON court_reports TO trama_app;
--> statement-breakpoint
GRANT UPDATE (period_from, period_to, content, status, submitted_by, submitted_at, approved_by, approved_at,
  return_reason, sent_on, protocol_number, sent_by, updated_at) ON court_reports TO trama_app;
--> statement-breakpoint
ALTER TABLE person_relations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_relations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_relations_system ON person_relations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Both ends visible (a person blocked from the viewer hides the relation too).
CREATE POLICY person_relations_read ON person_relations FOR SELECT TO trama_app USING (
  household_id = ANY ((SELECT trama_readable_households())::uuid[])
  AND from_person_id IN (SELECT id FROM people) AND to_person_id IN (SELECT id FROM people));
--> statement-breakpoint
CREATE POLICY person_relations_insert ON person_relations FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND household_id = ANY ((SELECT trama_worked_households())::uuid[])
  AND from_person_id IN (SELECT p.id FROM people p WHERE p.household_id = person_relations.household_id)
  AND to_person_id IN (SELECT p.id FROM people p WHERE p.household_id = person_relations.household_id));
--> statement-breakpoint
CREATE POLICY person_relations_delete ON person_relations FOR DELETE TO trama_app
  USING (household_id = ANY ((SELECT trama_worked_households())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON person_relations TO trama_app;
--> statement-breakpoint
ALTER TABLE legal_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE legal_roles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY legal_roles_system ON legal_roles TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY legal_roles_read ON legal_roles FOR SELECT TO trama_app USING (
  person_id IN (SELECT p.id FROM people p WHERE p.household_id = ANY ((SELECT trama_readable_households())::uuid[]))
  AND (holder_person_id IS NULL OR holder_person_id IN (SELECT id FROM people)));
--> statement-breakpoint
CREATE POLICY legal_roles_insert ON legal_roles FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user())
  AND person_id IN (SELECT p.id FROM people p WHERE p.household_id = ANY ((SELECT trama_worked_households())::uuid[]))
  AND (holder_person_id IS NULL OR holder_person_id IN (SELECT p.id FROM people p
        WHERE p.household_id = ANY ((SELECT trama_worked_households())::uuid[]))));
--> statement-breakpoint
CREATE POLICY legal_roles_update ON legal_roles FOR UPDATE TO trama_app USING (
  person_id IN (SELECT p.id FROM people p WHERE p.household_id = ANY ((SELECT trama_worked_households())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON legal_roles TO trama_app;
--> statement-breakpoint
GRANT UPDATE (ends_on) ON legal_roles TO trama_app;
--> statement-breakpoint
ALTER TABLE placements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE placements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY placements_system ON placements TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY placements_read ON placements FOR SELECT TO trama_app
  USING (EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id) AND person_id IN (SELECT id FROM people));
--> statement-breakpoint
CREATE POLICY placements_insert ON placements FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
CREATE POLICY placements_update ON placements FOR UPDATE TO trama_app
  USING (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON placements TO trama_app;
--> statement-breakpoint
GRANT UPDATE (ends_on) ON placements TO trama_app;
--> statement-breakpoint
ALTER TABLE placement_visits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE placement_visits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY placement_visits_system ON placement_visits TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY placement_visits_read ON placement_visits FOR SELECT TO trama_app
  USING (placement_id IN (SELECT id FROM placements));
--> statement-breakpoint
CREATE POLICY placement_visits_insert ON placement_visits FOR INSERT TO trama_app WITH CHECK (
  visited_by = (SELECT trama_user()) AND placement_id IN (SELECT p.id FROM placements p
    WHERE p.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON placement_visits TO trama_app;
--> statement-breakpoint
ALTER TABLE case_transfers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_transfers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_transfers_system ON case_transfers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The sending side reads it with the case; the receiving service reads the request (not the case)
-- until it answers. Accepting moves the case in trama_accept_case_transfer(), not through this table.
CREATE POLICY case_transfers_read ON case_transfers FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id)
  OR ((to_service_id = (SELECT trama_service()) OR to_service_id = ANY ((SELECT trama_supervised_services())::uuid[]))
      AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))));
--> statement-breakpoint
CREATE POLICY case_transfers_insert ON case_transfers FOR INSERT TO trama_app WITH CHECK (
  requested_by = (SELECT trama_user()) AND status = 'requested'
  AND case_id = ANY ((SELECT trama_team_cases('{lead}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))
  AND from_service_id IN (SELECT c.service_id FROM cases c WHERE c.id = case_transfers.case_id));
--> statement-breakpoint
-- The lead withdraws, the receiving service refuses; accepting happens only in the function below.
CREATE POLICY case_transfers_withdraw ON case_transfers FOR UPDATE TO trama_app
  USING (status = 'requested' AND case_id = ANY ((SELECT trama_team_cases('{lead}'))::uuid[]))
  WITH CHECK (status = 'withdrawn' AND case_id = ANY ((SELECT trama_team_cases('{lead}'))::uuid[]));
--> statement-breakpoint
CREATE POLICY case_transfers_refuse ON case_transfers FOR UPDATE TO trama_app
  USING (status = 'requested' AND to_service_id = (SELECT trama_service())
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])))
  WITH CHECK (status = 'refused' AND to_service_id = (SELECT trama_service()));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_transfers TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, answered_by, answered_at, refusal_reason) ON case_transfers TO trama_app;
--> statement-breakpoint
ALTER TABLE case_status_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_status_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_status_changes_system ON case_status_changes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_status_changes_read ON case_status_changes FOR SELECT TO trama_app
  USING (EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY case_status_changes_insert ON case_status_changes FOR INSERT TO trama_app
  WITH CHECK (changed_by = (SELECT trama_user()) AND EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_status_changes TO trama_app;
--> statement-breakpoint
ALTER TABLE person_residence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_residence FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_residence_system ON person_residence TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY person_residence_read ON person_residence FOR SELECT TO trama_app USING (
  person_id IN (SELECT p.id FROM people p WHERE p.household_id = ANY ((SELECT trama_readable_households())::uuid[])));
--> statement-breakpoint
CREATE POLICY person_residence_insert ON person_residence FOR INSERT TO trama_app WITH CHECK (
  recorded_by = (SELECT trama_user())
  AND person_id IN (SELECT p.id FROM people p WHERE p.household_id = ANY ((SELECT trama_worked_households())::uuid[])));
--> statement-breakpoint
CREATE POLICY person_residence_update ON person_residence FOR UPDATE TO trama_app USING (
  person_id IN (SELECT p.id FROM people p WHERE p.household_id = ANY ((SELECT trama_worked_households())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON person_residence TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, permit_type, expires_on, recorded_by, updated_at) ON person_residence TO trama_app;
--> statement-breakpoint
-- Whether a case's household can go with it: a household the case's service owns moves with the case,
-- so that service must have no other case there still open (closed cases stay the service's, their
-- team keeps them as before); a household another service owns stays that service's and is no bar.
CREATE FUNCTION trama_household_can_move(cid uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT NOT EXISTS (SELECT 1 FROM public.cases c JOIN public.households h ON h.id = c.household_id
                       JOIN public.cases o ON o.household_id = c.household_id
                        AND o.id <> c.id AND o.service_id = c.service_id AND o.status <> 'closed'
                      WHERE c.id = cid AND h.owner_service_id = c.service_id) $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_household_can_move(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_household_can_move(uuid) TO trama_app;
--> statement-breakpoint
-- Accepting a transfer, in one step as the owner: the receiving service takes the case, its household
-- and its intake record; the accepting practitioner becomes the lead and the only member; the previous
-- team (and its service) lose access in the same transaction. Refused unless the caller acts for the
-- receiving service as a practitioner or clinician, the request is still open, and its basis holds:
-- the court order is on the case, or the consent is in force, for the receiving service, for a
-- person of the case.
CREATE FUNCTION trama_accept_case_transfer(tid uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t case_transfers;
  c cases;
  b record;
  moved uuid[];
BEGIN
  SELECT * INTO t FROM case_transfers WHERE id = tid FOR UPDATE;
  IF t.id IS NULL OR t.status <> 'requested' OR t.to_service_id IS DISTINCT FROM trama_service()
     OR trama_role() NOT IN ('practitioner', 'clinician') THEN
    RETURN NULL;
  END IF;
  SELECT * INTO c FROM cases WHERE id = t.case_id FOR UPDATE;
  IF c.status <> 'open' OR c.service_id <> t.from_service_id THEN RETURN NULL; END IF;
  -- The household moves with the case: it must be the sender's, with no other open case there.
  IF NOT public.trama_household_can_move(c.id) THEN RETURN NULL; END IF;
  IF t.basis = 'court_order' AND NOT EXISTS (SELECT 1 FROM court_orders o WHERE o.id = t.order_id AND o.case_id = c.id) THEN
    RETURN NULL;
  END IF;
  -- A consent basis covers everyone of the household (the whole household moves), each by a consent in force.
  IF t.basis = 'consent' AND EXISTS (
      SELECT 1 FROM people p WHERE p.household_id = c.household_id AND NOT EXISTS (
        SELECT 1 FROM consents k WHERE k.person_id = p.id AND k.recipient_service_id = t.to_service_id
           AND k.purpose = 'taking_into_care' AND k.revoked_at IS NULL
           AND (k.expires_on IS NULL OR k.expires_on >= current_date))) THEN
    RETURN NULL;
  END IF;
  UPDATE case_transfers SET status = 'accepted', answered_by = trama_user(), answered_at = now() WHERE id = tid;
  UPDATE cases SET service_id = t.to_service_id, lead_user_id = trama_user(),
         district_id = (SELECT s.district_id FROM services s WHERE s.id = t.to_service_id), updated_at = now()
   WHERE id = c.id;
  UPDATE households SET owner_service_id = t.to_service_id,
         district_id = (SELECT s.district_id FROM services s WHERE s.id = t.to_service_id)
   WHERE id = c.household_id AND owner_service_id = t.from_service_id;
  -- The intake: an own case's stays the service's own; a case referred by the receiving service itself
  -- becomes its own, on the transfer's basis (a referral from a service to itself does not exist).
  UPDATE referrals SET to_service_id = t.to_service_id,
         origin = CASE WHEN origin = 'service' AND from_service_id = t.to_service_id
                       THEN CASE WHEN t.basis = 'court_order' THEN 'court_decree' ELSE 'family_request' END
                       ELSE origin END,
         from_service_id = CASE WHEN origin = 'service' AND from_service_id <> t.to_service_id THEN from_service_id
                                ELSE t.to_service_id END,
         updated_at = now()
   WHERE id = c.referral_id;
  -- Referrals the sender made about this household (from the case or not) follow it: the new service
  -- sends them, the new lead is the referrer of the cases they opened; the old service keeps none.
  moved := ARRAY(SELECT r.id FROM referrals r WHERE r.household_id = c.household_id AND r.id <> c.referral_id
       AND r.origin = 'service' AND r.from_service_id = t.from_service_id AND r.to_service_id <> t.to_service_id);
  UPDATE referrals SET from_service_id = t.to_service_id, updated_at = now() WHERE id = ANY (moved);
  DELETE FROM case_team ct USING cases k
   WHERE ct.case_id = k.id AND k.referral_id = ANY (moved) AND ct.team_role = 'referrer';
  INSERT INTO case_team (case_id, user_id, team_role, added_by)
    SELECT k.id, trama_user(), 'referrer', trama_user() FROM cases k WHERE k.referral_id = ANY (moved)
    ON CONFLICT (case_id, user_id) DO NOTHING;
  DELETE FROM case_team WHERE case_id = c.id AND team_role <> 'referrer';
  INSERT INTO case_team (case_id, user_id, team_role, added_by) VALUES (c.id, trama_user(), 'lead', trama_user())
    ON CONFLICT (case_id, user_id) DO UPDATE SET team_role = 'lead';
  -- The new basis: the order (no expiry of its own), or the consents to the receiving service.
  IF t.basis = 'court_order' THEN
    UPDATE referrals SET legal_basis = 'court_decree', basis_expires_on = NULL, basis_lapsed_at = NULL WHERE id = c.referral_id;
    UPDATE cases SET basis_expires_on = NULL, basis_lapsed_at = NULL WHERE id = c.id;
  ELSE
    SELECT * INTO b FROM referral_basis(c.referral_id);
    UPDATE referrals SET legal_basis = 'consent', basis_expires_on = b.expires_on,
           basis_lapsed_at = CASE WHEN b.ok THEN NULL ELSE now() END WHERE id = c.referral_id;
    UPDATE cases SET basis_expires_on = b.expires_on, basis_lapsed_at = CASE WHEN b.ok THEN NULL ELSE now() END
     WHERE id = c.id;
  END IF;
  INSERT INTO case_status_changes (case_id, kind, reason, changed_by) VALUES (c.id, 'transferred', t.reason, trama_user());
  RETURN c.id;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_accept_case_transfer(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_accept_case_transfer(uuid) TO trama_app;
--> statement-breakpoint
-- Beneath the services, the database keeps what the README's "Must never" promises even to a
-- request that bypassed them: a deadline leaves only by a recorded change of its own order, a report
-- deadline is met only by a report sent under that order, and a report moves only along its states,
-- approved by someone who neither wrote nor submitted it.
ALTER TABLE court_deadlines ADD CONSTRAINT court_deadlines_superseded_pair
  CHECK ((superseded_at IS NULL) = (superseded_by IS NULL));
--> statement-breakpoint
CREATE FUNCTION court_deadlines_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.due_at <> OLD.due_at OR NEW.kind <> OLD.kind OR NEW.order_id <> OLD.order_id OR NEW.case_id <> OLD.case_id THEN
    RAISE EXCEPTION 'a court deadline is never moved in place' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.superseded_by IS DISTINCT FROM OLD.superseded_by AND (OLD.superseded_by IS NOT NULL OR NOT EXISTS (
      SELECT 1 FROM court_order_changes k WHERE k.id = NEW.superseded_by AND k.order_id = NEW.order_id)) THEN
    RAISE EXCEPTION 'a deadline is superseded only by a change of its own order' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.kind = 'report' AND NEW.met_at IS NOT NULL AND OLD.met_at IS NULL AND NOT EXISTS (
      SELECT 1 FROM court_reports r WHERE r.order_id = NEW.order_id AND r.status = 'sent') THEN
    RAISE EXCEPTION 'a report deadline is met by sending a report' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER court_deadlines_guard BEFORE UPDATE ON court_deadlines
  FOR EACH ROW EXECUTE FUNCTION court_deadlines_guard();
--> statement-breakpoint
CREATE FUNCTION court_reports_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT ((OLD.status, NEW.status) IN (('draft', 'draft'), ('draft', 'submitted'), ('submitted', 'approved'),
                                       ('submitted', 'draft'), ('approved', 'sent'))) THEN
    RAISE EXCEPTION 'a report does not go from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status <> 'draft' AND (NEW.content <> OLD.content OR NEW.period_from <> OLD.period_from
                                OR NEW.period_to <> OLD.period_to) THEN
    RAISE EXCEPTION 'only a draft report is edited' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status = 'approved' AND (NEW.approved_by IS NULL OR NEW.approved_by = NEW.drafted_by
                                  OR NEW.approved_by IS NOT DISTINCT FROM NEW.submitted_by) THEN
    RAISE EXCEPTION 'a report is approved by someone who neither wrote nor submitted it' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER court_reports_guard BEFORE UPDATE ON court_reports
  FOR EACH ROW EXECUTE FUNCTION court_reports_guard();
