-- Community engagement (issue 19): row-level security. A community worker is a practitioner or a
-- coordinator of a service of kind community_engagement; they keep the registry and organise events
-- (the gatherings their service owns). Every other practitioner reads the directory of holders.
-- Registrations' details are read by the event's organisers only; public registrations, walk-ins
-- and feedback are written as the owner by the service after it has judged them.
CREATE FUNCTION trama_is_community_worker() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(public.trama_role() IN ('practitioner', 'coordinator') AND EXISTS (
     SELECT 1 FROM public.services s WHERE s.id = public.trama_service() AND s.kind = 'community_engagement'), false) $$;
--> statement-breakpoint
CREATE FUNCTION trama_reads_community_directory() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(public.trama_role() IN ('coordinator', 'practitioner', 'clinician', 'trainer', 'mediator'), false) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_is_community_worker() TO trama_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_reads_community_directory() TO trama_app;
--> statement-breakpoint
-- A gathering is managed by the trainers of its service (training) or, for a community event, by
-- the community workers of the service that owns it.
CREATE OR REPLACE FUNCTION trama_managed_gatherings() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(g.id), '{}') FROM public.gatherings g
    WHERE g.owner_service_id = public.trama_service()
      AND ((public.trama_role() = 'trainer' AND g.module = 'training')
        OR (g.module = 'community' AND public.trama_is_community_worker())) $$;
--> statement-breakpoint
CREATE POLICY gatherings_insert_community ON gatherings FOR INSERT TO trama_app
  WITH CHECK (module = 'community' AND (SELECT trama_is_community_worker()) AND owner_service_id = (SELECT trama_service())
    AND created_by = (SELECT trama_user()) AND seats_taken = 0);
--> statement-breakpoint
CREATE POLICY gatherings_update_community ON gatherings FOR UPDATE TO trama_app
  USING (module = 'community' AND (SELECT trama_is_community_worker()) AND owner_service_id = (SELECT trama_service()))
  WITH CHECK (module = 'community' AND (SELECT trama_is_community_worker()) AND owner_service_id = (SELECT trama_service()));
--> statement-breakpoint
ALTER TABLE community_holders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_holders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_holders_system ON community_holders TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_holders_read ON community_holders FOR SELECT TO trama_app USING ((SELECT trama_reads_community_directory()));
--> statement-breakpoint
CREATE POLICY community_holders_insert ON community_holders FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
CREATE POLICY community_holders_update ON community_holders FOR UPDATE TO trama_app USING ((SELECT trama_is_community_worker())) WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
GRANT SELECT, INSERT ON community_holders TO trama_app;
--> statement-breakpoint
GRANT UPDATE (name, kind, municipality, address, phone, email, website, languages, communities, size, legal_form,
  keeper_organisation_id, notes, active, updated_at) ON community_holders TO trama_app;
--> statement-breakpoint
ALTER TABLE community_holder_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_holder_people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_holder_people_system ON community_holder_people TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_holder_people_read ON community_holder_people FOR SELECT TO trama_app USING ((SELECT trama_reads_community_directory()));
--> statement-breakpoint
CREATE POLICY community_holder_people_insert ON community_holder_people FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
CREATE POLICY community_holder_people_update ON community_holder_people FOR UPDATE TO trama_app USING ((SELECT trama_is_community_worker())) WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON community_holder_people TO trama_app;
--> statement-breakpoint
GRANT UPDATE (full_name, role_title, phone, email, opinion_leader, influence_topics, influence_community)
  ON community_holder_people TO trama_app;
