CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "gathering_attendance" (
	"session_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gathering_attendance_session_id_place_id_pk" PRIMARY KEY("session_id","place_id"),
	CONSTRAINT "gathering_attendance_status_check" CHECK ("gathering_attendance"."status" in ('present', 'late', 'absent', 'excused')),
	CONSTRAINT "gathering_attendance_source_check" CHECK ("gathering_attendance"."source" in ('trainer', 'qr', 'signature_sheet'))
);
--> statement-breakpoint
CREATE TABLE "gathering_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gathering_id" uuid NOT NULL,
	"user_id" uuid,
	"external_name" text,
	"external_organisation" text,
	"external_email" text,
	"profession" text NOT NULL,
	"participant_service_id" uuid,
	"participant_organisation_id" uuid,
	"status" text NOT NULL,
	"queued_seq" bigserial NOT NULL,
	"offer_expires_at" timestamp (3) with time zone,
	"link_token_hash" text,
	"link_expires_at" timestamp (3) with time zone,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gathering_places_status_check" CHECK ("gathering_places"."status" in ('awaiting_approval', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'refused', 'lapsed')),
	CONSTRAINT "gathering_places_profession_check" CHECK ("gathering_places"."profession" in ('social_worker', 'educator', 'psychologist', 'health_worker', 'lawyer', 'teacher', 'police', 'judiciary', 'school_office', 'mediator', 'reception_worker', 'other')),
	CONSTRAINT "gathering_places_who_check" CHECK (("gathering_places"."user_id" is not null) <> ("gathering_places"."external_name" is not null and "gathering_places"."external_email" is not null))
);
--> statement-breakpoint
CREATE TABLE "gathering_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gathering_id" uuid NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"place" text,
	"online_link" text,
	CONSTRAINT "gathering_sessions_order_check" CHECK ("gathering_sessions"."ends_at" > "gathering_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "gatherings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module" text NOT NULL,
	"title" text NOT NULL,
	"owner_service_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"registration_opens_at" timestamp (3) with time zone NOT NULL,
	"registration_closes_at" timestamp (3) with time zone NOT NULL,
	"confirm_within_hours" integer DEFAULT 48 NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gatherings_seats_check" CHECK ("gatherings"."seats_taken" >= 0 and "gatherings"."seats_taken" <= "gatherings"."capacity"),
	CONSTRAINT "gatherings_module_check" CHECK ("gatherings"."module" ~ '^[a-z]+$')
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"verification_code" text NOT NULL,
	"holder_name" text NOT NULL,
	"course_title" text NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"credit_scheme" text,
	"credits" numeric(5, 1),
	"accreditation_ref" text,
	"issued_by" uuid NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by" uuid,
	"revocation_reason" text,
	CONSTRAINT "training_certificates_place_id_unique" UNIQUE("place_id"),
	CONSTRAINT "training_certificates_credit_check" CHECK ("training_certificates"."credit_scheme" in ('social_workers_council', 'bar_council', 'ecm'))
);
--> statement-breakpoint
CREATE TABLE "training_course_findings" (
	"course_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"subject" text NOT NULL,
	"report_year" smallint,
	"value" integer,
	"share" numeric(5, 1),
	"label" jsonb NOT NULL,
	CONSTRAINT "training_course_findings_course_id_topic_subject_pk" PRIMARY KEY("course_id","topic","subject")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_service_id" uuid NOT NULL,
	"title" text NOT NULL,
	"strand" text NOT NULL,
	"target_service_kinds" text[] DEFAULT '{}' NOT NULL,
	"target_professions" text[] DEFAULT '{}' NOT NULL,
	"objectives" text NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"trainers" text NOT NULL,
	"attendance_threshold" smallint DEFAULT 75 NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"credit_scheme" text,
	"credits" numeric(5, 1),
	"accreditation_ref" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_strand_check" CHECK ("training_courses"."strand" in ('ethnoclinical', 'legislative', 'intercultural_communication', 'experiential')),
	CONSTRAINT "training_courses_credit_check" CHECK ("training_courses"."credit_scheme" in ('social_workers_council', 'bar_council', 'ecm')),
	CONSTRAINT "training_courses_threshold_check" CHECK ("training_courses"."attendance_threshold" between 1 and 100),
	CONSTRAINT "training_courses_professions_check" CHECK ("training_courses"."target_professions" <@ array['social_worker', 'educator', 'psychologist', 'health_worker', 'lawyer', 'teacher', 'police', 'judiciary', 'school_office', 'mediator', 'reception_worker', 'other']::text[])
);
--> statement-breakpoint
CREATE TABLE "training_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"gathering_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_editions_gathering_id_unique" UNIQUE("gathering_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_session_id_gathering_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."gathering_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_place_id_gathering_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."gathering_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_places" ADD CONSTRAINT "gathering_places_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_places" ADD CONSTRAINT "gathering_places_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_places" ADD CONSTRAINT "gathering_places_participant_service_id_services_id_fk" FOREIGN KEY ("participant_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_places" ADD CONSTRAINT "gathering_places_participant_organisation_id_organisations_id_fk" FOREIGN KEY ("participant_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_places" ADD CONSTRAINT "gathering_places_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_places" ADD CONSTRAINT "gathering_places_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering_sessions" ADD CONSTRAINT "gathering_sessions_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gatherings" ADD CONSTRAINT "gatherings_owner_service_id_services_id_fk" FOREIGN KEY ("owner_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gatherings" ADD CONSTRAINT "gatherings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_edition_id_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."training_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_place_id_gathering_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."gathering_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_findings" ADD CONSTRAINT "training_course_findings_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_owner_service_id_services_id_fk" FOREIGN KEY ("owner_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gathering_attendance_place_idx" ON "gathering_attendance" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "gathering_places_gathering_idx" ON "gathering_places" USING btree ("gathering_id","status","queued_seq");--> statement-breakpoint
CREATE INDEX "gathering_places_org_idx" ON "gathering_places" USING btree ("participant_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_places_link_idx" ON "gathering_places" USING btree ("link_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_places_user_live_idx" ON "gathering_places" USING btree ("gathering_id","user_id") WHERE user_id is not null and status not in ('cancelled', 'refused', 'lapsed');--> statement-breakpoint
CREATE UNIQUE INDEX "gathering_places_email_live_idx" ON "gathering_places" USING btree ("gathering_id",lower(external_email)) WHERE external_email is not null and status not in ('cancelled', 'refused', 'lapsed');--> statement-breakpoint
CREATE INDEX "gathering_sessions_gathering_idx" ON "gathering_sessions" USING btree ("gathering_id","starts_at");--> statement-breakpoint
CREATE INDEX "gatherings_owner_idx" ON "gatherings" USING btree ("owner_service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_code_idx" ON "training_certificates" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "training_certificates_edition_idx" ON "training_certificates" USING btree ("edition_id","id");--> statement-breakpoint
CREATE INDEX "training_courses_owner_idx" ON "training_courses" USING btree ("owner_service_id","created_at");--> statement-breakpoint
CREATE INDEX "training_editions_course_idx" ON "training_editions" USING btree ("course_id","created_at");