CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"service_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"membership_id" uuid
);
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_grants_status_idx" ON "role_grants" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
-- Separation of duties (docs/security.md). The roles that reach case, safety or audit data; the
-- same list as SECOND_PERSON_ROLES in src/contracts/roles.ts (a test compares them).
CREATE FUNCTION trama_role_needs_second_person(r text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT r = ANY (ARRAY['admin', 'dpo', 'coordinator', 'practitioner', 'clinician', 'mediator', 'researcher']) $$;
--> statement-breakpoint
-- A grant approved just now by the acting user, for exactly this membership: the only way a
-- role of that list gets inserted by the application.
CREATE FUNCTION trama_grant_approved_by_me(u uuid, r text, org uuid, svc uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT EXISTS (SELECT 1 FROM public.role_grants g
    WHERE g.user_id = u AND g.role = r
      AND g.organisation_id IS NOT DISTINCT FROM org AND g.service_id IS NOT DISTINCT FROM svc
      AND g.status = 'approved' AND g.decided_by = public.trama_user()
      AND g.requested_by <> public.trama_user() AND g.membership_id IS NULL) $$;
--> statement-breakpoint
-- The DPO role is approved by a DPO; by another admin only where no other active DPO exists.
CREATE FUNCTION trama_may_approve_dpo(grantee uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT public.trama_role() = 'dpo' OR NOT EXISTS (
     SELECT 1 FROM public.memberships m JOIN public.users u ON u.id = m.user_id
      WHERE m.role = 'dpo' AND u.disabled_at IS NULL AND u.id <> grantee) $$;
--> statement-breakpoint
-- No one grants a role to themselves, whatever the path; the listed roles need the approval.
DROP POLICY memberships_insert ON memberships;
--> statement-breakpoint
CREATE POLICY memberships_insert ON memberships FOR INSERT TO trama_app WITH CHECK (
  user_id <> trama_user() AND (
    (trama_role() = 'admin' AND NOT trama_role_needs_second_person(role))
    OR (trama_role() IN ('admin', 'dpo') AND trama_grant_approved_by_me(user_id, role, organisation_id, service_id))));
--> statement-breakpoint
ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE role_grants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY role_grants_system ON role_grants TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY role_grants_read ON role_grants FOR SELECT TO trama_app USING (trama_role() IN ('admin', 'dpo'));
--> statement-breakpoint
CREATE POLICY role_grants_request ON role_grants FOR INSERT TO trama_app WITH CHECK (
  trama_role() = 'admin' AND requested_by = trama_user() AND user_id <> trama_user()
  AND status = 'pending' AND decided_by IS NULL);
--> statement-breakpoint
-- A decision is someone else's: neither the requester (who may only cancel) nor the grantee.
CREATE POLICY role_grants_decide ON role_grants FOR UPDATE TO trama_app
  USING (trama_role() IN ('admin', 'dpo') AND user_id <> trama_user() AND (status = 'pending'
    OR (status = 'approved' AND membership_id IS NULL AND decided_by = trama_user())))
  WITH CHECK (user_id <> trama_user() AND (
    (status = 'cancelled' AND decided_by = requested_by AND requested_by = trama_user())
    OR (status = 'rejected' AND decided_by = trama_user() AND requested_by <> trama_user())
    OR (status = 'approved' AND decided_by = trama_user() AND requested_by <> trama_user()
        AND expires_at > now() AND (role <> 'dpo' OR trama_may_approve_dpo(user_id)))));
--> statement-breakpoint
GRANT SELECT, INSERT ON role_grants TO trama_app;
--> statement-breakpoint
GRANT UPDATE (status, decided_by, decided_at, membership_id) ON role_grants TO trama_app;
