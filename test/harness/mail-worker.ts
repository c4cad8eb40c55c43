// A mail worker in its own process, for the crash test: it takes mail jobs from the database named
// by DATABASE_URL and sends them to SMTP_URL, until it is killed.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpointKey } from '../../src/server/platform/audit/checkpoint-key.js';
import { loadConfig } from '../../src/server/platform/config/config.js';
import { parseKeyring } from '../../src/server/platform/crypto/field-crypto.js';
import { openPostgres } from '../../src/server/platform/db/client.js';
import { createBoss, jobQueueOf, startWorkers } from '../../src/server/platform/jobs/job-queue.js';
import { mailJob } from '../../src/server/platform/mail/mail-queue.js';
import { createMailer } from '../../src/server/platform/mail/mailer.js';

const database = await openPostgres({ url: process.env.DATABASE_URL!, poolSize: 2 });
const boss = createBoss(database, { background: false });
await boss.start();
const deps = {
  database,
  db: database.db,
  keyring: parseKeyring(process.env.TRAMA_TEST_KEYRING!),
  mailer: createMailer({
    smtpUrl: process.env.SMTP_URL!,
    from: 'trama@test.localhost',
    outboxDir: join(mkdtempSync(join(tmpdir(), 'trama-worker-')), 'outbox'),
  }),
  config: loadConfig({}),
  jobs: jobQueueOf(boss),
  checkpointKey: parseCheckpointKey(
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  ),
};
await startWorkers({ boss, kinds: [mailJob], deps, pollingIntervalSeconds: 0.5, onError: () => {} });
process.stdout.write('ready\n');
