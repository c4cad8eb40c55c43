-- Governance of the partnership (issue 21). A committee's records are read by its members (and the
-- coordinators who set committees up); the secretary drafts, the chair approves; the plan is read by
-- everyone in governance and kept by the coordinators; fundraising by coordinators and fundraisers.
-- Nothing here references a household, a person or a case.

-- The committees the acting user sits on today, and those where they hold one of `roles`.
CREATE FUNCTION trama_governance_committees(roles text[]) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT m.committee_id), '{}') FROM public.governance_members m
    WHERE m.user_id = public.trama_user() AND m.role = ANY (roles)
      AND m.since <= (now() AT TIME ZONE 'Europe/Rome')::date
      AND (m.until IS NULL OR m.until >= (now() AT TIME ZONE 'Europe/Rome')::date) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_governance_committees(text[]) TO trama_app;
--> statement-breakpoint
CREATE FUNCTION trama_is_governance_manager() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(public.trama_role() = 'coordinator', false) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_is_governance_manager() TO trama_app;
--> statement-breakpoint
CREATE FUNCTION trama_is_fundraiser() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(public.trama_role() IN ('coordinator', 'fundraiser'), false) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_is_fundraiser() TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_committees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_committees FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_committees_system ON governance_committees TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_committees_read ON governance_committees FOR SELECT TO trama_app
  USING ((SELECT trama_is_governance_manager()) OR id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary', 'member']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_committees_insert ON governance_committees FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_governance_manager()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY governance_committees_update ON governance_committees FOR UPDATE TO trama_app
  USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_committees TO trama_app;
--> statement-breakpoint
GRANT UPDATE (name, description, quorum, active) ON governance_committees TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_members_system ON governance_members TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_members_read ON governance_members FOR SELECT TO trama_app
  USING ((SELECT trama_is_governance_manager()) OR committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary', 'member']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_members_insert ON governance_members FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
CREATE POLICY governance_members_update ON governance_members FOR UPDATE TO trama_app
  USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_members TO trama_app;
--> statement-breakpoint
GRANT UPDATE (role, until, external_organisation, external_email) ON governance_members TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_meetings_system ON governance_meetings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_meetings_read ON governance_meetings FOR SELECT TO trama_app
  USING ((SELECT trama_is_governance_manager()) OR committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary', 'member']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_meetings_insert ON governance_meetings FOR INSERT TO trama_app
  WITH CHECK (committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[]) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY governance_meetings_update ON governance_meetings FOR UPDATE TO trama_app
  USING (committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[])) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_meetings TO trama_app;
--> statement-breakpoint
GRANT UPDATE (starts_at, ends_at, place, link, status) ON governance_meetings TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_agenda_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_agenda_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_agenda_items_system ON governance_agenda_items TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_agenda_items_read ON governance_agenda_items FOR SELECT TO trama_app
  USING (meeting_id IN (SELECT id FROM governance_meetings));
--> statement-breakpoint
CREATE POLICY governance_agenda_items_insert ON governance_agenda_items FOR INSERT TO trama_app
  WITH CHECK (meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[])));
--> statement-breakpoint
CREATE POLICY governance_agenda_items_update ON governance_agenda_items FOR UPDATE TO trama_app
  USING (meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[]))) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_agenda_items TO trama_app;
--> statement-breakpoint
GRANT UPDATE (position, title, presenter_member_id) ON governance_agenda_items TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_attendance FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_attendance_system ON governance_attendance TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_attendance_read ON governance_attendance FOR SELECT TO trama_app
  USING (meeting_id IN (SELECT id FROM governance_meetings));
--> statement-breakpoint
CREATE POLICY governance_attendance_insert ON governance_attendance FOR INSERT TO trama_app
  WITH CHECK (recorded_by = (SELECT trama_user()) AND meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[])));
