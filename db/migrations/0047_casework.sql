CREATE TABLE "case_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"assessed_on" date NOT NULL,
	"child_needs" text NOT NULL,
	"parent_responses" text NOT NULL,
	"family_environment" text NOT NULL,
	"strengths" text,
	"risks" text,
	"risk_level" text NOT NULL,
	"concerns" text[] DEFAULT '{}' NOT NULL,
	"child_voice" text,
	"child_assent" text NOT NULL,
	"assent_reason" text,
	"corrects_id" uuid,
	"author_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assessments_stage_check" CHECK ("case_assessments"."stage" in ('start', 'middle', 'end')),
	CONSTRAINT "case_assessments_risk_check" CHECK ("case_assessments"."risk_level" in ('low', 'medium', 'high', 'very_high')),
	CONSTRAINT "case_assessments_assent_check" CHECK ("case_assessments"."child_assent" in ('given', 'declined', 'not_asked_age'))
);
--> statement-breakpoint
CREATE TABLE "case_plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"origin_goal_id" uuid,
	"person_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"text" text NOT NULL,
	"responsible_kind" text NOT NULL,
	"responsible_user_id" uuid,
	"responsible_service" text,
	"responsible_person_id" uuid,
	"indicator" text NOT NULL,
	"due_on" date,
	"position" integer DEFAULT 0 NOT NULL,
	"progress" text DEFAULT 'not_started' NOT NULL,
	"progress_note" text,
	"progress_at" timestamp (3) with time zone,
	"progress_by" uuid,
	CONSTRAINT "case_plan_goals_dimension_check" CHECK ("case_plan_goals"."dimension" in ('child_needs', 'parent_responses', 'family_environment')),
	CONSTRAINT "case_plan_goals_responsible_check" CHECK ("case_plan_goals"."responsible_kind" in ('user', 'outside_service', 'family_member')),
	CONSTRAINT "case_plan_goals_progress_check" CHECK ("case_plan_goals"."progress" in ('not_started', 'in_progress', 'met', 'not_met'))
);
--> statement-breakpoint
CREATE TABLE "case_plan_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_plan_progress_status_check" CHECK ("case_plan_progress"."status" in ('not_started', 'in_progress', 'met', 'not_met'))
);
--> statement-breakpoint
CREATE TABLE "case_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"case_conference" boolean DEFAULT false NOT NULL,
	"participants" jsonb NOT NULL,
	"outcomes" jsonb NOT NULL,
	"summary" text NOT NULL,
	"next_review_on" date,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"based_on_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp (3) with time zone,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_comment" text,
	"frozen_goals" jsonb,
	CONSTRAINT "case_plan_versions_number_unique" UNIQUE("case_id","number"),
	CONSTRAINT "case_plan_versions_status_check" CHECK ("case_plan_versions"."status" in ('draft', 'submitted', 'approved', 'returned', 'superseded')),
	CONSTRAINT "case_plan_versions_return_comment_check" CHECK ("case_plan_versions"."status" <> 'returned' or "case_plan_versions"."decision_comment" is not null)
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"attached_kind" text NOT NULL,
	"attached_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"case_id" uuid,
	"document_class" text NOT NULL,
	"title" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"deleted_by" uuid,
	CONSTRAINT "case_documents_attached_kind_check" CHECK ("case_documents"."attached_kind" in ('household', 'case', 'session')),
	CONSTRAINT "case_documents_class_check" CHECK ("case_documents"."document_class" in ('identity', 'health', 'school', 'court', 'social_report', 'consent_form', 'other'))
);
--> statement-breakpoint
CREATE TABLE "case_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"note" text,
	"stay_as_member" boolean NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp (3) with time zone,
	CONSTRAINT "case_handovers_status_check" CHECK ("case_handovers"."status" in ('proposed', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "case_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"service_id" uuid,
	"what" text NOT NULL,
	"due_on" date NOT NULL,
	"assigned_to" uuid NOT NULL,
	"done_at" timestamp (3) with time zone,
	"done_by" uuid,
	"outcome" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid,
	"type" text NOT NULL,
	"provider_user_id" uuid,
	"provider_organisation" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"hours" integer,
	"status" text NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_services_type_check" CHECK ("case_services"."type" in ('a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'c1', 'c2', 'c3', 'c4', 'd1', 'd2', 'e1', 'e2', 'e3')),
	CONSTRAINT "case_services_status_check" CHECK ("case_services"."status" in ('planned', 'active', 'suspended', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "session_note_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"body_encrypted" text NOT NULL,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_outside_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"organisation" text,
	"added_by" uuid NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_outside_participants_role_check" CHECK ("session_outside_participants"."role" in ('referring_professional', 'teacher', 'first_line_worker', 'health_professional', 'interpreter', 'other'))
);
--> statement-breakpoint
CREATE TABLE "consultation_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	"person_id" uuid,
	"name" text,
	"profession" text,
	"language" text,
	"professional_role" text,
	"organisation" text,
	CONSTRAINT "consultation_attendance_role_check" CHECK ("consultation_attendance"."role" in ('lead_therapist', 'co_therapist', 'mediator', 'first_line_professional', 'family_member')),
	CONSTRAINT "consultation_attendance_profession_check" CHECK ("consultation_attendance"."profession" in ('psychologist', 'psychiatrist', 'anthropologist', 'other')),
	CONSTRAINT "consultation_attendance_who" CHECK ("consultation_attendance"."user_id" is not null or "consultation_attendance"."person_id" is not null or "consultation_attendance"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "consultation_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp (3) with time zone,
	CONSTRAINT "consultation_opinions_version" UNIQUE("consultation_id","version"),
	CONSTRAINT "consultation_opinions_status_check" CHECK ("consultation_opinions"."status" in ('draft', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "consultation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text NOT NULL,
	"family_explanation" text,
	"hypotheses" text,
	"feedback" text,
	"next_appointment_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"referral_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"requesting_service_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"requesting_authority" text,
	"request_reference" text,
	"request_date" date,
	"covers_team_involvement" boolean,
	"status" text DEFAULT 'requested' NOT NULL,
	"lead_user_id" uuid,
	"opinion_due_on" date,
	"reason" text,
	"presentation_summary" text,
	"axes" text[] DEFAULT '{}' NOT NULL,
	"case_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_code_unique" UNIQUE("code"),
	CONSTRAINT "consultations_referral_id_unique" UNIQUE("referral_id"),
	CONSTRAINT "consultations_kind_check" CHECK ("consultations"."kind" in ('stuck_case', 'court_investigation')),
	CONSTRAINT "consultations_status_check" CHECK ("consultations"."status" in ('requested', 'presentation', 'in_sessions', 'opinion_drafting', 'delivered', 'closed', 'converted')),
	CONSTRAINT "consultations_authority_check" CHECK ("consultations"."requesting_authority" in ('juvenile_court', 'juvenile_prosecutor')),
	CONSTRAINT "consultations_converted_case" CHECK (("consultations"."status" = 'converted') = ("consultations"."case_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_sessions" ADD COLUMN "status" text DEFAULT 'scheduled' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_sessions" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "case_sessions" ADD COLUMN "held_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "session_notes" ADD COLUMN "edited_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "session_notes" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_goals" ADD CONSTRAINT "case_plan_goals_version_id_case_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."case_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_goals" ADD CONSTRAINT "case_plan_goals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_goals" ADD CONSTRAINT "case_plan_goals_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_goals" ADD CONSTRAINT "case_plan_goals_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_goals" ADD CONSTRAINT "case_plan_goals_progress_by_users_id_fk" FOREIGN KEY ("progress_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_progress" ADD CONSTRAINT "case_plan_progress_goal_id_case_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."case_plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_progress" ADD CONSTRAINT "case_plan_progress_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_reviews" ADD CONSTRAINT "case_plan_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_reviews" ADD CONSTRAINT "case_plan_reviews_version_id_case_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."case_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_reviews" ADD CONSTRAINT "case_plan_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_versions" ADD CONSTRAINT "case_plan_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_versions" ADD CONSTRAINT "case_plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_versions" ADD CONSTRAINT "case_plan_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_versions" ADD CONSTRAINT "case_plan_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handovers" ADD CONSTRAINT "case_handovers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handovers" ADD CONSTRAINT "case_handovers_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handovers" ADD CONSTRAINT "case_handovers_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followups" ADD CONSTRAINT "case_followups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followups" ADD CONSTRAINT "case_followups_service_id_case_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."case_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followups" ADD CONSTRAINT "case_followups_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followups" ADD CONSTRAINT "case_followups_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followups" ADD CONSTRAINT "case_followups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_provider_user_id_users_id_fk" FOREIGN KEY ("provider_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_versions" ADD CONSTRAINT "session_note_versions_note_id_session_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."session_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_versions" ADD CONSTRAINT "session_note_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_outside_participants" ADD CONSTRAINT "session_outside_participants_session_id_case_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."case_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_outside_participants" ADD CONSTRAINT "session_outside_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_outside_participants" ADD CONSTRAINT "session_outside_participants_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_attendance" ADD CONSTRAINT "consultation_attendance_session_id_consultation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."consultation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_attendance" ADD CONSTRAINT "consultation_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_attendance" ADD CONSTRAINT "consultation_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_sessions" ADD CONSTRAINT "consultation_sessions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_sessions" ADD CONSTRAINT "consultation_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_requesting_service_id_services_id_fk" FOREIGN KEY ("requesting_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assessments_case_idx" ON "case_assessments" USING btree ("case_id","person_id","assessed_on");--> statement-breakpoint
CREATE INDEX "case_plan_goals_version_idx" ON "case_plan_goals" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "case_plan_progress_goal_idx" ON "case_plan_progress" USING btree ("goal_id","recorded_at");--> statement-breakpoint
CREATE INDEX "case_plan_reviews_case_idx" ON "case_plan_reviews" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_plan_versions_open_unique" ON "case_plan_versions" USING btree ("case_id") WHERE status in ('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "case_plan_versions_approved_unique" ON "case_plan_versions" USING btree ("case_id") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "case_documents_attached_idx" ON "case_documents" USING btree ("attached_kind","attached_id");--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_documents_household_idx" ON "case_documents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "case_documents_file_idx" ON "case_documents" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "case_handovers_case_idx" ON "case_handovers" USING btree ("case_id","status");--> statement-breakpoint
CREATE INDEX "case_handovers_to_idx" ON "case_handovers" USING btree ("to_user_id","status");--> statement-breakpoint
CREATE INDEX "case_followups_case_idx" ON "case_followups" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "case_followups_assignee_idx" ON "case_followups" USING btree ("assigned_to","due_on");--> statement-breakpoint
CREATE INDEX "case_services_case_idx" ON "case_services" USING btree ("case_id","started_on");--> statement-breakpoint
CREATE INDEX "session_note_versions_note_idx" ON "session_note_versions" USING btree ("note_id","edited_at");--> statement-breakpoint
CREATE INDEX "session_outside_participants_session_idx" ON "session_outside_participants" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "consultation_attendance_session_idx" ON "consultation_attendance" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "consultation_sessions_consultation_idx" ON "consultation_sessions" USING btree ("consultation_id","held_on");--> statement-breakpoint
CREATE INDEX "consultations_service_idx" ON "consultations" USING btree ("service_id","status","opinion_due_on");--> statement-breakpoint
CREATE INDEX "consultations_requesting_idx" ON "consultations" USING btree ("requesting_service_id","status","opinion_due_on");--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sessions" ADD CONSTRAINT "case_sessions_status_check" CHECK ("case_sessions"."status" in ('scheduled', 'held', 'cancelled', 'missed'));--> statement-breakpoint
-- == Issue 22, items 1-2: dated assessments, the versioned plan (Progetto Quadro), its reviews ==
-- Read by whoever may open the case (openable_cases: the clinical team, a supervising coordinator, a
-- live break-the-glass grant), written by its clinical team; a supervising coordinator decides a
-- submitted version. The referrer and the mediator reach none of it.
ALTER TABLE case_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_assessments_system ON case_assessments TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_assessments_read ON case_assessments FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
-- Never updated nor deleted: a correction is a new assessment naming the one it corrects.
CREATE POLICY case_assessments_insert ON case_assessments FOR INSERT TO trama_app WITH CHECK (
  author_id = (SELECT trama_user()) AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_assessments TO trama_app;
--> statement-breakpoint
ALTER TABLE case_plan_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_plan_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_plan_versions_system ON case_plan_versions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_plan_versions_read ON case_plan_versions FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY case_plan_versions_insert ON case_plan_versions FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND status = 'draft'
  AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
-- The team submits; a coordinator supervising the case's service approves or returns.
CREATE POLICY case_plan_versions_update ON case_plan_versions FOR UPDATE TO trama_app USING (
  NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])) AND (
    case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    OR case_id IN (SELECT c.id FROM cases c WHERE c.service_id = ANY ((SELECT trama_supervised_services())::uuid[]))));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_plan_versions TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, submitted_by, submitted_at, decided_by, decided_at, decision_comment, frozen_goals)
  ON case_plan_versions TO trama_app;
--> statement-breakpoint
-- A decided version is frozen: an approved one may only become superseded, a superseded one never changes.
CREATE FUNCTION trama_plan_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'superseded' OR (OLD.status = 'approved' AND (NEW.status <> 'superseded'
      OR NEW.frozen_goals IS DISTINCT FROM OLD.frozen_goals OR NEW.decided_by IS DISTINCT FROM OLD.decided_by
      OR NEW.decided_at IS DISTINCT FROM OLD.decided_at OR NEW.decision_comment IS DISTINCT FROM OLD.decision_comment)) THEN
    RAISE EXCEPTION 'plan version % is frozen', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_plan_versions_frozen BEFORE UPDATE ON case_plan_versions
  FOR EACH ROW EXECUTE FUNCTION trama_plan_version_frozen();
--> statement-breakpoint
ALTER TABLE case_plan_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_plan_goals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_plan_goals_system ON case_plan_goals TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_plan_goals_read ON case_plan_goals FOR SELECT TO trama_app USING (
  version_id IN (SELECT id FROM case_plan_versions));
--> statement-breakpoint
CREATE POLICY case_plan_goals_insert ON case_plan_goals FOR INSERT TO trama_app WITH CHECK (
  version_id IN (SELECT v.id FROM case_plan_versions v
    WHERE v.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
      AND NOT (v.case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))));
--> statement-breakpoint
CREATE POLICY case_plan_goals_update ON case_plan_goals FOR UPDATE TO trama_app USING (
  version_id IN (SELECT v.id FROM case_plan_versions v
    WHERE v.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
      AND NOT (v.case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))));
--> statement-breakpoint
CREATE POLICY case_plan_goals_delete ON case_plan_goals FOR DELETE TO trama_app USING (
  version_id IN (SELECT v.id FROM case_plan_versions v
    WHERE v.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
      AND NOT (v.case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON case_plan_goals TO trama_app;
--> statement-breakpoint
-- Goals are edited only in a draft or returned version; on the approved one only their progress moves
-- (the approval stands); a submitted or superseded version's goals never change.
CREATE FUNCTION trama_plan_goal_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st text;
BEGIN
  SELECT v.status INTO st FROM public.case_plan_versions v
   WHERE v.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
  IF st IN ('draft', 'returned') THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND st = 'approved'
     AND (NEW.version_id, NEW.origin_goal_id, NEW.person_id, NEW.dimension, NEW.text, NEW.responsible_kind,
          NEW.responsible_user_id, NEW.responsible_service, NEW.responsible_person_id, NEW.indicator, NEW.due_on,
          NEW.position)
     IS NOT DISTINCT FROM
         (OLD.version_id, OLD.origin_goal_id, OLD.person_id, OLD.dimension, OLD.text, OLD.responsible_kind,
          OLD.responsible_user_id, OLD.responsible_service, OLD.responsible_person_id, OLD.indicator, OLD.due_on,
          OLD.position) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the goals of a % plan version are frozen', coalesce(st, 'missing') USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER case_plan_goals_frozen BEFORE INSERT OR UPDATE OR DELETE ON case_plan_goals
  FOR EACH ROW EXECUTE FUNCTION trama_plan_goal_frozen();
--> statement-breakpoint
ALTER TABLE case_plan_progress ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_plan_progress FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_plan_progress_system ON case_plan_progress TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_plan_progress_read ON case_plan_progress FOR SELECT TO trama_app USING (
  goal_id IN (SELECT id FROM case_plan_goals));
--> statement-breakpoint
CREATE POLICY case_plan_progress_insert ON case_plan_progress FOR INSERT TO trama_app WITH CHECK (
  recorded_by = (SELECT trama_user()) AND goal_id IN (SELECT g.id FROM case_plan_goals g
    JOIN case_plan_versions v ON v.id = g.version_id
    WHERE v.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
      AND NOT (v.case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_plan_progress TO trama_app;
--> statement-breakpoint
ALTER TABLE case_plan_reviews ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_plan_reviews FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_plan_reviews_system ON case_plan_reviews TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_plan_reviews_read ON case_plan_reviews FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY case_plan_reviews_insert ON case_plan_reviews FOR INSERT TO trama_app WITH CHECK (
  recorded_by = (SELECT trama_user()) AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_plan_reviews TO trama_app;
--> statement-breakpoint
-- == Issue 22, items 3-4: services delivered, follow-ups, sessions as they happened ==
-- Services and follow-ups: written by the case's clinical team, read also by a supervising
-- coordinator and a break-the-glass grant (openable_cases); the referrer and the mediator read none.
ALTER TABLE case_services ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_services FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_services_system ON case_services TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_services_read ON case_services FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY case_services_insert ON case_services FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
CREATE POLICY case_services_update ON case_services FOR UPDATE TO trama_app
  USING (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])))
  WITH CHECK (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_services TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, ended_on, hours, updated_at) ON case_services TO trama_app;
--> statement-breakpoint
ALTER TABLE case_followups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_followups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_followups_system ON case_followups TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_followups_read ON case_followups FOR SELECT TO trama_app USING (
  EXISTS (SELECT 1 FROM openable_cases o WHERE o.id = case_id));
--> statement-breakpoint
CREATE POLICY case_followups_insert ON case_followups FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])));
--> statement-breakpoint
CREATE POLICY case_followups_update ON case_followups FOR UPDATE TO trama_app
  USING (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])))
  WITH CHECK (done_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_followups TO trama_app;
--> statement-breakpoint
GRANT UPDATE (done_at, done_by, outcome) ON case_followups TO trama_app;
--> statement-breakpoint
-- Sessions as they happened: the clinical team marks a session held, cancelled or missed.
CREATE POLICY case_sessions_update ON case_sessions FOR UPDATE TO trama_app
  USING (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
    AND NOT (case_id = ANY ((SELECT trama_blocked_cases())::uuid[])))
  WITH CHECK (case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]));
