CREATE TABLE "case_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_status_changes_kind_check" CHECK ("case_status_changes"."kind" in ('closure_requested', 'closure_refused', 'closure_returned', 'closed', 'reopened', 'transferred'))
);
--> statement-breakpoint
CREATE TABLE "case_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_service_id" uuid NOT NULL,
	"to_service_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"consent_id" uuid,
	"order_id" uuid,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp (3) with time zone,
	"refusal_reason" text,
	CONSTRAINT "case_transfers_basis_check" CHECK ("case_transfers"."basis" in ('consent', 'court_order')),
	CONSTRAINT "case_transfers_status_check" CHECK ("case_transfers"."status" in ('requested', 'accepted', 'refused', 'withdrawn')),
	CONSTRAINT "case_transfers_not_to_self" CHECK ("case_transfers"."from_service_id" <> "case_transfers"."to_service_id"),
	CONSTRAINT "case_transfers_basis_record" CHECK (("case_transfers"."basis" = 'consent' and "case_transfers"."consent_id" is not null) or ("case_transfers"."basis" = 'court_order' and "case_transfers"."order_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "court_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"met_at" timestamp (3) with time zone,
	"met_by" uuid,
	"superseded_at" timestamp (3) with time zone,
	"superseded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_deadlines_kind_check" CHECK ("court_deadlines"."kind" in ('responsible_worker', 'report', 'expiry', 'pm_notice', 'validation_request', 'validation_decision'))
);
--> statement-breakpoint
CREATE TABLE "court_order_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"changes" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "court_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"court" text NOT NULL,
	"docket_number" text NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"removal_at" timestamp (3) with time zone,
	"living_arrangement" text,
	"provisions" text,
	"duration_months" smallint,
	"ends_on" date,
	"report_every_months" smallint,
	"curatore_speciale" text,
	"tutore" text,
	"address_protected" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_orders_kind_check" CHECK ("court_orders"."kind" in ('placement_5bis', 'removal_403', 'parental_limitation', 'prescriptions', 'urgent_measures')),
	CONSTRAINT "court_orders_living_check" CHECK ("court_orders"."living_arrangement" in ('with_parents', 'with_one_parent', 'relatives', 'foster_family', 'residential_community', 'mother_child_community', 'other'))
);
--> statement-breakpoint
CREATE TABLE "court_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp (3) with time zone,
	"approved_by" uuid,
	"approved_at" timestamp (3) with time zone,
	"return_reason" text,
	"sent_on" date,
	"protocol_number" text,
	"sent_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_reports_status_check" CHECK ("court_reports"."status" in ('draft', 'submitted', 'approved', 'sent')),
	CONSTRAINT "court_reports_period_check" CHECK ("court_reports"."period_from" <= "court_reports"."period_to")
);
--> statement-breakpoint
CREATE TABLE "legal_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"holder_person_id" uuid,
	"holder_name" text,
	"holder_organisation" text,
	"order_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_roles_role_check" CHECK ("legal_roles"."role" in ('parental_responsibility', 'tutore', 'curatore_speciale', 'guardian_ad_litem')),
	CONSTRAINT "legal_roles_holder_check" CHECK (("legal_roles"."holder_person_id" is null) <> ("legal_roles"."holder_name" is null))
);
--> statement-breakpoint
CREATE TABLE "person_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"from_person_id" uuid NOT NULL,
	"to_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_relations_kind_check" CHECK ("person_relations"."kind" in ('parent', 'step_parent', 'sibling', 'half_sibling', 'grandparent', 'aunt_uncle', 'cousin', 'partner', 'former_partner', 'significant_adult', 'other')),
	CONSTRAINT "person_relations_not_self" CHECK ("person_relations"."from_person_id" <> "person_relations"."to_person_id")
);
--> statement-breakpoint
CREATE TABLE "person_residence" (
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"permit_type" text,
	"expires_on" date,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_residence_person_id_pk" PRIMARY KEY("person_id"),
	CONSTRAINT "person_residence_status_check" CHECK ("person_residence"."status" in ('italian_citizen', 'eu_citizen', 'permit_holder', 'long_term_resident', 'international_protection', 'asylum_seeker', 'permit_pending', 'no_permit', 'unknown')),
	CONSTRAINT "person_residence_permit_check" CHECK ("person_residence"."permit_type" in ('family', 'work', 'study', 'minor_age', 'special_protection', 'victim_protection', 'medical', 'other'))
);
--> statement-breakpoint
CREATE TABLE "placement_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"note" text,
	"visited_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"provider_name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"order_id" uuid,
	"address_encrypted" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_kind_check" CHECK ("placements"."kind" in ('residential_community', 'foster_family', 'kinship_care', 'mother_child_community'))
);
--> statement-breakpoint
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_not_to_self";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "transferred_to" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "after_care_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "lives_in_household" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "origin" text DEFAULT 'service' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "reporter_kind" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "parent_case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_status_changes" ADD CONSTRAINT "case_status_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_status_changes" ADD CONSTRAINT "case_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_from_service_id_services_id_fk" FOREIGN KEY ("from_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_to_service_id_services_id_fk" FOREIGN KEY ("to_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_order_id_court_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."court_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfers" ADD CONSTRAINT "case_transfers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_deadlines" ADD CONSTRAINT "court_deadlines_order_id_court_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."court_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_deadlines" ADD CONSTRAINT "court_deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_deadlines" ADD CONSTRAINT "court_deadlines_met_by_users_id_fk" FOREIGN KEY ("met_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_deadlines" ADD CONSTRAINT "court_deadlines_superseded_by_court_order_changes_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."court_order_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_order_changes" ADD CONSTRAINT "court_order_changes_order_id_court_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."court_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_order_changes" ADD CONSTRAINT "court_order_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_orders" ADD CONSTRAINT "court_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_orders" ADD CONSTRAINT "court_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_reports" ADD CONSTRAINT "court_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_reports" ADD CONSTRAINT "court_reports_order_id_court_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."court_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_reports" ADD CONSTRAINT "court_reports_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_reports" ADD CONSTRAINT "court_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_reports" ADD CONSTRAINT "court_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_reports" ADD CONSTRAINT "court_reports_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_roles" ADD CONSTRAINT "legal_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_roles" ADD CONSTRAINT "legal_roles_holder_person_id_people_id_fk" FOREIGN KEY ("holder_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_roles" ADD CONSTRAINT "legal_roles_order_id_court_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."court_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_roles" ADD CONSTRAINT "legal_roles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_from_person_id_people_id_fk" FOREIGN KEY ("from_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_to_person_id_people_id_fk" FOREIGN KEY ("to_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_residence" ADD CONSTRAINT "person_residence_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_residence" ADD CONSTRAINT "person_residence_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_visits" ADD CONSTRAINT "placement_visits_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_visits" ADD CONSTRAINT "placement_visits_visited_by_users_id_fk" FOREIGN KEY ("visited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_order_id_court_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."court_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_status_changes_case_idx" ON "case_status_changes" USING btree ("case_id","changed_at");--> statement-breakpoint
CREATE INDEX "case_transfers_to_idx" ON "case_transfers" USING btree ("to_service_id","status");--> statement-breakpoint
CREATE INDEX "case_transfers_case_idx" ON "case_transfers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "court_deadlines_case_idx" ON "court_deadlines" USING btree ("case_id","due_at");--> statement-breakpoint
CREATE INDEX "court_deadlines_open_idx" ON "court_deadlines" USING btree ("due_at") WHERE "court_deadlines"."met_at" is null and "court_deadlines"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "court_order_changes_order_idx" ON "court_order_changes" USING btree ("order_id","changed_at");--> statement-breakpoint
CREATE INDEX "court_orders_case_idx" ON "court_orders" USING btree ("case_id","decided_on");--> statement-breakpoint
CREATE INDEX "court_reports_case_idx" ON "court_reports" USING btree ("case_id","period_to");--> statement-breakpoint
CREATE INDEX "legal_roles_person_idx" ON "legal_roles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_relations_household_idx" ON "person_relations" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "placement_visits_placement_idx" ON "placement_visits" USING btree ("placement_id","visited_on");--> statement-breakpoint
CREATE INDEX "placements_case_idx" ON "placements" USING btree ("case_id","starts_on");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_parent_case_id_cases_id_fk" FOREIGN KEY ("parent_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_parent_case_idx" ON "referrals" USING btree ("parent_case_id");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_origin_check" CHECK ("referrals"."origin" in ('service', 'court_decree', 'report', 'family_request'));--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_reporter_kind_check" CHECK ("referrals"."reporter_kind" in ('school', 'health_service', 'police', 'family', 'other'));--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_not_to_self" CHECK ("referrals"."from_service_id" <> "referrals"."to_service_id" or "referrals"."origin" <> 'service');