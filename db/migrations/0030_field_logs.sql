CREATE TABLE "training_field_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"entry_on" date NOT NULL,
	"hours" numeric(4, 2) NOT NULL,
	"activity" text NOT NULL,
	"reflections" text NOT NULL,
	"case_id" uuid,
	"feedback" text,
	"feedback_by" uuid,
	"feedback_at" timestamp (3) with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_field_logs_hours_check" CHECK ("training_field_logs"."hours" > 0 and "training_field_logs"."hours" <= 12)
);
--> statement-breakpoint
ALTER TABLE "training_field_logs" ADD CONSTRAINT "training_field_logs_place_id_gathering_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."gathering_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_field_logs" ADD CONSTRAINT "training_field_logs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_field_logs" ADD CONSTRAINT "training_field_logs_feedback_by_users_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_field_logs" ADD CONSTRAINT "training_field_logs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_field_logs_place_idx" ON "training_field_logs" USING btree ("place_id","entry_on");