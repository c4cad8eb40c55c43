import PgBoss from 'pg-boss';
import type { AuditActor } from '../audit/audit-events.js';
import type { Database, Tx } from '../db/client.js';
import { unsafeAsSystem } from '../db/context.js';
import type { Deps } from '../deps.js';

/** The schema pg-boss keeps its queues in; created with the migrations (ensureJobSchema). */
export const JOBS_SCHEMA = 'pgboss';

/** Who the audit trail names for what a job does on its own (a reminder sent, a grant's end). */
export const JOB_ACTOR: AuditActor = {
  userId: null,
  username: 'trama',
  role: 'system',
  serviceId: null,
  clientIp: null,
};

/** What a job handler is given: the platform's dependencies, and the job's own id and attempt. */
export interface JobContext {
  deps: Deps;
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

/**
 * A kind of background job, declared by the platform or by a module's descriptor. Handlers must be
 * safe to run twice (a worker killed mid-job is retried after `expireInSeconds`): they look up
 * what they already did before doing it.
 */
export interface JobKind<T = Record<string, unknown>> {
  name: string;
  /** What the admin screen shows: words, not the queue name. */
  label: { it: string; en: string };
  retryLimit: number;
  /** Seconds before the first retry; doubled at each retry (pg-boss's backoff). */
  retryDelaySeconds: number;
  /** A job running longer than this is taken as lost (its worker died) and retried. */
  expireInSeconds: number;
  /** For recurring jobs: a cron expression in Europe/Rome time. */
  schedule?: string;
  handle(data: T, context: JobContext): Promise<void>;
}

export interface EnqueueOptions {
  /** When the job may start; now if absent. */
  startAfter?: Date;
}

/** The queue a service writes to, inside the transaction of the change that causes the job. */
export interface JobQueue {
  enqueue(tx: Tx, name: string, data: Record<string, unknown>, options?: EnqueueOptions): Promise<string>;
  /** Outside a request transaction: platform machinery (schedulers, tests, the admin's re-run). */
  enqueueNow(name: string, data: Record<string, unknown>, options?: EnqueueOptions): Promise<string>;
  retry(name: string, id: string): Promise<void>;
  boss: PgBoss;
}

/** pg-boss's database executor over Trama's own connection (the pool, or the one PGlite). */
export function executorOf(database: Database) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      // Several statements without parameters (pg-boss's own migrations) need the simple protocol.
      if (database.kind === 'pglite' && (!values || values.length === 0)) {
        const client = (
          database.db as unknown as { $client: { exec(q: string): Promise<{ rows: unknown[] }[]> } }
        ).$client;
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }
      return { rows: await database.query(text, values) };
    },
  };
}

/**
 * The executor of an open Drizzle transaction: the driver's own client (a pg PoolClient or a PGlite
 * transaction), which takes pg-boss's SQL and numbered parameters as they are. This is what makes
 * the queue an outbox: the job row commits or rolls back with the change.
 */
function transactionExecutor(tx: Tx) {
  const client = (
    tx as unknown as { session: { client: { query(t: string, v?: unknown[]): Promise<unknown> } } }
  ).session.client;
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
}

/** Creates pg-boss's schema with the migrations, so a test snapshot already holds it. */
export async function ensureJobSchema(database: Database) {
  const [found] = await database.query<{ n: number }>(
    `select count(*)::int as n from information_schema.schemata where schema_name = $1`,
    [JOBS_SCHEMA],
  );
  if ((found?.n ?? 0) > 0) return;
  await executorOf(database).executeSql(PgBoss.getConstructionPlans(JOBS_SCHEMA));
}

/**
 * pg-boss over Trama's connection. `background: false` (tests, one-off commands) runs no
 * maintenance or schedules of its own: jobs are taken by `runDueJobs` when the caller says.
 */
export function createBoss(
  database: Database,
  options: { background?: boolean; maintenanceIntervalSeconds?: number } = {},
) {
  const background = options.background ?? true;
  const boss = new PgBoss({
    db: executorOf(database),
    schema: JOBS_SCHEMA,
    supervise: background,
    schedule: background,
    migrate: background,
    // Expired jobs (a dead worker's) are found by maintenance: often enough to retry within a minute.
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    // Finished jobs are archived after a day and the archive is kept a week: the admin screen's window.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 7,
  });
  return boss;
}

