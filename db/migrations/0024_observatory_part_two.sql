CREATE TABLE "observatory_survivor_years" (
	"service_id" uuid NOT NULL,
	"survivor_code" text NOT NULL,
	"year" smallint NOT NULL,
	"istat_age_class" text NOT NULL,
	"gender" text NOT NULL,
	CONSTRAINT "observatory_survivor_years_service_id_survivor_code_year_pk" PRIMARY KEY("service_id","survivor_code","year")
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "age" smallint;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "disability" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "non_gbv_reason" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "author_addictions" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "author_previous_complaints" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "protection_orders" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "risk_assessment" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "harmful_practice_type" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "money_exchanged" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "abduction" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "sought_help_from" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "referred_by" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "referred_by_services" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "observatory_survivor_years" ADD CONSTRAINT "observatory_survivor_years_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_survivor_idx" ON "incidents" USING btree ("service_id","survivor_code");