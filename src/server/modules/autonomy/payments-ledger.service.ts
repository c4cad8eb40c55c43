import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TLedger, ZLedgerExportQuerySchema, ZLedgerQuerySchema } from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { autonomyRoleOf, BLOCKED_HOUSEHOLDS } from './autonomy.policy.js';
import { householdCodes, WITHHELD_HOUSEHOLD } from './housing-units.service.js';
import { budgetLines } from './payments-budgets.service.js';
import { type LedgerFileLine, ledgerFile } from './payments-export.js';

/**
 * The rent ledger (issue 20, item 5): the payments and their reversals of the service's funding
 * lines, for its finance officers and housing coordinators (payments.read), by line, year and
 * household, with each line's reconciliation (amount = paid net + approved unpaid + remaining) and
 * its export for the accounts office. The lines are read under RLS; households' codes as the owner.
 * Nothing here reads a unit or a landlord's details.
 */

type LedgerQuery = z.output<typeof ZLedgerQuerySchema>;
type Entry = TLedger['entries'][number];

/** The household's id for its code, as the owner (finance does not read households); null when none. */
async function householdIdOf(tx: Tx, code: string) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string }>(sys, sql`select id from households where code = ${code}`),
  );
  return row?.id ?? null;
}

async function entriesOf({ tx, query }: { tx: Tx; query: LedgerQuery }): Promise<Entry[]> {
  const filters: SQL[] = [sql`b.service_id = trama_service()`];
  if (query.year !== undefined) filters.push(sql`b.year = ${query.year}`);
  if (query.budgetId !== undefined) filters.push(sql`l.budget_id = ${query.budgetId}`);
  if (query.householdCode !== undefined) {
    const householdId = await householdIdOf(tx, query.householdCode);
    if (!householdId) return [];
    // Asked by the code of a household the caller is blocked from: nothing, as for an unknown code.
    filters.push(sql`l.household_id = ${householdId}`, sql`not (l.household_id = any ${BLOCKED_HOUSEHOLDS})`);
  }
  const rows = await queryRows<{
    id: string;
    kind: Entry['kind'];
    entry_on: string;
    request_code: string;
    household_id: string;
    funding_line: string;
    year: number;
    payee_kind: 'partner' | 'landlord';
    payee_name: string | null;
    amount_cents: string | number;
    reference: string | null;
    blocked: boolean;
  }>(
    tx,
    sql`select l.id, l.kind, l.entry_on::text, r.code as request_code, l.household_id, b.funding_line, b.year,
               r.payee_kind, o.name as payee_name, l.amount_cents, l.reference,
               (l.household_id = any ${BLOCKED_HOUSEHOLDS}) as blocked
          from rent_ledger_entries l
          join rent_budgets b on b.id = l.budget_id
          join rent_requests r on r.id = l.request_id
          left join organisations o on o.id = r.payee_organisation_id
         where ${sql.join(filters, sql` and `)}
         order by l.entry_on, l.created_at, l.id`,
  );
  const codes = await householdCodes(
    tx,
    rows.filter((r) => !r.blocked).map((r) => r.household_id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    entryOn: r.entry_on,
    requestCode: r.request_code,
    // The line counts (the ledger reconciles); whose it is stays withheld from a blocked reader.
    householdCode: r.blocked ? WITHHELD_HOUSEHOLD : (codes.get(r.household_id) ?? ''),
    fundingLine: r.funding_line,
    year: Number(r.year),
    payeeName: r.payee_kind === 'partner' ? r.payee_name : null,
    amountCents: Number(r.amount_cents),
    reference: r.reference,
  }));
}

/** The ledger as the caller reads it; empty for someone outside an autonomy_housing service. */
async function ledgerOf({ tx, query }: { tx: Tx; query: LedgerQuery }): Promise<TLedger> {
  const role = await autonomyRoleOf(tx);
  if (role !== 'finance' && role !== 'coordinator') return { entries: [], lines: [], totalPaidCents: 0 };
  const entries = await entriesOf({ tx, query });
  const lines = await budgetLines({ tx, year: query.year, budgetId: query.budgetId });
  return {
    entries,
    lines,
    totalPaidCents: entries.reduce((sum, e) => sum + e.amountCents, 0),
  };
}

const filtersOf = (query: LedgerQuery) => ({
  ...(query.year !== undefined ? { year: query.year } : {}),
  ...(query.budgetId !== undefined ? { budgetId: query.budgetId } : {}),
  byHousehold: query.householdCode !== undefined,
});

export async function getLedger({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: LedgerQuery;
}): Promise<TLedger> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const ledger = await ledgerOf({ tx, query });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'payments.ledger_read',
          details: { ...filtersOf(query), count: ledger.entries.length },
        },
      });
      return ledger;
    },
  });
}

/** The ledger's lines as a file for the accounts office (XLSX or CSV), audited. */
export async function exportLedger({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.output<typeof ZLedgerExportQuerySchema>;
}) {
  const lines: LedgerFileLine[] = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { entries } = await ledgerOf({ tx, query });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'payments.ledger_exported',
          details: { ...filtersOf(query), format: query.format, count: entries.length },
        },
      });
      return entries.map(({ id: _, ...line }) => line);
    },
  });
  return ledgerFile({ lines, format: query.format, year: query.year });
}
