import { sql } from 'drizzle-orm';
import {
  AUTHOR_ADDICTIONS,
  AUTHOR_RELATIONSHIPS,
  CORE_TYPES,
  FORM_IMPLIED_BY,
  GENDERS,
  HELP_SOURCES,
  PATHWAY_SERVICES,
  REFERRERS,
  RISK_FACTORS,
  RISK_LEVELS,
  SERVICES_PROVIDED,
  YEARS_IN_ITALY,
  YES_NO_UNKNOWN,
} from '../src/contracts/observatory.js';
import type { Database } from '../src/server/platform/db/client.js';

/**
 * Synthetic incidents for the observatory benchmark: `districtCount` districts, `count`
 * incidents spread over them and over the months of `year`, every code list used. About one
 * survivor in five has two incidents, so the survivors' counts differ from the incidents'.
 * Generated in SQL in chunks, through the same statement triggers that keep the counts in production.
 */
const literal = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]`);
const pickFrom = (values: readonly string[]) =>
  sql`(${literal(values)})[1 + floor(random() * ${values.length})::int]`;
const COUNTRIES = ['MA', 'AL', 'RO', 'IN', 'PK', 'SN', 'NG', 'UA', 'IT', 'EG', 'CN', 'PE', 'BD', 'TN', 'GH'];
const LANGUAGES = ['ar', 'sq', 'ro', 'pa', 'ur', 'wo', 'en', 'uk', 'it', 'zh', 'es', 'bn', 'fr'];

export async function generateIncidents({
  database,
  count,
  districtCount,
  year,
  serviceId,
  userId,
  onProgress,
}: {
  database: Database;
  count: number;
  districtCount: number;
  year: number;
  serviceId: string;
  userId: string;
  onProgress?: (done: number) => void;
}) {
  const { db } = database;
  await db.execute(sql`insert into districts (code, name)
    select 'BENCH-' || g, 'Ambito sintetico ' || g from generate_series(1, ${districtCount}) g
    on conflict (code) do nothing`);
  const implied = CORE_TYPES.map((t) => FORM_IMPLIED_BY[t] ?? 'psychological');
  // Four survivors for every five incidents.
  const survivors = Math.max(1, Math.floor(count * 0.8));
  const chunk = 100_000;
  for (let done = 0; done < count; done += chunk) {
    const size = Math.min(chunk, count - done);
    await db.execute(sql`
      with d as (select array_agg(id) as ids from districts where code like 'BENCH-%'),
      g as (
        select n, floor(random() * ${CORE_TYPES.length})::int + 1 as t, random() as r,
          floor(random() * 90)::int as age
        from generate_series(1, ${size}) n
      )
      insert into incidents (service_id, created_by, status, survivor_code, incident_month, age, age_band,
        birth_year, gender, citizenship, citizenship_group, years_in_italy, language, disability,
        interpreter_needed, interpreter_used, district_id, core_type, forms, stalking, children_present,
        children_witnessed, author_relationship, author_addictions, author_previous_complaints,
        risk_assessment, contexts, sought_help_from, referred_by, referred_to, services_provided,
        consent_reporting)
      select ${serviceId}, ${userId}, 'recorded', 'S-BENCH-' || ((${done} + g.n) % ${survivors}),
        ${`${year}-`} || lpad((1 + floor(random() * 12))::text, 2, '0'),
        g.age,
        case when g.age <= 11 then '0-11' when g.age <= 17 then '12-17' when g.age <= 25 then '18-25'
             when g.age <= 40 then '26-40' when g.age <= 60 then '41-60' else '61+' end,
        case when random() < 0.5 then ${year} - g.age end,
        ${pickFrom(GENDERS)}, ${pickFrom(COUNTRIES)},
        ${pickFrom(['italian', 'eu', 'third_country', 'third_country', 'unknown'])},
        ${pickFrom(YEARS_IN_ITALY)}, ${pickFrom(LANGUAGES)}, ${pickFrom(YES_NO_UNKNOWN)}, g.r < 0.6, g.r < 0.35,
        d.ids[1 + floor(random() * array_length(d.ids, 1))::int],
        (${literal(CORE_TYPES)})[g.t],
        array_remove(array[(${literal(implied)})[g.t], case when random() < 0.5 then 'psychological' end,
          case when random() < 0.2 then 'economic' end, case when random() < 0.2 then 'threats' end], null),
        random() < 0.2, random() < 0.4, random() < 0.3, ${pickFrom(AUTHOR_RELATIONSHIPS)},
        array[${pickFrom(AUTHOR_ADDICTIONS)}], ${pickFrom(YES_NO_UNKNOWN)},
        jsonb_build_object(${pickFrom(RISK_FACTORS)}, jsonb_build_object('now', ${pickFrom(RISK_LEVELS)}),
          ${pickFrom(RISK_FACTORS)}, jsonb_build_object('past', ${pickFrom(RISK_LEVELS)})),
        case when random() < 0.6 then array['intimate_partner_violence'] else '{}' end,
        array[${pickFrom(HELP_SOURCES)}],
        array[${pickFrom(REFERRERS)}],
        case when random() < 0.5 then array[${pickFrom(PATHWAY_SERVICES)}] else '{}' end,
        array[${pickFrom(SERVICES_PROVIDED)}],
        random() < 0.95
      from g, d`);
    onProgress?.(done + size);
  }
  // What autovacuum does after a load this size: without statistics the planner would sort every
  // page of a keyset read instead of walking the index.
  await db.execute(sql`analyze incidents`);
}
