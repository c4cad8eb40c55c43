import { join } from 'node:path';
import { buildApp, MODULES } from './app.js';
import { exitOnStartupError } from './cli/cli-common.js';
import { startSealer } from './platform/audit/audit-chain.js';
import { loadCheckpointKey } from './platform/audit/checkpoint-key.js';
import { startCheckpoints, takeCheckpoint } from './platform/audit/checkpoints.js';
import { loadConfig } from './platform/config/config.js';
import { assertKeyringOpensDatabase } from './platform/crypto/keyring-check.js';
import { loadKeyring } from './platform/crypto/keyring-source.js';
import { QUEUE_DECLARATION_LOCK, whileHoldingLock } from './platform/db/advisory-lock.js';
import { runMigrations } from './platform/db/migrate.js';
import { openConfiguredDatabase, StartupError } from './platform/db/open.js';
import { loggedError } from './platform/http/log-serializers.js';
import { createBoss, declareQueues, jobQueueOf, startWorkers } from './platform/jobs/job-queue.js';
import { createMailer } from './platform/mail/mailer.js';
import { type DemoAccount, seedDemo } from './seed/demo.js';
import { loadReferenceData } from './seed/reference.js';

function printDemoAccounts(accounts: DemoAccount[], url: string) {
  console.log(`\nTrama is running at ${url}\n`);
  if (accounts.length === 0) return;
  console.log(
    'Demo accounts (demo mode only; two-factor is enrolled — get a code with `npm run demo:code -- <username>`):',
  );
  // The username column as wide as the longest username, so every line stays aligned.
  const width = Math.max('username'.length, ...accounts.map((a) => a.username.length));
  console.log(`  ${'username'.padEnd(width)} ${'role'.padEnd(13)} ${'password'.padEnd(20)} TOTP secret`);
  for (const a of accounts) {
    console.log(
      `  ${a.username.padEnd(width)} ${a.role.padEnd(13)} ${a.password.padEnd(20)} ${a.totpSecret}   (${a.scope})`,
    );
  }
  console.log('');
}

async function main() {
  const config = loadConfig();
  const warn = (message: string) => console.warn(`Trama: warning: ${message}`);
  const keyring = loadKeyring({ config, warn });
  const checkpointKey = loadCheckpointKey({ config, warn })!;
  const database = await openConfiguredDatabase(config);
  if (database.kind === 'pglite') {
    warn(
      `using the embedded PGlite database in ${config.dataDir}: for demos and development only — real personal data belongs on PostgreSQL (DATABASE_URL)`,
    );
  }
  await runMigrations(database);
  await assertKeyringOpensDatabase({ database, keyring }).catch(async (error) => {
    await database.close();
    throw error;
  });
  await loadReferenceData(database);
  const accounts =
    config.mode === 'demo' ? await seedDemo({ database, keyring, dataDir: config.dataDir }) : [];
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: join(config.dataDir, 'outbox'),
  });
  if (!config.smtpUrl) warn(`SMTP_URL is not set: e-mails are written to ${join(config.dataDir, 'outbox')}`);

  const boss = createBoss(database);
  // Logged as the server logs errors: a job's failed query would otherwise print its parameters.
  boss.on('error', (error) => console.error('Trama: job queue error', JSON.stringify(loggedError(error))));
  await boss.start();
  const deps = { database, db: database.db, keyring, mailer, config, jobs: jobQueueOf(boss), checkpointKey };
  if (config.mode === 'demo') for (const module of MODULES) await module.seedDemoFiles?.(deps);
  const { app, jobKinds } = await buildApp({
    deps,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  // Queues exist before the first request can write a job; workers take jobs from every instance.
  // One instance at a time: pg-boss creates a table per queue, and two doing so together deadlock.
  await whileHoldingLock({
    database,
    key: QUEUE_DECLARATION_LOCK,
    work: () => declareQueues(boss, jobKinds),
  });
  await startWorkers({
    boss,
    kinds: jobKinds,
    deps,
    onError: (queue, error) => app.log.warn({ err: error, queue }, 'job failed; it will be retried'),
  });
  const sealer = startSealer({
    database,
    intervalMs: config.auditSealIntervalMs,
    onError: (e) => app.log.error({ err: e }, 'audit sealing failed'),
  });
  const checkpoints = startCheckpoints({
    intervalMs: config.auditCheckpointIntervalMin * 60_000,
    take: () =>
      takeCheckpoint({ database, key: checkpointKey, file: config.auditCheckpointFile, mailer: deps }),
    onError: (e) => app.log.error({ err: e }, 'audit checkpoint failed'),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Trama: ${signal} received, closing…`);
    await app.close();
    // Running jobs may finish (10 s); one cut short is retried by another instance or the next start.
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    await sealer.stop();
    await checkpoints.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    await sealer.stop();
    await checkpoints.stop();
    await database.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new StartupError(`port ${config.port} is in use: stop the other program or set PORT`);
    if (code === 'EACCES')
      throw new StartupError(`not allowed to listen on port ${config.port}: set PORT above 1024`);
    throw error;
  }
  printDemoAccounts(accounts, `http://localhost:${config.port}`);
}

main().catch(exitOnStartupError);
