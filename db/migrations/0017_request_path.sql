-- The access checks every policy calls, in PL/pgSQL: a SECURITY DEFINER SQL function is never
-- inlined, so PostgreSQL planned its query again in every statement that used it (a third of the
-- audited read's time in the database); PL/pgSQL keeps the plan for the connection's life.
-- Same queries, same results, same owner rights.
CREATE OR REPLACE FUNCTION trama_org_member_ids() RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER AS
$$ BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT m.user_id), '{}')
     FROM public.memberships m LEFT JOIN public.services s ON s.id = m.service_id
    WHERE coalesce(m.organisation_id, s.organisation_id) = public.trama_org());
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION trama_granted_ids(kind text) RETURNS uuid[] LANGUAGE plpgsql STABLE SECURITY DEFINER AS
$$ BEGIN
  RETURN (SELECT coalesce(array_agg(g.record_id), '{}') FROM public.break_glass_grants g
    WHERE g.user_id = public.trama_user() AND g.record_type = kind
      AND g.revoked_at IS NULL AND g.expires_at > now());
END $$;
