import { type SQL, sql } from 'drizzle-orm';
import { MEDIATION_LIMITS } from '../src/contracts/mediation.js';
import { type Candidate, rankCandidates } from '../src/server/modules/mediation/matching.js';
import {
  loadCandidates,
  matchRequestOf,
  type RequestRow,
} from '../src/server/modules/mediation/mediation-candidates.js';
import { matchesFor } from '../src/server/modules/mediation/mediation-requests.service.js';
import { queryRows, type Tx } from '../src/server/platform/db/client.js';
import { startTrama } from './support.js';

/**
 * Matching for one request against a large registry (issue 18: 2,000 mediators in 600 districts,
 * p95 target ≤ 50 ms). Generates, set-based as the owner: BENCH_DISTRICTS (600) districts, each with
 * a synthetic comune (ISTAT 9xxxxx, with a centre on a grid over northern Italy); BENCH_MEDIATORS
 * (2,000) mediators of one cooperative, one to three languages each from a pool weighted as the
 * seeds' communities are (so hundreds share any request's language), weekly hours, one in ten
 * with an absence in the coming weeks, three bookings each over the next four weeks, one in twenty
 * with a declared conflict with a community; then `ANALYZE`. Then BENCH_REQUESTS (200) requests of
 * varied language, time, mode, place, victim flags and community, one in ten linked to a demo case
 * (the household CTEs of the perpetrator rule run).
 *
 * Timed one after another for every request, after a warm-up: `matchesFor` (the request, the
 * candidates query, the place's centre, the ranking) in its own transaction as the service runs it;
 * the candidates SQL alone (`loadCandidates`); the pure ranking (`rankCandidates`, over the same
 * candidates, averaged over 20 runs); and, for the whole path, `GET /api/mediation/requests/:id/matches`
 * as the mediation coordinator (session, access, audit). Printed, never asserted. BENCH_EXPLAIN=1
 * prints EXPLAIN (ANALYZE, BUFFERS) of the candidates query of the slowest request.
 */
const TARGET_MS = 50;
const DISTRICTS = Number(process.env.BENCH_DISTRICTS ?? 600);
const MEDIATORS = Number(process.env.BENCH_MEDIATORS ?? 2000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const EXPLAIN = process.env.BENCH_EXPLAIN ?? '';
const WARMUP = 10;
const RANK_REPEATS = 20;

// The seeds' community languages, weighted: Arabic, French and English are the most asked.
const POOL = ['ar', 'ar', 'ar', 'ar', 'fr', 'fr', 'fr', 'en', 'en', 'en', 'sq', 'pa', 'ur', 'ro', 'uk', 'es'];
const RARE = ['wo', 'bm', 'ti', 'bn', 'zh'];
const COUNTRY: Record<string, string> = {
  ar: 'MA',
  fr: 'SN',
  en: 'NG',
  sq: 'AL',
  pa: 'IN',
  ur: 'PK',
  ro: 'RO',
  uk: 'UA',
  es: 'PE',
  wo: 'SN',
  bm: 'ML',
  ti: 'ER',
  bn: 'BD',
  zh: 'CN',
};
const textArray = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(', ')}]`);

/** A deterministic generator, so every run times the same requests. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const summary = (samples: number[]) => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  max: Math.max(...samples),
});

/** A request code 'M-' + 6 characters of the code alphabet, unique by construction (n × odd mod 32^6). */
const codeOf = (n: SQL) => {
  const x = sql`((${n})::bigint * 40503 + 12345) % 1073741824`;
  const chars = Array.from(
    { length: 6 },
    (_, i) =>
      sql`substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', ((${x} >> ${sql.raw(String(5 * i))}) & 31)::int + 1, 1)`,
  );
  return sql`'M-' || ${sql.join(chars, sql` || `)}`;
};

