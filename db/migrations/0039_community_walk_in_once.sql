CREATE TABLE "community_walk_in_uses" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"used_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_walk_in_uses" ADD CONSTRAINT "community_walk_in_uses_session_id_gathering_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."gathering_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Written and read as the owner only (the public walk-in page): the request role has no grant.
ALTER TABLE community_walk_in_uses ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE community_walk_in_uses FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY community_walk_in_uses_system ON community_walk_in_uses TO CURRENT_USER USING (true) WITH CHECK (true);
