import { sql } from 'drizzle-orm';
import type { TCase } from '../../../contracts/cases.js';
import type { STATUS_CHANGE_KINDS } from '../../../contracts/tutela.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { type CaseAccess, displayNames } from './cases.policy.js';
import { openTransferOf } from './transfers.repository.js';
import { caseStatusChanges } from './tutela.sql.js';

/**
 * The case's status as its team and supervisor read it (issue 15, item 7): the history of closure
 * requests, refusals, returns, closings, reopenings and transfers with their reasons, where it was
 * transferred, the after-care date and the open transfer request. Never for the referrer, who
 * sees the status and the outcome only (cases.repository.ts `loadCase` leaves this out for them).
 */
export async function statusOfCase({ tx, caseId }: { tx: Tx; caseId: string }) {
  const [c] = await queryRows<{ transferred_to: string | null; after_care_on: string | null }>(
    tx,
    sql`select transferred_to, after_care_on::text as after_care_on from cases where id = ${caseId}`,
  );
  const history = await queryRows<{
    kind: string;
    reason: string | null;
    changed_at: Date;
    changed_by: string;
  }>(
    tx,
    sql`select kind, reason, changed_at, changed_by from case_status_changes where case_id = ${caseId}
        order by changed_at, id`,
  );
  const names = await displayNames({ tx, ids: history.map((h) => h.changed_by) });
  return {
    transferredTo: c?.transferred_to ?? null,
    afterCareOn: c?.after_care_on ?? null,
    transfer: await openTransferOf({ tx, caseId }),
    statusHistory: history.map((h) => ({
      kind: h.kind as NonNullable<TCase['statusHistory']>[number]['kind'],
      reason: h.reason,
      at: isoTime(h.changed_at)!,
      by: names.get(h.changed_by)?.name ?? '',
    })),
  };
}

/** Who may reopen a closed case: its lead (who writes cases), or a coordinator supervising its service. */
export function mayReopen({
  found,
  ctx,
  status,
}: {
  found: Pick<CaseAccess, 'access' | 'teamRole'>;
  ctx: AccessContext;
  status: string;
}) {
  if (status !== 'closed') return false;
  if (found.access === 'clinical') return found.teamRole === 'lead' && ctx.permissions.has('cases.write');
  return found.access === 'supervisor' && ctx.permissions.has('cases.supervise');
}

/** One row of the case's status history, at the instant the case row itself changed. */
export async function recordStatusChange({
  tx,
  ctx,
  caseId,
  kind,
  reason,
  at,
}: {
  tx: Tx;
  ctx: AccessContext;
  caseId: string;
  kind: (typeof STATUS_CHANGE_KINDS)[number];
  reason: string | null;
  at: Date;
}) {
  await tx.insert(caseStatusChanges).values({ caseId, kind, reason, changedBy: ctx.userId, changedAt: at });
}