async function generate(tx: Tx) {
  const [ids] = await queryRows<{ mediation: string; requester: string; coordinator: string }>(
    tx,
    sql`select (select id from services where kind = 'mediation_service' order by created_at limit 1) as mediation,
               (select id from users where username = 'operatrice') as requester,
               (select id from users where username = 'referente.mediazione') as coordinator`,
  );
  const [org] = await queryRows<{ id: string }>(
    tx,
    sql`insert into organisations (name, kind) values ('Cooperativa sintetica (benchmark)', 'cooperative') returning id`,
  );
  await tx.execute(sql`insert into mediation_rates (organisation_id, in_person_cents, remote_cents, travel_cents_per_km,
      valid_from, created_by) values (${org!.id}, 2400, 2000, 40, '2025-01-01', ${ids!.coordinator})`);
  await tx.execute(sql`insert into districts (code, name)
      select 'BMED-' || lpad(g::text, 3, '0'), 'Ambito sintetico ' || g from generate_series(1, ${DISTRICTS}) g`);
  // A 30 × 20 grid of centres about 7 km × 15 km apart.
  await tx.execute(sql`insert into municipalities (istat_code, name, cadastral_code, district_id, latitude, longitude)
      select '9' || lpad(no::text, 5, '0'), 'Comune sintetico ' || no, 'Y' || lpad(no::text, 4, '0'), id,
             44.6 + (no % 30) * 0.065, 8.2 + (no / 30) * 0.2
        from (select substr(code, 6)::int as no, id from districts where code like 'BMED-%') d`);
  await tx.execute(sql`create temp table bench_mediator on commit drop as
      select k, gen_random_uuid() as user_id, gen_random_uuid() as id,
             (${textArray(POOL)})[1 + (k * 7) % ${POOL.length}] as first,
             case when k % 2 = 0 then (array['fr', 'en', 'it'])[1 + (k / 2) % 3]
                  when k % 7 = 0 then (${textArray(RARE)})[1 + (k / 7) % ${RARE.length}] end as second,
             '9' || lpad((1 + k % ${DISTRICTS})::text, 5, '0') as istat
        from generate_series(1, ${MEDIATORS}) k`);
  await tx.execute(sql`insert into users (id, username, display_name)
      select user_id, 'bench.mediatore.' || lpad(k::text, 4, '0'), 'Mediatore sintetico ' || k from bench_mediator`);
  await tx.execute(sql`insert into memberships (user_id, role, service_id)
      select user_id, 'mediator', ${ids!.mediation} from bench_mediator`);
  const country = sql.raw(
    `case b.first ${Object.entries(COUNTRY)
      .map(([l, c]) => `when '${l}' then '${c}'`)
      .join(' ')} end`,
  );
  await tx.execute(sql`insert into mediators (id, user_id, organisation_id, gender, modes, countries, own_community,
        district_ids, municipalities, base_municipality)
      select b.id, b.user_id, ${org!.id}, case when k % 3 = 0 then 'male' else 'female' end,
             case when k % 10 = 0 then array['phone', 'video'] else array['in_person', 'phone', 'video'] end,
             array[${country}], ${country}, array[m.district_id], array[b.istat], b.istat
        from bench_mediator b join municipalities m on m.istat_code = b.istat`);
  await tx.execute(sql`insert into mediator_languages (mediator_id, language, dialect, level, written)
      select id, first, case when first = 'ar' then (array['marocchino', 'egiziano', null])[1 + k % 3] end,
             (array['native', 'fluent', 'good', 'basic'])[1 + k % 4], k % 3 = 0 from bench_mediator
      union all
      select id, second, null, (array['fluent', 'good', 'basic'])[1 + k % 3], false from bench_mediator
       where second is not null and second <> first`);
  await tx.execute(sql`insert into mediator_availability (mediator_id, weekday, from_minute, to_minute)
      select id, d, 480 + (k % 3) * 30, 960 + (k % 4) * 60 from bench_mediator, generate_series(1, 5) d
      union all select id, 6, 540, 780 from bench_mediator where k % 5 = 0`);
  await tx.execute(sql`insert into mediator_absences (mediator_id, from_date, to_date)
      select id, current_date + (k % 20), current_date + (k % 20) + 3 from bench_mediator where k % 10 = 0`);
  await tx.execute(sql`insert into mediator_conflicts (mediator_id, kind, country, declared_by)
      select id, 'community', (array['MA', 'NG', 'PK', 'AL'])[1 + k % 4], ${ids!.coordinator}
        from bench_mediator where k % 20 = 0`);
  // Three bookings each over the next four weeks: requests confirmed to the mediator.
  await tx.execute(sql`create temp table bench_booking on commit drop as
      select b.id as mediator_id, b.first as language, gen_random_uuid() as request_id, row_number() over () as n,
             date_trunc('day', now()) + ((b.k * 3 + j * 9) % 28) * interval '1 day' + (7 + j * 2) * interval '1 hour' as starts_at,
             (60 + (b.k % 3) * 30) * interval '1 minute' as length
        from bench_mediator b, generate_series(0, 2) j`);
  await tx.execute(sql`insert into mediation_requests (id, code, mediation_service_id, service_id, requester_id, language,
        starts_at, ends_at, duration_minutes, mode, purpose, urgency, work_package, requester_contact, status)
      select request_id, ${codeOf(sql`n`)}, ${ids!.mediation}, ${ids!.mediation}, ${ids!.requester}, language,
             starts_at, starts_at + length, extract(epoch from length) / 60, 'phone', 'interview', 'routine', 'wp1',
             '0363 000000', 'confirmed'
        from bench_booking`);
  await tx.execute(sql`insert into mediation_assignments (request_id, mediator_id, status, starts_at, ends_at, assigned_by)
      select b.request_id, b.mediator_id, 'confirmed', b.starts_at, b.starts_at + b.length, ${ids!.coordinator}
        from bench_booking b`);
  return { ...ids!, bookings: MEDIATORS * 3 };
}

