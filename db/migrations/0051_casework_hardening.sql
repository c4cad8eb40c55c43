-- Issue 22, after review: the rules the services keep, held by the database too.
--
-- 1. Only the current lead therapist (or a coordinator supervising the consulting service) names
--    another lead, who must belong to the consulting service; the lead reaches the consultation as
--    its team only while acting for that service.
CREATE FUNCTION trama_consultation_lead_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.lead_user_id IS NOT DISTINCT FROM OLD.lead_user_id OR trama_user() IS NULL THEN
    RETURN NEW;
  END IF;
  IF OLD.lead_user_id IS NOT NULL AND OLD.lead_user_id <> trama_user()
     AND NOT (OLD.service_id = ANY (trama_supervised_services())) THEN
    RAISE EXCEPTION 'only the lead therapist names another lead' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.lead_user_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.user_id = NEW.lead_user_id AND m.service_id = NEW.service_id AND u.disabled_at IS NULL) THEN
    RAISE EXCEPTION 'the lead therapist belongs to the consulting service' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER consultations_lead_guard BEFORE UPDATE OF lead_user_id ON consultations
  FOR EACH ROW EXECUTE FUNCTION trama_consultation_lead_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION trama_consultations_of_team() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(k.id), '{}') FROM public.consultations k
    WHERE k.service_id = public.trama_service()
      AND (public.trama_role() <> 'coordinator' OR k.lead_user_id = public.trama_user())
      AND NOT (k.referral_id = ANY (public.trama_blocked_referrals())) $$;
--> statement-breakpoint
-- 2. Documents and hand-overs of a case are out of reach of a team member later blocked from it
--    (a conflict-of-interest lock, the perpetrator's follower), as every other casework table is; a
--    document is removed (never restored) by its uploader or the lead of its case or consultation.
DROP POLICY case_documents_read ON case_documents;
--> statement-breakpoint
DROP POLICY case_documents_insert ON case_documents;
--> statement-breakpoint
DROP POLICY case_documents_update ON case_documents;
--> statement-breakpoint
CREATE POLICY case_documents_read ON case_documents FOR SELECT TO trama_app USING (
  NOT (coalesce(case_id = ANY ((SELECT trama_blocked_cases())::uuid[]), false)) AND (
    (attached_kind = 'household' AND household_id IN (SELECT h.id FROM households h))
    OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    OR case_id IN (SELECT c.id FROM cases c WHERE c.service_id = ANY ((SELECT trama_supervised_services())::uuid[]))
    OR (attached_kind = 'consultation' AND (attached_id = ANY ((SELECT trama_consultations_of_team())::uuid[])
        OR attached_id IN (SELECT k.id FROM consultations k
                            WHERE k.service_id = ANY ((SELECT trama_supervised_services())::uuid[]))))));
--> statement-breakpoint
CREATE POLICY case_documents_insert ON case_documents FOR INSERT TO trama_app WITH CHECK (
  uploaded_by = (SELECT trama_user()) AND deleted_at IS NULL
  AND NOT (coalesce(case_id = ANY ((SELECT trama_blocked_cases())::uuid[]), false)) AND (
    (attached_kind = 'household' AND household_id IN (SELECT h.id FROM households h))
    OR (attached_kind IN ('case', 'session') AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]))
    OR (attached_kind = 'consultation' AND case_id IS NULL
        AND attached_id = ANY ((SELECT trama_consultations_of_team())::uuid[]))));
--> statement-breakpoint
CREATE POLICY case_documents_update ON case_documents FOR UPDATE TO trama_app
  USING (deleted_at IS NULL AND NOT (coalesce(case_id = ANY ((SELECT trama_blocked_cases())::uuid[]), false)) AND (
    (attached_kind = 'household' AND household_id IN (SELECT h.id FROM households h))
    OR (attached_kind IN ('case', 'session') AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]))
    OR (attached_kind = 'consultation' AND attached_id = ANY ((SELECT trama_consultations_of_team())::uuid[]))))
  WITH CHECK (deleted_by = (SELECT trama_user()) AND deleted_at IS NOT NULL AND (
    uploaded_by = (SELECT trama_user())
    OR case_id = ANY ((SELECT trama_team_cases('{lead}'))::uuid[])
    OR (attached_kind = 'consultation'
        AND attached_id IN (SELECT k.id FROM consultations k WHERE k.lead_user_id = (SELECT trama_user())))));