--> statement-breakpoint
GRANT UPDATE (status, status_reason, held_at) ON case_sessions TO trama_app;
--> statement-breakpoint
-- Sessions recorded before this change had happened when they were recorded in the past.
UPDATE case_sessions SET status = 'held', held_at = starts_at WHERE starts_at <= now();
--> statement-breakpoint
-- "Days to first session" counts held sessions only: cases.first_session_at is the earliest held
-- session, set and cleared as sessions are marked (the owner writes it; nobody else may).
CREATE FUNCTION trama_case_first_session() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.status <> 'held' THEN
    RETURN NEW;
  END IF;
  UPDATE cases SET first_session_at = (SELECT min(s.starts_at) FROM case_sessions s
                                        WHERE s.case_id = NEW.case_id AND s.status = 'held')
   WHERE id = NEW.case_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_sessions_first_session AFTER INSERT OR UPDATE OF status, starts_at ON case_sessions
  FOR EACH ROW EXECUTE FUNCTION trama_case_first_session();
--> statement-breakpoint
UPDATE cases c SET first_session_at = (SELECT min(s.starts_at) FROM case_sessions s
                                        WHERE s.case_id = c.id AND s.status = 'held');
--> statement-breakpoint
-- Istanbul Convention art. 48: no session brings together a perpetrator and someone he may harm
-- (a victim, a minor, anyone at risk). The service refuses it first; this is the backstop.
CREATE FUNCTION trama_session_people_apart() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM session_people a JOIN people pa ON pa.id = a.person_id AND pa.case_role = 'perpetrator'
              WHERE a.session_id = NEW.session_id)
     AND EXISTS (SELECT 1 FROM session_people b JOIN people pb ON pb.id = b.person_id
              WHERE b.session_id = NEW.session_id AND pb.case_role <> 'perpetrator'
                AND trama_is_protected(pb.case_role, pb.at_risk, pb.birth_date, pb.birth_year)) THEN
    RAISE EXCEPTION 'a session never brings together a perpetrator and a person he may harm'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'session_people_apart';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_people_apart AFTER INSERT OR UPDATE ON session_people
  FOR EACH ROW EXECUTE FUNCTION trama_session_people_apart();
