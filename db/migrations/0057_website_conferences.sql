CREATE TABLE "site_conference_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"day" date NOT NULL,
	"starts" time NOT NULL,
	"ends" time,
	"titles" jsonb NOT NULL,
	"speaker_ids" uuid[] DEFAULT '{}' NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_conference_items_times" CHECK ("site_conference_items"."ends" is null or "site_conference_items"."ends" > "site_conference_items"."starts"),
	CONSTRAINT "site_conference_items_title_it" CHECK ("site_conference_items"."titles" ? 'it')
);
--> statement-breakpoint
CREATE TABLE "site_conference_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"title" text,
	"file_id" uuid,
	"video_page_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_conference_materials_one_kind" CHECK (("site_conference_materials"."file_id" is not null and "site_conference_materials"."title" is not null and "site_conference_materials"."video_page_id" is null)
          or ("site_conference_materials"."file_id" is null and "site_conference_materials"."video_page_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "site_conference_public" (
	"page_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_conference_speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"consent_note" text NOT NULL,
	"consent_recorded_by" uuid NOT NULL,
	"consent_recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_conferences" (
	"page_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_pages" DROP CONSTRAINT "site_pages_kind_known";--> statement-breakpoint
ALTER TABLE "site_conference_items" ADD CONSTRAINT "site_conference_items_page_id_site_conferences_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_conferences"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_items" ADD CONSTRAINT "site_conference_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_materials" ADD CONSTRAINT "site_conference_materials_page_id_site_conferences_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_conferences"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_materials" ADD CONSTRAINT "site_conference_materials_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_materials" ADD CONSTRAINT "site_conference_materials_video_page_id_site_pages_id_fk" FOREIGN KEY ("video_page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_materials" ADD CONSTRAINT "site_conference_materials_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_public" ADD CONSTRAINT "site_conference_public_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_public" ADD CONSTRAINT "site_conference_public_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_speakers" ADD CONSTRAINT "site_conference_speakers_page_id_site_conferences_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_conferences"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conference_speakers" ADD CONSTRAINT "site_conference_speakers_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conferences" ADD CONSTRAINT "site_conferences_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conferences" ADD CONSTRAINT "site_conferences_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_conferences" ADD CONSTRAINT "site_conferences_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_conference_items_page_idx" ON "site_conference_items" USING btree ("page_id");--> statement-breakpoint
CREATE INDEX "site_conference_materials_page_idx" ON "site_conference_materials" USING btree ("page_id");--> statement-breakpoint
CREATE INDEX "site_conference_speakers_page_idx" ON "site_conference_speakers" USING btree ("page_id");--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_kind_known" CHECK ("site_pages"."kind" in ('page', 'news', 'video', 'conference'));--> statement-breakpoint
ALTER TABLE site_conferences ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_conferences FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_conferences_system ON site_conferences TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_conferences_editor ON site_conferences TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT ON site_conferences TO trama_app;--> statement-breakpoint
GRANT UPDATE (event_id, updated_by, updated_at) ON site_conferences TO trama_app;--> statement-breakpoint
ALTER TABLE site_conference_speakers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_conference_speakers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_conference_speakers_system ON site_conference_speakers TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_conference_speakers_read ON site_conference_speakers FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_conference_speakers_insert ON site_conference_speakers FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND consent_recorded_by = (SELECT trama_user()));--> statement-breakpoint
CREATE POLICY site_conference_speakers_delete ON site_conference_speakers FOR DELETE TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_conference_speakers TO trama_app;--> statement-breakpoint
ALTER TABLE site_conference_items ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_conference_items FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_conference_items_system ON site_conference_items TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_conference_items_editor ON site_conference_items TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_conference_items TO trama_app;--> statement-breakpoint
GRANT UPDATE (day, starts, ends, titles, speaker_ids, updated_by, updated_at) ON site_conference_items TO trama_app;--> statement-breakpoint
ALTER TABLE site_conference_materials ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_conference_materials FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_conference_materials_system ON site_conference_materials TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_conference_materials_read ON site_conference_materials FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_conference_materials_insert ON site_conference_materials FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND added_by = (SELECT trama_user()));--> statement-breakpoint
CREATE POLICY site_conference_materials_delete ON site_conference_materials FOR DELETE TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_conference_materials TO trama_app;--> statement-breakpoint
ALTER TABLE site_conference_public ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_conference_public FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_conference_public_system ON site_conference_public TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_conference_public_editor ON site_conference_public TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_conference_public TO trama_app;--> statement-breakpoint
GRANT UPDATE (event_id, content, published_at) ON site_conference_public TO trama_app;
