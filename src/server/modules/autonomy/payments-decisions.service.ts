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
import { rentLedgerEntries } from './housing.sql.js';
import { releaseBudget, reserveBudget } from './payments-budgets.service.js';
import { type RequestRow, requireRequest } from './payments-requests.repository.js';
import { moveRequest, requestView } from './payments-requests.service.js';

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

/** Refuses a decision on a request in another status; a paid order is reversed, never edited. */
function requireStatus(row: RequestRow, status: RequestRow['status'], it: string, en: string) {
  if (row.status !== status)
    throw problems.conflict({
      it: `${it}${row.status === 'paid' ? ' Un ordine pagato non si modifica: si storna.' : ''}`,
      en: `${en}${row.status === 'paid' ? ' A paid order is never edited: it is reversed.' : ''}`,
    });
}

/** What a decision audits: its action and the details it names. */
interface Decided {
  action: AuditAction;
  details?: Record<string, unknown>;
}

/**
 * One decision on request `id`, in one transaction: the request for a finance officer of its
 * service who is not its requester, then `work`, then the audit event; answers the request as the
 * viewer now sees it.
 */
function decide({
  deps,
  ctx,
  id,
  work,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  work: (tx: Tx, row: RequestRow) => Promise<Decided>;
}): Promise<TRentRequest> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireFinance(tx);
      const row = await requireRequest({ tx, id });
      if (row.requested_by === ctx.userId) throw fourEyes();
      const { action, details } = await work(tx, row);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action, recordType: 'rent_request', recordId: id, ...(details ? { details } : {}) },
      });
      return requestView({ deps, tx, ctx, id });
    },
  });
}

export function approveRequest({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return decide({
    deps,
    ctx,
    id,
    work: async (tx, row) => {
      requireStatus(
        row,
        'requested',
        'Si approva solo una richiesta in attesa.',
        'Only a waiting request is approved.',
      );
      // The request first (its row lock orders two approvals of it), then the line's counter.
      await moveRequest({
        tx,
        id,
        from: 'requested',
        set: { status: 'approved', approvedBy: ctx.userId, approvedAt: new Date() },
      });
      const amountCents = Number(row.amount_cents);
      await reserveBudget({ tx, budgetId: row.budget_id, amountCents });
      return { action: 'payments.approved', details: { amountCents } };
    },
  });
}

export function refuseRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZRentRefusalSchema>;
}) {
  return decide({
    deps,
    ctx,
    id,
    work: async (tx, row) => {
      requireStatus(
        row,
        'requested',
        'Si rifiuta solo una richiesta in attesa.',
        'Only a waiting request is refused.',
      );
      await moveRequest({
        tx,
        id,
        from: 'requested',
        set: { status: 'refused', refusedBy: ctx.userId, refusalReason: input.reason },
      });
      return { action: 'payments.refused' };
    },
  });
}

export function payRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZRentPaymentSchema>;
}) {
  return decide({
    deps,
    ctx,
    id,
    work: async (tx, row) => {
      requireStatus(
        row,
        'approved',
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
      await moveRequest({
        tx,
        id,
        from: 'approved',
        set: { status: 'paid', paidOn: input.paidOn, paymentReference: input.reference, paidBy: ctx.userId },
      });
      const amountCents = Number(row.amount_cents);
      await tx.insert(rentLedgerEntries).values({
        budgetId: row.budget_id,
        requestId: id,
        householdId: row.household_id,
        kind: 'payment',
        amountCents,
        entryOn: input.paidOn,
        reference: input.reference,
        recordedBy: ctx.userId,
      });
      return { action: 'payments.paid', details: { amountCents, paidOn: input.paidOn } };
    },
  });
}

/**
 * A paid order undone: a negative line in the ledger (once: a unique index) and the amount given
 * back to the funding line; the order itself stays as it was paid.
 */
export function reverseRequest({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZRentReversalSchema>;
}) {
  return decide({
    deps,
    ctx,
    id,
    work: async (tx, row) => {
      requireStatus(row, 'paid', 'Si storna solo un ordine pagato.', 'Only a paid order is reversed.');
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
      return { action: 'payments.reversed', details: { amountCents: -amount, reversedOn: input.reversedOn } };
    },
  });
}

function alreadyReversed() {
  return problems.conflict({
    it: 'Questo pagamento è già stato stornato.',
    en: 'This payment has already been reversed.',
  });
}
