-- Gatherings and training (issue 17, ADR 0019): row-level security. A gathering's manager is a
-- trainer of the service that owns it. A registration is read by its participant, by the
-- gathering's managers and by a coordinator of the participant's organisation. Moves that touch
-- other people's registrations (the capacity counter, promotion from the waiting list, a scan's
-- attendance, the public verification of a certificate) run as the owner inside the request's
-- transaction, after the service has judged them (platform/gatherings/gatherings.service.ts).
CREATE FUNCTION trama_managed_gatherings() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(g.id), '{}') FROM public.gatherings g
    WHERE public.trama_role() = 'trainer' AND g.owner_service_id = public.trama_service() $$;
--> statement-breakpoint
ALTER TABLE gatherings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE gatherings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY gatherings_system ON gatherings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY gatherings_read ON gatherings FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY gatherings_insert ON gatherings FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service())
    AND created_by = (SELECT trama_user()) AND seats_taken = 0);
--> statement-breakpoint
CREATE POLICY gatherings_update ON gatherings FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service()))
  WITH CHECK ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service()));
--> statement-breakpoint
GRANT SELECT, INSERT ON gatherings TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, capacity, registration_opens_at, registration_closes_at, confirm_within_hours, approval_required)
  ON gatherings TO trama_app;
--> statement-breakpoint
ALTER TABLE gathering_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE gathering_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY gathering_sessions_system ON gathering_sessions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY gathering_sessions_read ON gathering_sessions FOR SELECT TO trama_app
  USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY gathering_sessions_insert ON gathering_sessions FOR INSERT TO trama_app
  WITH CHECK (gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[]));
--> statement-breakpoint
CREATE POLICY gathering_sessions_update ON gathering_sessions FOR UPDATE TO trama_app
  USING (gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[]))
  WITH CHECK (gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON gathering_sessions TO trama_app;
--> statement-breakpoint
GRANT UPDATE (starts_at, ends_at, place, online_link) ON gathering_sessions TO trama_app;
--> statement-breakpoint
ALTER TABLE gathering_places ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE gathering_places FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY gathering_places_system ON gathering_places TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY gathering_places_read ON gathering_places FOR SELECT TO trama_app
  USING (user_id = (SELECT trama_user())
    OR gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])
    OR ((SELECT trama_role()) = 'coordinator' AND participant_organisation_id = (SELECT trama_org())));
--> statement-breakpoint
-- Registrations are written only as the owner, by the services in platform/gatherings/places.ts,
-- after they have judged the caller: the request role reads them and writes none (no status of
-- its own choosing, no seat past the counter).
-- The link's hash stays out of the request role's reach: a link is looked up only as the owner.
GRANT SELECT (id, gathering_id, user_id, external_name, external_organisation, external_email, profession,
  participant_service_id, participant_organisation_id, status, queued_seq, offer_expires_at, link_expires_at,
  requested_by, requested_at, decided_by, updated_at) ON gathering_places TO trama_app;
--> statement-breakpoint
ALTER TABLE gathering_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE gathering_attendance FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY gathering_attendance_system ON gathering_attendance TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY gathering_attendance_read ON gathering_attendance FOR SELECT TO trama_app
  USING (place_id IN (SELECT p.id FROM gathering_places p));
--> statement-breakpoint
CREATE POLICY gathering_attendance_insert ON gathering_attendance FOR INSERT TO trama_app
  WITH CHECK (recorded_by = (SELECT trama_user()) AND EXISTS (SELECT 1 FROM gathering_sessions s
    JOIN gathering_places p ON p.gathering_id = s.gathering_id
    WHERE s.id = session_id AND p.id = place_id
      AND s.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
CREATE POLICY gathering_attendance_update ON gathering_attendance FOR UPDATE TO trama_app
  USING (session_id IN (SELECT s.id FROM gathering_sessions s
    WHERE s.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])))
  WITH CHECK (recorded_by = (SELECT trama_user()) AND EXISTS (SELECT 1 FROM gathering_sessions s
    JOIN gathering_places p ON p.gathering_id = s.gathering_id WHERE s.id = session_id AND p.id = place_id));
--> statement-breakpoint
GRANT SELECT, INSERT ON gathering_attendance TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, source, recorded_by, recorded_at) ON gathering_attendance TO trama_app;
--> statement-breakpoint
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE calendar_feeds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY calendar_feeds_system ON calendar_feeds TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY calendar_feeds_own ON calendar_feeds FOR SELECT TO trama_app USING (user_id = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT (user_id, created_at) ON calendar_feeds TO trama_app;
--> statement-breakpoint
ALTER TABLE training_courses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_courses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_courses_system ON training_courses TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY training_courses_read ON training_courses FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY training_courses_insert ON training_courses FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service())
    AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY training_courses_update ON training_courses FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service()))
  WITH CHECK ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service()));
--> statement-breakpoint
GRANT SELECT, INSERT ON training_courses TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, strand, target_service_kinds, target_professions, objectives, hours, trainers,
  attendance_threshold, approval_required, credit_scheme, credits, accreditation_ref, updated_at)
  ON training_courses TO trama_app;
--> statement-breakpoint
ALTER TABLE training_course_findings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_course_findings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_course_findings_system ON training_course_findings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY training_course_findings_read ON training_course_findings FOR SELECT TO trama_app
  USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY training_course_findings_insert ON training_course_findings FOR INSERT TO trama_app
  WITH CHECK (course_id IN (SELECT c.id FROM training_courses c
    WHERE (SELECT trama_role()) = 'trainer' AND c.owner_service_id = (SELECT trama_service())));
--> statement-breakpoint
CREATE POLICY training_course_findings_delete ON training_course_findings FOR DELETE TO trama_app
  USING (course_id IN (SELECT c.id FROM training_courses c
    WHERE (SELECT trama_role()) = 'trainer' AND c.owner_service_id = (SELECT trama_service())));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON training_course_findings TO trama_app;
--> statement-breakpoint
ALTER TABLE training_editions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_editions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_editions_system ON training_editions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY training_editions_read ON training_editions FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY training_editions_insert ON training_editions FOR INSERT TO trama_app
  WITH CHECK (gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON training_editions TO trama_app;
--> statement-breakpoint
ALTER TABLE training_certificates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_certificates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_certificates_system ON training_certificates TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Whoever reads the registration reads its certificate: the holder, the managers, the coordinator.
CREATE POLICY training_certificates_read ON training_certificates FOR SELECT TO trama_app
  USING (place_id IN (SELECT p.id FROM gathering_places p));
--> statement-breakpoint
CREATE POLICY training_certificates_insert ON training_certificates FOR INSERT TO trama_app
  WITH CHECK (issued_by = (SELECT trama_user()) AND place_id IN (SELECT p.id FROM gathering_places p
    WHERE p.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
CREATE POLICY training_certificates_update ON training_certificates FOR UPDATE TO trama_app
  USING (place_id IN (SELECT p.id FROM gathering_places p
    WHERE p.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])))
  WITH CHECK (revoked_by = (SELECT trama_user()) AND revoked_at IS NOT NULL);
--> statement-breakpoint
GRANT SELECT, INSERT ON training_certificates TO trama_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at, revoked_by, revocation_reason) ON training_certificates TO trama_app;
