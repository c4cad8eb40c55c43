CREATE TABLE "training_response_queue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"scope_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"sealed" text NOT NULL,
	CONSTRAINT "training_response_queue_phase_check" CHECK ("training_response_queue"."phase" in ('pre', 'post'))
);
--> statement-breakpoint
ALTER TABLE "training_questionnaires" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "training_response_queue" ADD CONSTRAINT "training_response_queue_questionnaire_id_training_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."training_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_response_queue_scope_idx" ON "training_response_queue" USING btree ("questionnaire_id","scope_id","phase");--> statement-breakpoint
-- The queue of sealed answers is the owner's alone, as the answers are (0029).
ALTER TABLE training_response_queue ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_response_queue FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_response_queue_system ON training_response_queue TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The trainers of the owning service close the services survey.
CREATE POLICY training_questionnaires_close ON training_questionnaires FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service()))
  WITH CHECK ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service()) AND closed_at IS NOT NULL);
--> statement-breakpoint
GRANT UPDATE (closed_at) ON training_questionnaires TO trama_app;
