import { sql } from 'drizzle-orm';
import {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CORE_TYPES,
  FORM_IMPLIED_BY,
  GENDERS,
  PATHWAY_SERVICES,
  RISK_INDICATORS,
  SERVICES_PROVIDED,
  YEARS_IN_ITALY,
} from '../src/contracts/observatory.js';
import type { Database } from '../src/server/platform/db/client.js';

/**
 * Synthetic incidents for the observatory benchmark: `districtCount` districts, `count`
 * incidents spread over them and over the months of `year`, every code list used. Generated in
 * SQL in chunks, through the same statement triggers that keep the counts in production.
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
  const chunk = 100_000;
  for (let done = 0; done < count; done += chunk) {
    const size = Math.min(chunk, count - done);
    await db.execute(sql`
      with d as (select array_agg(id) as ids from districts where code like 'BENCH-%'),
      g as (
        select n, floor(random() * ${CORE_TYPES.length})::int + 1 as t, random() as r
        from generate_series(1, ${size}) n
      )
      insert into incidents (service_id, created_by, status, survivor_code, incident_month, age_band, gender,
        citizenship, citizenship_group, years_in_italy, language, interpreter_needed, interpreter_used,
        district_id, core_type, forms, stalking, children_present, children_witnessed, author_relationship,
        risk_indicators, contexts, first_contact, referred_to, services_provided, consent_reporting)
      select ${serviceId}, ${userId}, 'recorded', 'S-BENCH-' || (${done} + g.n),
        ${`${year}-`} || lpad((1 + floor(random() * 12))::text, 2, '0'),
        ${pickFrom(AGE_BANDS)}, ${pickFrom(GENDERS)}, ${pickFrom(COUNTRIES)},
        ${pickFrom(['italian', 'eu', 'third_country', 'third_country', 'unknown'])},
        ${pickFrom(YEARS_IN_ITALY)}, ${pickFrom(LANGUAGES)}, g.r < 0.6, g.r < 0.35,
        d.ids[1 + floor(random() * array_length(d.ids, 1))::int],
        (${literal(CORE_TYPES)})[g.t],
        array_remove(array[(${literal(implied)})[g.t], case when random() < 0.5 then 'psychological' end,
          case when random() < 0.2 then 'economic' end], null),
        random() < 0.2, random() < 0.5, random() < 0.3, ${pickFrom(AUTHOR_RELATIONSHIPS)},
        array_remove(array[${pickFrom(RISK_INDICATORS)}, case when random() < 0.4 then ${pickFrom(RISK_INDICATORS)} end], null),
        case when random() < 0.6 then array['intimate_partner_violence'] else '{}' end,
        ${pickFrom(PATHWAY_SERVICES)},
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