--> statement-breakpoint
-- Notes written after the session are edited by whoever may write that section; the text before
-- each edit is kept, readable by whoever reads the note.
CREATE POLICY session_notes_update ON session_notes FOR UPDATE TO trama_app
  USING (EXISTS (SELECT 1 FROM case_sessions s WHERE s.id = session_id
    AND NOT (s.case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))
    AND ((s.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
          AND (section <> 'psychological' OR (SELECT trama_role()) = 'clinician'))
      OR (section = 'mediation' AND s.mediator_id = (SELECT trama_user())))))
  WITH CHECK (edited_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT UPDATE (body_encrypted, edited_at, edited_by) ON session_notes TO trama_app;
--> statement-breakpoint
ALTER TABLE session_note_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session_note_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_note_versions_system ON session_note_versions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY session_note_versions_read ON session_note_versions FOR SELECT TO trama_app USING (
  note_id IN (SELECT n.id FROM session_notes n));
--> statement-breakpoint
CREATE POLICY session_note_versions_insert ON session_note_versions FOR INSERT TO trama_app WITH CHECK (
  edited_by = (SELECT trama_user()) AND note_id IN (SELECT n.id FROM session_notes n));
--> statement-breakpoint
GRANT SELECT, INSERT ON session_note_versions TO trama_app;
--> statement-breakpoint
-- Outside participants are names on the session, seen with the session's people: no case_team row,
-- no access to anything.
ALTER TABLE session_outside_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session_outside_participants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_outside_participants_system ON session_outside_participants TO CURRENT_USER
  USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY session_outside_participants_read ON session_outside_participants FOR SELECT TO trama_app
  USING (session_id IN (SELECT s.id FROM case_sessions s JOIN openable_cases o ON o.id = s.case_id));
--> statement-breakpoint
CREATE POLICY session_outside_participants_insert ON session_outside_participants FOR INSERT TO trama_app
  WITH CHECK (added_by = (SELECT trama_user()) AND session_id IN (SELECT s.id FROM case_sessions s
    WHERE s.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])));
