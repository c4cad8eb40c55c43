import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCheckpointKey } from '../../src/server/platform/audit/checkpoint-key.js';
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
  checkpointKey: newCheckpointKey(),
};
await startWorkers({ boss, kinds: [mailJob], deps, pollingIntervalSeconds: 0.5, onError: () => {} });
process.stdout.write('ready\n');