/** The timed requests: varied language, time, mode, place, victim flags; some linked to a demo case. */
async function timedRequests(tx: Tx, ids: { mediation: string; requester: string }, bookings: number) {
  const random = mulberry32(18);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const cases = await queryRows<{ id: string }>(
    tx,
    sql`select id from cases where status = 'open' order by id`,
  );
  const rows: SQL[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const language = random() < 0.9 ? pick(POOL) : pick(RARE);
    const day = new Date(Date.now() + (1 + Math.floor(random() * 27)) * 86_400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 2);
    day.setUTCHours(7 + Math.floor(random() * 9), random() < 0.5 ? 0 : 30, 0, 0);
    const minutes = pick([60, 60, 90, 120]);
    const mode = pick(['in_person', 'in_person', 'in_person', 'phone', 'phone', 'video']);
    const municipality =
      mode === 'in_person' ? `9${String(1 + Math.floor(random() * DISTRICTS)).padStart(5, '0')}` : null;
    const victim = random() < 0.15;
    const community = random() < 0.4 ? COUNTRY[language]! : null;
    const caseId = cases.length > 0 && random() < 0.1 ? pick(cases).id : null;
    rows.push(
      sql`(gen_random_uuid(), ${codeOf(sql`${bookings + i + 1}`)}, ${ids.mediation}::uuid, ${ids.mediation}::uuid,
           ${ids.requester}::uuid, ${language}, ${language === 'ar' && random() < 0.3 ? 'marocchino' : null},
           ${day}::timestamptz, ${new Date(day.getTime() + minutes * 60_000)}::timestamptz, ${minutes}, ${mode},
           ${municipality}, 'interview', 'routine', ${pick(['any', 'any', 'any', 'female', 'male'])}, ${victim},
           ${victim ? 'female' : null}, ${community}, ${community !== null && victim && random() < 0.5}, 'wp1',
           ${caseId}::uuid, '0363 000000', 'open')`,
    );
  }
  return queryRows<{ id: string; linked: boolean }>(
    tx,
    sql`insert into mediation_requests (id, code, mediation_service_id, service_id, requester_id, language, dialect,
          starts_at, ends_at, duration_minutes, mode, municipality, purpose, urgency, gender_preference, victim,
          victim_mediator_gender, community, avoid_same_community, work_package, case_id, requester_contact, status)
        values ${sql.join(rows, sql`, `)} returning id, case_id is not null as linked`,
  );
}

const REQUEST_COLUMNS = sql`id, language, dialect, starts_at, ends_at, mode, municipality, gender_preference, victim,
  victim_mediator_gender, community, avoid_same_community, case_id, person_id`;

/** Runs the candidates query as EXPLAIN (ANALYZE, BUFFERS) in its place and keeps the plan. */
function explaining(tx: Tx, plan: string[]): Tx {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key !== 'execute') return Reflect.get(target, key, receiver);
      return async (query: SQL) => {
        const rows = await queryRows<{ 'QUERY PLAN': string }>(
          target,
          sql`explain (analyze, buffers) ${query}`,
        );
        plan.push(...rows.map((r) => r['QUERY PLAN']));
        return { rows: [] };
      };
    },
  });
}

