import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TRentRequest,
  ZRentPaymentSchema,
  ZRentRefusalSchema,
  ZRentReversalSchema,
} from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { todayInRome } from '../cases/rome-time.js';
import { requireFinance } from './autonomy.policy.js';
import { rentLedgerEntries, rentRequests } from './housing.sql.js';
import { releaseBudget, reserveBudget } from './payments-budgets.service.js';
import { type RequestRow, requireRequest } from './payments-requests.repository.js';
import { alreadyDecided, requestView } from './payments-requests.service.js';

/**
 * Decisions on a rent support request (issue 20, item 5), by a finance officer of its service who
 * did not ask for it (four eyes: here, and as CHECKs in the database whatever path writes):
 * approval reserves the amount on the funding line, payment writes the ledger's line in the same
 * transaction, a paid order is never edited (a trigger refuses it) and a mistake is undone by a
 * reversal, a negative line that gives the amount back to the line.
 */

function fourEyes() {
  return new HttpProblem(
    403,
    'four-eyes',
    { it: 'Serve una seconda persona', en: 'A second person is needed' },
    {
      it: 'Chi ha chiesto il sostegno non lo approva, non lo rifiuta, non lo paga e non lo storna: serve un’altra persona dell’amministrazione.',
      en: 'Who asked for the support does not approve, refuse, pay or reverse it: another finance officer must.',
    },
  );
}

/** The request, for a finance officer of its service who is not its requester. */
async function requireDecider({ tx, ctx, id }: { tx: Tx; ctx: AccessContext; id: string }) {
  await requireFinance(tx);
  const row = await requireRequest({ tx, id });
  if (row.requested_by === ctx.userId) throw fourEyes();
  return row;
}

function notInStatus(status: RequestRow['status'], it: string, en: string) {
  return problems.conflict({
    it: `${it}${status === 'paid' ? ' Un ordine pagato non si modifica: si storna.' : ''}`,
    en: `${en}${status === 'paid' ? ' A paid order is never edited: it is reversed.' : ''}`,
  });
}

async function decided({
  deps,
  tx,
  ctx,
  id,
  action,
  details,
}: {
  deps: Deps;
  tx: Tx;
  ctx: AccessContext;
  id: string;
  action: AuditAction;
  details?: Record<string, unknown>;
}) {
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action,
      recordType: 'rent_request',
      recordId: id,
      ...(details ? { details } : {}),
    },
  });
  return requestView({ deps, tx, ctx, id });
}

export async function approveRequest({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
}): Promise<TRentRequest> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireDecider({ tx, ctx, id });
      if (row.status !== 'requested')
        throw notInStatus(
          row.status,
          'Si approva solo una richiesta in attesa.',
          'Only a waiting request is approved.',
        );
      // The request first (its row lock orders two approvals of it), then the line's counter.
      const [approved] = await tx
        .update(rentRequests)
        .set({ status: 'approved', approvedBy: ctx.userId, approvedAt: new Date(), updatedAt: new Date() })
        .where(sql`${rentRequests.id} = ${id} and ${rentRequests.status} = 'requested'`)
        .returning({ id: rentRequests.id });
      if (!approved) throw alreadyDecided();
      await reserveBudget({ tx, budgetId: row.budget_id, amountCents: Number(row.amount_cents) });
      return decided({
        deps,
        tx,
        ctx,
        id,
        action: 'payments.approved',
        details: { amountCents: Number(row.amount_cents) },
      });
    },
  });
}

export async function refuseRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZRentRefusalSchema>;
}): Promise<TRentRequest> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireDecider({ tx, ctx, id });
      if (row.status !== 'requested')
        throw notInStatus(
          row.status,
          'Si rifiuta solo una richiesta in attesa.',
          'Only a waiting request is refused.',
        );
      const [refused] = await tx
        .update(rentRequests)
        .set({ status: 'refused', refusedBy: ctx.userId, refusalReason: input.reason, updatedAt: new Date() })
        .where(sql`${rentRequests.id} = ${id} and ${rentRequests.status} = 'requested'`)
        .returning({ id: rentRequests.id });
      if (!refused) throw alreadyDecided();
      return decided({ deps, tx, ctx, id, action: 'payments.refused' });
    },
  });
}

