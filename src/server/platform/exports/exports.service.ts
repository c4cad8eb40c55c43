import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TExport,
  TExportKind,
  ZExportDecisionSchema,
  ZExportRequestSchema,
} from '../../../contracts/exports.js';
import { type AccessContext, actorOf } from '../access/access-context.js';
import { scoped } from '../access/access-hook.js';
import { writeAudit } from '../audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../db/client.js';
import { unsafeAsSystem } from '../db/context.js';
import type { Deps } from '../deps.js';
import { problems } from '../http/problem.js';
import { createDownloadLink } from '../storage/file-links.service.js';
import { exportKindOf, exportKinds } from './export-kind.js';

export const EXPORT_JOB_NAME = 'exports.run';

interface ExportRow {
  id: string;
  kind: string;
  format: 'csv' | 'xlsx';
  state: TExport['state'];
  rows_done: number;
  rows_total: number | null;
  requested_by: string;
  requester: string;
  created_at: Date | string;
  decider: string | null;
  error: string | null;
  finished_at: Date | string | null;
  expires_at: Date | string | null;
  service_id: string | null;
}

const SELECT_EXPORT = sql`select r.id, r.kind, r.format, r.state, r.rows_done, r.rows_total, r.requested_by,
    u.username as requester, r.created_at, d.username as decider, r.error, r.finished_at, r.expires_at, r.service_id
  from export_runs r join users u on u.id = r.requested_by left join users d on d.id = r.approved_by`;

/** The viewer may decide on an export: holds the approving permission, in its service, and is not its requester. */
function mayDecide(ctx: AccessContext, row: ExportRow) {
  const approval = exportKindOf(row.kind)?.approval;
  return (
    !!approval &&
    row.state === 'awaiting_approval' &&
    row.requested_by !== ctx.userId &&
    ctx.permissions.has(approval) &&
    row.service_id !== null &&
    row.service_id === ctx.serviceId
  );
}

function toExport(ctx: AccessContext, row: ExportRow): TExport {
  const kind = exportKindOf(row.kind);
  return {
    id: row.id,
    kind: row.kind,
    label: kind?.label ?? { it: row.kind, en: row.kind },
    format: row.format,
    state: row.state,
    rowsDone: row.rows_done,
    rowsTotal: row.rows_total,
    requestedBy: row.requester,
    requestedAt: isoTime(row.created_at)!,
    needsApproval: !!kind?.approval,
    decidedBy: row.decider,
    mine: row.requested_by === ctx.userId,
    canDecide: mayDecide(ctx, row),
    error: row.error,
    finishedAt: isoTime(row.finished_at),
    expiresAt: isoTime(row.expires_at),
  };
}

/** The kinds of export the viewer may ask for. */
export function kindsFor(ctx: AccessContext): TExportKind[] {
  return exportKinds()
    .filter((k) => ctx.permissions.has(k.permission))
    .map((k) => ({ kind: k.name, label: k.label, needsApproval: !!k.approval }));
}

/**
 * Asks for an export: checked (kind, permission, parameters), recorded and audited; queued at once,
 * or left for a second person's approval when the kind needs one.
 */
export async function requestExport({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZExportRequestSchema>;
}): Promise<TExport> {
  const kind = exportKindOf(input.kind);
  if (!kind || !ctx.permissions.has(kind.permission))
    throw problems.field('kind', 'unknown', { it: 'Esportazione non disponibile.', en: 'No such export.' });
  const parsed = kind.params.safeParse(input.params);
  if (!parsed.success)
    throw problems.field(`params.${String(parsed.error.issues[0]?.path[0] ?? '')}`, 'invalid', {
      it: 'Parametro non valido.',
      en: 'Invalid parameter.',
    });
  if (!ctx.membershipId) throw problems.forbidden();
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const state = kind.approval ? 'awaiting_approval' : 'queued';
      // Export runs are platform rows: written as the owner after the checks above.
      const [created] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string }>(
          sys,
          sql`insert into export_runs (kind, params, format, state, requested_by, membership_id, service_id)
              values (${kind.name}, ${JSON.stringify(parsed.data)}::jsonb, ${input.format}, ${state}, ${ctx.userId},
                      ${ctx.membershipId}, ${ctx.serviceId}) returning id`,
        ),
      );
      const id = created!.id;
      if (!kind.approval) await deps.jobs.enqueue(tx, EXPORT_JOB_NAME, { exportId: id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'export.requested',
          recordType: 'export',
          recordId: id,
          details: { kind: kind.name, format: input.format },
        },
      });
      return toExport(ctx, (await loadExport(tx, id))!);
    },
  });
}

