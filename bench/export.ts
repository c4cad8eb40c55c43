import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/platform/db/client.js';
import { withDbContext } from '../src/server/platform/db/context.js';
import { EXPORT_PAGE_ROWS } from '../src/server/platform/exports/export-job.js';
import { runDueJobs } from '../src/server/platform/jobs/job-queue.js';
import { generateIncidents } from './generate-incidents.js';
import { startTrama } from './support.js';

/**
 * The streamed export of the incident register as a job: BENCH_EXPORT_ROWS incidents (1,000,000 on
 * PostgreSQL, 100,000 on PGlite by default) asked for over HTTP by the centre's practitioner, run by
 * the export job (pages as the requester under RLS, words for codes, CSV, encryption, the file
 * store). Side by side in the same run: the same pages read with no encoding, encryption or
 * storage. Prints both times, their ratio, rows per second and the process's peak RSS, against
 * the targets (60 s and 300 MB for 1,000,000 rows). Printed, never asserted.
 */
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 300;

async function main() {
  const trama = await startTrama();
  const { database, deps, jobKinds } = trama;
  const onPg = !!process.env.DATABASE_URL;
  const rows = Number(process.env.BENCH_EXPORT_ROWS ?? (onPg ? 1_000_000 : 100_000));
  try {
    const [who] = await queryRows<{ user_id: string; service_id: string; role: string; org: string | null }>(
      database.db,
      sql`select u.id as user_id, m.service_id, m.role, m.organisation_id as org from users u
            join memberships m on m.user_id = u.id where u.username = 'operatrice.cav'`,
    );
    const started = Date.now();
    await generateIncidents({
      database,
      count: rows,
      districtCount: 50,
      year: 2025,
      serviceId: who!.service_id,
      userId: who!.user_id,
    });
    console.log(
      `Export benchmark on ${trama.label}: ${rows.toLocaleString('en')} incidents generated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const { cookie, csrf } = await trama.signIn('operatrice.cav');
    const asked = await trama.app.inject({
      method: 'POST',
      url: '/api/exports',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { kind: 'observatory.incidents', format: 'csv' },
    });
    if (asked.statusCode !== 202) throw new Error(`export refused: ${asked.statusCode} ${asked.body}`);
    const worker = await runExport({ trama, deps, jobKinds });
    // Baseline: the same pages, read as the requester, with nothing done to them.
    const context = {
      userId: who!.user_id,
      role: who!.role,
      organisationId: who!.org,
      serviceId: who!.service_id,
    };
    const baselineStart = performance.now();
    let after: string | null = null;
    let read = 0;
    for (;;) {
      const page: { id: string }[] = await withDbContext(database.db, context, (tx) =>
        queryRows<{ id: string }>(
          tx,
          sql`select i.* from incidents i where i.status = 'recorded'${after ? sql` and i.id > ${after}::uuid` : sql``}
               order by i.id limit ${EXPORT_PAGE_ROWS}`,
        ),
      );
      read += page.length;
      if (page.length < EXPORT_PAGE_ROWS) break;
      after = page.at(-1)!.id;
    }
    const baselineSeconds = (performance.now() - baselineStart) / 1000;

    const [run] = await database.query<{ state: string; rows_done: number; size: string }>(
      `select r.state, r.rows_done, f.size_bytes::text as size from export_runs r join stored_files f on f.id = r.file_id where r.id = $1`,
      [(asked.json() as { id: string }).id],
    );
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `  plain paged read (baseline): ${read.toLocaleString('en')} rows in ${baselineSeconds.toFixed(1)} s`,
    );
    const exportSeconds = worker.seconds;
    console.log(
      `  export job (CSV, words, encrypted, stored; ${worker.where}): ${run?.rows_done.toLocaleString('en')} rows, ${mb(Number(run?.size))} MB file, state ${run?.state}, in ${exportSeconds.toFixed(1)} s (${Math.round((run?.rows_done ?? 0) / exportSeconds).toLocaleString('en')} rows/s)`,
    );
    console.log(`  ratio export / baseline: ${(exportSeconds / baselineSeconds).toFixed(2)}`);
    const scale = 1_000_000 / rows;
    console.log(
      `  target for 1,000,000 rows: < ${TARGET_SECONDS} s → ${rows === 1_000_000 ? '' : 'scaled '}${(exportSeconds * scale).toFixed(1)} s; peak RSS of the process that ran it ${mb(worker.peakRss)} MB, ${mb(worker.rssBefore)} MB before it started (target < ${TARGET_RSS_MB} MB)`,
    );
  } finally {
    await trama.stop();
  }
}

/**
 * On PostgreSQL the job runs in a worker process of its own, so its RSS is the job's and not the
 * benchmark's (which holds the app and the generator); PGlite is one process, so it runs here.
 */
async function runExport({
  trama,
  deps,
  jobKinds,
}: Pick<Awaited<ReturnType<typeof startTrama>>, 'deps' | 'jobKinds'> & {
  trama: Awaited<ReturnType<typeof startTrama>>;
}) {
  if (trama.database.url) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/export-worker.ts'], {
      env: { ...process.env, DATABASE_URL: trama.database.url, TRAMA_DATA_DIR: deps.config.dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const line = JSON.parse(out.trim().split('\n').at(-1)!) as {
      seconds: number;
      rssBefore: number;
      peakRss: number;
    };
    return { ...line, where: 'a worker process' };
  }
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  await runDueJobs({ boss: deps.jobs.boss, kinds: jobKinds, deps });
  clearInterval(sampler);
  return {
    seconds: (performance.now() - start) / 1000,
    rssBefore,
    peakRss,
    where: 'in the benchmark process',
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
