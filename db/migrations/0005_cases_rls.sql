-- Case management (modules/cases): row-level security under the module's policy functions.
-- Who reaches a case: its clinical team (lead, member), a coordinator supervising its service, a
-- live break-the-glass grant; the referrer and the mediator read the case row only. Nobody reaches
-- a case of a person who excluded them (conflict of interest), and whoever follows a perpetrator
-- never reaches the victims of that household (MISSION: safety rules).
CREATE FUNCTION trama_team_cases(roles text[]) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(t.case_id), '{}') FROM public.case_team t
    WHERE t.user_id = public.trama_user() AND t.team_role = ANY (roles) $$;
--> statement-breakpoint
-- A coordinator supervises the service it acts for, or every service of its organisation.
CREATE FUNCTION trama_supervised_services() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT CASE WHEN public.trama_role() = 'coordinator' THEN
     coalesce((SELECT array_agg(s.id) FROM public.services s
                WHERE s.id = public.trama_service()
                   OR (public.trama_service() IS NULL AND s.organisation_id = public.trama_org())), '{}')
   ELSE '{}' END $$;
--> statement-breakpoint
-- The people a user must never reach: a conflict-of-interest lock names them, or the user is on the
-- team of a case of a perpetrator in their household and they are a victim there.
CREATE FUNCTION trama_blocked_people_of(u uuid) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT b.id), '{}') FROM (
     SELECT x.person_id AS id FROM public.person_exclusions x WHERE x.user_id = u
     UNION
     SELECT v.id FROM public.case_team t
       JOIN public.cases c ON c.id = t.case_id
       JOIN public.referral_people rp ON rp.referral_id = c.referral_id
       JOIN public.people p ON p.id = rp.person_id AND p.case_role = 'perpetrator'
       JOIN public.people v ON v.household_id = p.household_id AND v.case_role = 'victim'
      WHERE t.user_id = u) b $$;
--> statement-breakpoint
CREATE FUNCTION trama_blocked_people() RETURNS uuid[] LANGUAGE sql STABLE AS
$$ SELECT public.trama_blocked_people_of(public.trama_user()) $$;
--> statement-breakpoint
CREATE FUNCTION trama_blocked_cases() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT c.id), '{}') FROM public.referral_people rp
     JOIN public.cases c ON c.referral_id = rp.referral_id
    WHERE rp.person_id = ANY (public.trama_blocked_people()) $$;
--> statement-breakpoint
CREATE FUNCTION trama_blocked_referrals() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT rp.referral_id), '{}') FROM public.referral_people rp
    WHERE rp.person_id = ANY (public.trama_blocked_people()) $$;
--> statement-breakpoint
CREATE FUNCTION trama_mediated_cases() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT s.case_id), '{}') FROM public.case_sessions s
    WHERE s.mediator_id = public.trama_user() $$;
--> statement-breakpoint
-- Cases whose file and sessions the user may open: the clinical team, a supervising coordinator,
-- a live break-the-glass grant. Not the referrer's or the mediator's row-only view. security_invoker
-- keeps cases_read (and so the blocked cases) in force under the view.
CREATE VIEW openable_cases WITH (security_invoker = true) AS
  SELECT c.id, c.household_id, c.referral_id FROM cases c
   WHERE c.service_id IN (SELECT unnest(trama_supervised_services()))
      OR c.id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
      OR c.id = ANY ((SELECT trama_granted_ids('case'))::uuid[])
      OR c.lead_user_id = (SELECT trama_user());
