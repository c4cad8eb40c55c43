ALTER TABLE "break_glass_grants" ADD COLUMN "reviewed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The DPO reviews each emergency access once, never their own; only the review columns are writable,
-- and the reviewer is the signed-in DPO.
CREATE POLICY break_glass_grants_review ON break_glass_grants FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'dpo' AND user_id <> (SELECT trama_user()) AND reviewed_at IS NULL)
  WITH CHECK ((SELECT trama_role()) = 'dpo' AND reviewed_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT UPDATE (reviewed_at, reviewed_by, review_note) ON break_glass_grants TO trama_app;
