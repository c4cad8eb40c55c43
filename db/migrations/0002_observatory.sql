CREATE TABLE "pseudonym_keys" (
	"scope" text PRIMARY KEY NOT NULL,
	"key_encrypted" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_counts" (
	"year" smallint NOT NULL,
	"table_key" text NOT NULL,
	"row_category" text NOT NULL,
	"column_category" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "incident_counts_year_table_key_row_category_column_category_pk" PRIMARY KEY("year","table_key","row_category","column_category")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"status" text NOT NULL,
	"import_key" text,
	"survivor_code" text,
	"incident_month" text,
	"age_band" text,
	"birth_year" smallint,
	"gender" text,
	"citizenship" text,
	"citizenship_group" text DEFAULT 'unknown' NOT NULL,
	"years_in_italy" text,
	"language" text,
	"interpreter_needed" boolean,
	"interpreter_used" boolean,
	"municipality" text,
	"district_id" uuid,
	"core_type" text,
	"forms" text[] DEFAULT '{}' NOT NULL,
	"stalking" boolean DEFAULT false NOT NULL,
	"children_present" boolean DEFAULT false NOT NULL,
	"children_witnessed" boolean DEFAULT false NOT NULL,
	"author_relationship" text,
	"risk_indicators" text[] DEFAULT '{}' NOT NULL,
	"harmful_practice" boolean DEFAULT false NOT NULL,
	"contexts" text[] DEFAULT '{}' NOT NULL,
	"first_contact" text,
	"referred_to" text[] DEFAULT '{}' NOT NULL,
	"services_provided" text[] DEFAULT '{}' NOT NULL,
	"consent_reporting" boolean NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_import_key_unique" UNIQUE("service_id","import_key"),
	CONSTRAINT "incidents_status_check" CHECK ("incidents"."status" in ('draft', 'recorded')),
	CONSTRAINT "incidents_recorded_complete" CHECK ("incidents"."status" = 'draft' or ("incidents"."incident_month" is not null and "incidents"."core_type" is not null
        and "incidents"."age_band" is not null and "incidents"."survivor_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_municipality_municipalities_istat_code_fk" FOREIGN KEY ("municipality") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_service_idx" ON "incidents" USING btree ("service_id","updated_at");