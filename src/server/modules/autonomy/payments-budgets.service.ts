import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TBudget, ZBudgetInputSchema } from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { actingService } from '../cases/cases.policy.js';
import { euro } from '../mediation/mediation-statement-files.js';
import { requireFinance } from './autonomy.policy.js';
import { rentBudgets } from './housing.sql.js';

/**
 * Rent support budgets (issue 20, item 5): one per year and funding line of an autonomy_housing
 * service, created by its finance officers, read by its housing team. `committed_cents` is what
 * approved orders hold (paid or to pay, net of reversals); it moves only by one conditional
 * UPDATE as the owner (the request role has no UPDATE on budgets), so two approvals at once can
 * never commit more than the line's amount.
 */

type TBudgetLine = TBudget & { approvedUnpaidCents: number };

/**
 * The service's budgets as the caller reads them (RLS), each with what the ledger paid (net) and
 * what approved orders still wait to pay: amount = paid + approved unpaid + remaining.
 */
export async function budgetLines({
  tx,
  year,
  budgetId,
}: {
  tx: Tx;
  year?: number | undefined;
  budgetId?: string | undefined;
}): Promise<TBudgetLine[]> {
  const filters: SQL[] = [sql`b.service_id = trama_service()`];
  if (year !== undefined) filters.push(sql`b.year = ${year}`);
  if (budgetId !== undefined) filters.push(sql`b.id = ${budgetId}`);
  const rows = await queryRows<{
    id: string;
    year: number;
    funding_line: string;
    amount_cents: string | number;
    committed_cents: string | number;
    paid_cents: string | number;
    approved_unpaid_cents: string | number;
  }>(
    tx,
    sql`select b.id, b.year, b.funding_line, b.amount_cents, b.committed_cents,
               coalesce((select sum(l.amount_cents) from rent_ledger_entries l where l.budget_id = b.id), 0) as paid_cents,
               coalesce((select sum(r.amount_cents) from rent_requests r
                          where r.budget_id = b.id and r.status = 'approved'), 0) as approved_unpaid_cents
          from rent_budgets b where ${sql.join(filters, sql` and `)}
         order by b.year desc, b.funding_line, b.id`,
  );
  return rows.map((r) => {
    const amountCents = Number(r.amount_cents);
    const committedCents = Number(r.committed_cents);
    return {
      id: r.id,
      year: Number(r.year),
      fundingLine: r.funding_line,
      amountCents,
      committedCents,
      paidCents: Number(r.paid_cents),
      remainingCents: amountCents - committedCents,
      approvedUnpaidCents: Number(r.approved_unpaid_cents),
    };
  });
}

const toBudget = ({ approvedUnpaidCents: _, ...budget }: TBudgetLine): TBudget => budget;

/** The refusal of an amount over what the line has left, naming the amount and what is left in euro. */
export function overBudget(remainingCents: number) {
  const left = Math.max(0, remainingCents);
  return problems.field(
    'amountCents',
    'over_budget',
    {
      it: `L’importo supera il budget residuo della linea di finanziamento: restano ${euro(left, 'it')}.`,
      en: `The amount is over the funding line’s remaining budget: ${euro(left, 'en')} left.`,
    },
    409,
  );
}

/** What the line has left now, read as the owner (after a refused reservation, for the message). */
async function remainingOf({ tx, budgetId }: { tx: Tx; budgetId: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ remaining: string | number }>(
      sys,
      sql`select amount_cents - committed_cents as remaining from rent_budgets where id = ${budgetId}`,
    ),
  );
  return Number(row?.remaining ?? 0);
}

/**
 * Moves what the line holds by `deltaCents` (up for an approval, down for a reversal): one
 * conditional UPDATE as the owner, which PostgreSQL re-checks on the row's latest version when two
 * decisions race; false, and nothing moved, when it would leave the line below zero or over its amount.
 */
async function shiftCommitted({
  tx,
  budgetId,
  deltaCents,
}: {
  tx: Tx;
  budgetId: string;
  deltaCents: number;
}) {
  const [moved] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string }>(
      sys,
      sql`update rent_budgets set committed_cents = committed_cents + ${deltaCents}
           where id = ${budgetId} and committed_cents + ${deltaCents} between 0 and amount_cents
       returning id`,
    ),
  );
  return moved !== undefined;
}

/** Reserves `amountCents` on the line; refused with what is left. */
export async function reserveBudget({
  tx,
  budgetId,
  amountCents,
}: {
  tx: Tx;
  budgetId: string;
  amountCents: number;
}) {
  if (!(await shiftCommitted({ tx, budgetId, deltaCents: amountCents })))
    throw overBudget(await remainingOf({ tx, budgetId }));
}

/** Gives a reversed payment's amount back to its line. */
export async function releaseBudget({
  tx,
  budgetId,
  amountCents,
}: {
  tx: Tx;
  budgetId: string;
  amountCents: number;
}) {
  if (!(await shiftCommitted({ tx, budgetId, deltaCents: -amountCents })))
    throw problems.conflict({
      it: 'Il budget della linea non torna con lo storno: nulla è stato registrato.',
      en: 'The funding line’s budget does not match the reversal: nothing was recorded.',
    });
}

export async function listBudgets({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => ({ items: (await budgetLines({ tx })).map(toBudget) }),
  });
}

export async function createBudget({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.output<typeof ZBudgetInputSchema>;
}): Promise<TBudget> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireFinance(tx);
      const id = crypto.randomUUID();
      try {
        await tx.insert(rentBudgets).values({
          id,
          serviceId: actingService(ctx),
          year: input.year,
          fundingLine: input.fundingLine,
          amountCents: input.amountCents,
          createdBy: ctx.userId,
        });
      } catch (error) {
        if (pgErrorCode(error) === '23505')
          throw problems.field(
            'fundingLine',
            'taken',
            {
              it: `Per il ${input.year} questa linea di finanziamento ha già un budget.`,
              en: `This funding line already has a budget for ${input.year}.`,
            },
            409,
          );
        throw error;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'payments.budget_saved',
          recordType: 'rent_budget',
          recordId: id,
          details: { year: input.year, amountCents: input.amountCents },
        },
      });
      const [created] = await budgetLines({ tx, budgetId: id });
      return toBudget(created!);
    },
  });
}
