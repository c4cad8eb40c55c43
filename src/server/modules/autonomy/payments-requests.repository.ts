import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AUTONOMY_LIMITS } from '../../../contracts/autonomy-codes.js';
import {
  RENT_REQUEST_CURSOR_VALUES,
  type TRentRequest,
  type ZRentRequestListQuerySchema,
} from '../../../contracts/housing.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import {
  defineKeyset,
  type KeysetRow,
  keysetAfter,
  keysetOrderBy,
  keysetPage,
  keysetSelect,
} from '../../platform/http/keyset.js';
import { describeFiles } from '../../platform/storage/storage.service.js';
import { displayNames } from '../cases/cases.policy.js';
import { type AutonomyRole, BLOCKED_HOUSEHOLDS } from './autonomy.policy.js';
import { householdCodes } from './housing-units.service.js';

/**
 * Rent support requests as their readers see them: the housing team and the finance officers of
 * the request's autonomy_housing service (RLS: rent_requests_read). Read as the caller; the
 * household's code and people's names as the owner (the finance role does not read households),
 * names and codes only. A private landlord's details are never selected here: the request role
 * has no grant on them, and the reveal reads them one request at a time. A request for a household
 * with someone the caller is blocked from is, for that caller, a request that does not exist.
 */

export interface RequestRow {
  id: string;
  code: string;
  service_id: string;
  budget_id: string;
  budget_year: number;
  funding_line: string;
  household_id: string;
  unit_id: string | null;
  unit_label: string | null;
  amount_cents: string | number;
  period_from: string;
  period_to: string;
  payee_kind: TRentRequest['payeeKind'];
  payee_name: string | null;
  note: string | null;
  status: TRentRequest['status'];
  requested_by: string;
  requested_at: Date | string;
  approved_by: string | null;
  approved_at: Date | string | null;
  refusal_reason: string | null;
  paid_on: string | null;
  payment_reference: string | null;
  reversed: boolean;
}

const RENT_REQUEST_KEYSET = defineKeyset({
  values: RENT_REQUEST_CURSOR_VALUES,
  columns: [{ expr: sql`r.requested_at`, direction: 'desc' }],
  id: { expr: sql`r.id`, direction: 'desc' },
});

/** The request's columns, joined with its line, unit label and partner; `extra` adds select-list entries. */
const selectRequests = (
  extra?: SQL,
) => sql`select r.id, r.code, r.service_id, r.budget_id, b.year as budget_year,
       b.funding_line, r.household_id, r.unit_id, u.label as unit_label, r.amount_cents, r.period_from::text,
       r.period_to::text, r.payee_kind, o.name as payee_name, r.note, r.status, r.requested_by, r.requested_at,
       r.approved_by, r.approved_at, r.refusal_reason, r.paid_on::text, r.payment_reference,
       exists (select 1 from rent_ledger_entries l where l.request_id = r.id and l.kind = 'reversal') as reversed
       ${extra ? sql`, ${extra}` : sql``}
  from rent_requests r
  join rent_budgets b on b.id = r.budget_id
  left join housing_units u on u.id = r.unit_id
  left join organisations o on o.id = r.payee_organisation_id`;

/** Leaves out the requests for a household with someone the caller is blocked from. */
const NOT_BLOCKED = sql`not (r.household_id = any ${BLOCKED_HOUSEHOLDS})`;

/** One request the caller reads (RLS), or the audited 404 of `scoped`. */
export async function requireRequest({ tx, id }: { tx: Tx; id: string }): Promise<RequestRow> {
  const [row] = await queryRows<RequestRow>(
    tx,
    sql`${selectRequests()} where r.id = ${id} and ${NOT_BLOCKED}`,
  );
  if (!row) throw new OutOfScope('rent_request', id);
  return row;
}

