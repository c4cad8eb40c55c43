CREATE TABLE "autonomy_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"certificate" boolean DEFAULT false NOT NULL,
	"enrolled_on" date DEFAULT now() NOT NULL,
	"outcome_on" date,
	"enrolled_by" uuid NOT NULL,
	CONSTRAINT "autonomy_enrolments_status_check" CHECK ("autonomy_enrolments"."status" in ('enrolled', 'completed', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "autonomy_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area" text NOT NULL,
	"description" text NOT NULL,
	"target_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autonomy_goals_area_check" CHECK ("autonomy_goals"."area" in ('language', 'work', 'housing', 'documents', 'income', 'childcare')),
	CONSTRAINT "autonomy_goals_status_check" CHECK ("autonomy_goals"."status" in ('open', 'in_progress', 'met', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "autonomy_initiative_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"changed_on" date DEFAULT now() NOT NULL,
	"changed_by" uuid NOT NULL,
	CONSTRAINT "autonomy_initiative_stages_stage_check" CHECK ("autonomy_initiative_stages"."stage" in ('idea', 'business_plan', 'start_up', 'running'))
);
--> statement-breakpoint
CREATE TABLE "autonomy_initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"holder_id" uuid,
	"partner_organisation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"jobs_created" integer DEFAULT 0 NOT NULL,
	"description" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autonomy_initiatives_stage_check" CHECK ("autonomy_initiatives"."stage" in ('idea', 'business_plan', 'start_up', 'running')),
	CONSTRAINT "autonomy_initiatives_jobs_check" CHECK ("autonomy_initiatives"."jobs_created" >= 0)
);
--> statement-breakpoint
CREATE TABLE "autonomy_job_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"employer_holder_id" uuid NOT NULL,
	"initiative_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"hours_per_week" numeric(4, 1) NOT NULL,
	"wage_band" text NOT NULL,
	"employer_tutor_name" text,
	"end_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autonomy_job_placements_kind_check" CHECK ("autonomy_job_placements"."kind" in ('tirocinio', 'fixed_term', 'open_ended')),
	CONSTRAINT "autonomy_job_placements_status_check" CHECK ("autonomy_job_placements"."status" in ('proposed', 'active', 'ended', 'not_started')),
	CONSTRAINT "autonomy_job_placements_wage_check" CHECK ("autonomy_job_placements"."wage_band" in ('unpaid', 'under_600', '600_899', '900_1199', '1200_1499', '1500_plus')),
	CONSTRAINT "autonomy_job_placements_dates_check" CHECK ("autonomy_job_placements"."ends_on" is null or "autonomy_job_placements"."ends_on" >= "autonomy_job_placements"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "autonomy_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"minutes" smallint NOT NULL,
	"note_encrypted" text,
	"sealed" boolean DEFAULT false NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autonomy_meetings_kind_check" CHECK ("autonomy_meetings"."kind" in ('tutoring', 'orientation', 'review')),
	CONSTRAINT "autonomy_meetings_sealed_check" CHECK (not ("autonomy_meetings"."sealed" and "autonomy_meetings"."note_encrypted" is not null))
);
--> statement-breakpoint
CREATE TABLE "autonomy_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"description" text,
	"provider_organisation_id" uuid,
	"provider_holder_id" uuid,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"schedule" text,
	"municipality" text,
	"places" integer NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"prerequisites" text,
	"cost_cents" integer DEFAULT 0 NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autonomy_offers_kind_check" CHECK ("autonomy_offers"."kind" in ('course', 'workshop', 'counselling', 'internship')),
	CONSTRAINT "autonomy_offers_topic_check" CHECK ("autonomy_offers"."topic" in ('italian_language', 'digital_literacy', 'driving_licence', 'vocational', 'job_search', 'financial_literacy', 'other')),
	CONSTRAINT "autonomy_offers_places_check" CHECK ("autonomy_offers"."enrolled" >= 0 and "autonomy_offers"."enrolled" <= "autonomy_offers"."places"),
	CONSTRAINT "autonomy_offers_provider_check" CHECK (("autonomy_offers"."provider_organisation_id" is null) <> ("autonomy_offers"."provider_holder_id" is null))
);
--> statement-breakpoint
CREATE TABLE "autonomy_placement_follow_ups" (
	"placement_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"outcome" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "autonomy_placement_follow_ups_placement_id_months_pk" PRIMARY KEY("placement_id","months"),
	CONSTRAINT "autonomy_follow_ups_months_check" CHECK ("autonomy_placement_follow_ups"."months" in (6, 12)),
	CONSTRAINT "autonomy_follow_ups_outcome_check" CHECK ("autonomy_placement_follow_ups"."outcome" in ('employed_same', 'employed_other', 'in_training', 'unemployed', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "autonomy_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"tutor_user_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"origin_case_id" uuid,
	"origin_referral_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"started_on" date NOT NULL,
	"next_review_on" date,
	"exit_reason" text,
	"exit_on" date,
	"exit_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autonomy_plans_code_unique" UNIQUE("code"),
	CONSTRAINT "autonomy_plans_status_check" CHECK ("autonomy_plans"."status" in ('active', 'closed')),
	CONSTRAINT "autonomy_plans_origin_check" CHECK ("autonomy_plans"."origin" in ('case', 'referral', 'direct')),
	CONSTRAINT "autonomy_plans_exit_check" CHECK (("autonomy_plans"."status" = 'active' and "autonomy_plans"."exit_reason" is null and "autonomy_plans"."exit_on" is null)
          or ("autonomy_plans"."status" = 'closed' and "autonomy_plans"."exit_on" is not null and "autonomy_plans"."exit_reason" in ('autonomy_reached', 'moved', 'dropped')))
);
--> statement-breakpoint
CREATE TABLE "autonomy_sealed_notes" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"note_encrypted" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "autonomy_skills" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education_level" text,
	"education_country" text,
	"education_recognition" text,
	"work_history" text,
	"driving_licence" text,
	"notes" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autonomy_skills_education_check" CHECK ("autonomy_skills"."education_level" is null or "autonomy_skills"."education_level" in ('none', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'degree')),
	CONSTRAINT "autonomy_skills_recognition_check" CHECK ("autonomy_skills"."education_recognition" is null or "autonomy_skills"."education_recognition" in ('recognised', 'in_progress', 'not_recognised', 'not_needed')),
	CONSTRAINT "autonomy_skills_licence_check" CHECK ("autonomy_skills"."driving_licence" is null or "autonomy_skills"."driving_licence" in ('none', 'italian', 'foreign_convertible', 'foreign_not_convertible', 'learning'))
);
--> statement-breakpoint
CREATE TABLE "autonomy_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date,
	"done_on" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "housing_address_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text,
	"usable_until" timestamp (3) with time zone,
	"used_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_address_requests_status_check" CHECK ("housing_address_requests"."status" in ('pending', 'approved', 'refused')),
	CONSTRAINT "housing_address_requests_second_person_check" CHECK ("housing_address_requests"."decided_by" is null or "housing_address_requests"."decided_by" <> "housing_address_requests"."requested_by")
);
--> statement-breakpoint
CREATE TABLE "housing_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occupancy_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"not_before" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "housing_occupancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"people" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"exit_reason" text,
	"created_by" uuid NOT NULL,
	"ended_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_occupancies_people_check" CHECK ("housing_occupancies"."people" >= 1),
	CONSTRAINT "housing_occupancies_dates_check" CHECK ("housing_occupancies"."ends_on" is null or "housing_occupancies"."ends_on" > "housing_occupancies"."starts_on"),
	CONSTRAINT "housing_occupancies_exit_check" CHECK ("housing_occupancies"."exit_reason" is null or "housing_occupancies"."exit_reason" in ('autonomy_reached', 'moved', 'returned_to_network', 'dropped', 'other'))
);
--> statement-breakpoint
CREATE TABLE "housing_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"label" text NOT NULL,
	"managing_organisation_id" uuid NOT NULL,
	"capacity" smallint NOT NULL,
	"accessibility" text[] DEFAULT '{}'::text[] NOT NULL,
	"district_id" uuid NOT NULL,
	"address_encrypted" text NOT NULL,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_units_capacity_check" CHECK ("housing_units"."capacity" between 1 and 30)
);
--> statement-breakpoint
CREATE TABLE "rent_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"funding_line" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"committed_cents" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_budgets_amount_check" CHECK ("rent_budgets"."amount_cents" > 0),
	CONSTRAINT "rent_budgets_committed_check" CHECK ("rent_budgets"."committed_cents" >= 0 and "rent_budgets"."committed_cents" <= "rent_budgets"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "rent_ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"entry_on" date NOT NULL,
	"reference" text,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_ledger_entries_kind_check" CHECK ("rent_ledger_entries"."kind" in ('payment', 'reversal')),
	CONSTRAINT "rent_ledger_entries_sign_check" CHECK (("rent_ledger_entries"."kind" = 'payment' and "rent_ledger_entries"."amount_cents" > 0) or ("rent_ledger_entries"."kind" = 'reversal' and "rent_ledger_entries"."amount_cents" < 0))
);
--> statement-breakpoint
CREATE TABLE "rent_request_files" (
	"request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_request_files_request_id_file_id_pk" PRIMARY KEY("request_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "rent_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"budget_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"unit_id" uuid,
	"amount_cents" bigint NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"payee_kind" text NOT NULL,
	"payee_organisation_id" uuid,
	"landlord_encrypted" text,
	"note" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp (3) with time zone,
	"refused_by" uuid,
	"refusal_reason" text,
	"paid_on" date,
	"payment_reference" text,
	"paid_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_requests_code_unique" UNIQUE("code"),
	CONSTRAINT "rent_requests_status_check" CHECK ("rent_requests"."status" in ('requested', 'approved', 'refused', 'paid', 'cancelled')),
	CONSTRAINT "rent_requests_payee_check" CHECK ("rent_requests"."payee_kind" in ('partner', 'landlord')),
	CONSTRAINT "rent_requests_amount_check" CHECK ("rent_requests"."amount_cents" > 0),
	CONSTRAINT "rent_requests_period_check" CHECK ("rent_requests"."period_to" >= "rent_requests"."period_from"),
	CONSTRAINT "rent_requests_payee_details_check" CHECK (("rent_requests"."payee_kind" = 'partner' and "rent_requests"."payee_organisation_id" is not null)
          or ("rent_requests"."payee_kind" = 'landlord' and "rent_requests"."landlord_encrypted" is not null)),
	CONSTRAINT "rent_requests_four_eyes_check" CHECK (("rent_requests"."approved_by" is null or "rent_requests"."approved_by" <> "rent_requests"."requested_by")
          and ("rent_requests"."refused_by" is null or "rent_requests"."refused_by" <> "rent_requests"."requested_by")
          and ("rent_requests"."paid_by" is null or "rent_requests"."paid_by" <> "rent_requests"."requested_by")),
	CONSTRAINT "rent_requests_approved_check" CHECK ("rent_requests"."status" not in ('approved', 'paid') or ("rent_requests"."approved_by" is not null and "rent_requests"."approved_at" is not null)),
	CONSTRAINT "rent_requests_paid_check" CHECK ("rent_requests"."status" <> 'paid' or ("rent_requests"."paid_on" is not null and "rent_requests"."payment_reference" is not null and "rent_requests"."paid_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "community_holders" DROP CONSTRAINT "community_holders_kind_check";--> statement-breakpoint
ALTER TABLE "autonomy_enrolments" ADD CONSTRAINT "autonomy_enrolments_plan_id_autonomy_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."autonomy_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_enrolments" ADD CONSTRAINT "autonomy_enrolments_offer_id_autonomy_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."autonomy_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_enrolments" ADD CONSTRAINT "autonomy_enrolments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_goals" ADD CONSTRAINT "autonomy_goals_plan_id_autonomy_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."autonomy_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_initiative_stages" ADD CONSTRAINT "autonomy_initiative_stages_initiative_id_autonomy_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."autonomy_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_initiative_stages" ADD CONSTRAINT "autonomy_initiative_stages_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_initiatives" ADD CONSTRAINT "autonomy_initiatives_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_initiatives" ADD CONSTRAINT "autonomy_initiatives_holder_id_community_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."community_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_initiatives" ADD CONSTRAINT "autonomy_initiatives_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_initiatives" ADD CONSTRAINT "autonomy_initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_job_placements" ADD CONSTRAINT "autonomy_job_placements_plan_id_autonomy_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."autonomy_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_job_placements" ADD CONSTRAINT "autonomy_job_placements_employer_holder_id_community_holders_id_fk" FOREIGN KEY ("employer_holder_id") REFERENCES "public"."community_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_job_placements" ADD CONSTRAINT "autonomy_job_placements_initiative_id_autonomy_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."autonomy_initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_job_placements" ADD CONSTRAINT "autonomy_job_placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_meetings" ADD CONSTRAINT "autonomy_meetings_plan_id_autonomy_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."autonomy_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_meetings" ADD CONSTRAINT "autonomy_meetings_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_offers" ADD CONSTRAINT "autonomy_offers_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_offers" ADD CONSTRAINT "autonomy_offers_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_offers" ADD CONSTRAINT "autonomy_offers_provider_holder_id_community_holders_id_fk" FOREIGN KEY ("provider_holder_id") REFERENCES "public"."community_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_offers" ADD CONSTRAINT "autonomy_offers_municipality_municipalities_istat_code_fk" FOREIGN KEY ("municipality") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_offers" ADD CONSTRAINT "autonomy_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_placement_follow_ups" ADD CONSTRAINT "autonomy_placement_follow_ups_placement_id_autonomy_job_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."autonomy_job_placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_placement_follow_ups" ADD CONSTRAINT "autonomy_placement_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_plans" ADD CONSTRAINT "autonomy_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_plans" ADD CONSTRAINT "autonomy_plans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_plans" ADD CONSTRAINT "autonomy_plans_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_plans" ADD CONSTRAINT "autonomy_plans_tutor_user_id_users_id_fk" FOREIGN KEY ("tutor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_plans" ADD CONSTRAINT "autonomy_plans_origin_case_id_cases_id_fk" FOREIGN KEY ("origin_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_plans" ADD CONSTRAINT "autonomy_plans_origin_referral_id_referrals_id_fk" FOREIGN KEY ("origin_referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_plans" ADD CONSTRAINT "autonomy_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_sealed_notes" ADD CONSTRAINT "autonomy_sealed_notes_meeting_id_autonomy_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."autonomy_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_sealed_notes" ADD CONSTRAINT "autonomy_sealed_notes_plan_id_autonomy_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."autonomy_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_sealed_notes" ADD CONSTRAINT "autonomy_sealed_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_skills" ADD CONSTRAINT "autonomy_skills_plan_id_autonomy_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."autonomy_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_skills" ADD CONSTRAINT "autonomy_skills_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_steps" ADD CONSTRAINT "autonomy_steps_goal_id_autonomy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."autonomy_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_steps" ADD CONSTRAINT "autonomy_steps_plan_id_autonomy_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."autonomy_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_address_requests" ADD CONSTRAINT "housing_address_requests_unit_id_housing_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."housing_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_address_requests" ADD CONSTRAINT "housing_address_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_address_requests" ADD CONSTRAINT "housing_address_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_messages" ADD CONSTRAINT "housing_messages_occupancy_id_housing_occupancies_id_fk" FOREIGN KEY ("occupancy_id") REFERENCES "public"."housing_occupancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_messages" ADD CONSTRAINT "housing_messages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_occupancies" ADD CONSTRAINT "housing_occupancies_unit_id_housing_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."housing_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_occupancies" ADD CONSTRAINT "housing_occupancies_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_occupancies" ADD CONSTRAINT "housing_occupancies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_occupancies" ADD CONSTRAINT "housing_occupancies_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_managing_organisation_id_organisations_id_fk" FOREIGN KEY ("managing_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_budgets" ADD CONSTRAINT "rent_budgets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_budgets" ADD CONSTRAINT "rent_budgets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_ledger_entries" ADD CONSTRAINT "rent_ledger_entries_budget_id_rent_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."rent_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_ledger_entries" ADD CONSTRAINT "rent_ledger_entries_request_id_rent_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."rent_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_ledger_entries" ADD CONSTRAINT "rent_ledger_entries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_ledger_entries" ADD CONSTRAINT "rent_ledger_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_request_files" ADD CONSTRAINT "rent_request_files_request_id_rent_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."rent_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_request_files" ADD CONSTRAINT "rent_request_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_request_files" ADD CONSTRAINT "rent_request_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_budget_id_rent_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."rent_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_unit_id_housing_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."housing_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_payee_organisation_id_organisations_id_fk" FOREIGN KEY ("payee_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_refused_by_users_id_fk" FOREIGN KEY ("refused_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rent_requests" ADD CONSTRAINT "rent_requests_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "autonomy_enrolments_live_idx" ON "autonomy_enrolments" USING btree ("plan_id","offer_id") WHERE "autonomy_enrolments"."status" = 'enrolled';--> statement-breakpoint
CREATE INDEX "autonomy_enrolments_offer_idx" ON "autonomy_enrolments" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "autonomy_goals_plan_idx" ON "autonomy_goals" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "autonomy_initiative_stages_idx" ON "autonomy_initiative_stages" USING btree ("initiative_id","changed_on");--> statement-breakpoint
CREATE INDEX "autonomy_initiatives_name_idx" ON "autonomy_initiatives" USING btree ("name");--> statement-breakpoint
CREATE INDEX "autonomy_job_placements_plan_idx" ON "autonomy_job_placements" USING btree ("plan_id","starts_on");--> statement-breakpoint
CREATE INDEX "autonomy_job_placements_initiative_idx" ON "autonomy_job_placements" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "autonomy_meetings_plan_idx" ON "autonomy_meetings" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE INDEX "autonomy_offers_title_idx" ON "autonomy_offers" USING btree ("active","title","id");--> statement-breakpoint
CREATE UNIQUE INDEX "autonomy_plans_one_active_idx" ON "autonomy_plans" USING btree ("person_id") WHERE "autonomy_plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "autonomy_plans_review_idx" ON "autonomy_plans" USING btree ("next_review_on","started_on","id");--> statement-breakpoint
CREATE INDEX "autonomy_plans_household_idx" ON "autonomy_plans" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "autonomy_plans_tutor_idx" ON "autonomy_plans" USING btree ("tutor_user_id");--> statement-breakpoint
CREATE INDEX "autonomy_steps_goal_idx" ON "autonomy_steps" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "housing_address_requests_unit_idx" ON "housing_address_requests" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "housing_address_requests_requester_idx" ON "housing_address_requests" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "housing_messages_occupancy_idx" ON "housing_messages" USING btree ("occupancy_id");--> statement-breakpoint
CREATE INDEX "housing_occupancies_unit_idx" ON "housing_occupancies" USING btree ("unit_id","starts_on");--> statement-breakpoint
CREATE INDEX "housing_occupancies_household_idx" ON "housing_occupancies" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "housing_units_service_idx" ON "housing_units" USING btree ("service_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "rent_budgets_line_idx" ON "rent_budgets" USING btree ("service_id","year","funding_line");--> statement-breakpoint
CREATE UNIQUE INDEX "rent_ledger_entries_once_idx" ON "rent_ledger_entries" USING btree ("request_id","kind");--> statement-breakpoint
CREATE INDEX "rent_ledger_entries_budget_idx" ON "rent_ledger_entries" USING btree ("budget_id","entry_on");--> statement-breakpoint
CREATE INDEX "rent_ledger_entries_household_idx" ON "rent_ledger_entries" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "rent_requests_service_idx" ON "rent_requests" USING btree ("service_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "rent_requests_budget_idx" ON "rent_requests" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "rent_requests_household_idx" ON "rent_requests" USING btree ("household_id");--> statement-breakpoint
ALTER TABLE "community_holders" ADD CONSTRAINT "community_holders_kind_check" CHECK ("community_holders"."kind" in ('volunteer_association', 'sports_club', 'foreign_citizens_association', 'parish', 'faith_community', 'school', 'police', 'health_service', 'trade_union', 'cultural_centre', 'employer', 'social_enterprise', 'other'));