--> statement-breakpoint
CREATE POLICY community_holder_people_delete ON community_holder_people FOR DELETE TO trama_app USING ((SELECT trama_is_community_worker()));
--> statement-breakpoint
ALTER TABLE community_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_consents_system ON community_consents TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_consents_read ON community_consents FOR SELECT TO trama_app USING ((SELECT trama_reads_community_directory()));
--> statement-breakpoint
CREATE POLICY community_consents_insert ON community_consents FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
CREATE POLICY community_consents_update ON community_consents FOR UPDATE TO trama_app USING ((SELECT trama_is_community_worker())) WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
GRANT SELECT, INSERT ON community_consents TO trama_app;
--> statement-breakpoint
GRANT UPDATE (withdrawn_on) ON community_consents TO trama_app;
--> statement-breakpoint
ALTER TABLE community_holder_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_holder_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_holder_links_system ON community_holder_links TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_holder_links_read ON community_holder_links FOR SELECT TO trama_app USING ((SELECT trama_reads_community_directory()));
--> statement-breakpoint
CREATE POLICY community_holder_links_insert ON community_holder_links FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
CREATE POLICY community_holder_links_update ON community_holder_links FOR UPDATE TO trama_app USING ((SELECT trama_is_community_worker())) WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON community_holder_links TO trama_app;
--> statement-breakpoint
CREATE POLICY community_holder_links_delete ON community_holder_links FOR DELETE TO trama_app USING ((SELECT trama_is_community_worker()));
--> statement-breakpoint
ALTER TABLE community_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_needs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_needs_system ON community_needs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_needs_read ON community_needs FOR SELECT TO trama_app USING ((SELECT trama_reads_community_directory()));
--> statement-breakpoint
CREATE POLICY community_needs_insert ON community_needs FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
CREATE POLICY community_needs_update ON community_needs FOR UPDATE TO trama_app USING ((SELECT trama_is_community_worker())) WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
GRANT SELECT, INSERT ON community_needs TO trama_app;
--> statement-breakpoint
GRANT UPDATE (answer, answered_on) ON community_needs TO trama_app;
--> statement-breakpoint
ALTER TABLE community_engagements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_engagements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_engagements_system ON community_engagements TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_engagements_read ON community_engagements FOR SELECT TO trama_app USING ((SELECT trama_reads_community_directory()));
--> statement-breakpoint
CREATE POLICY community_engagements_insert ON community_engagements FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
CREATE POLICY community_engagements_update ON community_engagements FOR UPDATE TO trama_app USING ((SELECT trama_is_community_worker())) WITH CHECK ((SELECT trama_is_community_worker()));
--> statement-breakpoint
GRANT SELECT, INSERT ON community_engagements TO trama_app;
--> statement-breakpoint
ALTER TABLE community_resources ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_resources FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_resources_system ON community_resources TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_resources_read ON community_resources FOR SELECT TO trama_app USING ((SELECT trama_is_community_worker()) OR (SELECT trama_role()) = 'coordinator');
--> statement-breakpoint
GRANT SELECT, INSERT ON community_resources TO trama_app;
--> statement-breakpoint
CREATE POLICY community_resources_insert ON community_resources FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_community_worker()) AND recorded_by = (SELECT trama_user()));
--> statement-breakpoint
ALTER TABLE community_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_events_system ON community_events TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_events_read ON community_events FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
GRANT SELECT, INSERT ON community_events TO trama_app;
--> statement-breakpoint
GRANT UPDATE (description, municipality, languages, topics, mediator_language, mediation_request_id, published, status)
  ON community_events TO trama_app;
--> statement-breakpoint
CREATE POLICY community_events_insert ON community_events FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_community_worker()) AND owner_service_id = (SELECT trama_service()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY community_events_update ON community_events FOR UPDATE TO trama_app
  USING (gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])) WITH CHECK (gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[]));
--> statement-breakpoint
ALTER TABLE community_event_holders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_event_holders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_event_holders_system ON community_event_holders TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_event_holders_read ON community_event_holders FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON community_event_holders TO trama_app;
--> statement-breakpoint
CREATE POLICY community_event_holders_insert ON community_event_holders FOR INSERT TO trama_app WITH CHECK (event_id IN (SELECT e.id FROM community_events e WHERE e.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
CREATE POLICY community_event_holders_delete ON community_event_holders FOR DELETE TO trama_app USING (event_id IN (SELECT e.id FROM community_events e WHERE e.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
ALTER TABLE community_registrations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_registrations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_registrations_system ON community_registrations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_registrations_read ON community_registrations FOR SELECT TO trama_app USING (event_id IN (SELECT e.id FROM community_events e WHERE e.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
-- The ticket's and the phone's hashes stay out of the request role's reach: looked up as the owner.
GRANT SELECT (place_id, event_id, participant, anonymous, name_encrypted, phone_encrypted, gender, age_band,
  citizenship_group, language, registered_via, via_holder_id, live, feedback_given, created_at)
  ON community_registrations TO trama_app;
--> statement-breakpoint
ALTER TABLE community_head_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_head_counts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_head_counts_system ON community_head_counts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_head_counts_read ON community_head_counts FOR SELECT TO trama_app USING (session_id IN (SELECT s.id FROM gathering_sessions s WHERE s.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON community_head_counts TO trama_app;
--> statement-breakpoint
CREATE POLICY community_head_counts_insert ON community_head_counts FOR INSERT TO trama_app
  WITH CHECK (session_id IN (SELECT s.id FROM gathering_sessions s WHERE s.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])) AND recorded_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY community_head_counts_delete ON community_head_counts FOR DELETE TO trama_app USING (session_id IN (SELECT s.id FROM gathering_sessions s WHERE s.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
ALTER TABLE community_feedback ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE community_feedback FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY community_feedback_system ON community_feedback TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY community_feedback_read ON community_feedback FOR SELECT TO trama_app USING (event_id IN (SELECT e.id FROM community_events e WHERE e.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
GRANT SELECT ON community_feedback TO trama_app;
