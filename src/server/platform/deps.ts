import type { CheckpointKey } from './audit/checkpoint-key.js';
import type { Config } from './config/config.js';
import type { Keyring } from './crypto/field-crypto.js';
import type { Database, Db } from './db/client.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Mailer } from './mail/mailer.js';

/** What every route plugin is given: built once in buildApp, never module-global. */
export interface Deps {
  database: Database;
  db: Db;
  keyring: Keyring;
  /** The mail transport: only the mail job calls it; everything else queues mail (mail-queue.ts). */
  mailer: Mailer;
  jobs: JobQueue;
  config: Config;
  /** Signs the audit checkpoints and retention cuts (ADR 0009); never stored in the database. */
  checkpointKey: CheckpointKey;
}