--> statement-breakpoint
GRANT SELECT ON openable_cases TO trama_app;
--> statement-breakpoint
-- A household's code says nothing about the people in it; a referral's recipient keeps seeing it
-- on its list after the content has closed to it.
CREATE FUNCTION trama_household_code(h uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT code FROM public.households WHERE id = h $$;
--> statement-breakpoint
ALTER TABLE households ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE households FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY households_system ON households TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY households_read ON households FOR SELECT TO trama_app USING (
  owner_service_id = (SELECT trama_service())
  OR owner_service_id = ANY ((SELECT trama_supervised_services())::uuid[])
  OR id IN (SELECT o.household_id FROM openable_cases o)
  OR id IN (SELECT r.household_id FROM referrals r WHERE r.to_service_id = (SELECT trama_service()) AND r.status = 'sent'
             AND r.basis_lapsed_at IS NULL AND (r.basis_expires_on IS NULL OR r.basis_expires_on >= current_date)));
--> statement-breakpoint
CREATE POLICY households_insert ON households FOR INSERT TO trama_app
  WITH CHECK (owner_service_id = (SELECT trama_service()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON households TO trama_app;
--> statement-breakpoint
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY people_system ON people TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- A person is seen with the household, minus the blocked; a case team sees only its case's people.
CREATE POLICY people_read ON people FOR SELECT TO trama_app USING (
  NOT (id = ANY ((SELECT trama_blocked_people())::uuid[])) AND (
    household_id IN (SELECT h.id FROM households h WHERE h.owner_service_id = (SELECT trama_service())
                      OR h.owner_service_id = ANY ((SELECT trama_supervised_services())::uuid[]))
    OR id IN (SELECT rp.person_id FROM referral_people rp JOIN openable_cases o ON o.referral_id = rp.referral_id)
    OR id IN (SELECT rp.person_id FROM referral_people rp JOIN referrals r ON r.id = rp.referral_id
               WHERE r.to_service_id = (SELECT trama_service()) AND r.status = 'sent'
                 AND r.basis_lapsed_at IS NULL AND (r.basis_expires_on IS NULL OR r.basis_expires_on >= current_date))));
--> statement-breakpoint
CREATE POLICY people_insert ON people FOR INSERT TO trama_app WITH CHECK (
  household_id IN (SELECT h.id FROM households h WHERE h.owner_service_id = (SELECT trama_service())));
--> statement-breakpoint
CREATE POLICY people_update ON people FOR UPDATE TO trama_app
  USING (NOT (id = ANY ((SELECT trama_blocked_people())::uuid[])) AND household_id IN
    (SELECT h.id FROM households h WHERE h.owner_service_id = (SELECT trama_service())));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON people TO trama_app;
--> statement-breakpoint
ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consents_system ON consents TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY consents_read ON consents FOR SELECT TO trama_app USING (person_id IN (SELECT id FROM people));
--> statement-breakpoint
CREATE POLICY consents_write ON consents FOR INSERT TO trama_app
  WITH CHECK (recorded_by = (SELECT trama_user()) AND person_id IN (SELECT id FROM people));
--> statement-breakpoint
CREATE POLICY consents_revoke ON consents FOR UPDATE TO trama_app USING (person_id IN (SELECT id FROM people));
--> statement-breakpoint
GRANT SELECT, INSERT ON consents TO trama_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at, revocation_reason) ON consents TO trama_app;
--> statement-breakpoint
ALTER TABLE person_exclusions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_exclusions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_exclusions_system ON person_exclusions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY person_exclusions_read ON person_exclusions FOR SELECT TO trama_app
  USING (person_id IN (SELECT id FROM people));
--> statement-breakpoint
CREATE POLICY person_exclusions_insert ON person_exclusions FOR INSERT TO trama_app
  WITH CHECK (created_by = (SELECT trama_user()) AND person_id IN (SELECT id FROM people));
--> statement-breakpoint
GRANT SELECT, INSERT ON person_exclusions TO trama_app;
--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referrals_system ON referrals TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY referrals_read ON referrals FOR SELECT TO trama_app USING (
  NOT (id = ANY ((SELECT trama_blocked_referrals())::uuid[]))
  AND (from_service_id = (SELECT trama_service())
    OR (to_service_id = (SELECT trama_service()) AND status <> 'draft')
    OR from_service_id = ANY ((SELECT trama_supervised_services())::uuid[])
    OR (to_service_id = ANY ((SELECT trama_supervised_services())::uuid[]) AND status <> 'draft')));
--> statement-breakpoint
CREATE POLICY referrals_insert ON referrals FOR INSERT TO trama_app
  WITH CHECK (from_service_id = (SELECT trama_service()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
-- The sender edits, sends and revokes; the recipient answers. Which transition is allowed is the
-- service's state machine; here only who may touch the row.
CREATE POLICY referrals_update ON referrals FOR UPDATE TO trama_app USING (
  from_service_id = (SELECT trama_service()) OR (to_service_id = (SELECT trama_service()) AND status <> 'draft')
  OR id IN (SELECT o.referral_id FROM openable_cases o));
--> statement-breakpoint
CREATE POLICY referrals_delete ON referrals FOR DELETE TO trama_app
  USING (from_service_id = (SELECT trama_service()) AND status = 'draft');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON referrals TO trama_app;
--> statement-breakpoint
ALTER TABLE referral_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_people_system ON referral_people TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY referral_people_app ON referral_people TO trama_app
  USING (referral_id IN (SELECT id FROM referrals)) WITH CHECK (referral_id IN (SELECT id FROM referrals WHERE status = 'draft'));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON referral_people TO trama_app;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_system ON cases TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The referrer keeps the status; a break-the-glass grant opens in an emergency; everyone else
-- needs the legal basis in force: an expired or revoked consent closes the case to them at once.
CREATE POLICY cases_read ON cases FOR SELECT TO trama_app USING (
  NOT (id = ANY ((SELECT trama_blocked_cases())::uuid[])) AND (
    id = ANY ((SELECT trama_team_cases('{referrer}'))::uuid[])
    OR id = ANY ((SELECT trama_granted_ids('case'))::uuid[])
    OR (basis_lapsed_at IS NULL AND (basis_expires_on IS NULL OR basis_expires_on >= current_date) AND (
      service_id IN (SELECT unnest(trama_supervised_services()))
      OR id = ANY ((SELECT trama_team_cases('{lead,member,mediator}'))::uuid[])
      OR id = ANY ((SELECT trama_mediated_cases())::uuid[])
      OR lead_user_id = (SELECT trama_user())))));
--> statement-breakpoint
CREATE POLICY cases_insert ON cases FOR INSERT TO trama_app
  WITH CHECK (service_id = (SELECT trama_service()) AND lead_user_id = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY cases_update ON cases FOR UPDATE TO trama_app USING (
  NOT (id = ANY ((SELECT trama_blocked_cases())::uuid[])) AND (
    service_id IN (SELECT unnest(trama_supervised_services()))
    OR id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]) OR lead_user_id = (SELECT trama_user())));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON cases TO trama_app;
--> statement-breakpoint
ALTER TABLE case_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_files_system ON case_files TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_files_read ON case_files FOR SELECT TO trama_app
  USING (EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
-- Only the clinical team writes the file (a supervisor approves, a break-the-glass reads).
CREATE POLICY case_files_write ON case_files FOR INSERT TO trama_app
  WITH CHECK (case_id IN (SELECT id FROM cases WHERE lead_user_id = (SELECT trama_user())));
--> statement-breakpoint
CREATE POLICY case_files_update ON case_files FOR UPDATE TO trama_app
  USING (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_files TO trama_app;
--> statement-breakpoint
ALTER TABLE case_team ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_team FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_team_system ON case_team TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_team_read ON case_team FOR SELECT TO trama_app
  USING (EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id) OR user_id = (SELECT trama_user()));
--> statement-breakpoint
-- The team is edited by its lead only.
CREATE POLICY case_team_write ON case_team FOR INSERT TO trama_app
  WITH CHECK (case_id IN (SELECT id FROM cases WHERE lead_user_id = (SELECT trama_user())));
--> statement-breakpoint
CREATE POLICY case_team_delete ON case_team FOR DELETE TO trama_app
  USING (case_id IN (SELECT id FROM cases WHERE lead_user_id = (SELECT trama_user())));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON case_team TO trama_app;
--> statement-breakpoint
ALTER TABLE case_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_sessions_system ON case_sessions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_sessions_read ON case_sessions FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id)
  OR (mediator_id = (SELECT trama_user()) AND case_id IN (SELECT c.id FROM cases c)));
--> statement-breakpoint
CREATE POLICY case_sessions_insert ON case_sessions FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_sessions TO trama_app;
--> statement-breakpoint
ALTER TABLE session_staff ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session_staff FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_staff_system ON session_staff TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY session_staff_app ON session_staff TO trama_app
  USING (session_id IN (SELECT id FROM case_sessions)) WITH CHECK (session_id IN (SELECT id FROM case_sessions));
--> statement-breakpoint
GRANT SELECT, INSERT ON session_staff TO trama_app;
--> statement-breakpoint
ALTER TABLE session_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session_people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_people_system ON session_people TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY session_people_app ON session_people TO trama_app
  USING (session_id IN (SELECT s.id FROM case_sessions s JOIN openable_cases o ON o.id = s.case_id))
  WITH CHECK (session_id IN (SELECT id FROM case_sessions));
--> statement-breakpoint
GRANT SELECT, INSERT ON session_people TO trama_app;
--> statement-breakpoint
ALTER TABLE session_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_notes_system ON session_notes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Sealed sections: psychological notes only for clinicians on the case's team; social notes for
-- the team; mediation notes for the team and the session's mediator. Supervisors and
-- break-the-glass read none of them.
CREATE POLICY session_notes_read ON session_notes FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM case_sessions s WHERE s.id = session_id AND NOT (s.case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))
    AND ((s.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
          AND (section <> 'psychological' OR (SELECT trama_role()) = 'clinician'))
      OR (section = 'mediation' AND s.mediator_id = (SELECT trama_user())))));
