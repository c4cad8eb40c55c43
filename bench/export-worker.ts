import { MODULES } from '../src/server/app.js';
import { newCheckpointKey } from '../src/server/platform/audit/checkpoint-key.js';
import { loadConfig } from '../src/server/platform/config/config.js';
import { generateKeySpec, parseKeyring } from '../src/server/platform/crypto/field-crypto.js';
import { openPostgres } from '../src/server/platform/db/client.js';
import { exportJob } from '../src/server/platform/exports/export-job.js';
import { registerExportKinds } from '../src/server/platform/exports/export-kind.js';
import { runDueJobs, startQuietJobQueue } from '../src/server/platform/jobs/job-queue.js';
import { exportKindsOf } from '../src/server/platform/module.js';

const database = await openPostgres({ url: process.env.DATABASE_URL!, poolSize: 2 });
const jobs = await startQuietJobQueue(database);
registerExportKinds(exportKindsOf(MODULES));
const deps = {
  database,
  db: database.db,
  keyring: parseKeyring(generateKeySpec('bench-worker')),
  mailer: { send: async () => {} },
  config: loadConfig(process.env),
  jobs,
  checkpointKey: newCheckpointKey(),
};
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const start = performance.now();
const outcome = await runDueJobs({ boss: jobs.boss, kinds: [exportJob], deps });
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
process.stdout.write(`${JSON.stringify({ ...outcome, seconds, rssBefore, peakRss })}\n`);
await jobs.boss.stop({ graceful: false, wait: true });
await database.close();
