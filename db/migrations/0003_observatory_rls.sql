-- Observatory (modules/observatory): incidents are seen and written only by their recording
-- service; everything else leaves as counts, through platform/disclosure (docs/adr/0007).
CREATE FUNCTION trama_service() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('trama.service_id', true), '')::uuid $$;
--> statement-breakpoint
ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE incidents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incidents_system ON incidents TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY incidents_read ON incidents FOR SELECT TO trama_app
  USING (service_id = (SELECT trama_service()));
--> statement-breakpoint
CREATE POLICY incidents_insert ON incidents FOR INSERT TO trama_app
  WITH CHECK (service_id = (SELECT trama_service()) AND created_by = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY incidents_update ON incidents FOR UPDATE TO trama_app
  USING (service_id = (SELECT trama_service())) WITH CHECK (service_id = (SELECT trama_service()));
--> statement-breakpoint
-- Only drafts can be deleted; a recorded incident is corrected, never erased from the register.
CREATE POLICY incidents_delete ON incidents FOR DELETE TO trama_app
  USING (service_id = (SELECT trama_service()) AND status = 'draft');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON incidents TO trama_app;
--> statement-breakpoint
GRANT SELECT ON incident_counts TO trama_app;
--> statement-breakpoint
-- The cells an incident adds to each published table. Only recorded incidents whose survivor
-- consented to be counted contribute (consent_reporting); drafts and the rest are never counted.
-- Every input is a column of the incident itself, so a later change elsewhere (a service's kind)
-- can never make the kept counts drift from a recount.
CREATE FUNCTION observatory_contributions(i public.incidents)
RETURNS TABLE (year smallint, table_key text, row_category text, column_category text)
LANGUAGE sql IMMUTABLE AS $$
  WITH facts AS (
    SELECT left(i.incident_month, 4)::smallint AS year,
           coalesce(i.district_id::text, 'unknown') AS district,
           CASE WHEN NOT coalesce(i.interpreter_needed, false) THEN 'not_needed'
                WHEN i.interpreter_used THEN 'provided' ELSE 'missing' END AS interpreter
    WHERE i.status = 'recorded' AND i.consent_reporting
  )
  SELECT f.year, c.table_key, c.row_category, c.column_category FROM facts f, LATERAL (
    VALUES ('type-by-district', i.core_type, f.district),
           ('trend', i.incident_month, i.core_type),
           ('age-by-gender', i.age_band, coalesce(i.gender, 'not_stated')),
           ('country', coalesce(i.citizenship, 'unknown'), i.citizenship_group),
           ('years-in-italy', coalesce(i.years_in_italy, 'unknown'), 'all'),
           ('relationship', coalesce(i.author_relationship, 'unknown'), 'all'),
           ('first-contact', coalesce(i.first_contact, 'other'), 'all'),
           ('children', CASE WHEN i.children_witnessed THEN 'witnessed'
                             WHEN i.children_present THEN 'present_not_witnessed'
                             ELSE 'not_present' END, 'all'),
           ('interpreter-by-district', f.interpreter, f.district),
           ('language-by-interpreter', coalesce(i.language, 'unknown'), f.interpreter)
    UNION ALL SELECT 'forms', x, 'all' FROM unnest(i.forms) x
    UNION ALL SELECT 'contexts', x, 'all' FROM unnest(i.contexts) x
    UNION ALL SELECT 'risk', x, 'all' FROM unnest(i.risk_indicators) x
    UNION ALL SELECT 'provided', x, 'all' FROM unnest(i.services_provided) x
    UNION ALL SELECT 'flows', x, coalesce(i.first_contact, 'other') FROM unnest(i.referred_to) x
    UNION ALL SELECT 'stalking', 'stalking', 'all' WHERE i.stalking
  ) AS c(table_key, row_category, column_category)
$$;
--> statement-breakpoint
-- Statement triggers keep incident_counts exact in the same transaction. An update applies its
-- net change in one statement; a transaction-scoped advisory lock serialises writers of the
-- counters, so two imports or two edits can never deadlock on them.
CREATE FUNCTION incident_counts_apply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('incident_counts'));
  IF TG_OP = 'INSERT' THEN
    INSERT INTO incident_counts AS ic (year, table_key, row_category, column_category, count)
    SELECT c.year, c.table_key, c.row_category, c.column_category, count(*)
      FROM new_rows n, LATERAL observatory_contributions(n) c GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, table_key, row_category, column_category)
    DO UPDATE SET count = ic.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO incident_counts AS ic (year, table_key, row_category, column_category, count)
    SELECT c.year, c.table_key, c.row_category, c.column_category, -count(*)
      FROM old_rows o, LATERAL observatory_contributions(o) c GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, table_key, row_category, column_category)
    DO UPDATE SET count = ic.count + excluded.count;
  ELSE
    INSERT INTO incident_counts AS ic (year, table_key, row_category, column_category, count)
    SELECT d.year, d.table_key, d.row_category, d.column_category, sum(d.delta)
      FROM (SELECT c.*, -1 AS delta FROM old_rows o, LATERAL observatory_contributions(o) c
            UNION ALL
            SELECT c.*, 1 FROM new_rows n, LATERAL observatory_contributions(n) c) d
     GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0
    ON CONFLICT (year, table_key, row_category, column_category)
    DO UPDATE SET count = ic.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER incident_counts_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_counts_apply();
--> statement-breakpoint
CREATE TRIGGER incident_counts_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_counts_apply();
--> statement-breakpoint
CREATE TRIGGER incident_counts_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_counts_apply();
--> statement-breakpoint
-- A recorded incident is corrected, never turned back into a deletable draft (backstop of the
-- service's 409).
CREATE FUNCTION incidents_stay_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'recorded' AND NEW.status <> 'recorded' THEN
    RAISE EXCEPTION 'a recorded incident cannot go back to draft' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER incidents_stay_recorded BEFORE UPDATE OF status ON incidents
  FOR EACH ROW EXECUTE FUNCTION incidents_stay_recorded();
--> statement-breakpoint
-- Raw counts: only the roles that read statistics, and only through platform/disclosure.
ALTER TABLE incident_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE incident_counts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY incident_counts_system ON incident_counts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY incident_counts_read ON incident_counts FOR SELECT TO trama_app
  USING ((SELECT trama_role()) IN ('coordinator', 'practitioner', 'clinician', 'trainer', 'researcher'));
--> statement-breakpoint
-- Recomputes every count from the incidents: for repair and after a bulk load without triggers.
CREATE FUNCTION observatory_rebuild_counts() RETURNS void LANGUAGE sql AS $$
  DELETE FROM public.incident_counts;
  INSERT INTO public.incident_counts (year, table_key, row_category, column_category, count)
  SELECT c.year, c.table_key, c.row_category, c.column_category, count(*)
    FROM public.incidents i, LATERAL public.observatory_contributions(i) c
   GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION observatory_rebuild_counts() FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION incident_counts_apply() FROM PUBLIC;
