import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdSchema } from '../../../contracts/common.js';
import { type TJob, type TJobState, ZJobListQuerySchema, ZJobSchema } from '../../../contracts/jobs.js';
import { actorOf } from '../access/access-context.js';
import { requireAccess } from '../access/access-hook.js';
import { writeAuditApart } from '../audit/audit-writer.js';
import { isoTime } from '../db/client.js';
import type { Deps } from '../deps.js';
import { problems } from '../http/problem.js';
import { JOBS_SCHEMA, type JobKind } from './job-queue.js';

interface JobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  created_on: Date | string;
  start_after: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  error: string | null;
}

/** pg-boss's states in the admin's words; a job waiting after a failure is "retrying". */
const STATE_OF: Record<string, TJobState> = {
  created: 'queued',
  retry: 'retrying',
  active: 'running',
  completed: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};
const STATES_FOR = Object.fromEntries(
  Object.values(STATE_OF).map((s) => [s, Object.keys(STATE_OF).filter((k) => STATE_OF[k] === s)]),
) as Record<TJobState, string[]>;

const MAX_ERROR = 300;
const COLUMNS =
  'id, name, state, retry_count, retry_limit, created_on, start_after, started_on, completed_on, output';

/**
 * The admin's view of the background jobs (current and archived, newest first) and a re-run of a
 * failed one. Job data is never shown: it may name people; the error message is.
 */
export const jobsRoutes =
  (deps: Deps, kinds: readonly JobKind<never>[]): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['jobs'];
    const labelOf = new Map(kinds.map((k) => [k.name, k.label]));

    app.get(
      '/api/jobs',
      {
        config: { access: 'jobs.manage' },
        schema: {
          tags,
          summary: 'Background jobs, newest first (the last 200): state, attempts and the error',
          querystring: ZJobListQuerySchema,
          response: { 200: z.array(ZJobSchema) },
        },
      },
      async (request): Promise<TJob[]> => {
        const states = request.query.state ? STATES_FOR[request.query.state] : Object.keys(STATE_OF);
        const rows = await deps.database.query<JobRow>(
          `select id::text, name, state::text, retry_count, retry_limit, created_on, start_after, started_on,
                  completed_on, left(coalesce(output->>'message', output->>'value'), ${MAX_ERROR}) as error
             from (select ${COLUMNS} from ${JOBS_SCHEMA}.job
                   union all select ${COLUMNS} from ${JOBS_SCHEMA}.archive) j
            where state::text = any($1::text[]) and name not like '\\_\\_%'
            order by created_on desc limit 200`,
          [states],
        );
        return rows.map((row) => ({
          id: row.id,
          queue: row.name,
          label: labelOf.get(row.name) ?? { it: row.name, en: row.name },
          state: STATE_OF[row.state] ?? 'queued',
          attempts: row.retry_count + (row.started_on ? 1 : 0),
          maxAttempts: row.retry_limit + 1,
          createdAt: isoTime(row.created_on)!,
          startAfter: isoTime(row.start_after)!,
          startedAt: isoTime(row.started_on),
          finishedAt: isoTime(row.completed_on),
          error: row.state === 'failed' || row.state === 'retry' ? row.error : null,
        }));
      },
    );

    app.post(
      '/api/jobs/:id/retry',
      {
        config: { access: 'jobs.manage' },
        schema: {
          tags,
          summary: 'Runs a failed job again (its handler checks what was already done)',
          params: z.strictObject({ id: ZIdSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const ctx = requireAccess(request);
        const [job] = await deps.database.query<{ name: string }>(
          `select name from ${JOBS_SCHEMA}.job where id = $1 and state = 'failed'`,
          [request.params.id],
        );
        if (!job) throw problems.notFound();
        await deps.jobs.retry(job.name, request.params.id);
        await writeAuditApart({
          db: deps.db,
          actor: actorOf(ctx),
          event: {
            action: 'job.retried',
            recordType: 'job',
            recordId: request.params.id,
            details: { queue: job.name },
          },
        });
        return reply.status(204).send(null);
      },
    );
  };