--> statement-breakpoint
CREATE POLICY session_outside_participants_delete ON session_outside_participants FOR DELETE TO trama_app
  USING (session_id IN (SELECT s.id FROM case_sessions s
    WHERE s.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON session_outside_participants TO trama_app;
--> statement-breakpoint
-- == Issue 22, item 5: ethnoclinical consultations for first-line services ==
-- The team (members of the consulting service, the lead therapist) writes; a coordinator
-- supervising the service reads; the requesting service reads the consultation row and the
-- approved opinions only, never the presentation, sessions or drafts. Nobody reaches the
-- consultation of a person they are blocked from (trama_blocked_referrals).
CREATE FUNCTION trama_consultations_of_team() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(k.id), '{}') FROM public.consultations k
    WHERE ((k.service_id = public.trama_service() AND public.trama_role() <> 'coordinator')
           OR k.lead_user_id = public.trama_user())
      AND NOT (k.referral_id = ANY (public.trama_blocked_referrals())) $$;
--> statement-breakpoint
CREATE FUNCTION trama_consultations_readable() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(k.id), '{}') FROM public.consultations k
    WHERE (k.service_id = public.trama_service() OR k.lead_user_id = public.trama_user()
           OR k.service_id = ANY (public.trama_supervised_services()))
      AND NOT (k.referral_id = ANY (public.trama_blocked_referrals())) $$;
