-- Observatory, part two (docs/adr/0018): old records keep what they said, the counts follow the
-- new fields, and survivors are counted beside incidents.

-- 1. Records made before: map what can be mapped; what cannot stays empty ("not recorded").
-- The old risk list was "present at intake": each code becomes its factor, present now (previous
-- violence: present in the past), with its own words: the brief assessment's narrower items are
-- other codes.
UPDATE incidents i SET
  risk_assessment = coalesce((
    SELECT jsonb_object_agg(m.factor, jsonb_build_object(m.period, 'present'))
      FROM unnest(i.risk_indicators) AS r(code)
      JOIN (VALUES ('previous_violence', 'previous_violence', 'past'), ('escalation', 'escalation', 'now'),
                   ('threats_to_kill', 'threats_to_kill', 'now'), ('weapon', 'weapon', 'now'),
                   ('strangulation', 'strangulation', 'now'), ('recent_separation', 'recent_separation', 'now'),
                   ('jealousy_control', 'jealousy_control', 'now'), ('pregnancy', 'pregnancy', 'now'),
                   ('substance_abuse', 'substance_abuse', 'now'),
                   ('protection_order_violated', 'protection_order_violated', 'now'),
                   ('threats_to_children', 'threats_to_children', 'now')) AS m(code, factor, period)
        ON m.code = r.code), '{}'::jsonb),
  -- A harmful practice was a yes/no: its kind was never asked.
  harmful_practice_type = CASE WHEN i.harmful_practice THEN 'not_recorded' END,
  -- "First service she turned to" becomes whom she turned to before where the answer says it;
  -- who sent her here was never asked. "Emergency room or health services" is not mapped: it may
  -- have been a GP.
  sought_help_from = CASE i.first_contact
    WHEN 'police' THEN ARRAY['police'] WHEN 'social_services' THEN ARRAY['social_services']
    WHEN 'legal' THEN ARRAY['lawyers']
    ELSE ARRAY[]::text[] END,
  -- Early marriage is a forced marriage of a minor at the time, not every forced marriage.
  contexts = array_remove(i.contexts, 'early_forced_marriage')
    || CASE WHEN i.core_type = 'forced_marriage' AND i.age_band IN ('0-11', '12-17')
            THEN ARRAY['early_marriage'] ELSE ARRAY[]::text[] END;
--> statement-breakpoint
-- 2. What each incident adds to the published tables. Incidents outside the six GBVIMS types
-- are kept and exported but never counted: the tables describe gender-based violence.
CREATE OR REPLACE FUNCTION observatory_contributions(i public.incidents)
RETURNS TABLE (year smallint, table_key text, row_category text, column_category text)
LANGUAGE sql IMMUTABLE AS $$
  WITH facts AS (
    SELECT left(i.incident_month, 4)::smallint AS year,
           coalesce(i.district_id::text, 'unknown') AS district,
           CASE WHEN NOT coalesce(i.interpreter_needed, false) THEN 'not_needed'
                WHEN i.interpreter_used THEN 'provided' ELSE 'missing' END AS interpreter
    WHERE i.status = 'recorded' AND i.consent_reporting AND i.core_type <> 'non_gbv'
  )
  SELECT f.year, c.table_key, c.row_category, c.column_category FROM facts f, LATERAL (
    VALUES ('type-by-district', i.core_type, f.district),
           ('trend', i.incident_month, i.core_type),
           ('age-by-gender', i.age_band, coalesce(i.gender, 'not_stated')),
           ('country', coalesce(i.citizenship, 'unknown'), i.citizenship_group),
           ('years-in-italy', coalesce(i.years_in_italy, 'unknown'), 'all'),
           ('disability', coalesce(i.disability, 'not_recorded'), 'all'),
           ('relationship', coalesce(i.author_relationship, 'unknown'), 'all'),
           ('children', CASE WHEN i.children_present THEN 'present' ELSE 'not_present' END,
                        CASE WHEN i.children_witnessed THEN 'witnessed' ELSE 'not_witnessed' END),
           ('interpreter-by-district', f.interpreter, f.district),
           ('language-by-interpreter', coalesce(i.language, 'unknown'), f.interpreter)
    UNION ALL SELECT 'forms', x, 'all' FROM unnest(i.forms) x
    UNION ALL SELECT 'contexts', x, 'all' FROM unnest(i.contexts) x
    -- A risk factor present or possibly present, now or in the past.
    UNION ALL SELECT 'risk', r.key, 'all' FROM jsonb_each(i.risk_assessment) r
      WHERE r.value->>'now' IN ('present', 'possible') OR r.value->>'past' IN ('present', 'possible')
    UNION ALL SELECT 'provided', x, 'all' FROM unnest(i.services_provided) x
    UNION ALL SELECT 'sought-help', x, 'all' FROM unnest(i.sought_help_from) x
    UNION ALL SELECT 'referred-by', x, 'all' FROM unnest(i.referred_by) x WHERE x <> 'service'
    UNION ALL SELECT 'referred-by', x, 'all' FROM unnest(i.referred_by_services) x
    UNION ALL SELECT 'referred-to', x, 'all' FROM unnest(i.referred_to) x
    UNION ALL SELECT 'author', 'addiction', 'all'
      WHERE i.author_addictions && ARRAY['alcohol', 'drugs', 'gambling', 'other']
    UNION ALL SELECT 'author', 'previous_complaints', 'all' WHERE i.author_previous_complaints = 'yes'
    UNION ALL SELECT 'author', 'protection_order', 'all'
      WHERE i.protection_orders && ARRAY['police_warning', 'removal_from_home', 'restraining_order', 'other']
    UNION ALL SELECT 'stalking', 'stalking', 'all' WHERE i.stalking
  ) AS c(table_key, row_category, column_category)
