-- Mediation (issue 18): row-level security. The coordinator of a mediation service keeps the
-- registry (conflicts only they read) and sees the requests addressed to their service; a
-- requester sees their own requests and who was assigned; a mediator sees their own row and their
-- own offers and assignments, and reads a request only through the service's minimal view (as the
-- owner, after the service has judged). Assignments, offers and the anonymous feedback are written
-- as the owner inside the request's transaction, after the service has judged them: the overlap
-- and one-assignment rules take locks a request role must not hold over other people's rows.
CREATE FUNCTION trama_is_mediation_coordinator() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(public.trama_role() = 'coordinator' AND EXISTS (
     SELECT 1 FROM public.services s WHERE s.id = public.trama_service() AND s.kind = 'mediation_service'), false) $$;
--> statement-breakpoint
CREATE FUNCTION trama_my_mediator() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT m.id FROM public.mediators m WHERE m.user_id = public.trama_user() AND public.trama_role() = 'mediator'
     AND m.active $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_is_mediation_coordinator() TO trama_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_my_mediator() TO trama_app;
--> statement-breakpoint
ALTER TABLE mediators ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediators FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediators_system ON mediators TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediators_read ON mediators FOR SELECT TO trama_app USING ((SELECT trama_is_mediation_coordinator()) OR id = (SELECT trama_my_mediator()));
--> statement-breakpoint
CREATE POLICY mediators_insert ON mediators FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
CREATE POLICY mediators_update ON mediators FOR UPDATE TO trama_app USING ((SELECT trama_is_mediation_coordinator())) WITH CHECK ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
GRANT SELECT, INSERT ON mediators TO trama_app;
--> statement-breakpoint
GRANT UPDATE (organisation_id, gender, modes, countries, own_community, district_ids, municipalities, base_municipality,
  certifications, active, updated_at) ON mediators TO trama_app;
--> statement-breakpoint
ALTER TABLE mediator_languages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediator_languages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediator_languages_system ON mediator_languages TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediator_languages_read ON mediator_languages FOR SELECT TO trama_app USING ((SELECT trama_is_mediation_coordinator()) OR mediator_id = (SELECT trama_my_mediator()));
--> statement-breakpoint
CREATE POLICY mediator_languages_insert ON mediator_languages FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
CREATE POLICY mediator_languages_delete ON mediator_languages FOR DELETE TO trama_app USING ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON mediator_languages TO trama_app;
--> statement-breakpoint
ALTER TABLE mediator_availability ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediator_availability FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediator_availability_system ON mediator_availability TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediator_availability_read ON mediator_availability FOR SELECT TO trama_app USING ((SELECT trama_is_mediation_coordinator()) OR mediator_id = (SELECT trama_my_mediator()));
--> statement-breakpoint
CREATE POLICY mediator_availability_insert ON mediator_availability FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
CREATE POLICY mediator_availability_delete ON mediator_availability FOR DELETE TO trama_app USING ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON mediator_availability TO trama_app;
--> statement-breakpoint
ALTER TABLE mediator_absences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediator_absences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediator_absences_system ON mediator_absences TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- A mediator records their own absences; the coordinator anyone's.
CREATE POLICY mediator_absences_read ON mediator_absences FOR SELECT TO trama_app USING ((SELECT trama_is_mediation_coordinator()) OR mediator_id = (SELECT trama_my_mediator()));
--> statement-breakpoint
CREATE POLICY mediator_absences_insert ON mediator_absences FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_mediation_coordinator()) OR mediator_id = (SELECT trama_my_mediator()));
--> statement-breakpoint
CREATE POLICY mediator_absences_delete ON mediator_absences FOR DELETE TO trama_app USING ((SELECT trama_is_mediation_coordinator()) OR mediator_id = (SELECT trama_my_mediator()));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON mediator_absences TO trama_app;
--> statement-breakpoint
ALTER TABLE mediator_conflicts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediator_conflicts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediator_conflicts_system ON mediator_conflicts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Conflict declarations: the mediation coordinator only, never the mediator, never a requester.
CREATE POLICY mediator_conflicts_read ON mediator_conflicts FOR SELECT TO trama_app USING ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
CREATE POLICY mediator_conflicts_insert ON mediator_conflicts FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_mediation_coordinator()) AND declared_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY mediator_conflicts_delete ON mediator_conflicts FOR DELETE TO trama_app USING ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON mediator_conflicts TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_rates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_rates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_rates_system ON mediation_rates TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- A cooperative's coordinator reads their own rates.
CREATE POLICY mediation_rates_read ON mediation_rates FOR SELECT TO trama_app USING ((SELECT trama_is_mediation_coordinator())
  OR ((SELECT trama_role()) = 'coordinator' AND organisation_id = (SELECT trama_org())));
