-- Row-level security and grants for single sign-on (migration 0015, ADR 0014).
-- Identity providers are an admin's to register and edit; trama_app may write a provider's client
-- secret (encrypted) but never read it back: only the sign-in flow, as the owner, decrypts it.
-- Sign-ins in flight (state, nonce, PKCE verifier) are the owner's alone.
ALTER TABLE identity_providers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity_providers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY identity_providers_system ON identity_providers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY identity_providers_admin_read ON identity_providers FOR SELECT TO trama_app
  USING ((SELECT trama_role()) = 'admin');
--> statement-breakpoint
CREATE POLICY identity_providers_admin_insert ON identity_providers FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'admin' AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY identity_providers_admin_update ON identity_providers FOR UPDATE TO trama_app
  USING ((SELECT trama_role()) = 'admin') WITH CHECK ((SELECT trama_role()) = 'admin');
--> statement-breakpoint
GRANT SELECT (id, organisation_id, name, issuer, client_id, allowed_domains, mfa_amr_values, mfa_acr_values,
  enabled, created_by, created_at, updated_at) ON identity_providers TO trama_app;
--> statement-breakpoint
GRANT INSERT (id, organisation_id, name, issuer, client_id, client_secret_encrypted, allowed_domains,
  mfa_amr_values, mfa_acr_values, enabled, created_by) ON identity_providers TO trama_app;
--> statement-breakpoint
GRANT UPDATE (name, client_id, client_secret_encrypted, allowed_domains, mfa_amr_values, mfa_acr_values,
  enabled, updated_at) ON identity_providers TO trama_app;
--> statement-breakpoint
ALTER TABLE oidc_logins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE oidc_logins FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY oidc_logins_system ON oidc_logins TO CURRENT_USER USING (true) WITH CHECK (true);