export async function payRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZRentPaymentSchema>;
}): Promise<TRentRequest> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireDecider({ tx, ctx, id });
      if (row.status !== 'approved')
        throw notInStatus(
          row.status,
          'Si paga solo una richiesta approvata.',
          'Only an approved request is paid.',
        );
      const [approvedOn] = await queryRows<{ day: string }>(
        tx,
        sql`select (approved_at at time zone 'Europe/Rome')::date::text as day from rent_requests where id = ${id}`,
      );
      if (input.paidOn > todayInRome())
        throw problems.field('paidOn', 'future', {
          it: 'Un ordine si segna pagato quando il pagamento è fatto: la data non può essere nel futuro.',
          en: 'An order is marked paid once the payment is made: the date cannot be in the future.',
        });
      if (approvedOn && input.paidOn < approvedOn.day)
        throw problems.field('paidOn', 'before_approval', {
          it: 'Il pagamento non può precedere l’approvazione.',
          en: 'The payment cannot come before the approval.',
        });
      const [paid] = await tx
        .update(rentRequests)
        .set({
          status: 'paid',
          paidOn: input.paidOn,
          paymentReference: input.reference,
          paidBy: ctx.userId,
          updatedAt: new Date(),
        })
        .where(sql`${rentRequests.id} = ${id} and ${rentRequests.status} = 'approved'`)
        .returning({ id: rentRequests.id });
      if (!paid) throw alreadyDecided();
      await tx.insert(rentLedgerEntries).values({
        budgetId: row.budget_id,
        requestId: id,
        householdId: row.household_id,
        kind: 'payment',
        amountCents: Number(row.amount_cents),
        entryOn: input.paidOn,
        reference: input.reference,
        recordedBy: ctx.userId,
      });
      return decided({
        deps,
        tx,
        ctx,
        id,
        action: 'payments.paid',
        details: { amountCents: Number(row.amount_cents), paidOn: input.paidOn },
      });
    },
  });
}

/**
 * A paid order undone: a negative line in the ledger (once: a unique index) and the amount given
 * back to the funding line; the order itself stays as it was paid.
 */
export async function reverseRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZRentReversalSchema>;
}): Promise<TRentRequest> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireDecider({ tx, ctx, id });
      if (row.status !== 'paid')
        throw problems.conflict({
          it: 'Si storna solo un ordine pagato.',
          en: 'Only a paid order is reversed.',
        });
      if (row.reversed) throw alreadyReversed();
      if (input.reversedOn > todayInRome())
        throw problems.field('reversedOn', 'future', {
          it: 'Lo storno non può essere nel futuro.',
          en: 'The reversal cannot be in the future.',
        });
      if (row.paid_on && input.reversedOn < row.paid_on)
        throw problems.field('reversedOn', 'before_payment', {
          it: 'Lo storno non può precedere il pagamento.',
          en: 'The reversal cannot come before the payment.',
        });
      const amount = Number(row.amount_cents);
      try {
        await tx.insert(rentLedgerEntries).values({
          budgetId: row.budget_id,
          requestId: id,
          householdId: row.household_id,
          kind: 'reversal',
          amountCents: -amount,
          entryOn: input.reversedOn,
          reference: row.payment_reference,
          reason: input.reason,
          recordedBy: ctx.userId,
        });
      } catch (error) {
        if (pgErrorCode(error) === '23505') throw alreadyReversed();
        throw error;
      }
      await releaseBudget({ tx, budgetId: row.budget_id, amountCents: amount });
      return decided({
        deps,
        tx,
        ctx,
        id,
        action: 'payments.reversed',
        details: { amountCents: -amount, reversedOn: input.reversedOn },
      });
    },
  });
}

function alreadyReversed() {
  return problems.conflict({
    it: 'Questo pagamento è già stato stornato.',
    en: 'This payment has already been reversed.',
  });
}