--> statement-breakpoint
CREATE POLICY mediation_rates_insert ON mediation_rates FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_mediation_coordinator()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON mediation_rates TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_requests_system ON mediation_requests TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The requester, the coordinator of the requesting service, the coordinator of the mediation service.
CREATE POLICY mediation_requests_read ON mediation_requests FOR SELECT TO trama_app USING (requester_id = (SELECT trama_user())
  OR ((SELECT trama_role()) = 'coordinator' AND service_id = (SELECT trama_service()))
  OR ((SELECT trama_is_mediation_coordinator()) AND mediation_service_id = (SELECT trama_service())));
--> statement-breakpoint
CREATE POLICY mediation_requests_insert ON mediation_requests FOR INSERT TO trama_app WITH CHECK (requester_id = (SELECT trama_user())
  AND service_id = (SELECT trama_service()) AND status = 'open');
--> statement-breakpoint
CREATE POLICY mediation_requests_update ON mediation_requests FOR UPDATE TO trama_app
  USING (requester_id = (SELECT trama_user()) OR ((SELECT trama_is_mediation_coordinator()) AND mediation_service_id = (SELECT trama_service())))
  WITH CHECK (requester_id = (SELECT trama_user()) OR ((SELECT trama_is_mediation_coordinator()) AND mediation_service_id = (SELECT trama_service())));
--> statement-breakpoint
GRANT SELECT, INSERT ON mediation_requests TO trama_app;
--> statement-breakpoint
-- Status changes are written as the owner after the service judged them; the request role may only
-- lock its own row (FOR UPDATE needs an update privilege on one column).
GRANT UPDATE (updated_at) ON mediation_requests TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_offers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_offers_system ON mediation_offers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediation_offers_read ON mediation_offers FOR SELECT TO trama_app USING (mediator_id = (SELECT trama_my_mediator())
  OR request_id IN (SELECT r.id FROM mediation_requests r));
--> statement-breakpoint
GRANT SELECT ON mediation_offers TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_assignments_system ON mediation_assignments TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediation_assignments_read ON mediation_assignments FOR SELECT TO trama_app USING (mediator_id = (SELECT trama_my_mediator())
  OR request_id IN (SELECT r.id FROM mediation_requests r));
--> statement-breakpoint
GRANT SELECT (id, request_id, mediator_id, status, starts_at, ends_at, assigned_by, assigned_at, answered_at, decline_reason,
  actual_minutes, travel_minutes, travel_km, hourly_cents, travel_cents_per_km, cost_cents, logged_at, feedback_expires_at,
  feedback_count) ON mediation_assignments TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_ratings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_ratings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_ratings_system ON mediation_ratings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediation_ratings_read ON mediation_ratings FOR SELECT TO trama_app
  USING (assignment_id IN (SELECT a.id FROM mediation_assignments a JOIN mediation_requests r ON r.id = a.request_id));
--> statement-breakpoint
CREATE POLICY mediation_ratings_insert ON mediation_ratings FOR INSERT TO trama_app WITH CHECK (rated_by = (SELECT trama_user())
  AND assignment_id IN (SELECT a.id FROM mediation_assignments a JOIN mediation_requests r ON r.id = a.request_id
                         WHERE r.requester_id = (SELECT trama_user())));