--> statement-breakpoint
CREATE POLICY governance_attendance_update ON governance_attendance FOR UPDATE TO trama_app
  USING (meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[])))
  WITH CHECK (recorded_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_attendance TO trama_app;
--> statement-breakpoint
GRANT UPDATE (state, recorded_by, recorded_at) ON governance_attendance TO trama_app;
--> statement-breakpoint
-- Minutes: the chair and the secretary read every version; the other members the circulated and
-- approved ones. The secretary drafts and circulates; only the chair approves; an approved version
-- never changes (trigger), a correction is a new version.
ALTER TABLE governance_minutes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_minutes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_minutes_system ON governance_minutes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_minutes_read ON governance_minutes FOR SELECT TO trama_app
  USING (meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[])
         OR (governance_minutes.status <> 'draft' AND committee_id = ANY ((SELECT trama_governance_committees(ARRAY['member']))::uuid[]))));
--> statement-breakpoint
CREATE POLICY governance_minutes_insert ON governance_minutes FOR INSERT TO trama_app
  WITH CHECK (status = 'draft' AND drafted_by = (SELECT trama_user()) AND approved_at IS NULL
              AND meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['secretary']))::uuid[])));
--> statement-breakpoint
CREATE POLICY governance_minutes_update ON governance_minutes FOR UPDATE TO trama_app
  USING (status <> 'approved' AND meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[])))
  WITH CHECK ((status <> 'approved' AND meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['secretary']))::uuid[])))
           OR (status = 'approved' AND approved_by = (SELECT trama_user())
               AND meeting_id IN (SELECT id FROM governance_meetings WHERE committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair']))::uuid[]))));
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_minutes TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, items, updated_at, circulated_at, approved_at, approved_by, approved_at_meeting_id) ON governance_minutes TO trama_app;
--> statement-breakpoint
CREATE FUNCTION governance_minutes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' THEN
    RAISE EXCEPTION 'approved minutes are frozen: a correction is a new version' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'minutes are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER governance_minutes_frozen BEFORE UPDATE OR DELETE ON governance_minutes
  FOR EACH ROW EXECUTE FUNCTION governance_minutes_frozen();
--> statement-breakpoint
ALTER TABLE governance_decision_numbers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_decision_numbers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_decision_numbers_system ON governance_decision_numbers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_decision_numbers_read ON governance_decision_numbers FOR SELECT TO trama_app
  USING (committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_decision_numbers_insert ON governance_decision_numbers FOR INSERT TO trama_app
  WITH CHECK (committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_decision_numbers_update ON governance_decision_numbers FOR UPDATE TO trama_app
  USING (committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[])) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_decision_numbers TO trama_app;
--> statement-breakpoint
GRANT UPDATE (last_number) ON governance_decision_numbers TO trama_app;
--> statement-breakpoint
-- A number is taken, never given back: the counter only moves forward.
CREATE FUNCTION governance_decision_numbers_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.last_number <= OLD.last_number THEN
    RAISE EXCEPTION 'a decision number is never reused' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER governance_decision_numbers_forward BEFORE UPDATE ON governance_decision_numbers
  FOR EACH ROW EXECUTE FUNCTION governance_decision_numbers_forward();
--> statement-breakpoint
ALTER TABLE governance_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_decisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_decisions_system ON governance_decisions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_decisions_read ON governance_decisions FOR SELECT TO trama_app
  USING ((SELECT trama_is_governance_manager()) OR committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary', 'member']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_decisions_insert ON governance_decisions FOR INSERT TO trama_app
  WITH CHECK (created_by = (SELECT trama_user()) AND committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_decisions TO trama_app;
--> statement-breakpoint
-- Actions: read by the committee's members and by their owner; set by the chair and the secretary;
-- moved and closed by their owner too.
ALTER TABLE governance_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_actions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_actions_system ON governance_actions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_actions_read ON governance_actions FOR SELECT TO trama_app
  USING (owner_id = (SELECT trama_user()) OR (SELECT trama_is_governance_manager())
         OR committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary', 'member']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_actions_insert ON governance_actions FOR INSERT TO trama_app
  WITH CHECK (created_by = (SELECT trama_user()) AND committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[]));
--> statement-breakpoint
CREATE POLICY governance_actions_update ON governance_actions FOR UPDATE TO trama_app
  USING (owner_id = (SELECT trama_user()) OR committee_id = ANY ((SELECT trama_governance_committees(ARRAY['chair', 'secretary']))::uuid[]))
  WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_actions TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, owner_id, due_on, status, closing_note, closed_at, closed_by, updated_at) ON governance_actions TO trama_app;
--> statement-breakpoint
-- The project plan, its monitoring, what lasts and the partner directory: read in governance, kept
-- by the coordinators. Partner contacts are identifying: read only by who holds a governance role.
ALTER TABLE governance_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_activities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_activities_system ON governance_activities TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_activities_read ON governance_activities FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_activities_insert ON governance_activities FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
CREATE POLICY governance_activities_update ON governance_activities FOR UPDATE TO trama_app USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_activities TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, responsible_organisation_id, starts_on, ends_on, status, updated_at) ON governance_activities TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_activity_updates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_activity_updates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_activity_updates_system ON governance_activity_updates TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_activity_updates_read ON governance_activity_updates FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_activity_updates_insert ON governance_activity_updates FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_governance_manager()) AND updated_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_activity_updates TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_milestones FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_milestones_system ON governance_milestones TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_milestones_read ON governance_milestones FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_milestones_insert ON governance_milestones FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
CREATE POLICY governance_milestones_update ON governance_milestones FOR UPDATE TO trama_app USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_milestones TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, responsible_organisation_id, due_on, reached_on) ON governance_milestones TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_risks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_risks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_risks_system ON governance_risks TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_risks_read ON governance_risks FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_risks_insert ON governance_risks FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
CREATE POLICY governance_risks_update ON governance_risks FOR UPDATE TO trama_app USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_risks TO trama_app;
--> statement-breakpoint
GRANT UPDATE (title, likelihood, impact, mitigation, owner_id, status, updated_at) ON governance_risks TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_legacy_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_legacy_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_legacy_items_system ON governance_legacy_items TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_legacy_items_read ON governance_legacy_items FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_legacy_items_insert ON governance_legacy_items FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_governance_manager()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_legacy_items TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_partner_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_partner_roles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_partner_roles_system ON governance_partner_roles TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_partner_roles_read ON governance_partner_roles FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_partner_roles_insert ON governance_partner_roles FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
CREATE POLICY governance_partner_roles_update ON governance_partner_roles FOR UPDATE TO trama_app USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_partner_roles_delete ON governance_partner_roles FOR DELETE TO trama_app USING ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON governance_partner_roles TO trama_app;
--> statement-breakpoint
GRANT UPDATE (role) ON governance_partner_roles TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_partner_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_partner_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_partner_contacts_system ON governance_partner_contacts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_partner_contacts_read ON governance_partner_contacts FOR SELECT TO trama_app
  USING ((SELECT trama_role()) IN ('coordinator', 'practitioner', 'clinician', 'mediator', 'trainer', 'editor', 'researcher', 'finance', 'fundraiser'));
