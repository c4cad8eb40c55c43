CREATE TABLE "governance_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"goal_cents" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_funders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"holder_id" uuid,
	"contact_name" text,
	"contact_email" text,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_funders_kind_check" CHECK ("governance_funders"."kind" in ('foundation', 'company', 'public_call', 'individual', 'community_holder')),
	CONSTRAINT "governance_funders_holder_check" CHECK ("governance_funders"."kind" <> 'community_holder' or "governance_funders"."holder_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "governance_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_id" uuid NOT NULL,
	"campaign_id" uuid,
	"title" text NOT NULL,
	"stage" text DEFAULT 'identified' NOT NULL,
	"asked_cents" bigint NOT NULL,
	"pledged_cents" bigint,
	"received_cents" bigint,
	"deadline_on" date,
	"expected_on" date,
	"received_on" date,
	"pays_for" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"resource_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_opportunities_stage_check" CHECK ("governance_opportunities"."stage" in ('identified', 'approached', 'applied', 'pledged', 'received', 'lost')),
	CONSTRAINT "governance_opportunities_amounts_check" CHECK ("governance_opportunities"."asked_cents" >= 0 and coalesce("governance_opportunities"."pledged_cents", 0) >= 0 and coalesce("governance_opportunities"."received_cents", 0) >= 0),
	CONSTRAINT "governance_opportunities_pledged_check" CHECK ("governance_opportunities"."stage" not in ('pledged', 'received') or "governance_opportunities"."pledged_cents" is not null),
	CONSTRAINT "governance_opportunities_received_check" CHECK (("governance_opportunities"."stage" = 'received') = ("governance_opportunities"."received_cents" is not null and "governance_opportunities"."received_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "governance_opportunity_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"moved_by" uuid NOT NULL,
	"moved_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_opportunity_moves_stage_check" CHECK ("governance_opportunity_moves"."to_stage" in ('identified', 'approached', 'applied', 'pledged', 'received', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "governance_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"volunteer_hour_cents" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_settings_one_row_check" CHECK ("governance_settings"."id"),
	CONSTRAINT "governance_settings_rate_check" CHECK ("governance_settings"."volunteer_hour_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "governance_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_package" text NOT NULL,
	"title" text NOT NULL,
	"responsible_organisation_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_activities_wp_check" CHECK ("governance_activities"."work_package" in ('wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7')),
	CONSTRAINT "governance_activities_status_check" CHECK ("governance_activities"."status" in ('not_started', 'on_track', 'delayed', 'done')),
	CONSTRAINT "governance_activities_dates_check" CHECK ("governance_activities"."ends_on" >= "governance_activities"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "governance_activity_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_activity_updates_status_check" CHECK ("governance_activity_updates"."status" in ('not_started', 'on_track', 'delayed', 'done'))
);
--> statement-breakpoint
CREATE TABLE "governance_legacy_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_organisation_id" uuid,
	"funding" text,
	"district_id" uuid,
	"decision_id" uuid,
	"recorded_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_legacy_items_kind_check" CHECK ("governance_legacy_items"."kind" in ('continuation', 'adoption', 'synergy', 'new_service', 'new_holder')),
	CONSTRAINT "governance_legacy_items_adoption_check" CHECK ("governance_legacy_items"."kind" <> 'adoption' or "governance_legacy_items"."district_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "governance_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_package" text NOT NULL,
	"title" text NOT NULL,
	"responsible_organisation_id" uuid,
	"due_on" date NOT NULL,
	"reached_on" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_milestones_wp_check" CHECK ("governance_milestones"."work_package" in ('wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7'))
);
--> statement-breakpoint
CREATE TABLE "governance_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_obligations_status_check" CHECK ("governance_obligations"."status" in ('open', 'met'))
);
--> statement-breakpoint
CREATE TABLE "governance_partner_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"email" text,
	"phone" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_partner_roles" (
	"organisation_id" uuid NOT NULL,
	"work_package" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "governance_partner_roles_organisation_id_work_package_pk" PRIMARY KEY("organisation_id","work_package"),
	CONSTRAINT "governance_partner_roles_wp_check" CHECK ("governance_partner_roles"."work_package" in ('wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7')),
	CONSTRAINT "governance_partner_roles_role_check" CHECK ("governance_partner_roles"."role" in ('lead', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "governance_risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"work_package" text,
	"title" text NOT NULL,
	"likelihood" text NOT NULL,
	"impact" text NOT NULL,
	"mitigation" text NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_risks_kind_check" CHECK ("governance_risks"."kind" in ('risk', 'issue')),
	CONSTRAINT "governance_risks_wp_check" CHECK ("governance_risks"."work_package" is null or "governance_risks"."work_package" in ('wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7')),
	CONSTRAINT "governance_risks_likelihood_check" CHECK ("governance_risks"."likelihood" in ('low', 'medium', 'high')),
	CONSTRAINT "governance_risks_impact_check" CHECK ("governance_risks"."impact" in ('low', 'medium', 'high')),
	CONSTRAINT "governance_risks_status_check" CHECK ("governance_risks"."status" in ('open', 'mitigated', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "governance_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"decision_id" uuid,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closing_note" text,
	"closed_at" timestamp (3) with time zone,
	"closed_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_actions_status_check" CHECK ("governance_actions"."status" in ('open', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT "governance_actions_closed_check" CHECK (("governance_actions"."status" in ('done', 'cancelled')) = ("governance_actions"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "governance_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"presenter_member_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id"),
	CONSTRAINT "governance_attendance_state_check" CHECK ("governance_attendance"."state" in ('present', 'absent', 'excused'))
);
--> statement-breakpoint
CREATE TABLE "governance_committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"quorum" smallint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_committees_kind_check" CHECK ("governance_committees"."kind" in ('steering', 'follow_up', 'working_group')),
	CONSTRAINT "governance_committees_quorum_check" CHECK ("governance_committees"."quorum" >= 1)
);
--> statement-breakpoint
CREATE TABLE "governance_decision_numbers" (
	"committee_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "governance_decision_numbers_committee_id_year_pk" PRIMARY KEY("committee_id","year")
);
--> statement-breakpoint
CREATE TABLE "governance_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"year" smallint NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"indicator_key" text,
	"decided_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"place" text,
	"link" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_meetings_status_check" CHECK ("governance_meetings"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "governance_meetings_time_check" CHECK ("governance_meetings"."ends_at" > "governance_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "governance_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"user_id" uuid,
	"external_name" text,
	"external_organisation" text,
	"external_email" text,
	"role" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_members_role_check" CHECK ("governance_members"."role" in ('chair', 'secretary', 'member')),
	CONSTRAINT "governance_members_who_check" CHECK (("governance_members"."user_id" is null) <> ("governance_members"."external_name" is null)),
	CONSTRAINT "governance_members_officer_check" CHECK ("governance_members"."role" = 'member' or "governance_members"."user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "governance_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" smallint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"items" jsonb NOT NULL,
	"correction_reason" text,
	"drafted_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"circulated_at" timestamp (3) with time zone,
	"approved_at" timestamp (3) with time zone,
	"approved_by" uuid,
	"approved_at_meeting_id" uuid,
	CONSTRAINT "governance_minutes_status_check" CHECK ("governance_minutes"."status" in ('draft', 'circulated', 'approved')),
	CONSTRAINT "governance_minutes_approved_check" CHECK (("governance_minutes"."status" = 'approved') = ("governance_minutes"."approved_at" is not null and "governance_minutes"."approved_by" is not null)),
	CONSTRAINT "governance_minutes_correction_check" CHECK ("governance_minutes"."version" = 1 or "governance_minutes"."correction_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "governance_campaigns" ADD CONSTRAINT "governance_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_funders" ADD CONSTRAINT "governance_funders_holder_id_community_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."community_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_funders" ADD CONSTRAINT "governance_funders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_opportunities" ADD CONSTRAINT "governance_opportunities_funder_id_governance_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."governance_funders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_opportunities" ADD CONSTRAINT "governance_opportunities_campaign_id_governance_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."governance_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_opportunities" ADD CONSTRAINT "governance_opportunities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_opportunities" ADD CONSTRAINT "governance_opportunities_resource_id_community_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."community_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_opportunity_moves" ADD CONSTRAINT "governance_opportunity_moves_opportunity_id_governance_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."governance_opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_opportunity_moves" ADD CONSTRAINT "governance_opportunity_moves_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_settings" ADD CONSTRAINT "governance_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_activities" ADD CONSTRAINT "governance_activities_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_activity_updates" ADD CONSTRAINT "governance_activity_updates_activity_id_governance_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."governance_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_activity_updates" ADD CONSTRAINT "governance_activity_updates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_legacy_items" ADD CONSTRAINT "governance_legacy_items_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_legacy_items" ADD CONSTRAINT "governance_legacy_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_legacy_items" ADD CONSTRAINT "governance_legacy_items_decision_id_governance_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."governance_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_legacy_items" ADD CONSTRAINT "governance_legacy_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_milestones" ADD CONSTRAINT "governance_milestones_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_obligations" ADD CONSTRAINT "governance_obligations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_partner_contacts" ADD CONSTRAINT "governance_partner_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_partner_roles" ADD CONSTRAINT "governance_partner_roles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_risks" ADD CONSTRAINT "governance_risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_committee_id_governance_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."governance_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_decision_id_governance_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."governance_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_actions" ADD CONSTRAINT "governance_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_agenda_items" ADD CONSTRAINT "governance_agenda_items_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_agenda_items" ADD CONSTRAINT "governance_agenda_items_presenter_member_id_governance_members_id_fk" FOREIGN KEY ("presenter_member_id") REFERENCES "public"."governance_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attendance" ADD CONSTRAINT "governance_attendance_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attendance" ADD CONSTRAINT "governance_attendance_member_id_governance_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."governance_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_attendance" ADD CONSTRAINT "governance_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_committees" ADD CONSTRAINT "governance_committees_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decision_numbers" ADD CONSTRAINT "governance_decision_numbers_committee_id_governance_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."governance_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_committee_id_governance_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."governance_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_agenda_item_id_governance_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."governance_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_committee_id_governance_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."governance_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_committee_id_governance_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."governance_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_minutes" ADD CONSTRAINT "governance_minutes_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_minutes" ADD CONSTRAINT "governance_minutes_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_minutes" ADD CONSTRAINT "governance_minutes_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_minutes" ADD CONSTRAINT "governance_minutes_approved_at_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("approved_at_meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_opportunities_stage_idx" ON "governance_opportunities" USING btree ("stage","deadline_on");--> statement-breakpoint
CREATE INDEX "governance_opportunities_funder_idx" ON "governance_opportunities" USING btree ("funder_id");--> statement-breakpoint
CREATE INDEX "governance_opportunity_moves_opp_idx" ON "governance_opportunity_moves" USING btree ("opportunity_id","moved_at");--> statement-breakpoint
CREATE INDEX "governance_activities_wp_idx" ON "governance_activities" USING btree ("work_package","starts_on");--> statement-breakpoint
CREATE INDEX "governance_activity_updates_activity_idx" ON "governance_activity_updates" USING btree ("activity_id","updated_at");--> statement-breakpoint
CREATE INDEX "governance_legacy_items_kind_idx" ON "governance_legacy_items" USING btree ("kind","recorded_on");--> statement-breakpoint
CREATE INDEX "governance_milestones_due_idx" ON "governance_milestones" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "governance_obligations_org_idx" ON "governance_obligations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "governance_partner_contacts_org_idx" ON "governance_partner_contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "governance_actions_owner_idx" ON "governance_actions" USING btree ("owner_id","due_on");--> statement-breakpoint
CREATE INDEX "governance_actions_committee_idx" ON "governance_actions" USING btree ("committee_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_agenda_items_position_idx" ON "governance_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_decisions_number_idx" ON "governance_decisions" USING btree ("committee_id","year","number");--> statement-breakpoint
CREATE INDEX "governance_decisions_meeting_idx" ON "governance_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "governance_meetings_committee_idx" ON "governance_meetings" USING btree ("committee_id","starts_at");--> statement-breakpoint
CREATE INDEX "governance_members_committee_idx" ON "governance_members" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "governance_members_user_idx" ON "governance_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_minutes_version_idx" ON "governance_minutes" USING btree ("meeting_id","version");