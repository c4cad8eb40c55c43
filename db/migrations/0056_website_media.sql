CREATE TABLE "site_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"original_file_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_media_alts" (
	"media_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"alt" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_media_alts_media_id_lang_pk" PRIMARY KEY("media_id","lang"),
	CONSTRAINT "site_media_alts_lang_known" CHECK ("site_media_alts"."lang" in ('it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es'))
);
--> statement-breakpoint
CREATE TABLE "site_media_uses" (
	"page_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	CONSTRAINT "site_media_uses_page_id_media_id_pk" PRIMARY KEY("page_id","media_id")
);
--> statement-breakpoint
CREATE TABLE "site_media_variants" (
	"media_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "site_media_variants_media_id_width_pk" PRIMARY KEY("media_id","width")
);
--> statement-breakpoint
ALTER TABLE "site_media" ADD CONSTRAINT "site_media_original_file_id_stored_files_id_fk" FOREIGN KEY ("original_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_media" ADD CONSTRAINT "site_media_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_media_alts" ADD CONSTRAINT "site_media_alts_media_id_site_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."site_media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_media_alts" ADD CONSTRAINT "site_media_alts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_media_uses" ADD CONSTRAINT "site_media_uses_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_media_uses" ADD CONSTRAINT "site_media_uses_media_id_site_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."site_media"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_media_variants" ADD CONSTRAINT "site_media_variants_media_id_site_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."site_media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_media_variants" ADD CONSTRAINT "site_media_variants_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_media_uses_media" ON "site_media_uses" USING btree ("media_id");--> statement-breakpoint
-- The media library is the editors' (the public reads the published images as the owner).
ALTER TABLE site_media ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_media FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_media_system ON site_media TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_media_editor ON site_media TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor' AND created_by = (SELECT trama_user()));--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_media TO trama_app;--> statement-breakpoint
ALTER TABLE site_media_variants ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_media_variants FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_media_variants_system ON site_media_variants TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_media_variants_editor ON site_media_variants TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_media_variants TO trama_app;--> statement-breakpoint
ALTER TABLE site_media_alts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_media_alts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_media_alts_system ON site_media_alts TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_media_alts_editor ON site_media_alts TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor' AND updated_by = (SELECT trama_user()));--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_media_alts TO trama_app;--> statement-breakpoint
GRANT UPDATE (alt, updated_by, updated_at) ON site_media_alts TO trama_app;--> statement-breakpoint
ALTER TABLE site_media_uses ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_media_uses FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_media_uses_system ON site_media_uses TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_media_uses_editor ON site_media_uses TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_media_uses TO trama_app;