/** One run as the viewer sees it: row-level security (export_runs_read) decides which. */
async function loadExport(tx: Tx, id: string) {
  const [row] = await queryRows<ExportRow>(tx, sql`${SELECT_EXPORT} where r.id = ${id}`);
  return row;
}

/** One's own exports, and those waiting for the viewer's approval; newest first. */
export function listExports({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Row-level security gives one's own runs, those waiting in one's service and those one decided.
      const rows = await queryRows<ExportRow>(tx, sql`${SELECT_EXPORT} order by r.created_at desc limit 100`);
      return rows.map((r) => toExport(ctx, r)).filter((e) => e.mine || e.canDecide);
    },
  });
}

/** One export the viewer asked for or may decide on; anything else is not found. */
export function getExport({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await loadExport(tx, id);
      if (!row) throw problems.notFound();
      const found = toExport(ctx, row);
      if (!found.mine && !found.canDecide) throw problems.notFound();
      return found;
    },
  });
}

/** A second person approves (the export is queued) or refuses it; never the requester. */
export function decideExport({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZExportDecisionSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await loadExport(tx, id);
      if (
        !row ||
        (row.requested_by !== ctx.userId && !mayDecide(ctx, { ...row, state: 'awaiting_approval' }))
      )
        throw problems.notFound();
      if (row.requested_by === ctx.userId)
        throw problems.conflict({
          it: 'Un’esportazione è approvata da un’altra persona, non da chi l’ha chiesta.',
          en: 'An export is approved by someone other than the person who asked for it.',
        });
      const state = input.decision === 'approve' ? 'queued' : 'refused';
      // One decision wins: the update holds only while it is still waiting.
      const [decided] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string }>(
          sys,
          sql`update export_runs set state = ${state}, approved_by = ${ctx.userId}, decided_at = now()
               where id = ${id} and state = 'awaiting_approval' returning id`,
        ),
      );
      if (!decided)
        throw problems.conflict({
          it: 'Questa richiesta è già stata decisa.',
          en: 'This request was already decided.',
        });
      if (state === 'queued') await deps.jobs.enqueue(tx, EXPORT_JOB_NAME, { exportId: id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: input.decision === 'approve' ? 'export.approved' : 'export.refused',
          recordType: 'export',
          recordId: id,
          ...(input.note ? { purpose: input.note } : {}),
          details: { kind: row.kind },
        },
      });
      return toExport(ctx, (await loadExport(tx, id))!);
    },
  });
}

/**
 * The requester's one download: the export is marked downloaded and a short-lived, single-use
 * link to its file is made, in one step; a second ask finds it downloaded.
 */
export async function downloadExport({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const fileId = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [taken] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ file_id: string }>(
          sys,
          sql`update export_runs set state = 'downloaded', downloaded_at = now()
               where id = ${id} and requested_by = ${ctx.userId} and state = 'ready' and expires_at > now()
               returning file_id`,
        ),
      );
      if (!taken) {
        const row = await loadExport(tx, id);
        if (!row || row.requested_by !== ctx.userId) throw problems.notFound();
        throw problems.conflict({
          it: 'Il file non è disponibile: è già stato scaricato, è scaduto o non è pronto.',
          en: 'The file is not available: already downloaded, expired or not ready.',
        });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'export.downloaded', recordType: 'export', recordId: id },
      });
      return taken.file_id;
    },
  });
  try {
    return await createDownloadLink({ deps, ctx, fileId });
  } catch (error) {
    // No link was made: the download was not spent.
    await deps.database.query(
      `update export_runs set state = 'ready', downloaded_at = null where id = $1 and state = 'downloaded'`,
      [id],
    );
    throw error;
  }
}
