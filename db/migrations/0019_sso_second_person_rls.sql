-- A provider decides whose sign-ins Trama accepts and whether its login counts as the second
-- factor: one admin alone could otherwise register a provider they control and sign in as anyone
-- of an organisation (ADR 0014). So a provider accepts sign-ins only once a second person —
-- another admin or a DPO — has approved it as it stands, and any change to what it trusts
-- withdraws the approval. The approval columns are written only by the function below.
CREATE FUNCTION identity_providers_track_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.changed_by := coalesce(public.trama_user(), NEW.changed_by);
    NEW.approved_by := NULL;
    NEW.approved_at := NULL;
    RETURN NEW;
  END IF;
  -- The approval itself (identity_provider_approve) changes approved_at and nothing it judges.
  IF NEW.approved_at IS DISTINCT FROM OLD.approved_at THEN
    RETURN NEW;
  END IF;
  IF NEW.client_id IS DISTINCT FROM OLD.client_id
    OR NEW.client_secret_encrypted IS DISTINCT FROM OLD.client_secret_encrypted
    OR NEW.allowed_domains IS DISTINCT FROM OLD.allowed_domains
    OR NEW.mfa_amr_values IS DISTINCT FROM OLD.mfa_amr_values
    OR NEW.mfa_acr_values IS DISTINCT FROM OLD.mfa_acr_values
    OR NEW.issuer IS DISTINCT FROM OLD.issuer
    OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
    OR (NEW.enabled AND NOT OLD.enabled) THEN
    NEW.changed_by := coalesce(public.trama_user(), NEW.changed_by);
    NEW.approved_by := NULL;
    NEW.approved_at := NULL;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER identity_providers_track_change BEFORE INSERT OR UPDATE ON identity_providers
  FOR EACH ROW EXECUTE FUNCTION identity_providers_track_change();
--> statement-breakpoint
CREATE FUNCTION identity_provider_approve(pid uuid) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE p public.identity_providers%ROWTYPE;
BEGIN
  IF public.trama_role() IS DISTINCT FROM 'admin' AND public.trama_role() IS DISTINCT FROM 'dpo' THEN
    RETURN 'not_found';
  END IF;
  SELECT * INTO p FROM public.identity_providers WHERE id = pid FOR UPDATE;
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  IF coalesce(p.changed_by, p.created_by) = public.trama_user() THEN RETURN 'own_change'; END IF;
  IF p.approved_at IS NOT NULL THEN RETURN 'already_approved'; END IF;
  UPDATE public.identity_providers SET approved_by = public.trama_user(), approved_at = now() WHERE id = pid;
  RETURN 'approved';
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION identity_provider_approve(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION identity_provider_approve(uuid) TO trama_app;
--> statement-breakpoint
-- A DPO reads the providers to judge one; only an admin registers or changes them (0016).
DROP POLICY identity_providers_admin_read ON identity_providers;
--> statement-breakpoint
CREATE POLICY identity_providers_read ON identity_providers FOR SELECT TO trama_app
  USING ((SELECT trama_role()) IN ('admin', 'dpo'));
--> statement-breakpoint
GRANT SELECT (changed_by, approved_by, approved_at) ON identity_providers TO trama_app;
