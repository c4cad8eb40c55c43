import { auditRetentionJob } from '../audit/audit-retention.js';
import { exportExpiryJob, exportJob } from '../exports/export-job.js';
import { pruneIdempotencyKeys } from '../http/idempotency.js';
import { mailJob } from '../mail/mail-queue.js';
import { resumableExpiryJob } from '../storage/resumable.js';
import type { JobKind } from './job-queue.js';

/** Idempotency keys are kept a day (their retries come within seconds; the day is the margin). */
const idempotencyPruneJob: JobKind<Record<string, never>> = {
  name: 'idempotency.prune',
  label: { it: 'Pulizia delle chiavi di idempotenza', en: 'Removal of old idempotency keys' },
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
  schedule: '17 * * * *',
  async handle(_data, { deps }) {
    await pruneIdempotencyKeys(deps.database, 24);
  },
};

/** The platform's own kinds of job; modules add theirs through their descriptor (`jobs`). */
export const PLATFORM_JOB_KINDS: readonly JobKind<never>[] = [
  mailJob,
  auditRetentionJob,
  exportJob,
  exportExpiryJob,
  idempotencyPruneJob,
  resumableExpiryJob,
];
