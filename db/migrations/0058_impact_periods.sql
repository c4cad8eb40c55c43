CREATE TABLE "impact_period_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_key" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"reason" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_period_events_action_check" CHECK ("impact_period_events"."action" in ('submitted', 'returned', 'locked', 'unlocked')),
	CONSTRAINT "impact_period_events_reason_check" CHECK ("impact_period_events"."action" not in ('returned', 'unlocked') or length(trim("impact_period_events"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "impact_period_values" (
	"period_key" text NOT NULL,
	"indicator_key" text NOT NULL,
	"formula_version" integer NOT NULL,
	"value" double precision,
	"cumulative" double precision,
	"error" text,
	"records" integer NOT NULL,
	"cumulative_records" integer NOT NULL,
	"after_lock" double precision,
	"after_lock_period" text,
	"record_codes" text[] NOT NULL,
	"frozen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_period_values_period_key_indicator_key_pk" PRIMARY KEY("period_key","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "impact_periods" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp (3) with time zone,
	"locked_by" uuid,
	"locked_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_periods_kind_check" CHECK ("impact_periods"."kind" in ('quarter', 'semester', 'year', 'project')),
	CONSTRAINT "impact_periods_status_check" CHECK ("impact_periods"."status" in ('open', 'submitted', 'locked')),
	CONSTRAINT "impact_periods_dates_check" CHECK ("impact_periods"."starts_on" <= "impact_periods"."ends_on"),
	CONSTRAINT "impact_periods_lock_check" CHECK (("impact_periods"."status" = 'locked') = ("impact_periods"."locked_by" is not null)
          and ("impact_periods"."locked_by" is null or "impact_periods"."locked_by" <> "impact_periods"."submitted_by"))
);
--> statement-breakpoint
CREATE TABLE "impact_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period_key" text NOT NULL,
	"final" boolean NOT NULL,
	"content" text NOT NULL,
	"content_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_reports_hash_check" CHECK ("impact_reports"."content_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "impact_period_events" ADD CONSTRAINT "impact_period_events_period_key_impact_periods_key_fk" FOREIGN KEY ("period_key") REFERENCES "public"."impact_periods"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_period_events" ADD CONSTRAINT "impact_period_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_period_values" ADD CONSTRAINT "impact_period_values_period_key_impact_periods_key_fk" FOREIGN KEY ("period_key") REFERENCES "public"."impact_periods"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_periods" ADD CONSTRAINT "impact_periods_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_periods" ADD CONSTRAINT "impact_periods_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_reports" ADD CONSTRAINT "impact_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impact_period_events_period_idx" ON "impact_period_events" USING btree ("period_key","at");--> statement-breakpoint
CREATE INDEX "impact_reports_period_idx" ON "impact_reports" USING btree ("period_key","created_at");--> statement-breakpoint
-- Row security: coordinators keep the periods and reports (impact.read); the chair's approval is
-- checked by the service against the steering committee (a second person: impact_periods_lock_check).
ALTER TABLE impact_periods ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE impact_periods FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY impact_periods_system ON impact_periods TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY impact_periods_coordinator ON impact_periods TO trama_app
  USING ((SELECT trama_role()) = 'coordinator') WITH CHECK ((SELECT trama_role()) = 'coordinator');--> statement-breakpoint
GRANT SELECT, INSERT ON impact_periods TO trama_app;--> statement-breakpoint
GRANT UPDATE (status, submitted_by, submitted_at, locked_by, locked_at, updated_at) ON impact_periods TO trama_app;--> statement-breakpoint
ALTER TABLE impact_period_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE impact_period_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY impact_period_events_system ON impact_period_events TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY impact_period_events_read ON impact_period_events FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'coordinator');--> statement-breakpoint
CREATE POLICY impact_period_events_insert ON impact_period_events FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'coordinator' AND actor_id = (SELECT trama_user()));--> statement-breakpoint
GRANT SELECT, INSERT ON impact_period_events TO trama_app;--> statement-breakpoint
ALTER TABLE impact_period_values ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE impact_period_values FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY impact_period_values_system ON impact_period_values TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY impact_period_values_coordinator ON impact_period_values TO trama_app
  USING ((SELECT trama_role()) = 'coordinator') WITH CHECK ((SELECT trama_role()) = 'coordinator');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON impact_period_values TO trama_app;--> statement-breakpoint
ALTER TABLE impact_reports ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE impact_reports FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY impact_reports_system ON impact_reports TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY impact_reports_read ON impact_reports FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'coordinator');--> statement-breakpoint
CREATE POLICY impact_reports_insert ON impact_reports FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'coordinator' AND created_by = (SELECT trama_user()));--> statement-breakpoint
GRANT SELECT, INSERT ON impact_reports TO trama_app;--> statement-breakpoint
-- A frozen report is never changed nor removed, not even by the owner's role.
CREATE FUNCTION trama_impact_report_frozen() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'a frozen report is never changed or deleted' USING ERRCODE = 'restrict_violation'; END $$;--> statement-breakpoint
CREATE TRIGGER impact_reports_frozen BEFORE UPDATE OR DELETE ON impact_reports
  FOR EACH ROW EXECUTE FUNCTION trama_impact_report_frozen();
