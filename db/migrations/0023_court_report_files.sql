CREATE TABLE "court_report_files" (
	"report_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_report_files_report_id_file_id_pk" PRIMARY KEY("report_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "court_report_files" ADD CONSTRAINT "court_report_files_report_id_court_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."court_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_report_files" ADD CONSTRAINT "court_report_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_report_files" ADD CONSTRAINT "court_report_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "court_report_files_file_idx" ON "court_report_files" USING btree ("file_id");--> statement-breakpoint
-- Row-level security (written by hand under the generated table): an attachment is read with its
-- report (so by whoever may open the case, never the referrer) and added by the clinical team to a
-- draft. The stored file's row is visible to the same readers through its attachment.
ALTER TABLE court_report_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE court_report_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY court_report_files_system ON court_report_files TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY court_report_files_read ON court_report_files FOR SELECT TO trama_app
  USING (report_id IN (SELECT id FROM court_reports));
--> statement-breakpoint
CREATE POLICY court_report_files_insert ON court_report_files FOR INSERT TO trama_app WITH CHECK (
  added_by = (SELECT trama_user()) AND report_id IN (SELECT r.id FROM court_reports r
    WHERE r.status = 'draft' AND r.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])));
--> statement-breakpoint
GRANT SELECT, INSERT ON court_report_files TO trama_app;
--> statement-breakpoint
CREATE POLICY stored_files_court_reports ON stored_files FOR SELECT TO trama_app
  USING (id IN (SELECT a.file_id FROM court_report_files a));
