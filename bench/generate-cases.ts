import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows, type Tx } from '../src/server/platform/db/client.js';

/**
 * Synthetic case load for the case-list benchmark, inserted as the owner in set-based SQL (one
 * statement per table, one transaction): `districtCount` districts (BENCH-001…) each with a
 * synthetic comune (ISTAT 9xxxxx, never a real code) and an ethnoclinical team of one
 * organisation, a referring service, a coordinator of the whole organisation, `clinicianCount`
 * clinicians and `householdCount` households. Every household has two people and one accepted
 * referral (legal basis: consent) that opened one case led by the clinician of its district.
 * Cases are mostly open, opened over three years; some plans are past their review.
 */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_SPACE = 2n ** 35n; // 32^7: seven characters of the alphabet

/**
 * A code like `randomCode` makes ('C-' + 7 characters), unique by construction: n times an odd
 * constant modulo 32^7 is a permutation of the code space, so distinct n never collide.
 */
function codeOf(prefix: 'N' | 'C', n: SQL, multiplier: bigint, offset: bigint) {
  const x = sql`((${n})::bigint * ${sql.raw(String(multiplier))} + ${sql.raw(String(offset))}) % ${sql.raw(String(CODE_SPACE))}`;
  const chars = Array.from(
    { length: 7 },
    (_, i) =>
      sql`substr(${sql.raw(`'${CODE_ALPHABET}'`)}, ((${x} >> ${sql.raw(String(5 * i))}) & 31)::int + 1, 1)`,
  );
  return sql`${sql.raw(`'${prefix}-'`)} || ${sql.join(chars, sql` || `)}`;
}

export interface GeneratedCases {
  organisationId: string;
  coordinator: { id: string; username: string };
  clinicianIds: string[];
  districts: { id: string; code: string }[];
  households: number;
}

