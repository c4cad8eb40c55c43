CREATE TABLE "site_help_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phone" text NOT NULL,
	"hours" text NOT NULL,
	"languages" text[] NOT NULL,
	"municipality" text NOT NULL,
	"menu_order" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_help_services_municipality" CHECK ("site_help_services"."municipality" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "site_page_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"note" text,
	"by_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_page_transitions_action_known" CHECK ("site_page_transitions"."action" in ('submit', 'approve', 'return', 'schedule', 'publish', 'archive', 'restore'))
);
--> statement-breakpoint
CREATE TABLE "site_page_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"based_on" integer,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_page_versions_number" UNIQUE("page_id","lang","number"),
	CONSTRAINT "site_page_versions_lang_known" CHECK ("site_page_versions"."lang" in ('it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es'))
);
--> statement-breakpoint
CREATE TABLE "site_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"category" text NOT NULL,
	"parent_id" uuid,
	"menu_order" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"submitted_by" uuid,
	"approved_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_pages_slug" UNIQUE("kind","slug"),
	CONSTRAINT "site_pages_kind_known" CHECK ("site_pages"."kind" in ('page', 'news')),
	CONSTRAINT "site_pages_category_known" CHECK ("site_pages"."category" in ('general', 'sensitive')),
	CONSTRAINT "site_pages_state_known" CHECK ("site_pages"."state" in ('draft', 'in_review', 'approved', 'scheduled', 'published', 'archived')),
	CONSTRAINT "site_pages_scheduled_has_time" CHECK ("site_pages"."state" <> 'scheduled' or "site_pages"."publish_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "site_publications" (
	"page_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"version_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_publications_page_id_lang_pk" PRIMARY KEY("page_id","lang")
);
--> statement-breakpoint
ALTER TABLE "site_help_services" ADD CONSTRAINT "site_help_services_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_transitions" ADD CONSTRAINT "site_page_transitions_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_transitions" ADD CONSTRAINT "site_page_transitions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_versions" ADD CONSTRAINT "site_page_versions_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_versions" ADD CONSTRAINT "site_page_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_parent_id_site_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."site_pages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_publications" ADD CONSTRAINT "site_publications_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_publications" ADD CONSTRAINT "site_publications_version_id_site_page_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."site_page_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_page_transitions_page" ON "site_page_transitions" USING btree ("page_id","at");--> statement-breakpoint
CREATE INDEX "site_pages_due" ON "site_pages" USING btree ("publish_at") WHERE "site_pages"."state" = 'scheduled';--> statement-breakpoint
-- Row-level security of the website (issue 24): only editors reach the editorial tables through
-- the request role; the public pages read as the owner, and only what site_publications points at.
ALTER TABLE site_pages ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_pages FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_pages_system ON site_pages TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_pages_read ON site_pages FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_pages_insert ON site_pages FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND created_by = (SELECT trama_user()));--> statement-breakpoint
CREATE POLICY site_pages_update ON site_pages FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT ON site_pages TO trama_app;--> statement-breakpoint
GRANT UPDATE (slug, category, parent_id, menu_order, state, publish_at, published_at, submitted_by, approved_by, updated_at)
  ON site_pages TO trama_app;--> statement-breakpoint
ALTER TABLE site_page_versions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_page_versions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_page_versions_system ON site_page_versions TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_page_versions_read ON site_page_versions FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_page_versions_insert ON site_page_versions FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND author_id = (SELECT trama_user()));--> statement-breakpoint
-- A version is never changed once written: no UPDATE or DELETE for the request role.
GRANT SELECT, INSERT ON site_page_versions TO trama_app;--> statement-breakpoint
ALTER TABLE site_publications ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_publications FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_publications_system ON site_publications TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_publications_editor ON site_publications TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON site_publications TO trama_app;--> statement-breakpoint
GRANT UPDATE (version_id, published_at) ON site_publications TO trama_app;--> statement-breakpoint
ALTER TABLE site_page_transitions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_page_transitions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_page_transitions_system ON site_page_transitions TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_page_transitions_read ON site_page_transitions FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_page_transitions_insert ON site_page_transitions FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND by_id = (SELECT trama_user()));--> statement-breakpoint
GRANT SELECT, INSERT ON site_page_transitions TO trama_app;--> statement-breakpoint
ALTER TABLE site_help_services ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE site_help_services FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY site_help_services_system ON site_help_services TO CURRENT_USER USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY site_help_services_read ON site_help_services FOR SELECT TO trama_app USING ((SELECT trama_role()) = 'editor');--> statement-breakpoint
CREATE POLICY site_help_services_insert ON site_help_services FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'editor' AND updated_by = (SELECT trama_user()));--> statement-breakpoint
-- Publishing keeps the writer in updated_by (the second editor is the one who is not the writer).
CREATE POLICY site_help_services_update ON site_help_services FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'editor') WITH CHECK ((SELECT trama_role()) = 'editor');--> statement-breakpoint
GRANT SELECT, INSERT ON site_help_services TO trama_app;--> statement-breakpoint
GRANT UPDATE (name, description, phone, hours, languages, municipality, menu_order, published, updated_by, updated_at)
  ON site_help_services TO trama_app;--> statement-breakpoint
-- The second editor of a sensitive page, on every path (the service says it in words first): a
-- sensitive page goes public or is scheduled only once approved by an editor who wrote none of its
-- versions since it was last published.
CREATE FUNCTION trama_site_second_editor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.category = 'sensitive' AND NEW.state IN ('scheduled', 'published') AND NEW.state IS DISTINCT FROM OLD.state THEN
    IF NEW.approved_by IS NULL OR EXISTS (
      SELECT 1 FROM public.site_page_versions v
       WHERE v.page_id = NEW.id AND v.author_id = NEW.approved_by
         AND (OLD.published_at IS NULL OR v.created_at > OLD.published_at)
    ) THEN
      RAISE EXCEPTION 'a sensitive page needs the approval of a second editor' USING ERRCODE = 'TR019';
    END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER site_pages_second_editor BEFORE UPDATE ON site_pages
  FOR EACH ROW EXECUTE FUNCTION trama_site_second_editor();
--> statement-breakpoint
-- The same second person for the help page's services: the one who wrote a service's entry does
-- not put it on the public page.
CREATE FUNCTION trama_site_help_second_editor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.published AND NOT OLD.published AND NEW.updated_by = trama_user() THEN
    RAISE EXCEPTION 'a help service is published by an editor who did not write it' USING ERRCODE = 'TR019';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER site_help_services_second_editor BEFORE UPDATE ON site_help_services
  FOR EACH ROW EXECUTE FUNCTION trama_site_help_second_editor();