--> statement-breakpoint
CREATE POLICY session_notes_insert ON session_notes FOR INSERT TO trama_app WITH CHECK (
  author_id = (SELECT trama_user()) AND EXISTS (SELECT 1 FROM case_sessions s WHERE s.id = session_id
    AND s.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]))
  AND (section <> 'psychological' OR (SELECT trama_role()) = 'clinician'));
--> statement-breakpoint
GRANT SELECT, INSERT ON session_notes TO trama_app;
--> statement-breakpoint
ALTER TABLE person_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_messages_system ON person_messages TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY person_messages_app ON person_messages TO trama_app
  USING (person_id IN (SELECT id FROM people)) WITH CHECK (person_id IN (SELECT id FROM people));
--> statement-breakpoint
GRANT SELECT, INSERT ON person_messages TO trama_app;
--> statement-breakpoint
-- Studies are not personal data. The research export reads cases as the owner (a named bypass in
-- modules/research), because a researcher reaches no case: only consented, pseudonymised rows leave.
GRANT SELECT ON studies TO trama_app;
--> statement-breakpoint
ALTER TABLE research_exports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE research_exports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY research_exports_system ON research_exports TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY research_exports_read ON research_exports FOR SELECT TO trama_app
  USING (user_id = (SELECT trama_user()) OR (SELECT trama_role()) = 'dpo');
