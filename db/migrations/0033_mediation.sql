CREATE TABLE "glossary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"domain" text NOT NULL,
	"definition" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "glossary_terms_domain_check" CHECK ("glossary_terms"."domain" in ('social', 'legal', 'health', 'school', 'housing', 'work', 'documents'))
);
--> statement-breakpoint
CREATE TABLE "glossary_translations" (
	"term_id" uuid NOT NULL,
	"language" text NOT NULL,
	"translation" text NOT NULL,
	"note" text,
	CONSTRAINT "glossary_translations_term_id_language_pk" PRIMARY KEY("term_id","language")
);
--> statement-breakpoint
CREATE TABLE "mediation_material_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"language" text NOT NULL,
	"version" smallint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"review_comment" text,
	"approved_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_material_versions_status_check" CHECK ("mediation_material_versions"."status" in ('draft', 'in_review', 'approved', 'retired')),
	CONSTRAINT "mediation_material_versions_four_eyes_check" CHECK ("mediation_material_versions"."status" not in ('approved', 'retired') or ("mediation_material_versions"."reviewer_id" is not null and "mediation_material_versions"."reviewer_id" <> "mediation_material_versions"."author_id"))
);
--> statement-breakpoint
CREATE TABLE "mediation_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_service_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_materials_kind_check" CHECK ("mediation_materials"."kind" in ('leaflet', 'letter', 'consent_form', 'rights_information', 'other'))
);
--> statement-breakpoint
CREATE TABLE "mediation_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"mediator_id" uuid NOT NULL,
	"status" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"decline_reason" text,
	"actual_minutes" smallint,
	"travel_minutes" smallint,
	"travel_km" numeric(6, 1),
	"hourly_cents" integer,
	"travel_cents_per_km" integer,
	"cost_cents" integer,
	"logged_at" timestamp (3) with time zone,
	"feedback_token_hash" text,
	"feedback_expires_at" timestamp (3) with time zone,
	"feedback_count" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "mediation_assignments_feedback_token_hash_unique" UNIQUE("feedback_token_hash"),
	CONSTRAINT "mediation_assignments_status_check" CHECK ("mediation_assignments"."status" in ('assigned', 'confirmed', 'completed', 'no_show', 'declined', 'removed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "mediation_calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "mediation_offers" (
	"request_id" uuid NOT NULL,
	"mediator_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"offered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp (3) with time zone,
	CONSTRAINT "mediation_offers_request_id_mediator_id_pk" PRIMARY KEY("request_id","mediator_id"),
	CONSTRAINT "mediation_offers_status_check" CHECK ("mediation_offers"."status" in ('pending', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "mediation_person_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"understood" text NOT NULL,
	"respected" text NOT NULL,
	"again" text NOT NULL,
	"answered_on" date DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_person_feedback_understood_check" CHECK ("mediation_person_feedback"."understood" in ('yes', 'partly', 'no')),
	CONSTRAINT "mediation_person_feedback_respected_check" CHECK ("mediation_person_feedback"."respected" in ('yes', 'partly', 'no')),
	CONSTRAINT "mediation_person_feedback_again_check" CHECK ("mediation_person_feedback"."again" in ('yes', 'partly', 'no'))
);
--> statement-breakpoint
CREATE TABLE "mediation_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"in_person_cents" integer NOT NULL,
	"remote_cents" integer NOT NULL,
	"travel_cents_per_km" integer NOT NULL,
	"valid_from" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_ratings" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"rated_by" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_ratings_rating_check" CHECK ("mediation_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "mediation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"mediation_service_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"language" text NOT NULL,
	"dialect" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"mode" text NOT NULL,
	"municipality" text,
	"place_encrypted" text,
	"purpose" text NOT NULL,
	"urgency" text NOT NULL,
	"gender_preference" text DEFAULT 'any' NOT NULL,
	"victim" boolean DEFAULT false NOT NULL,
	"victim_mediator_gender" text,
	"community" text,
	"avoid_same_community" boolean DEFAULT false NOT NULL,
	"work_package" text NOT NULL,
	"case_id" uuid,
	"session_id" uuid,
	"person_id" uuid,
	"requester_contact" text NOT NULL,
	"notes" text,
	"status" text DEFAULT 'open' NOT NULL,
	"unmatched" boolean DEFAULT false NOT NULL,
	"cancel_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_requests_code_unique" UNIQUE("code"),
	CONSTRAINT "mediation_requests_mode_check" CHECK ("mediation_requests"."mode" in ('in_person', 'phone', 'video')),
	CONSTRAINT "mediation_requests_purpose_check" CHECK ("mediation_requests"."purpose" in ('interview', 'home_visit', 'court_hearing', 'ethnoclinical_session', 'school_meeting', 'health_appointment', 'other')),
	CONSTRAINT "mediation_requests_urgency_check" CHECK ("mediation_requests"."urgency" in ('routine', 'priority', 'urgent')),
	CONSTRAINT "mediation_requests_gender_check" CHECK ("mediation_requests"."gender_preference" in ('any', 'female', 'male')),
	CONSTRAINT "mediation_requests_victim_gender_check" CHECK ("mediation_requests"."victim_mediator_gender" in ('female', 'male')),
	CONSTRAINT "mediation_requests_wp_check" CHECK ("mediation_requests"."work_package" in ('wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7')),
	CONSTRAINT "mediation_requests_status_check" CHECK ("mediation_requests"."status" in ('open', 'offered', 'assigned', 'confirmed', 'completed', 'cancelled')),
	CONSTRAINT "mediation_requests_time_check" CHECK ("mediation_requests"."starts_at" < "mediation_requests"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "mediator_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	CONSTRAINT "mediator_absences_check" CHECK ("mediator_absences"."from_date" <= "mediator_absences"."to_date")
);
--> statement-breakpoint
CREATE TABLE "mediator_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"from_minute" smallint NOT NULL,
	"to_minute" smallint NOT NULL,
	CONSTRAINT "mediator_availability_check" CHECK ("mediator_availability"."weekday" between 1 and 7 and "mediator_availability"."from_minute" < "mediator_availability"."to_minute")
);
--> statement-breakpoint
CREATE TABLE "mediator_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"country" text,
	"note_encrypted" text,
	"declared_by" uuid NOT NULL,
	"declared_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediator_conflicts_kind_check" CHECK ("mediator_conflicts"."kind" in ('person', 'household', 'community')),
	CONSTRAINT "mediator_conflicts_subject_check" CHECK (("mediator_conflicts"."kind" = 'person' and "mediator_conflicts"."person_id" is not null) or ("mediator_conflicts"."kind" = 'household' and "mediator_conflicts"."household_id" is not null)
          or ("mediator_conflicts"."kind" = 'community' and "mediator_conflicts"."country" is not null))
);
--> statement-breakpoint
CREATE TABLE "mediator_languages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"language" text NOT NULL,
	"dialect" text,
	"level" text NOT NULL,
	"written" boolean DEFAULT false NOT NULL,
	CONSTRAINT "mediator_languages_level_check" CHECK ("mediator_languages"."level" in ('basic', 'good', 'fluent', 'native'))
);
--> statement-breakpoint
CREATE TABLE "mediators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"gender" text NOT NULL,
	"modes" text[] NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"own_community" text,
	"district_ids" uuid[] DEFAULT '{}' NOT NULL,
	"municipalities" text[] DEFAULT '{}' NOT NULL,
	"base_municipality" text NOT NULL,
	"certifications" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediators_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "mediators_gender_check" CHECK ("mediators"."gender" in ('female', 'male')),
	CONSTRAINT "mediators_modes_check" CHECK ("mediators"."modes" <@ array['in_person', 'phone', 'video']::text[] and cardinality("mediators"."modes") > 0)
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_translations" ADD CONSTRAINT "glossary_translations_term_id_glossary_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."glossary_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_translations" ADD CONSTRAINT "glossary_translations_language_languages_code_fk" FOREIGN KEY ("language") REFERENCES "public"."languages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_material_versions" ADD CONSTRAINT "mediation_material_versions_material_id_mediation_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."mediation_materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_material_versions" ADD CONSTRAINT "mediation_material_versions_language_languages_code_fk" FOREIGN KEY ("language") REFERENCES "public"."languages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_material_versions" ADD CONSTRAINT "mediation_material_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_material_versions" ADD CONSTRAINT "mediation_material_versions_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_materials" ADD CONSTRAINT "mediation_materials_owner_service_id_services_id_fk" FOREIGN KEY ("owner_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_materials" ADD CONSTRAINT "mediation_materials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_assignments" ADD CONSTRAINT "mediation_assignments_request_id_mediation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mediation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_assignments" ADD CONSTRAINT "mediation_assignments_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_assignments" ADD CONSTRAINT "mediation_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_calendar_feeds" ADD CONSTRAINT "mediation_calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_offers" ADD CONSTRAINT "mediation_offers_request_id_mediation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mediation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_offers" ADD CONSTRAINT "mediation_offers_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_person_feedback" ADD CONSTRAINT "mediation_person_feedback_assignment_id_mediation_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."mediation_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_rates" ADD CONSTRAINT "mediation_rates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_rates" ADD CONSTRAINT "mediation_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_ratings" ADD CONSTRAINT "mediation_ratings_assignment_id_mediation_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."mediation_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_ratings" ADD CONSTRAINT "mediation_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_mediation_service_id_services_id_fk" FOREIGN KEY ("mediation_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_language_languages_code_fk" FOREIGN KEY ("language") REFERENCES "public"."languages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_municipality_municipalities_istat_code_fk" FOREIGN KEY ("municipality") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_session_id_case_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."case_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_requests" ADD CONSTRAINT "mediation_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_absences" ADD CONSTRAINT "mediator_absences_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_availability" ADD CONSTRAINT "mediator_availability_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_conflicts" ADD CONSTRAINT "mediator_conflicts_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_conflicts" ADD CONSTRAINT "mediator_conflicts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_conflicts" ADD CONSTRAINT "mediator_conflicts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_conflicts" ADD CONSTRAINT "mediator_conflicts_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_languages" ADD CONSTRAINT "mediator_languages_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_languages" ADD CONSTRAINT "mediator_languages_language_languages_code_fk" FOREIGN KEY ("language") REFERENCES "public"."languages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_base_municipality_municipalities_istat_code_fk" FOREIGN KEY ("base_municipality") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_terms_term_idx" ON "glossary_terms" USING btree (lower("term"));--> statement-breakpoint
CREATE INDEX "glossary_translations_language_idx" ON "glossary_translations" USING btree ("language");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_material_versions_number_idx" ON "mediation_material_versions" USING btree ("material_id","language","version");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_material_versions_approved_idx" ON "mediation_material_versions" USING btree ("material_id","language") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "mediation_materials_owner_idx" ON "mediation_materials" USING btree ("owner_service_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_assignments_request_live_idx" ON "mediation_assignments" USING btree ("request_id") WHERE status in ('assigned', 'confirmed', 'completed', 'no_show');--> statement-breakpoint
CREATE INDEX "mediation_assignments_mediator_idx" ON "mediation_assignments" USING btree ("mediator_id","starts_at");--> statement-breakpoint
CREATE INDEX "mediation_assignments_logged_idx" ON "mediation_assignments" USING btree ("logged_at");--> statement-breakpoint
CREATE INDEX "mediation_offers_mediator_idx" ON "mediation_offers" USING btree ("mediator_id","status");--> statement-breakpoint
CREATE INDEX "mediation_person_feedback_assignment_idx" ON "mediation_person_feedback" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_rates_org_from_idx" ON "mediation_rates" USING btree ("organisation_id","valid_from");--> statement-breakpoint
CREATE INDEX "mediation_requests_service_idx" ON "mediation_requests" USING btree ("mediation_service_id","starts_at");--> statement-breakpoint
CREATE INDEX "mediation_requests_requester_idx" ON "mediation_requests" USING btree ("requester_id","starts_at");--> statement-breakpoint
CREATE INDEX "mediation_requests_requesting_idx" ON "mediation_requests" USING btree ("service_id","starts_at");--> statement-breakpoint
CREATE INDEX "mediation_requests_case_idx" ON "mediation_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediator_absences_mediator_idx" ON "mediator_absences" USING btree ("mediator_id","to_date");--> statement-breakpoint
CREATE INDEX "mediator_availability_mediator_idx" ON "mediator_availability" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "mediator_conflicts_mediator_idx" ON "mediator_conflicts" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "mediator_languages_language_idx" ON "mediator_languages" USING btree ("language","mediator_id");--> statement-breakpoint
CREATE INDEX "mediator_languages_mediator_idx" ON "mediator_languages" USING btree ("mediator_id");--> statement-breakpoint
CREATE INDEX "mediators_organisation_idx" ON "mediators" USING btree ("organisation_id");