--> statement-breakpoint
ALTER TABLE consultations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consultations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultations_system ON consultations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Written out rather than through trama_consultations_readable(): a row just inserted (RETURNING)
-- is not yet in that function's snapshot.
CREATE POLICY consultations_read ON consultations FOR SELECT TO trama_app USING (
  NOT (referral_id = ANY ((SELECT trama_blocked_referrals())::uuid[]))
  AND (service_id = (SELECT trama_service()) OR lead_user_id = (SELECT trama_user())
       OR service_id = ANY ((SELECT trama_supervised_services())::uuid[])
       OR requesting_service_id = (SELECT trama_service())));
--> statement-breakpoint
-- Opened by the team accepting a consultation referral addressed to it.
CREATE POLICY consultations_insert ON consultations FOR INSERT TO trama_app WITH CHECK (
  service_id = (SELECT trama_service()) AND created_by = (SELECT trama_user())
  AND referral_id IN (SELECT r.id FROM referrals r WHERE r.to_service_id = (SELECT trama_service())));
--> statement-breakpoint
CREATE POLICY consultations_update ON consultations FOR UPDATE TO trama_app
  USING (id = ANY ((SELECT trama_consultations_of_team())::uuid[]))
  WITH CHECK (service_id = (SELECT trama_service()) OR lead_user_id = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON consultations TO trama_app;
--> statement-breakpoint
GRANT UPDATE (kind, requesting_authority, request_reference, request_date, covers_team_involvement, status,
  lead_user_id, opinion_due_on, presentation_summary, axes, case_id, updated_at) ON consultations TO trama_app;
--> statement-breakpoint
ALTER TABLE consultation_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consultation_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultation_sessions_system ON consultation_sessions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY consultation_sessions_read ON consultation_sessions FOR SELECT TO trama_app USING (
  consultation_id = ANY ((SELECT trama_consultations_readable())::uuid[]));
--> statement-breakpoint
CREATE POLICY consultation_sessions_insert ON consultation_sessions FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND consultation_id = ANY ((SELECT trama_consultations_of_team())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON consultation_sessions TO trama_app;
--> statement-breakpoint
ALTER TABLE consultation_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consultation_attendance FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultation_attendance_system ON consultation_attendance TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY consultation_attendance_read ON consultation_attendance FOR SELECT TO trama_app USING (
  session_id IN (SELECT s.id FROM consultation_sessions s));
--> statement-breakpoint
CREATE POLICY consultation_attendance_insert ON consultation_attendance FOR INSERT TO trama_app WITH CHECK (
  session_id IN (SELECT s.id FROM consultation_sessions s
                  WHERE s.consultation_id = ANY ((SELECT trama_consultations_of_team())::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON consultation_attendance TO trama_app;
--> statement-breakpoint
ALTER TABLE consultation_opinions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consultation_opinions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consultation_opinions_system ON consultation_opinions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY consultation_opinions_read ON consultation_opinions FOR SELECT TO trama_app USING (
  consultation_id = ANY ((SELECT trama_consultations_readable())::uuid[])
  OR (status = 'approved' AND consultation_id IN (SELECT k.id FROM consultations k
                                                   WHERE k.requesting_service_id = (SELECT trama_service()))));
--> statement-breakpoint
CREATE POLICY consultation_opinions_insert ON consultation_opinions FOR INSERT TO trama_app WITH CHECK (
  created_by = (SELECT trama_user()) AND status = 'draft'
  AND consultation_id = ANY ((SELECT trama_consultations_of_team())::uuid[]));
--> statement-breakpoint
CREATE POLICY consultation_opinions_update ON consultation_opinions FOR UPDATE TO trama_app
  USING (status = 'draft' AND consultation_id = ANY ((SELECT trama_consultations_of_team())::uuid[]))
  WITH CHECK (consultation_id = ANY ((SELECT trama_consultations_of_team())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON consultation_opinions TO trama_app;
--> statement-breakpoint
GRANT UPDATE (text, status, approved_by, approved_at, updated_at) ON consultation_opinions TO trama_app;
--> statement-breakpoint
-- An approved opinion is frozen, and only the consultation's lead therapist approves (the service
-- refuses first; this is the backstop, for the owner too).
CREATE FUNCTION trama_consultation_opinion_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'approved' THEN
    RAISE EXCEPTION 'an approved consultation opinion is frozen' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status = 'approved' AND NEW.approved_by IS DISTINCT FROM
     (SELECT k.lead_user_id FROM consultations k WHERE k.id = NEW.consultation_id) THEN
    RAISE EXCEPTION 'only the lead therapist approves the opinion' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER consultation_opinions_guard BEFORE UPDATE OR DELETE ON consultation_opinions
  FOR EACH ROW EXECUTE FUNCTION trama_consultation_opinion_guard();
--> statement-breakpoint
-- Documents, hand-over (issue 22, items 6-7). Row-level security written by hand under the generated tables.
-- A document is read with the record it hangs on: a household's by whoever sees the household, a case's
-- or a session's by the case's clinical team and its supervisors (never the referrer); added by the same.
ALTER TABLE case_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_documents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_documents_system ON case_documents TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_documents_read ON case_documents FOR SELECT TO trama_app USING (
  (case_id IS NULL AND household_id IN (SELECT h.id FROM households h))
  OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  OR case_id IN (SELECT c.id FROM cases c WHERE c.service_id = ANY ((SELECT trama_supervised_services())::uuid[])));
--> statement-breakpoint
CREATE POLICY case_documents_insert ON case_documents FOR INSERT TO trama_app WITH CHECK (
  uploaded_by = (SELECT trama_user()) AND deleted_at IS NULL AND (
    (case_id IS NULL AND household_id IN (SELECT h.id FROM households h))
    OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])));
--> statement-breakpoint
CREATE POLICY case_documents_update ON case_documents FOR UPDATE TO trama_app
  USING ((case_id IS NULL AND household_id IN (SELECT h.id FROM households h))
    OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]))
  WITH CHECK (deleted_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_documents TO trama_app;
--> statement-breakpoint
GRANT UPDATE (deleted_at, deleted_by) ON case_documents TO trama_app;
--> statement-breakpoint
CREATE POLICY stored_files_case_documents ON stored_files FOR SELECT TO trama_app
  USING (id IN (SELECT d.file_id FROM case_documents d));
--> statement-breakpoint
-- A hand-over is seen by its two colleagues, the case's clinical team and its supervisors; proposed by
-- the lead; declined by the colleague named or withdrawn by the proposer. Accepting moves the lead, which
-- the colleague (not yet on the team) cannot do under the team's policies: trama_accept_case_handover.
ALTER TABLE case_handovers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_handovers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_handovers_system ON case_handovers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_handovers_read ON case_handovers FOR SELECT TO trama_app USING (
  from_user_id = (SELECT trama_user()) OR to_user_id = (SELECT trama_user())
  OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  OR case_id IN (SELECT c.id FROM cases c WHERE c.service_id = ANY ((SELECT trama_supervised_services())::uuid[])));
--> statement-breakpoint
CREATE POLICY case_handovers_insert ON case_handovers FOR INSERT TO trama_app WITH CHECK (
  from_user_id = (SELECT trama_user()) AND status = 'proposed'
  AND case_id IN (SELECT c.id FROM cases c WHERE c.lead_user_id = (SELECT trama_user()) AND c.status <> 'closed'));
--> statement-breakpoint
CREATE POLICY case_handovers_update ON case_handovers FOR UPDATE TO trama_app
  USING (status = 'proposed' AND (from_user_id = (SELECT trama_user()) OR to_user_id = (SELECT trama_user())))
  WITH CHECK ((status = 'withdrawn' AND from_user_id = (SELECT trama_user()))
    OR (status = 'declined' AND to_user_id = (SELECT trama_user())));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_handovers TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, decided_at) ON case_handovers TO trama_app;
--> statement-breakpoint
-- Only the colleague named, on a proposal still open, from the lead who still leads the open case. The old
-- lead stays as a member or leaves, as the proposal said. Null when any of that no longer holds.
CREATE FUNCTION trama_accept_case_handover(hid uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h case_handovers;
BEGIN
  SELECT * INTO h FROM case_handovers WHERE id = hid FOR UPDATE;
  IF h.id IS NULL OR h.status <> 'proposed' OR h.to_user_id IS DISTINCT FROM trama_user() THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM cases c WHERE c.id = h.case_id AND c.lead_user_id = h.from_user_id AND c.status <> 'closed'
    AND c.service_id = trama_service() FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  UPDATE case_handovers SET status = 'accepted', decided_at = now() WHERE id = hid;
  DELETE FROM case_team WHERE case_id = h.case_id AND user_id IN (h.from_user_id, h.to_user_id);
  INSERT INTO case_team (case_id, user_id, team_role, added_by) VALUES (h.case_id, h.to_user_id, 'lead', h.from_user_id);
  IF h.stay_as_member THEN
    INSERT INTO case_team (case_id, user_id, team_role, added_by) VALUES (h.case_id, h.from_user_id, 'member', h.from_user_id);
  END IF;
  UPDATE cases SET lead_user_id = h.to_user_id, updated_at = now() WHERE id = h.case_id;
  RETURN h.case_id;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_accept_case_handover(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_accept_case_handover(uuid) TO trama_app;
