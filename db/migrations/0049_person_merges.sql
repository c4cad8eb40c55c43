CREATE TABLE "person_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kept_person_id" uuid NOT NULL,
	"merged_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"filled" jsonb NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reverted_by" uuid,
	"reverted_at" timestamp (3) with time zone,
	"revert_reason" text
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_kept_person_id_people_id_fk" FOREIGN KEY ("kept_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_person_id_people_id_fk" FOREIGN KEY ("merged_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_reverted_by_users_id_fk" FOREIGN KEY ("reverted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_merges_kept_idx" ON "person_merges" USING btree ("kept_person_id");--> statement-breakpoint
CREATE INDEX "person_merges_merged_idx" ON "person_merges" USING btree ("merged_person_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_merged_into_id_people_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A record is never merged into itself.
ALTER TABLE people ADD CONSTRAINT people_merged_into_other CHECK (merged_into_id IS NULL OR merged_into_id <> id);
--> statement-breakpoint
-- Never joins a perpetrator with anyone but a perpetrator (issue 22, item 7), whatever path writes the
-- mark: the service refuses it first, naming the field; this is the floor beneath it.
CREATE FUNCTION trama_person_merge_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE kept_role text;
BEGIN
  IF NEW.merged_into_id IS NULL OR NEW.merged_into_id IS NOT DISTINCT FROM OLD.merged_into_id THEN
    RETURN NEW;
  END IF;
  SELECT case_role INTO kept_role FROM people WHERE id = NEW.merged_into_id;
  IF kept_role IS NULL OR (kept_role = 'perpetrator') <> (NEW.case_role = 'perpetrator') THEN
    RAISE EXCEPTION 'a perpetrator is never merged with another person' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_merge_guard BEFORE UPDATE OF merged_into_id ON people
  FOR EACH ROW EXECUTE FUNCTION trama_person_merge_guard();
--> statement-breakpoint
-- Merges are the owning service's business: read with its households (and by the coordinators who
-- supervise it), written by the service that owns both records, reverted by it.
ALTER TABLE person_merges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_merges FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_merges_system ON person_merges TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY person_merges_read ON person_merges FOR SELECT TO trama_app USING (
  kept_person_id IN (SELECT p.id FROM people p JOIN households h ON h.id = p.household_id
    WHERE h.owner_service_id = (SELECT trama_service())
       OR h.owner_service_id = ANY ((SELECT trama_supervised_services())::uuid[])));
--> statement-breakpoint
CREATE POLICY person_merges_insert ON person_merges FOR INSERT TO trama_app WITH CHECK (
  merged_by = (SELECT trama_user()) AND reverted_at IS NULL
  AND kept_person_id IN (SELECT p.id FROM people p JOIN households h ON h.id = p.household_id
    WHERE h.owner_service_id = (SELECT trama_service()))
  AND merged_person_id IN (SELECT p.id FROM people p JOIN households h ON h.id = p.household_id
    WHERE h.owner_service_id = (SELECT trama_service())));
--> statement-breakpoint
CREATE POLICY person_merges_update ON person_merges FOR UPDATE TO trama_app
  USING (reverted_at IS NULL AND kept_person_id IN (SELECT p.id FROM people p JOIN households h ON h.id = p.household_id
    WHERE h.owner_service_id = (SELECT trama_service())))
  WITH CHECK (reverted_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON person_merges TO trama_app;
--> statement-breakpoint
GRANT UPDATE (reverted_by, reverted_at, revert_reason) ON person_merges TO trama_app;
