ALTER TABLE "governance_campaigns" ADD COLUMN "updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "governance_opportunities" ADD COLUMN "deadline_reminded_on" date;--> statement-breakpoint
ALTER TABLE "governance_legacy_items" ADD COLUMN "updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Campaigns and what-lasts items are corrected in place by who may keep them (issue 21 review).
CREATE POLICY governance_campaigns_update ON governance_campaigns FOR UPDATE TO trama_app
  USING ((SELECT trama_is_fundraiser())) WITH CHECK (true);
--> statement-breakpoint
GRANT UPDATE (title, goal_cents, starts_on, ends_on, updated_at) ON governance_campaigns TO trama_app;
--> statement-breakpoint
CREATE POLICY governance_legacy_items_update ON governance_legacy_items FOR UPDATE TO trama_app
  USING ((SELECT trama_is_governance_manager())) WITH CHECK (true);
--> statement-breakpoint
GRANT UPDATE (kind, title, description, owner_organisation_id, funding, district_id, decision_id, recorded_on, updated_at) ON governance_legacy_items TO trama_app;