$$;
--> statement-breakpoint
-- 3. Survivors: ISTAT's unit is the woman, not the incident. ISTAT's age classes come from the
-- age at the incident, or the age reached in the incident's year from the birth year.
CREATE FUNCTION observatory_istat_age_class(age integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN age IS NULL THEN 'not_recorded' WHEN age < 16 THEN 'under_16'
              WHEN age < 30 THEN '16_29' WHEN age < 40 THEN '30_39' WHEN age < 50 THEN '40_49'
              WHEN age < 60 THEN '50_59' WHEN age < 70 THEN '60_69' ELSE '70_plus' END
$$;
--> statement-breakpoint
-- Recomputes the survivor-years of the given survivors from their counted incidents; class and
-- gender come from her first counted incident of the year.
CREATE FUNCTION observatory_survivors_recompute(service_ids uuid[], codes text[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM public.observatory_survivor_years s
   USING unnest(service_ids, codes) AS t(service_id, survivor_code)
   WHERE s.service_id = t.service_id AND s.survivor_code = t.survivor_code;
  INSERT INTO public.observatory_survivor_years (service_id, survivor_code, year, istat_age_class, gender)
  SELECT DISTINCT ON (i.service_id, i.survivor_code, left(i.incident_month, 4))
         i.service_id, i.survivor_code, left(i.incident_month, 4)::smallint,
         public.observatory_istat_age_class(coalesce(i.age, left(i.incident_month, 4)::integer - i.birth_year)),
         coalesce(i.gender, 'not_stated')
    FROM (SELECT DISTINCT * FROM unnest(service_ids, codes)) AS t(service_id, survivor_code)
    JOIN public.incidents i ON i.service_id = t.service_id AND i.survivor_code = t.survivor_code
   WHERE i.status = 'recorded' AND i.consent_reporting AND i.core_type <> 'non_gbv'
   ORDER BY i.service_id, i.survivor_code, left(i.incident_month, 4), i.incident_month, i.created_at, i.id;
$$;
--> statement-breakpoint
CREATE FUNCTION observatory_survivors_refresh() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  service_ids uuid[] := '{}';
  codes text[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('incident_counts'));
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT service_ids || array_agg(n.service_id), codes || array_agg(n.survivor_code)
      INTO service_ids, codes FROM new_rows n WHERE n.survivor_code IS NOT NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT coalesce(service_ids, '{}') || array_agg(o.service_id), coalesce(codes, '{}') || array_agg(o.survivor_code)
      INTO service_ids, codes FROM old_rows o WHERE o.survivor_code IS NOT NULL;
  END IF;
  IF coalesce(array_length(codes, 1), 0) > 0 THEN
    PERFORM observatory_survivors_recompute(service_ids, codes);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER observatory_survivors_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observatory_survivors_refresh();
--> statement-breakpoint
CREATE TRIGGER observatory_survivors_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observatory_survivors_refresh();
--> statement-breakpoint
CREATE TRIGGER observatory_survivors_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION observatory_survivors_refresh();
--> statement-breakpoint
-- The survivors table's counts, kept like the incidents' (same lock, same transaction).
CREATE FUNCTION observatory_survivor_counts_apply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO incident_counts AS ic (year, table_key, row_category, column_category, count)
    SELECT n.year, 'survivors', n.istat_age_class, n.gender, count(*) FROM new_rows n GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, table_key, row_category, column_category)
    DO UPDATE SET count = ic.count + excluded.count;
  ELSE
    INSERT INTO incident_counts AS ic (year, table_key, row_category, column_category, count)
    SELECT o.year, 'survivors', o.istat_age_class, o.gender, -count(*) FROM old_rows o GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, table_key, row_category, column_category)
    DO UPDATE SET count = ic.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER observatory_survivor_counts_insert AFTER INSERT ON observatory_survivor_years
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observatory_survivor_counts_apply();
--> statement-breakpoint
CREATE TRIGGER observatory_survivor_counts_delete AFTER DELETE ON observatory_survivor_years
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION observatory_survivor_counts_apply();
--> statement-breakpoint
-- Survivor codes by year: no role of the application reads them; only their counts leave.
ALTER TABLE observatory_survivor_years ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE observatory_survivor_years FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY observatory_survivor_years_system ON observatory_survivor_years TO CURRENT_USER
  USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The rebuild takes the counters' lock first, so a write during a repair cannot leave them wrong.
CREATE OR REPLACE FUNCTION observatory_rebuild_counts() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('incident_counts'));
  DELETE FROM public.observatory_survivor_years;
  DELETE FROM public.incident_counts;
  INSERT INTO public.incident_counts (year, table_key, row_category, column_category, count)
  SELECT c.year, c.table_key, c.row_category, c.column_category, count(*)
    FROM public.incidents i, LATERAL public.observatory_contributions(i) c
   GROUP BY 1, 2, 3, 4;
  SELECT public.observatory_survivors_recompute(array_agg(service_id), array_agg(survivor_code))
    FROM (SELECT DISTINCT service_id, survivor_code FROM public.incidents WHERE survivor_code IS NOT NULL) s;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION observatory_rebuild_counts() FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION observatory_survivors_recompute(uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION observatory_survivors_refresh() FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION observatory_survivor_counts_apply() FROM PUBLIC;
--> statement-breakpoint
SELECT observatory_rebuild_counts();