--> statement-breakpoint
CREATE POLICY governance_partner_contacts_insert ON governance_partner_contacts FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
CREATE POLICY governance_partner_contacts_update ON governance_partner_contacts FOR UPDATE TO trama_app USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_partner_contacts TO trama_app;
--> statement-breakpoint
GRANT UPDATE (name, position, email, phone) ON governance_partner_contacts TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_obligations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_obligations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_obligations_system ON governance_obligations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_obligations_read ON governance_obligations FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_obligations_insert ON governance_obligations FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_governance_manager()));
--> statement-breakpoint
CREATE POLICY governance_obligations_update ON governance_obligations FOR UPDATE TO trama_app USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_obligations TO trama_app;
--> statement-breakpoint
GRANT UPDATE (text, due_on, status) ON governance_obligations TO trama_app;
--> statement-breakpoint
-- Fundraising: coordinators and fundraisers only. Donors' names are identifying.
ALTER TABLE governance_funders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_funders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_funders_system ON governance_funders TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_funders_read ON governance_funders FOR SELECT TO trama_app USING ((SELECT trama_is_fundraiser()));
--> statement-breakpoint
CREATE POLICY governance_funders_insert ON governance_funders FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_fundraiser()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY governance_funders_update ON governance_funders FOR UPDATE TO trama_app USING ((SELECT trama_is_fundraiser())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_funders TO trama_app;
--> statement-breakpoint
GRANT UPDATE (name, contact_name, contact_email, notes, active) ON governance_funders TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_campaigns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_campaigns FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_campaigns_system ON governance_campaigns TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_campaigns_read ON governance_campaigns FOR SELECT TO trama_app USING ((SELECT trama_is_fundraiser()));
--> statement-breakpoint
CREATE POLICY governance_campaigns_insert ON governance_campaigns FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_fundraiser()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_campaigns TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_opportunities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_opportunities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_opportunities_system ON governance_opportunities TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_opportunities_read ON governance_opportunities FOR SELECT TO trama_app USING ((SELECT trama_is_fundraiser()));
--> statement-breakpoint
CREATE POLICY governance_opportunities_insert ON governance_opportunities FOR INSERT TO trama_app WITH CHECK ((SELECT trama_is_fundraiser()));
--> statement-breakpoint
CREATE POLICY governance_opportunities_update ON governance_opportunities FOR UPDATE TO trama_app USING ((SELECT trama_is_fundraiser())) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_opportunities TO trama_app;
--> statement-breakpoint
GRANT UPDATE (campaign_id, title, stage, asked_cents, pledged_cents, received_cents, deadline_on, expected_on, received_on, pays_for, owner_id, resource_id, updated_at) ON governance_opportunities TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_opportunity_moves ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_opportunity_moves FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_opportunity_moves_system ON governance_opportunity_moves TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_opportunity_moves_read ON governance_opportunity_moves FOR SELECT TO trama_app USING ((SELECT trama_is_fundraiser()));
--> statement-breakpoint
CREATE POLICY governance_opportunity_moves_insert ON governance_opportunity_moves FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_fundraiser()) AND moved_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_opportunity_moves TO trama_app;
--> statement-breakpoint
ALTER TABLE governance_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY governance_settings_system ON governance_settings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY governance_settings_read ON governance_settings FOR SELECT TO trama_app USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY governance_settings_update ON governance_settings FOR UPDATE TO trama_app
  USING ((SELECT trama_is_governance_manager())) WITH CHECK (updated_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT ON governance_settings TO trama_app;
--> statement-breakpoint
GRANT UPDATE (volunteer_hour_cents, updated_by, updated_at) ON governance_settings TO trama_app;
--> statement-breakpoint
INSERT INTO governance_settings (id, volunteer_hour_cents) VALUES (true, 1800);
--> statement-breakpoint
-- The complementary-resources ledger (community, 0038): coordinators and fundraisers also record
-- what funders give (source_kind 'funder') and read the ledger.
CREATE POLICY community_resources_fundraising_read ON community_resources FOR SELECT TO trama_app USING ((SELECT trama_is_fundraiser()));
--> statement-breakpoint
CREATE POLICY community_resources_fundraising_insert ON community_resources FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_is_fundraiser()) AND recorded_by = (SELECT trama_user()));
--> statement-breakpoint
-- A committee's agenda documents are read by who reads the agenda item; an opportunity's by fundraising.
CREATE POLICY stored_files_governance ON stored_files FOR SELECT TO trama_app
  USING (module = 'governance' AND (
    (record_type = 'governance_agenda_item' AND record_id IN (SELECT a.id FROM governance_agenda_items a))
    OR (record_type = 'governance_opportunity' AND record_id IN (SELECT o.id FROM governance_opportunities o))));
