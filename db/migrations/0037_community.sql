CREATE TABLE "community_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"given_on" date NOT NULL,
	"withdrawn_on" date,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "community_consents_purpose_check" CHECK ("community_consents"."purpose" in ('events', 'surveys', 'partnership', 'newsletter')),
	CONSTRAINT "community_consents_channel_check" CHECK ("community_consents"."channel" in ('phone', 'email', 'in_person', 'messaging', 'letter')),
	CONSTRAINT "community_consents_order_check" CHECK ("community_consents"."withdrawn_on" is null or "community_consents"."withdrawn_on" >= "community_consents"."given_on")
);
--> statement-breakpoint
CREATE TABLE "community_engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"summary" text NOT NULL,
	"event_id" uuid,
	"resource_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_engagements_kind_check" CHECK ("community_engagements"."kind" in ('meeting', 'contact', 'event_coorganised', 'resource_offered'))
);
--> statement-breakpoint
CREATE TABLE "community_event_holders" (
	"event_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	CONSTRAINT "community_event_holders_event_id_holder_id_pk" PRIMARY KEY("event_id","holder_id")
);
--> statement-breakpoint
CREATE TABLE "community_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gathering_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"municipality" text NOT NULL,
	"languages" text[] NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"mediator_language" text,
	"mediation_request_id" uuid,
	"public_slug" text NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"owner_service_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_events_gathering_id_unique" UNIQUE("gathering_id"),
	CONSTRAINT "community_events_public_slug_unique" UNIQUE("public_slug"),
	CONSTRAINT "community_events_kind_check" CHECK ("community_events"."kind" in ('awareness_meeting', 'workshop', 'citizenship_lab')),
	CONSTRAINT "community_events_status_check" CHECK ("community_events"."status" in ('planned', 'cancelled')),
	CONSTRAINT "community_events_languages_check" CHECK ("community_events"."languages" <@ array['it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es']::text[] and cardinality("community_events"."languages") > 0)
);
--> statement-breakpoint
CREATE TABLE "community_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"useful" integer NOT NULL,
	"understood" integer NOT NULL,
	"language" text NOT NULL,
	"month" date NOT NULL,
	CONSTRAINT "community_feedback_scale_check" CHECK ("community_feedback"."useful" between 1 and 5 and "community_feedback"."understood" between 1 and 5),
	CONSTRAINT "community_feedback_language_check" CHECK ("community_feedback"."language" in ('it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es'))
);
--> statement-breakpoint
CREATE TABLE "community_head_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"participant" text NOT NULL,
	"gender" text NOT NULL,
	"age_band" text NOT NULL,
	"citizenship_group" text NOT NULL,
	"count" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_head_counts_participant_check" CHECK ("community_head_counts"."participant" in ('resident', 'professional')),
	CONSTRAINT "community_head_counts_gender_check" CHECK ("community_head_counts"."gender" in ('female', 'male', 'other', 'not_said')),
	CONSTRAINT "community_head_counts_age_check" CHECK ("community_head_counts"."age_band" in ('under_18', '18_29', '30_44', '45_64', '65_plus', 'not_said')),
	CONSTRAINT "community_head_counts_citizenship_check" CHECK ("community_head_counts"."citizenship_group" in ('italian', 'eu', 'non_eu', 'not_said')),
	CONSTRAINT "community_head_counts_count_check" CHECK ("community_head_counts"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE "community_holder_links" (
	"from_holder_id" uuid NOT NULL,
	"to_holder_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_holder_links_from_holder_id_to_holder_id_kind_pk" PRIMARY KEY("from_holder_id","to_holder_id","kind"),
	CONSTRAINT "community_holder_links_kind_check" CHECK ("community_holder_links"."kind" in ('member_of', 'partner_of', 'same_network', 'hosts')),
	CONSTRAINT "community_holder_links_self_check" CHECK ("community_holder_links"."from_holder_id" <> "community_holder_links"."to_holder_id")
);
--> statement-breakpoint
CREATE TABLE "community_holder_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"role_title" text,
	"phone" text,
	"email" text,
	"opinion_leader" boolean DEFAULT false NOT NULL,
	"influence_topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"influence_community" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_holders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"municipality" text NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"communities" text[] DEFAULT '{}'::text[] NOT NULL,
	"size" text,
	"legal_form" text,
	"keeper_organisation_id" uuid,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_holders_kind_check" CHECK ("community_holders"."kind" in ('volunteer_association', 'sports_club', 'foreign_citizens_association', 'parish', 'faith_community', 'school', 'police', 'health_service', 'trade_union', 'cultural_centre', 'other')),
	CONSTRAINT "community_holders_size_check" CHECK ("community_holders"."size" is null or "community_holders"."size" in ('under_10', '10_49', '50_249', '250_plus')),
	CONSTRAINT "community_holders_legal_form_check" CHECK ("community_holders"."legal_form" is null or "community_holders"."legal_form" in ('odv', 'aps', 'other_ets', 'cooperative', 'public_body', 'religious_body', 'informal_group', 'company', 'other'))
);
--> statement-breakpoint
CREATE TABLE "community_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"community" text,
	"source" text NOT NULL,
	"recorded_on" date NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_on" date,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_needs_topic_check" CHECK ("community_needs"."topic" in ('rights', 'health', 'school', 'housing', 'work', 'violence_safety', 'parenting', 'documents', 'language', 'digital', 'other')),
	CONSTRAINT "community_needs_source_check" CHECK ("community_needs"."source" in ('meeting', 'survey', 'contact', 'event'))
);
--> statement-breakpoint
CREATE TABLE "community_registrations" (
	"place_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"participant" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"name_encrypted" text,
	"phone_encrypted" text,
	"phone_hash" text,
	"gender" text NOT NULL,
	"age_band" text NOT NULL,
	"citizenship_group" text NOT NULL,
	"language" text NOT NULL,
	"ticket_hash" text NOT NULL,
	"registered_via" text NOT NULL,
	"via_holder_id" uuid,
	"live" boolean DEFAULT true NOT NULL,
	"feedback_given" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_registrations_ticket_hash_unique" UNIQUE("ticket_hash"),
	CONSTRAINT "community_registrations_participant_check" CHECK ("community_registrations"."participant" in ('resident', 'professional')),
	CONSTRAINT "community_registrations_gender_check" CHECK ("community_registrations"."gender" in ('female', 'male', 'other', 'not_said')),
	CONSTRAINT "community_registrations_age_check" CHECK ("community_registrations"."age_band" in ('under_18', '18_29', '30_44', '45_64', '65_plus', 'not_said')),
	CONSTRAINT "community_registrations_citizenship_check" CHECK ("community_registrations"."citizenship_group" in ('italian', 'eu', 'non_eu', 'not_said')),
	CONSTRAINT "community_registrations_language_check" CHECK ("community_registrations"."language" in ('it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es')),
	CONSTRAINT "community_registrations_via_check" CHECK ("community_registrations"."registered_via" in ('public_form', 'operator', 'holder', 'walk_in')),
	CONSTRAINT "community_registrations_anonymous_check" CHECK (not "community_registrations"."anonymous" or ("community_registrations"."name_encrypted" is null and "community_registrations"."phone_encrypted" is null and "community_registrations"."phone_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "community_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_kind" text NOT NULL,
	"holder_id" uuid,
	"source_name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(12, 2) NOT NULL,
	"unit" text NOT NULL,
	"value_cents" bigint NOT NULL,
	"valuation_rule" text NOT NULL,
	"offered_on" date NOT NULL,
	"event_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_resources_source_kind_check" CHECK ("community_resources"."source_kind" in ('community_holder', 'funder', 'other')),
	CONSTRAINT "community_resources_kind_check" CHECK ("community_resources"."kind" in ('room', 'volunteer_hours', 'money', 'goods', 'services')),
	CONSTRAINT "community_resources_unit_check" CHECK ("community_resources"."unit" in ('hours', 'days', 'euro', 'items')),
	CONSTRAINT "community_resources_rule_check" CHECK ("community_resources"."valuation_rule" in ('cash', 'market_rent', 'volunteer_hour_rate', 'market_price', 'declared')),
	CONSTRAINT "community_resources_value_check" CHECK ("community_resources"."value_cents" >= 0 and "community_resources"."quantity" > 0),
	CONSTRAINT "community_resources_holder_check" CHECK ("community_resources"."source_kind" <> 'community_holder' or "community_resources"."holder_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "gathering_attendance" DROP CONSTRAINT "gathering_attendance_source_check";--> statement-breakpoint
ALTER TABLE "gathering_places" DROP CONSTRAINT "gathering_places_who_check";--> statement-breakpoint
ALTER TABLE "gathering_places" ALTER COLUMN "requested_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "community_consents" ADD CONSTRAINT "community_consents_person_id_community_holder_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."community_holder_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_consents" ADD CONSTRAINT "community_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_engagements" ADD CONSTRAINT "community_engagements_holder_id_community_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."community_holders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_engagements" ADD CONSTRAINT "community_engagements_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_engagements" ADD CONSTRAINT "community_engagements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_event_holders" ADD CONSTRAINT "community_event_holders_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_event_holders" ADD CONSTRAINT "community_event_holders_holder_id_community_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."community_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_gathering_id_gatherings_id_fk" FOREIGN KEY ("gathering_id") REFERENCES "public"."gatherings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_municipality_municipalities_istat_code_fk" FOREIGN KEY ("municipality") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_owner_service_id_services_id_fk" FOREIGN KEY ("owner_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_feedback" ADD CONSTRAINT "community_feedback_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_head_counts" ADD CONSTRAINT "community_head_counts_session_id_gathering_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."gathering_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_head_counts" ADD CONSTRAINT "community_head_counts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_holder_links" ADD CONSTRAINT "community_holder_links_from_holder_id_community_holders_id_fk" FOREIGN KEY ("from_holder_id") REFERENCES "public"."community_holders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_holder_links" ADD CONSTRAINT "community_holder_links_to_holder_id_community_holders_id_fk" FOREIGN KEY ("to_holder_id") REFERENCES "public"."community_holders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_holder_people" ADD CONSTRAINT "community_holder_people_holder_id_community_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."community_holders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_holders" ADD CONSTRAINT "community_holders_municipality_municipalities_istat_code_fk" FOREIGN KEY ("municipality") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_holders" ADD CONSTRAINT "community_holders_keeper_organisation_id_organisations_id_fk" FOREIGN KEY ("keeper_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_holders" ADD CONSTRAINT "community_holders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_needs" ADD CONSTRAINT "community_needs_holder_id_community_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."community_holders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_needs" ADD CONSTRAINT "community_needs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_registrations" ADD CONSTRAINT "community_registrations_place_id_gathering_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."gathering_places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_registrations" ADD CONSTRAINT "community_registrations_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_registrations" ADD CONSTRAINT "community_registrations_via_holder_id_community_holders_id_fk" FOREIGN KEY ("via_holder_id") REFERENCES "public"."community_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_resources" ADD CONSTRAINT "community_resources_holder_id_community_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."community_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_resources" ADD CONSTRAINT "community_resources_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_resources" ADD CONSTRAINT "community_resources_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_consents_person_idx" ON "community_consents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "community_engagements_holder_idx" ON "community_engagements" USING btree ("holder_id","happened_on");--> statement-breakpoint
CREATE INDEX "community_event_holders_holder_idx" ON "community_event_holders" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "community_events_owner_idx" ON "community_events" USING btree ("owner_service_id");--> statement-breakpoint
CREATE INDEX "community_events_municipality_idx" ON "community_events" USING btree ("municipality");--> statement-breakpoint
CREATE INDEX "community_feedback_event_idx" ON "community_feedback" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "community_head_counts_session_idx" ON "community_head_counts" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "community_holder_links_to_idx" ON "community_holder_links" USING btree ("to_holder_id");--> statement-breakpoint
CREATE INDEX "community_holder_people_holder_idx" ON "community_holder_people" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "community_holders_municipality_idx" ON "community_holders" USING btree ("municipality","kind");--> statement-breakpoint
CREATE INDEX "community_holders_name_idx" ON "community_holders" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "community_needs_holder_idx" ON "community_needs" USING btree ("holder_id","recorded_on");--> statement-breakpoint
CREATE INDEX "community_needs_topic_idx" ON "community_needs" USING btree ("topic");--> statement-breakpoint
CREATE INDEX "community_registrations_event_idx" ON "community_registrations" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_registrations_phone_live_idx" ON "community_registrations" USING btree ("event_id","phone_hash") WHERE phone_hash is not null and live;--> statement-breakpoint
CREATE INDEX "community_resources_offered_idx" ON "community_resources" USING btree ("offered_on");--> statement-breakpoint
CREATE INDEX "community_resources_holder_idx" ON "community_resources" USING btree ("holder_id");--> statement-breakpoint
ALTER TABLE "gathering_attendance" ADD CONSTRAINT "gathering_attendance_source_check" CHECK ("gathering_attendance"."source" in ('trainer', 'qr', 'signature_sheet', 'organiser'));--> statement-breakpoint
ALTER TABLE "gathering_places" ADD CONSTRAINT "gathering_places_who_check" CHECK (not ("gathering_places"."user_id" is not null and "gathering_places"."external_name" is not null) and ("gathering_places"."external_name" is null) = ("gathering_places"."external_email" is null));