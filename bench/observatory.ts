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
 */
const YEAR = 2025;
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

  console.log(
    `Observatory bench on ${label}: generating ${count.toLocaleString('en')} incidents in ${DISTRICTS} districts…`,
  );
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

  const url = `http://127.0.0.1:${port}/api/observatory/statistics?year=${YEAR}`;
  const headers = { cookie: await cookieFor('coordinatrice') };
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
      sql`select table_key, row_category, column_category, count from incident_counts where year = ${YEAR} and count > 0`,
    ),
  );
  const fromIncidents = await timed(3, () =>
    queryRows(
      database.db,
      sql`select c.table_key, c.row_category, c.column_category, count(*)
          from incidents i, lateral observatory_contributions(i) c
          where i.incident_month like ${`${YEAR}-%`} group by 1, 2, 3`,
    ),
  );

  const line = (name: string, r: { p50: number; p95: number; rounds: number }) =>
    console.log(
      `${name.padEnd(64)} p50 ${r.p50.toFixed(1).padStart(8)} ms   p95 ${r.p95.toFixed(1).padStart(8)} ms   (${r.rounds} runs)`,
    );
  console.log(
    `\nfull dashboard: ${body.tables.length} tables, ${cells} published cells, ${hidden} suppressed\n`,
  );
  line('Trama GET /api/observatory/statistics (session+access+audit+k)', dashboard);
  line('the SQL it runs: kept counts of the year', countsSql);
  line('the same aggregates computed from the incidents', fromIncidents);
  console.log(
    `\nratio dashboard p95 / its SQL p95:                 ${(dashboard.p95 / countsSql.p95).toFixed(1)}`,
  );
  console.log(
    `ratio dashboard p95 / aggregates-from-incidents p95: ${(dashboard.p95 / fromIncidents.p95).toFixed(3)}`,
  );
  console.log(`budget: dashboard p95 <= 300 ms on PostgreSQL — ${dashboard.p95 <= 300 ? 'met' : 'NOT met'}`);
} finally {
  await stop();
}
