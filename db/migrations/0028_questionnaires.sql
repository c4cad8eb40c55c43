CREATE TABLE "training_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_service_id" uuid NOT NULL,
	"course_id" uuid,
	"purpose" text NOT NULL,
	"title" text NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_questionnaires_purpose_check" CHECK ("training_questionnaires"."purpose" in ('competence', 'services_viewpoint'))
);
--> statement-breakpoint
CREATE TABLE "training_response_marks" (
	"questionnaire_id" uuid NOT NULL,
	"scope_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"respondent_key" uuid NOT NULL,
	CONSTRAINT "training_response_marks_questionnaire_id_scope_id_phase_respondent_key_pk" PRIMARY KEY("questionnaire_id","scope_id","phase","respondent_key"),
	CONSTRAINT "training_response_marks_phase_check" CHECK ("training_response_marks"."phase" in ('pre', 'post'))
);
--> statement-breakpoint
CREATE TABLE "training_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"scope_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"respondent_hash" text NOT NULL,
	"scores" jsonb NOT NULL,
	"submitted_on" date DEFAULT current_date NOT NULL,
	CONSTRAINT "training_responses_phase_check" CHECK ("training_responses"."phase" in ('pre', 'post'))
);
--> statement-breakpoint
ALTER TABLE "training_questionnaires" ADD CONSTRAINT "training_questionnaires_owner_service_id_services_id_fk" FOREIGN KEY ("owner_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questionnaires" ADD CONSTRAINT "training_questionnaires_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questionnaires" ADD CONSTRAINT "training_questionnaires_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_response_marks" ADD CONSTRAINT "training_response_marks_questionnaire_id_training_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."training_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_responses" ADD CONSTRAINT "training_responses_questionnaire_id_training_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."training_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_questionnaires_course_idx" ON "training_questionnaires" USING btree ("course_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_responses_once_idx" ON "training_responses" USING btree ("questionnaire_id","scope_id","phase","respondent_hash");