--> statement-breakpoint
DROP POLICY case_handovers_read ON case_handovers;
--> statement-breakpoint
CREATE POLICY case_handovers_read ON case_handovers FOR SELECT TO trama_app USING (
  NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])) AND (
    from_user_id = (SELECT trama_user()) OR to_user_id = (SELECT trama_user())
    OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    OR case_id IN (SELECT c.id FROM cases c WHERE c.service_id = ANY ((SELECT trama_supervised_services())::uuid[]))));
--> statement-breakpoint
-- 3. The research consent test answers only about the caller's own cases or the caller themselves,
--    counts a consent from the day it was given, and never offers a researcher locked out of the family.
CREATE FUNCTION trama_research_asker_may(p_case uuid, p_researcher uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT coalesce(p_researcher = trama_user(), false) OR coalesce(p_case = ANY (trama_team_cases('{lead,member}')), false) $$;
--> statement-breakpoint
-- Asked only through the function above's gate: the consent test itself.
CREATE FUNCTION trama_research_consent_in_force(p_case uuid, p_researcher uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM cases c JOIN referral_people rp ON rp.referral_id = c.referral_id WHERE c.id = p_case)
      AND NOT EXISTS (
        SELECT 1 FROM cases c JOIN referral_people rp ON rp.referral_id = c.referral_id
         WHERE c.id = p_case AND NOT EXISTS (
           SELECT 1 FROM consents k JOIN memberships m
               ON m.user_id = p_researcher AND m.role = 'researcher'
              AND (k.recipient_service_id IS NULL OR k.recipient_service_id = m.service_id)
            WHERE k.person_id = rp.person_id AND k.purpose = 'research' AND k.revoked_at IS NULL
              AND k.given_on <= current_date AND (k.expires_on IS NULL OR k.expires_on >= current_date)))
      AND EXISTS (SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id
                   WHERE u.id = p_researcher AND m.role = 'researcher' AND u.disabled_at IS NULL)
      AND NOT EXISTS (
        SELECT 1 FROM cases c
         WHERE c.id = p_case AND p_researcher IN (SELECT trama_users_blocked_from(
           ARRAY(SELECT rp.person_id FROM referral_people rp WHERE rp.referral_id = c.referral_id)))) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION trama_research_consented(p_case uuid, p_researcher uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT trama_research_asker_may(p_case, p_researcher) AND trama_research_consent_in_force(p_case, p_researcher) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION trama_session_research_consented(p_session uuid, p_researcher uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT trama_research_consented((SELECT s.case_id FROM case_sessions s WHERE s.id = p_session), p_researcher) $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_research_consented(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_session_research_consented(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_research_sessions() FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_research_asker_may(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_research_consent_in_force(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_research_consented(uuid, uuid) TO trama_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_session_research_consented(uuid, uuid) TO trama_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_research_sessions() TO trama_app;
--> statement-breakpoint
-- 4. A merged duplicate is read-only until the merge is undone, a merge never points at a merged
--    record nor merges one that keeps others (two merges at once cannot chain), and a kept record
--    does not become a perpetrator's while it keeps someone else's.
CREATE OR REPLACE FUNCTION trama_person_merge_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE kept people%ROWTYPE;
BEGIN
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
DROP TRIGGER people_merge_guard ON people;
--> statement-breakpoint
CREATE TRIGGER people_merge_guard BEFORE UPDATE ON people
  FOR EACH ROW EXECUTE FUNCTION trama_person_merge_guard();
