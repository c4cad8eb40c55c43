ALTER TABLE "mediation_person_feedback" DROP CONSTRAINT "mediation_person_feedback_assignment_id_mediation_assignments_id_fk";
--> statement-breakpoint
DROP INDEX "mediation_person_feedback_assignment_idx";--> statement-breakpoint
ALTER TABLE "mediation_person_feedback" ADD COLUMN "mediator_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "mediation_person_feedback" ADD COLUMN "answered_month" date NOT NULL;--> statement-breakpoint
ALTER TABLE "mediation_person_feedback" ADD CONSTRAINT "mediation_person_feedback_mediator_id_mediators_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediation_person_feedback_mediator_idx" ON "mediation_person_feedback" USING btree ("mediator_id","answered_month");--> statement-breakpoint
ALTER TABLE "mediation_person_feedback" DROP COLUMN "assignment_id";--> statement-breakpoint
ALTER TABLE "mediation_person_feedback" DROP COLUMN "answered_on";