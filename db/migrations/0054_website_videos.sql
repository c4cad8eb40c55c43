CREATE TABLE "site_video_cues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"kind" text NOT NULL,
	"start_ms" integer NOT NULL,
	"text" text NOT NULL,
	"dictionary" "regconfig" NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector(dictionary, text)) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_video_public" (
	"page_id" uuid PRIMARY KEY NOT NULL,
	"video_file_id" uuid NOT NULL,
	"poster_file_id" uuid,
	"work_package" text NOT NULL,
	"practice" text NOT NULL,
	"chapter_number" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_video_public_tracks" (
	"page_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"kind" text NOT NULL,
	"vtt" text NOT NULL,
	CONSTRAINT "site_video_public_tracks_page_id_lang_kind_pk" PRIMARY KEY("page_id","lang","kind")
);
--> statement-breakpoint
CREATE TABLE "site_video_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_role" text NOT NULL,
	"file_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_video_tracks" (
	"page_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"kind" text NOT NULL,
	"vtt" text NOT NULL,
	"cue_count" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_video_tracks_page_id_lang_kind_pk" PRIMARY KEY("page_id","lang","kind"),
	CONSTRAINT "site_video_tracks_lang_known" CHECK ("site_video_tracks"."lang" in ('it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es')),
	CONSTRAINT "site_video_tracks_kind_known" CHECK ("site_video_tracks"."kind" in ('subtitles', 'descriptions', 'chapters'))
);
--> statement-breakpoint
CREATE TABLE "site_videos" (
	"page_id" uuid PRIMARY KEY NOT NULL,
	"work_package" text NOT NULL,
	"practice" text NOT NULL,
	"chapter_number" integer NOT NULL,
	"video_file_id" uuid,
	"video_uploaded_by" uuid,
	"video_uploaded_at" timestamp with time zone,
	"poster_file_id" uuid,
	"poster_uploaded_by" uuid,
	"poster_uploaded_at" timestamp with time zone,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_videos_work_package_known" CHECK ("site_videos"."work_package" in ('wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7')),
	CONSTRAINT "site_videos_chapter_number" CHECK ("site_videos"."chapter_number" between 1 and 99),
	CONSTRAINT "site_videos_check_by_another" CHECK ("site_videos"."checked_by" is null or "site_videos"."checked_by" <> "site_videos"."video_uploaded_by")
);
--> statement-breakpoint
ALTER TABLE "site_pages" DROP CONSTRAINT "site_pages_kind_known";--> statement-breakpoint
ALTER TABLE "site_video_cues" ADD CONSTRAINT "site_video_cues_page_id_site_video_public_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_video_public"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_public" ADD CONSTRAINT "site_video_public_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_public" ADD CONSTRAINT "site_video_public_video_file_id_stored_files_id_fk" FOREIGN KEY ("video_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_public" ADD CONSTRAINT "site_video_public_poster_file_id_stored_files_id_fk" FOREIGN KEY ("poster_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_public_tracks" ADD CONSTRAINT "site_video_public_tracks_page_id_site_video_public_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_video_public"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_releases" ADD CONSTRAINT "site_video_releases_page_id_site_videos_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_videos"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_releases" ADD CONSTRAINT "site_video_releases_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_releases" ADD CONSTRAINT "site_video_releases_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_tracks" ADD CONSTRAINT "site_video_tracks_page_id_site_videos_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_videos"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_video_tracks" ADD CONSTRAINT "site_video_tracks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_videos" ADD CONSTRAINT "site_videos_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_videos" ADD CONSTRAINT "site_videos_video_file_id_stored_files_id_fk" FOREIGN KEY ("video_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_videos" ADD CONSTRAINT "site_videos_video_uploaded_by_users_id_fk" FOREIGN KEY ("video_uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_videos" ADD CONSTRAINT "site_videos_poster_file_id_stored_files_id_fk" FOREIGN KEY ("poster_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_videos" ADD CONSTRAINT "site_videos_poster_uploaded_by_users_id_fk" FOREIGN KEY ("poster_uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_videos" ADD CONSTRAINT "site_videos_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_video_cues_search" ON "site_video_cues" USING gin ("search");--> statement-breakpoint
CREATE INDEX "site_video_releases_page" ON "site_video_releases" USING btree ("page_id");--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_kind_known" CHECK ("site_pages"."kind" in ('page', 'news', 'video'));--> statement-breakpoint
-- Row-level security: the chapters, their files' places, tracks and releases are the editors' only
-- (the public site reads the published copies as the owner). Releases name the people filmed.
ALTER TABLE site_videos ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_videos FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_videos_system ON site_videos TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_videos_editor ON site_videos TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT ON site_videos TO trama_app;--> statement-breakpoint
GRANT UPDATE (work_package, practice, chapter_number, video_file_id, video_uploaded_by, video_uploaded_at,
  poster_file_id, poster_uploaded_by, poster_uploaded_at, checked_by, checked_at, updated_at) ON site_videos TO trama_app;--> statement-breakpoint
ALTER TABLE site_video_tracks ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_video_tracks FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_video_tracks_system ON site_video_tracks TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_video_tracks_editor ON site_video_tracks TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor' AND updated_by = (SELECT trama_user()));--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_video_tracks TO trama_app;--> statement-breakpoint
GRANT UPDATE (vtt, cue_count, updated_by, updated_at) ON site_video_tracks TO trama_app;--> statement-breakpoint
ALTER TABLE site_video_releases ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_video_releases FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_video_releases_system ON site_video_releases TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_video_releases_read ON site_video_releases FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_video_releases_insert ON site_video_releases FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND recorded_by = (SELECT trama_user()));--> statement-breakpoint
CREATE POLICY site_video_releases_delete ON site_video_releases FOR DELETE TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_video_releases TO trama_app;--> statement-breakpoint
ALTER TABLE site_video_public ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_video_public FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_video_public_system ON site_video_public TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_video_public_editor ON site_video_public TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_video_public TO trama_app;--> statement-breakpoint
GRANT UPDATE (video_file_id, poster_file_id, work_package, practice, chapter_number, published_at) ON site_video_public TO trama_app;--> statement-breakpoint
ALTER TABLE site_video_public_tracks ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_video_public_tracks FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_video_public_tracks_system ON site_video_public_tracks TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_video_public_tracks_editor ON site_video_public_tracks TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_video_public_tracks TO trama_app;--> statement-breakpoint
ALTER TABLE site_video_cues ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_video_cues FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_video_cues_system ON site_video_cues TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_video_cues_editor ON site_video_cues TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_video_cues TO trama_app;--> statement-breakpoint
-- A chapter goes public only with its video, Italian subtitles, at least one release and the check
-- of a second editor (the service names what is missing first; this holds on every path).
CREATE FUNCTION trama_site_video_ready(p_page uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.site_videos v
     WHERE v.page_id = p_page AND v.video_file_id IS NOT NULL AND v.checked_by IS NOT NULL
       AND EXISTS (SELECT 1 FROM public.site_video_tracks t WHERE t.page_id = p_page AND t.lang = 'it' AND t.kind = 'subtitles')
       AND EXISTS (SELECT 1 FROM public.site_video_releases r WHERE r.page_id = p_page))
$$;--> statement-breakpoint
CREATE FUNCTION trama_site_video_publishable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'site_pages' THEN
    IF NEW.kind = 'video' AND NEW.state IN ('scheduled', 'published') AND NEW.state IS DISTINCT FROM OLD.state
       AND NOT trama_site_video_ready(NEW.id) THEN
      RAISE EXCEPTION 'a video chapter is published with its video, Italian subtitles, releases and check' USING ERRCODE = 'TR020';
    END IF;
  ELSIF NOT trama_site_video_ready(NEW.page_id) THEN
    RAISE EXCEPTION 'a video chapter is published with its video, Italian subtitles, releases and check' USING ERRCODE = 'TR020';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER site_pages_video_publishable BEFORE UPDATE ON site_pages
  FOR EACH ROW EXECUTE FUNCTION trama_site_video_publishable();--> statement-breakpoint
CREATE TRIGGER site_video_public_publishable BEFORE INSERT OR UPDATE ON site_video_public
  FOR EACH ROW EXECUTE FUNCTION trama_site_video_publishable();
--> statement-breakpoint
-- Editors see the rows of the website's files (type and size beside the chapter; never the sealed key).
CREATE POLICY stored_files_website ON stored_files FOR SELECT TO trama_app
  USING (module = 'website' AND (SELECT trama_role()) = 'editor');