/** A started queue without workers or maintenance: for tests, benchmarks and commands. */
export async function startQuietJobQueue(database: Database): Promise<JobQueue> {
  const boss = createBoss(database, { background: false });
  await boss.start();
  return jobQueueOf(boss);
}

export function jobQueueOf(boss: PgBoss): JobQueue {
  return {
    boss,
    async enqueue(tx, name, data, options = {}) {
      // The job store is platform machinery owned by the owner role: the insert runs as the owner.
      return unsafeAsSystem(tx, async () => {
        const id = await boss.send(name, data, {
          db: transactionExecutor(tx),
          ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        } as PgBoss.SendOptions);
        if (!id) throw new Error(`job ${name} was not queued`);
        return id;
      });
    },
    async enqueueNow(name, data, options = {}) {
      const id = await boss.send(name, data, options.startAfter ? { startAfter: options.startAfter } : {});
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },
    async retry(name, id) {
      await boss.retry(name, id);
    },
  };
}

/** Creates or updates each kind's queue with its retry policy, and its schedule if recurring. */
export async function declareQueues(boss: PgBoss, kinds: readonly JobKind<never>[]) {
  for (const kind of kinds) {
    const options = {
      name: kind.name,
      retryLimit: kind.retryLimit,
      retryDelay: kind.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: kind.expireInSeconds,
    };
    if (await boss.getQueue(kind.name)) await boss.updateQueue(kind.name, options);
    else await boss.createQueue(kind.name, options);
    if (kind.schedule) await boss.schedule(kind.name, kind.schedule, {}, { tz: 'Europe/Rome' });
  }
}

/**
 * What a failed job keeps as its error: the database's own message, never Drizzle's wrapper,
 * which repeats the query's parameters (they may name people) into the job table.
 */
export function jobError(error: unknown): Error {
  const cause = (error as { cause?: unknown }).cause;
  const message =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return new Error(message.startsWith('Failed query:') ? 'database query failed' : message);
}

/** Starts one worker per kind: jobs are taken one at a time and handed to the kind's handler. */
export async function startWorkers({
  boss,
  kinds,
  deps,
  pollingIntervalSeconds = 2,
  onError,
}: {
  boss: PgBoss;
  kinds: readonly JobKind<never>[];
  deps: Deps;
  pollingIntervalSeconds?: number;
  onError: (kind: string, error: unknown) => void;
}) {
  for (const kind of kinds) {
    await boss.work(
      kind.name,
      { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
      async (jobs: PgBoss.JobWithMetadata[]) => {
        for (const job of jobs) {
          try {
            await kind.handle(job.data as never, { deps, jobId: job.id, retryCount: job.retryCount });
          } catch (error) {
            onError(kind.name, error);
            throw jobError(error);
          }
        }
      },
    );
  }
}

/** Jobs of these kinds that are due now, run here and now: for tests and the `jobs:run` command. */
export async function runDueJobs({
  boss,
  kinds,
  deps,
}: {
  boss: PgBoss;
  kinds: readonly JobKind<never>[];
  deps: Deps;
}): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const tried = new Set<string>();
  // Again until a pass finds nothing: a job may queue another (a reminder queues its mail).
  for (let pass = -1; pass !== done + failed; ) {
    pass = done + failed;
    for (const kind of kinds) {
      for (;;) {
        const [job] = ((await boss.fetch(kind.name, { includeMetadata: true })) ??
          []) as PgBoss.JobWithMetadata[];
        if (!job) break;
        if (tried.has(job.id)) {
          // Failed here already and due again at once (no retry delay): leave it to the workers.
          await boss.fail(kind.name, job.id, { message: 'retried too soon' });
          break;
        }
        tried.add(job.id);
        try {
          await kind.handle(job.data as never, { deps, jobId: job.id, retryCount: job.retryCount });
          await boss.complete(kind.name, job.id);
          done++;
        } catch (error) {
          await boss.fail(kind.name, job.id, { message: jobError(error).message });
          failed++;
        }
      }
    }
  }
  return { done, failed };
}