--> statement-breakpoint
GRANT SELECT, INSERT ON mediation_ratings TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_person_feedback ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_person_feedback FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_person_feedback_system ON mediation_person_feedback TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Anonymous answers: no request role reads them (a row's system columns would tie it to the
-- transaction that counted it on the assignment); the summary counts them as the owner, for the
-- mediation coordinator only, and the public link writes them as the owner.
ALTER TABLE mediation_calendar_feeds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_calendar_feeds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_calendar_feeds_system ON mediation_calendar_feeds TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediation_calendar_feeds_own ON mediation_calendar_feeds FOR ALL TO trama_app USING (user_id = (SELECT trama_user()))
  WITH CHECK (user_id = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT (user_id, created_at), DELETE ON mediation_calendar_feeds TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_materials ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_materials FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_materials_system ON mediation_materials TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The library: every member of staff reads materials and approved versions; mediators and the
-- mediation coordinator write drafts; only the coordinator, never the author, approves (four eyes).
CREATE POLICY mediation_materials_read ON mediation_materials FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY mediation_materials_insert ON mediation_materials FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_mediation_coordinator()) AND owner_service_id = (SELECT trama_service())
  AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY mediation_materials_update ON mediation_materials FOR UPDATE TO trama_app USING ((SELECT trama_is_mediation_coordinator())) WITH CHECK ((SELECT trama_is_mediation_coordinator()));
--> statement-breakpoint
GRANT SELECT, INSERT ON mediation_materials TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, kind, summary, updated_at) ON mediation_materials TO trama_app;
--> statement-breakpoint
ALTER TABLE mediation_material_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mediation_material_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mediation_material_versions_system ON mediation_material_versions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mediation_material_versions_read ON mediation_material_versions FOR SELECT TO trama_app
  USING (status = 'approved' OR author_id = (SELECT trama_user()) OR ((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())));
--> statement-breakpoint
CREATE POLICY mediation_material_versions_insert ON mediation_material_versions FOR INSERT TO trama_app WITH CHECK (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())) AND author_id = (SELECT trama_user())
  AND status = 'draft' AND reviewer_id IS NULL);
--> statement-breakpoint
-- Its author edits a draft and submits it; the review is written as the owner by the service after it
-- judged the reviewer (the keeping service's coordinator, never the author, a version in review).
CREATE POLICY mediation_material_versions_update ON mediation_material_versions FOR UPDATE TO trama_app
  USING (author_id = (SELECT trama_user()) AND status = 'draft')
  WITH CHECK (author_id = (SELECT trama_user()) AND status IN ('draft', 'in_review'));
--> statement-breakpoint
GRANT SELECT, INSERT ON mediation_material_versions TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, body, status) ON mediation_material_versions TO trama_app;
--> statement-breakpoint
ALTER TABLE glossary_terms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE glossary_terms FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY glossary_terms_system ON glossary_terms TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY glossary_terms_read ON glossary_terms FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY glossary_terms_insert ON glossary_terms FOR INSERT TO trama_app WITH CHECK (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())));
--> statement-breakpoint
CREATE POLICY glossary_terms_update ON glossary_terms FOR UPDATE TO trama_app USING (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator()))) WITH CHECK (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())));
--> statement-breakpoint
CREATE POLICY glossary_terms_delete ON glossary_terms FOR DELETE TO trama_app USING (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON glossary_terms TO trama_app;
--> statement-breakpoint
ALTER TABLE glossary_translations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE glossary_translations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY glossary_translations_system ON glossary_translations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY glossary_translations_read ON glossary_translations FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY glossary_translations_insert ON glossary_translations FOR INSERT TO trama_app WITH CHECK (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())));
--> statement-breakpoint
CREATE POLICY glossary_translations_update ON glossary_translations FOR UPDATE TO trama_app USING (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator()))) WITH CHECK (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())));
--> statement-breakpoint
CREATE POLICY glossary_translations_delete ON glossary_translations FOR DELETE TO trama_app USING (((SELECT trama_role()) = 'mediator' OR (SELECT trama_is_mediation_coordinator())));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON glossary_translations TO trama_app;
