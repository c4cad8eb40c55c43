ALTER TABLE "identity_providers" ADD COLUMN "changed_by" uuid;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "approved_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;