/** A page of the service's requests, newest first, by keyset (one row more says whether more follow). */
export async function pageOfRequests({
  tx,
  query,
}: {
  tx: Tx;
  query: z.output<typeof ZRentRequestListQuerySchema>;
}) {
  const filters: SQL[] = [sql`r.service_id = trama_service()`, NOT_BLOCKED];
  if (query.status) filters.push(sql`r.status = ${query.status}`);
  if (query.budgetId) filters.push(sql`r.budget_id = ${query.budgetId}`);
  if (query.cursor) filters.push(keysetAfter(RENT_REQUEST_KEYSET, query.cursor));
  const pageSize = AUTONOMY_LIMITS.pageSize;
  const found = await queryRows<RequestRow & KeysetRow>(
    tx,
    sql`${selectRequests(keysetSelect(RENT_REQUEST_KEYSET))}
         where ${sql.join(filters, sql` and `)}
         order by ${keysetOrderBy(RENT_REQUEST_KEYSET)} limit ${pageSize + 1}`,
  );
  return keysetPage({ keyset: RENT_REQUEST_KEYSET, rows: found, pageSize });
}

/**
 * The supporting documents of these requests: the links under the caller's RLS, the files'
 * descriptions as the owner (the request role sees stored_files only through a link), once the
 * caller was judged a reader of the requests. Safety files: no name.
 */
async function documentsOf({ deps, tx, requestIds }: { deps: Deps; tx: Tx; requestIds: string[] }) {
  const links = requestIds.length
    ? await queryRows<{ request_id: string; file_id: string; added_at: Date | string }>(
        tx,
        sql`select request_id, file_id, added_at from rent_request_files
             where request_id = any (${sqlArray(requestIds, 'uuid')}) order by added_at, file_id`,
      )
    : [];
  const files = new Map(
    (
      await unsafeAsSystem(tx, (sys) =>
        describeFiles({ deps, tx: sys, fileIds: links.map((l) => l.file_id) }),
      )
    ).map((f) => [f.id, f]),
  );
  const byRequest = new Map<string, TRentRequest['documents']>();
  for (const link of links) {
    const file = files.get(link.file_id);
    if (!file) continue;
    byRequest.set(link.request_id, [
      ...(byRequest.get(link.request_id) ?? []),
      {
        id: file.id,
        name: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        addedAt: isoTime(link.added_at)!,
      },
    ]);
  }
  return byRequest;
}

/** What the viewer may do with the request now (the requester never decides their own). */
function canOf({ row, ctx, role }: { row: RequestRow; ctx: AccessContext; role: AutonomyRole | null }) {
  const finance = role === 'finance';
  const other = row.requested_by !== ctx.userId;
  return {
    approve: finance && other && row.status === 'requested',
    pay: finance && other && row.status === 'approved',
    reverse: finance && other && row.status === 'paid' && !row.reversed,
    cancel: !other && row.status === 'requested',
    revealLandlord: row.payee_kind === 'landlord' && (finance || role === 'coordinator'),
  };
}

export async function toRequestViews({
  deps,
  tx,
  ctx,
  role,
  rows,
}: {
  deps: Deps;
  tx: Tx;
  ctx: AccessContext;
  role: AutonomyRole | null;
  rows: RequestRow[];
}): Promise<TRentRequest[]> {
  const users = await displayNames({
    tx,
    ids: rows.flatMap((r) => [r.requested_by, ...(r.approved_by ? [r.approved_by] : [])]),
  });
  const nameOf = (id: string) => users.get(id)?.name ?? '';
  const households = await householdCodes(
    tx,
    rows.map((r) => r.household_id),
  );
  const documents = await documentsOf({ deps, tx, requestIds: rows.map((r) => r.id) });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    budget: { id: r.budget_id, year: Number(r.budget_year), fundingLine: r.funding_line },
    householdCode: households.get(r.household_id) ?? '',
    unitLabel: r.unit_label,
    amountCents: Number(r.amount_cents),
    periodFrom: r.period_from,
    periodTo: r.period_to,
    payeeKind: r.payee_kind,
    payeeName: r.payee_kind === 'partner' ? r.payee_name : null,
    note: r.note,
    status: r.status,
    requestedBy: { id: r.requested_by, name: nameOf(r.requested_by) },
    requestedAt: isoTime(r.requested_at)!,
    approvedBy: r.approved_by ? nameOf(r.approved_by) : null,
    approvedAt: isoTime(r.approved_at),
    refusalReason: r.refusal_reason,
    paidOn: r.paid_on,
    paymentReference: r.payment_reference,
    reversed: r.reversed,
    documents: documents.get(r.id) ?? [],
    can: canOf({ row: r, ctx, role }),
  }));
}
