import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../src/server/platform/db/client.js';
import { services, users } from '../src/server/platform/tenancy/tenancy.sql.js';
import { generateIncidents } from './generate-incidents.js';
import { startTrama } from './support.js';

/**
 * The observatory dashboard on a synthetic register: BENCH_INCIDENTS incidents (1,000,000 on
 * PostgreSQL, 100,000 on PGlite by default) across 600 districts in one year. Measures, one
 * request after another as a coordinator would click, the full dashboard (every table, linked
 * suppression, audit) against the SQL it runs (reading the kept counts) and against computing
 * the same aggregates from the incidents themselves. Ratios from the same run are the result.
 * First the sparse case: BENCH_SPARSE_INCIDENTS (3,000) incidents of another year over the same
 * districts, whose wide, mostly hidden tables are the hardest for complementary suppression.
 */
const YEAR = 2025;
/** A national install in its first months: BENCH_SPARSE_INCIDENTS (3,000) over the same districts. */
const SPARSE_YEAR = 2024;
const SPARSE_COUNT = Number(process.env.BENCH_SPARSE_INCIDENTS ?? 3000);
const DISTRICTS = Number(process.env.BENCH_DISTRICTS ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(rounds: number, run: () => Promise<unknown>) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), rounds };
}

const { database, label, port, cookieFor, stop } = await startTrama();
const count = Number(process.env.BENCH_INCIDENTS ?? (database.kind === 'postgres' ? 1_000_000 : 100_000));
try {
  const [recorder] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'operatrice.cav'));
  const [service] = await database.db
    .select({ id: services.id })
    .from(services)
    .where(eq(services.kind, 'anti_violence_network'));

  // The sparse case first (a national install in its first months): few incidents over many
  // districts make wide, mostly hidden tables, the hardest for complementary suppression.
  console.log(
    `Observatory bench on ${label}: sparse year ${SPARSE_YEAR}, ${SPARSE_COUNT.toLocaleString('en')} incidents in ${DISTRICTS} districts…`,
  );
  await generateIncidents({
    database,
    count: SPARSE_COUNT,
    districtCount: DISTRICTS,
    year: SPARSE_YEAR,
    serviceId: service!.id,
    userId: recorder!.id,
  });
  console.log(`generating ${count.toLocaleString('en')} incidents in ${DISTRICTS} districts for ${YEAR}…`);
  const started = performance.now();
  await generateIncidents({
    database,
    count,
    districtCount: DISTRICTS,
    year: YEAR,
    serviceId: service!.id,
    userId: recorder!.id,
    onProgress: (done) => process.stdout.write(`\r  ${done.toLocaleString('en')} incidents`),
  });
  console.log(
    `\n  generated in ${((performance.now() - started) / 1000).toFixed(0)} s (counts kept by the triggers)`,
  );
  await database.db.execute(sql`analyze`);
  const headers = { cookie: await cookieFor('coordinatrice') };

  /** The dashboard of one year against the SQL it runs, one request after another. */
  async function dashboardOf(year: number) {
    const url = `http://127.0.0.1:${port}/api/observatory/statistics?year=${year}`;
    const probe = await fetch(url, { headers });
    if (!probe.ok) throw new Error(`dashboard answered ${probe.status}: ${await probe.text()}`);
    const body = (await probe.json()) as { tables: { cells: (number | null)[][] }[] };
    const cells = body.tables.reduce((n, t) => n + t.cells.flat().length, 0);
    const hidden = body.tables.reduce((n, t) => n + t.cells.flat().filter((v) => v === null).length, 0);
    const dashboard = await timed(ROUNDS, async () => {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
    });
    const countsSql = await timed(ROUNDS, () =>
      queryRows(
        database.db,
        sql`select table_key, row_category, column_category, count from incident_counts where year = ${year} and count > 0`,
      ),
    );
    return { tables: body.tables.length, cells, hidden, dashboard, countsSql };
  }

  const line = (name: string, r: { p50: number; p95: number; rounds: number }) =>
    console.log(
      `${name.padEnd(64)} p50 ${r.p50.toFixed(1).padStart(8)} ms   p95 ${r.p95.toFixed(1).padStart(8)} ms   (${r.rounds} runs)`,
    );
  const budget = (name: string, p95: number) =>
    console.log(
      `budget: ${name} p95 ${p95.toFixed(1)} ms <= 300 ms on PostgreSQL — ${p95 <= 300 ? 'met' : 'NOT met'}`,
    );

  const sparse = await dashboardOf(SPARSE_YEAR);
  console.log(
    `\nsparse year ${SPARSE_YEAR} (${SPARSE_COUNT.toLocaleString('en')} incidents, ${DISTRICTS} districts): ${sparse.tables} tables, ${sparse.cells} published cells, ${sparse.hidden} suppressed\n`,
  );
  line('Trama GET /api/observatory/statistics (session+access+audit+k)', sparse.dashboard);
  line('the SQL it runs: kept counts of the year', sparse.countsSql);
  console.log(
    `\nratio dashboard p95 / its SQL p95:                 ${(sparse.dashboard.p95 / sparse.countsSql.p95).toFixed(1)}`,
  );
  budget('sparse dashboard', sparse.dashboard.p95);

  const full = await dashboardOf(YEAR);
  const fromIncidents = await timed(3, () =>
    queryRows(
      database.db,
      sql`select c.table_key, c.row_category, c.column_category, count(*)
          from incidents i, lateral observatory_contributions(i) c
          where i.incident_month like ${`${YEAR}-%`} group by 1, 2, 3`,
    ),
  );
  console.log(
    `\nfull dashboard ${YEAR} (${count.toLocaleString('en')} incidents): ${full.tables} tables, ${full.cells} published cells, ${full.hidden} suppressed\n`,
  );
  line('Trama GET /api/observatory/statistics (session+access+audit+k)', full.dashboard);
  line('the SQL it runs: kept counts of the year', full.countsSql);
  line('the same aggregates computed from the incidents', fromIncidents);
  console.log(
    `\nratio dashboard p95 / its SQL p95:                 ${(full.dashboard.p95 / full.countsSql.p95).toFixed(1)}`,
  );
  console.log(
    `ratio dashboard p95 / aggregates-from-incidents p95: ${(full.dashboard.p95 / fromIncidents.p95).toFixed(3)}`,
  );
  budget('dashboard', full.dashboard.p95);
} finally {
  await stop();
}
