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
CREATE FUNCTION observatory_contributions(i public.incidents)
RETURNS TABLE (year smallint, table_key text, row_category text, column_category text)
LANGUAGE sql STABLE AS $$
  WITH facts AS (
    SELECT left(i.incident_month, 4)::smallint AS year,
           coalesce(i.district_id::text, 'unknown') AS district,
           CASE WHEN NOT coalesce(i.interpreter_needed, false) THEN 'not_needed'
                WHEN i.interpreter_used THEN 'provided' ELSE 'missing' END AS interpreter,
           (SELECT s.kind FROM public.services s WHERE s.id = i.service_id) AS service_kind
    WHERE i.status = 'recorded' AND i.consent_reporting
  )
  SELECT f.year, c.table_key, c.row_category, c.column_category FROM facts f, LATERAL (
    VALUES ('type-by-district', i.core_type, f.district),
           ('trend', i.incident_month, i.core_type),
           ('age-by-gender', i.age_band, coalesce(i.gender, 'not_stated')),
           ('citizenship', i.citizenship_group, 'all'),
           ('country', coalesce(i.citizenship, 'unknown'), 'all'),
           ('years-in-italy', coalesce(i.years_in_italy, 'unknown'), 'all'),
           ('relationship', coalesce(i.author_relationship, 'unknown'), 'all'),
           ('first-contact', coalesce(i.first_contact, 'other'), 'all'),
           ('recording-service', f.service_kind, 'all'),
           ('interpreter-by-district', f.interpreter, f.district),
           ('language-by-interpreter', coalesce(i.language, 'unknown'), f.interpreter)
    UNION ALL SELECT 'forms', x, 'all' FROM unnest(i.forms) x
    UNION ALL SELECT 'contexts', x, 'all' FROM unnest(i.contexts) x
    UNION ALL SELECT 'risk', x, 'all' FROM unnest(i.risk_indicators) x
    UNION ALL SELECT 'provided', x, 'all' FROM unnest(i.services_provided) x
    UNION ALL SELECT 'flows', x, coalesce(i.first_contact, 'other') FROM unnest(i.referred_to) x
    UNION ALL SELECT 'children', x, 'all' FROM unnest(ARRAY[
      CASE WHEN i.stalking THEN 'stalking' END,
      CASE WHEN i.children_present THEN 'children_present' END,
      CASE WHEN i.children_witnessed THEN 'children_witnessed' END]) x WHERE x IS NOT NULL
  ) AS c(table_key, row_category, column_category)
$$;
--> statement-breakpoint
-- One statement trigger per kind of change keeps incident_counts exact in the same transaction;
-- keys are applied in order so two concurrent imports cannot deadlock on the counters.
CREATE FUNCTION incident_counts_apply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO incident_counts AS ic (year, table_key, row_category, column_category, count)
    SELECT c.year, c.table_key, c.row_category, c.column_category, -count(*)
      FROM old_rows o, LATERAL observatory_contributions(o) c
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (year, table_key, row_category, column_category)
    DO UPDATE SET count = ic.count + excluded.count;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO incident_counts AS ic (year, table_key, row_category, column_category, count)
    SELECT c.year, c.table_key, c.row_category, c.column_category, count(*)
      FROM new_rows n, LATERAL observatory_contributions(n) c
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
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
-- Recomputes every count from the incidents: for repair and after a bulk load without triggers.
CREATE FUNCTION observatory_rebuild_counts() RETURNS void LANGUAGE sql AS $$
  DELETE FROM public.incident_counts;
  INSERT INTO public.incident_counts (year, table_key, row_category, column_category, count)
  SELECT c.year, c.table_key, c.row_category, c.column_category, count(*)
    FROM public.incidents i, LATERAL public.observatory_contributions(i) c
   GROUP BY 1, 2, 3, 4;
$$;