--> statement-breakpoint
CREATE POLICY research_exports_insert ON research_exports FOR INSERT TO trama_app
  WITH CHECK (user_id = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON research_exports TO trama_app;
--> statement-breakpoint
-- The legal basis of a referral: a valid court order for its recipient, or for every referred person
-- a valid consent for its purpose, its recipient and at least its sections. A null expiry is open-ended.
CREATE FUNCTION referral_basis(rid uuid, OUT ok boolean, OUT basis text, OUT expires_on date)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r referrals;
  court_ok boolean;
  court_until date;
  missing integer;
BEGIN
  SELECT * INTO r FROM referrals WHERE id = rid;
  SELECT count(*) > 0, CASE WHEN bool_or(c.expires_on IS NULL) THEN NULL ELSE max(c.expires_on) END
    INTO court_ok, court_until
    FROM consents c JOIN referral_people rp ON rp.person_id = c.person_id AND rp.referral_id = rid
   WHERE c.method = 'court_order' AND c.recipient_service_id = r.to_service_id
     AND c.revoked_at IS NULL AND (c.expires_on IS NULL OR c.expires_on >= current_date);
  IF court_ok THEN
    ok := true; basis := 'court_order'; expires_on := court_until; RETURN;
  END IF;
  WITH per_person AS (
    SELECT rp.person_id, bool_or(c.id IS NOT NULL) AS has,
           CASE WHEN bool_or(c.id IS NOT NULL AND c.expires_on IS NULL) THEN NULL ELSE max(c.expires_on) END AS until
      FROM referral_people rp
      LEFT JOIN consents c ON c.person_id = rp.person_id AND c.purpose = r.purpose
       AND c.recipient_service_id = r.to_service_id AND c.sections @> r.sections
       AND c.revoked_at IS NULL AND (c.expires_on IS NULL OR c.expires_on >= current_date)
     WHERE rp.referral_id = rid GROUP BY rp.person_id)
  SELECT count(*) FILTER (WHERE NOT has), min(until) INTO missing, expires_on FROM per_person;
  ok := missing = 0 AND EXISTS (SELECT 1 FROM referral_people WHERE referral_id = rid);
  basis := 'consent';
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION referral_basis(uuid) TO trama_app;
--> statement-breakpoint
-- A consent recorded, revoked or renewed re-decides, in the same transaction, the basis of every
-- open referral and case that rests on it. Expiry needs no trigger: the policies compare dates.
CREATE FUNCTION consents_refresh_basis() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  rid uuid;
  b record;
BEGIN
  FOR rid IN SELECT r.id FROM referrals r JOIN referral_people rp ON rp.referral_id = r.id
              WHERE rp.person_id = NEW.person_id AND r.status IN ('sent', 'accepted')
                AND r.legal_basis IN ('consent', 'court_order') LOOP
    SELECT * INTO b FROM referral_basis(rid);
    UPDATE referrals SET legal_basis = CASE WHEN b.ok THEN b.basis ELSE legal_basis END,
           basis_expires_on = b.expires_on,
           basis_lapsed_at = CASE WHEN b.ok THEN NULL ELSE coalesce(basis_lapsed_at, now()) END
     WHERE id = rid;
    UPDATE cases SET basis_expires_on = b.expires_on,
           basis_lapsed_at = CASE WHEN b.ok THEN NULL ELSE coalesce(basis_lapsed_at, now()) END
     WHERE referral_id = rid;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER consents_refresh_basis AFTER INSERT OR UPDATE ON consents
  FOR EACH ROW EXECUTE FUNCTION consents_refresh_basis();
--> statement-breakpoint
-- The work list pages in this order; without the index every page sorts every visible case.
CREATE INDEX cases_opened_idx ON cases (opened_at DESC, id);
--> statement-breakpoint
-- Code search: starts_with (^@) is leakproof, so under row-level security it can use this index.
CREATE INDEX cases_code_pattern_idx ON cases (code text_pattern_ops);