export async function generateCases({
  database,
  householdCount,
  districtCount,
  clinicianCount,
  onProgress,
}: {
  database: Database;
  householdCount: number;
  districtCount: number;
  clinicianCount: number;
  onProgress?: (step: string) => void;
}): Promise<GeneratedCases> {
  const step = async (tx: Tx, name: string, query: SQL) => {
    await tx.execute(query);
    onProgress?.(name);
  };
  return database.db.transaction(async (t) => {
    const tx = t as Tx;
    await step(
      tx,
      'districts',
      sql`insert into districts (code, name)
        select 'BENCH-' || lpad(g::text, 3, '0'), 'Ambito sintetico ' || g from generate_series(1, ${districtCount}) g`,
    );
    const [org] = await queryRows<{ id: string }>(
      tx,
      sql`insert into organisations (name, kind) values ('Cooperativa sintetica (benchmark)', 'cooperative') returning id`,
    );
    await step(
      tx,
      'services and comuni',
      sql`create temp table bench_district on commit drop as
        select d.no, d.id as district_id, gen_random_uuid() as service_id, '9' || lpad(d.no::text, 5, '0') as istat
        from (select substr(code, 7)::int as no, id from districts where code like 'BENCH-%') d`,
    );
    await tx.execute(sql`insert into municipalities (istat_code, name, cadastral_code, district_id)
      select istat, 'Comune sintetico ' || no, 'X' || lpad(no::text, 4, '0'), district_id from bench_district`);
    await tx.execute(sql`insert into services (id, organisation_id, name, kind, district_id)
      select service_id, ${org!.id}, 'Équipe etnoclinica — Ambito sintetico ' || no, 'ethnoclinical_team', district_id
      from bench_district`);
    const [referring] = await queryRows<{ id: string }>(
      tx,
      sql`insert into services (organisation_id, name, kind)
        values (${org!.id}, 'Servizio inviante (benchmark)', 'social_inclusion') returning id`,
    );

    // People who work: the coordinator of the whole organisation, the referrer, the clinicians
    // (clinician k leads the cases of districts k, k + clinicianCount, …).
    const coordinatorUsername = 'bench.coordinatrice';
    const [coordinator] = await queryRows<{ id: string }>(
      tx,
      sql`insert into users (username, display_name) values (${coordinatorUsername}, 'Coordinatrice di benchmark')
        returning id`,
    );
    await tx.execute(sql`insert into memberships (user_id, role, organisation_id, service_id)
      values (${coordinator!.id}, 'coordinator', ${org!.id}, null)`);
    const [referrer] = await queryRows<{ id: string }>(
      tx,
      sql`insert into users (username, display_name) values ('bench.inviante', 'Operatrice inviante di benchmark')
        returning id`,
    );
    await tx.execute(sql`insert into memberships (user_id, role, service_id)
      values (${referrer!.id}, 'practitioner', ${referring!.id})`);
    const clinicians = await queryRows<{ id: string; k: number }>(
      tx,
      sql`insert into users (username, display_name)
        select 'bench.clinico.' || lpad(k::text, 3, '0'), 'Clinico sintetico ' || k
        from generate_series(1, ${clinicianCount}) k
        returning id, substr(username, 15)::int as k`,
    );
    clinicians.sort((a, b) => a.k - b.k);
    await tx.execute(sql`create temp table bench_clinician on commit drop as
      select substr(username, 15)::int as k, id from users where username like 'bench.clinico.%'`);
    await step(
      tx,
      'users and memberships',
      sql`insert into memberships (user_id, role, service_id)
        select c.id, 'clinician', d.service_id from bench_district d
        join bench_clinician c on c.k = 1 + (d.no - 1) % ${clinicianCount}`,
    );

    // The plan of every household, its referral and case, decided once so every table agrees.
    // Open cases without an approved plan are recent; approved plans are reviewed within the last
    // ~110 days (those past PLAN_REVIEW_DAYS are overdue).
    await tx.execute(sql`create temp table bench_case_plan on commit drop as
      with g as (
        select n, 1 + floor(random() * ${districtCount})::int as no, random() as rs, random() as rp,
          random() as rt, random() as rr, random() as rc
        from generate_series(1, ${householdCount}) n
      ), s as (
        select g.*, case when rs < 0.65 then 'open' when rs < 0.75 then 'closing' else 'closed' end as status,
          case when rs >= 0.65 or rp < 0.80 then 'approved' when rp < 0.90 then 'submitted'
               when rp < 0.96 then 'draft' else 'none' end as plan_status
        from g
      ), o as (
        select s.*, case when plan_status <> 'approved' then now() - rt * interval '120 days'
                         else now() - interval '20 days' - rt * interval '1075 days' end as opened_at
        from s
      ), c as (
        select o.*, case when status = 'closed' then opened_at + (0.1 + 0.9 * rc) * (now() - opened_at) end as closed_at
        from o
      )
      select c.n, c.no, c.status, c.plan_status, c.opened_at, c.closed_at,
        case when c.plan_status <> 'approved' then null
             when c.status = 'closed' then c.opened_at + c.rr * (c.closed_at - c.opened_at)
             else now() - c.rr * least(interval '110 days', now() - c.opened_at) end as plan_approved_at,
        c.opened_at - (1 + floor(c.rc * 20)) * interval '1 day' as sent_at,
        gen_random_uuid() as household_id, gen_random_uuid() as referral_id, gen_random_uuid() as case_id,
        gen_random_uuid() as person1_id, gen_random_uuid() as person2_id,
        d.district_id, d.service_id, d.istat, l.id as lead_id,
        ${codeOf('N', sql`c.n`, 2_654_435_761n, 977_326_171n)} as household_code,
        ${codeOf('C', sql`c.n`, 3_141_592_653n, 1_234_567n)} as case_code
      from c join bench_district d on d.no = c.no
      join bench_clinician l on l.k = 1 + (c.no - 1) % ${clinicianCount}`);
    onProgress?.('plan');

    await step(
      tx,
      'households',
      sql`insert into households (id, code, owner_service_id, municipality, district_id, created_by, created_at)
        select household_id, household_code, ${referring!.id}, istat, district_id, ${referrer!.id}, sent_at - interval '2 days'
        from bench_case_plan`,
    );
    await step(
      tx,
      'people',
      sql`insert into people (id, household_id, position, given_name, family_name, relationship, case_role,
          birth_year, gender, citizenship, languages, preferred_language, interpreter_needed, municipality, created_at)
        select p.id, b.household_id, p.position, p.given_name, 'Famiglia ' || b.n, p.relationship, p.case_role,
          p.birth_year, p.gender, 'MA', '{ar,it}', 'ar', true, b.istat, b.sent_at - interval '2 days'
        from bench_case_plan b, lateral (values
          (b.person1_id, 0, 'Adulta', 'reference_person', 'victim', 1975 + b.n % 25, 'female'),
          (b.person2_id, 1, 'Minore', 'child', 'child', 2010 + b.n % 14, 'male')
        ) as p(id, position, given_name, relationship, case_role, birth_year, gender)`,
    );
    await step(
      tx,
      'referrals',
      sql`insert into referrals (id, household_id, from_service_id, to_service_id, purpose, urgency, sections, message,
          status, legal_basis, created_by, sent_at, due_by, answered_at, answered_by, created_at, updated_at)
        select referral_id, household_id, ${referring!.id}, service_id, 'taking_into_care', 'routine',
          '{family_migration,languages,protection}', 'Invio sintetico', 'accepted', 'consent', ${referrer!.id},
          sent_at, sent_at + interval '30 days', opened_at, lead_id, sent_at - interval '1 day', opened_at
        from bench_case_plan`,
    );
    await step(
      tx,
      'referral people',
      sql`insert into referral_people (referral_id, person_id)
        select referral_id, person1_id from bench_case_plan
        union all select referral_id, person2_id from bench_case_plan`,
    );
    await step(
      tx,
      'cases',
      sql`insert into cases (id, code, household_id, referral_id, service_id, district_id, lead_user_id, status,
          opened_at, referral_sent_at, first_session_at, plan_status, plan_approved_at, plan_approved_by,
          plan_submitted_by, closure_outcome, closure_requested_at, closure_requested_by, closed_at,
          closure_approved_by, updated_at)
        select case_id, case_code, household_id, referral_id, service_id, district_id, lead_id, status,
          opened_at, sent_at, opened_at + interval '7 days', plan_status, plan_approved_at,
          case when plan_approved_at is not null then ${coordinator!.id}::uuid end,
          case when plan_status in ('submitted', 'approved') then lead_id end,
          case when status <> 'open' then 'autonomy_reached' end,
          case when status = 'closing' then now() - interval '3 days'
               when status = 'closed' then closed_at - (closed_at - opened_at) / 10 end,
          case when status <> 'open' then lead_id end,
          closed_at, case when status = 'closed' then ${coordinator!.id}::uuid end,
          coalesce(closed_at, plan_approved_at, opened_at)
        from bench_case_plan`,
    );
    await step(
      tx,
      'case team',
      sql`insert into case_team (case_id, user_id, team_role, added_by, added_at)
        select case_id, lead_id, 'lead', lead_id, opened_at from bench_case_plan`,
    );
    const districts = await queryRows<{ id: string; code: string }>(
      tx,
      sql`select id, code from districts where code like 'BENCH-%' order by code`,
    );
    return {
      organisationId: org!.id,
      coordinator: { id: coordinator!.id, username: coordinatorUsername },
      clinicianIds: clinicians.map((c) => c.id),
      districts,
      households: householdCount,
    };
  });
}
