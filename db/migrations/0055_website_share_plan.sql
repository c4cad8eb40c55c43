CREATE TABLE "site_comm_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"planned_on" date NOT NULL,
	"channel" text NOT NULL,
	"audience" text NOT NULL,
	"languages" text[] NOT NULL,
	"page_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"done_on" date,
	"reach" integer,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_comm_actions_channel_known" CHECK ("site_comm_actions"."channel" in ('website', 'facebook', 'instagram', 'whatsapp', 'telegram', 'youtube', 'newsletter', 'press', 'radio', 'leaflet', 'event', 'other')),
	CONSTRAINT "site_comm_actions_audience_known" CHECK ("site_comm_actions"."audience" in ('residents', 'women', 'families', 'young_people', 'professionals', 'community_holders', 'institutions', 'media', 'general_public')),
	CONSTRAINT "site_comm_actions_reach" CHECK ("site_comm_actions"."reach" is null or ("site_comm_actions"."reach" >= 0 and "site_comm_actions"."done_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "site_page_versions" ADD COLUMN "share" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "site_comm_actions" ADD CONSTRAINT "site_comm_actions_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_comm_actions" ADD CONSTRAINT "site_comm_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_comm_actions" ADD CONSTRAINT "site_comm_actions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_comm_actions_planned" ON "site_comm_actions" USING btree ("planned_on");--> statement-breakpoint
CREATE INDEX "site_comm_actions_done" ON "site_comm_actions" USING btree ("done_on");--> statement-breakpoint
-- The communication plan is the editors' (no personal data: channels, audiences and counts).
ALTER TABLE site_comm_actions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_comm_actions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_comm_actions_system ON site_comm_actions TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_comm_actions_read ON site_comm_actions FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_comm_actions_insert ON site_comm_actions FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND created_by = (SELECT trama_user()) AND updated_by = (SELECT trama_user()));--> statement-breakpoint
CREATE POLICY site_comm_actions_update ON site_comm_actions FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor' AND updated_by = (SELECT trama_user()));--> statement-breakpoint
CREATE POLICY site_comm_actions_delete ON site_comm_actions FOR DELETE TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_comm_actions TO trama_app;--> statement-breakpoint
GRANT UPDATE (title, planned_on, channel, audience, languages, page_id, note, done_on, reach, updated_by, updated_at)
  ON site_comm_actions TO trama_app;