async function main() {
  const trama = await startTrama();
  const { database } = trama;
  try {
    console.log(
      `\nMediation matching bench on ${trama.label}: generating ${MEDIATORS} mediators in ${DISTRICTS} districts…`,
    );
    const started = performance.now();
    const ids = await database.db.transaction((tx) => generate(tx as Tx));
    const requests = await database.db.transaction((tx) => timedRequests(tx as Tx, ids, ids.bookings));
    await database.db.execute(sql`analyze`);
    console.log(
      `  generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${ids.bookings} bookings, ${requests.length} requests (analysed)`,
    );
    const inTx = <T>(work: (tx: Tx) => Promise<T>) => database.db.transaction((tx) => work(tx as Tx));
    const rowOf = async (tx: Tx, id: string) =>
      (
        await queryRows<RequestRow>(
          tx,
          sql`select ${REQUEST_COLUMNS} from mediation_requests where id = ${id}`,
        )
      )[0]!;
    const { cookie } = await trama.signIn('referente.mediazione');
    const http = async (id: string) => {
      const res = await fetch(`http://127.0.0.1:${trama.port}/api/mediation/requests/${id}/matches`, {
        headers: { cookie },
      });
      if (!res.ok) throw new Error(`matches of ${id} answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { items: unknown[] }).items.length;
    };

    for (const { id } of requests.slice(0, WARMUP)) {
      await inTx((tx) => matchesFor(tx, id));
      await http(id);
    }
    global.gc?.();
    const whole: number[] = [];
    const wholeLinked: number[] = [];
    const wholeUnlinked: number[] = [];
    const sqlOnly: number[] = [];
    const ranking: number[] = [];
    const api: number[] = [];
    const candidates: number[] = [];
    const matched: number[] = [];
    let slowest = { id: '', ms: 0 };
    for (const { id, linked } of requests) {
      let t = performance.now();
      const matches = await inTx((tx) => matchesFor(tx, id));
      const ms = performance.now() - t;
      whole.push(ms);
      (linked ? wholeLinked : wholeUnlinked).push(ms);
      if (ms > slowest.ms) slowest = { id, ms };
      matched.push(matches.length);

      let loaded: Candidate[] = [];
      const match = await inTx(async (tx) => {
        const row = await rowOf(tx, id);
        t = performance.now();
        loaded = await loadCandidates({ sys: tx, request: row });
        sqlOnly.push(performance.now() - t);
        return matchRequestOf(tx, row);
      });
      candidates.push(loaded.length);
      t = performance.now();
      for (let r = 0; r < RANK_REPEATS; r++) rankCandidates(match, loaded, MEDIATION_LIMITS.matches);
      ranking.push((performance.now() - t) / RANK_REPEATS);

      t = performance.now();
      await http(id);
      api.push(performance.now() - t);
    }

    const w = summary(whole);
    const s = summary(sqlOnly);
    const r = summary(ranking);
    const a = summary(api);
    const ms = (n: number) => n.toFixed(2).padStart(8);
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    console.log(
      `\nMatching ${requests.length} requests, one after another (ms); candidates per request (speak the language): mean ${mean(candidates).toFixed(0)}, max ${Math.max(...candidates)}; matches shown: mean ${mean(matched).toFixed(1)}, none for ${matched.filter((n) => n === 0).length}`,
    );
    console.log(`${''.padEnd(56)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
    const line = (label: string, x: { p50: number; p95: number; max: number }) =>
      console.log(`${label.padEnd(56)} ${ms(x.p50)} ${ms(x.p95)} ${ms(x.max)}`);
    line('matchesFor: request, candidates SQL, place, ranking', w);
    for (const [label, samples] of [
      ['linked to a case', wholeLinked],
      ['with no case', wholeUnlinked],
    ] as const)
      if (samples.length > 0) line(`  requests ${label} (${samples.length})`, summary(samples));
    line('  candidates SQL alone (loadCandidates)', s);
    line(`  ranking alone (rankCandidates, mean of ${RANK_REPEATS})`, r);
    line('GET /api/mediation/requests/:id/matches (coordinator)', a);
    console.log(
      `\nratio ranking / matchesFor: p50 ${(r.p50 / w.p50).toFixed(3)}, p95 ${(r.p95 / w.p95).toFixed(3)}` +
        `\nratio candidates SQL / matchesFor: p50 ${(s.p50 / w.p50).toFixed(2)}, p95 ${(s.p95 / w.p95).toFixed(2)}` +
        `\nratio matchesFor / HTTP: p50 ${(w.p50 / a.p50).toFixed(2)}, p95 ${(w.p95 / a.p95).toFixed(2)}`,
    );
    console.log(
      `\nmatchesFor p95 ${w.p95.toFixed(1)} ms against the ${TARGET_MS} ms target: ${w.p95 <= TARGET_MS ? 'met' : 'NOT met'}` +
        (w.p95 > TARGET_MS && !EXPLAIN ? ' (BENCH_EXPLAIN=1 prints the plan of the slowest)' : ''),
    );

    if (EXPLAIN) {
      const plan: string[] = [];
      await inTx(async (tx) => {
        const row = await rowOf(tx, slowest.id);
        await loadCandidates({ sys: explaining(tx, plan), request: row });
      });
      console.log(
        `\nEXPLAIN (ANALYZE, BUFFERS) of the candidates query of the slowest request (${slowest.ms.toFixed(1)} ms):`,
      );
      for (const l of plan) console.log(`  ${l}`);
    }
  } finally {
    await trama.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
