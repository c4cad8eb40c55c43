import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  REMOVAL_403_STEPS_HOURS,
  type TCourtOrderCreate,
  ZCourtOrderCreateSchema,
  type ZCourtOrderUpdateSchema,
  type ZDeadlineListQuerySchema,
} from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { fieldErrorsOf } from '../../platform/http/validation-messages.js';
import { auditCase } from './cases.audit.js';
import { requireCase, requireOpen } from './cases.policy.js';
import { type DerivedDeadline, deriveDeadlines, orderEndsOn } from './court-deadlines.js';
import {
  findOrder,
  lastReportSentOn,
  type OrderRow,
  openDeadlines,
  ordersOfCase,
} from './court-orders.repository.js';
import { todayInRome } from './rome-time.js';
import { courtDeadlines, courtOrderChanges, courtOrders } from './tutela.sql.js';

/**
 * Court orders on a case and the deadlines they set (ADR 0017). The clinical team records and
 * changes them; a supervising coordinator and a break-the-glass grant read them. A deadline is never
 * moved in place: a change of the order says why, supersedes the open deadlines it moves (they stay,
 * naming the change) and writes the new ones.
 */
const READERS = ['clinical', 'supervisor', 'break_glass'] as const;
/** Deadlines met once; a report deadline is met by sending a report and followed by the next. */
const ONE_SHOT = new Set<DerivedDeadline['kind']>([
  'responsible_worker',
  'pm_notice',
  'validation_request',
  'validation_decision',
  'expiry',
]);

export function listOrders({ deps, ctx, caseId }: { deps: Deps; ctx: AccessContext; caseId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: READERS });
      const orders = await ordersOfCase({ tx, caseId: found.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'court_order.listed',
          recordType: 'case',
          recordId: caseId,
          details: { count: orders.length },
        },
      });
      return orders;
    },
  });
}

/** A date is a day in Rome (today is fine); an instant is compared with now. */
function notInFuture(field: string, value: string | null | undefined) {
  const future =
    value && (value.length === 10 ? value > todayInRome() : new Date(value).getTime() > Date.now());
  if (future)
    throw problems.field(field, 'future', {
      it: 'La data non può essere futura.',
      en: 'The date cannot be in the future.',
    });
}

/** Writes the deadlines an order sets, skipping those already met (one-shot) or already open with the same date. */
async function writeDeadlines({
  tx,
  order,
  terms,
}: {
  tx: Tx;
  order: { id: string; caseId: string };
  terms: TCourtOrderCreate;
}) {
  const derived = deriveDeadlines(terms, await lastReportSentOn({ tx, orderId: order.id }));
  const existing = await tx
    .select()
    .from(courtDeadlines)
    .where(and(eq(courtDeadlines.orderId, order.id), isNull(courtDeadlines.supersededAt)));
  const toWrite = derived.filter(
    (d) =>
      !existing.some(
        (e) =>
          e.kind === d.kind &&
          ((ONE_SHOT.has(d.kind) && e.metAt !== null) ||
            (e.metAt === null && e.dueAt.getTime() === d.dueAt.getTime())),
      ),
  );
  if (toWrite.length)
    await tx
      .insert(courtDeadlines)
      .values(
        toWrite.map((d) => ({ orderId: order.id, caseId: order.caseId, kind: d.kind, dueAt: d.dueAt })),
      );
  return derived;
}

function fieldsOf(input: TCourtOrderCreate) {
  return {
    court: input.court,
    docketNumber: input.docketNumber,
    kind: input.kind,
    decidedOn: input.decidedOn,
    removalAt: input.removalAt ? new Date(input.removalAt) : null,
    livingArrangement: input.livingArrangement ?? null,
    provisions: input.provisions ?? null,
    durationMonths: input.durationMonths ?? null,
    endsOn: orderEndsOn(input),
    reportEveryMonths: input.reportEveryMonths ?? null,
    curatoreSpeciale: input.curatoreSpeciale ?? null,
    tutore: input.tutore ?? null,
    addressProtected: input.addressProtected,
  };
}

export function createOrder({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: TCourtOrderCreate;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found);
      notInFuture('decidedOn', input.decidedOn);
      notInFuture('removalAt', input.removalAt);
      const [order] = await tx
        .insert(courtOrders)
        .values({ caseId: found.id, ...fieldsOf(input), createdBy: ctx.userId })
        .returning({ id: courtOrders.id });
      const derived = await writeDeadlines({ tx, order: { id: order!.id, caseId: found.id }, terms: input });
      await auditCase({
        tx,
        ctx,
        action: 'court_order.created',
        caseId,
        // Ids and counts only: the kind of order (a removal, a limitation) is special data.
        details: { orderId: order!.id, deadlines: derived.length },
      });
      return ordersOfCase({ tx, caseId: found.id });
    },
  });
}

function withoutKind<T extends { kind: unknown }>({ kind: _kind, ...rest }: T) {
  return rest;
}

function termsOf(row: OrderRow): TCourtOrderCreate {
  return {
    court: row.court,
    docketNumber: row.docket_number,
    kind: row.kind,
    decidedOn: row.decided_on,
    removalAt: row.removal_at ? new Date(row.removal_at).toISOString() : null,
    livingArrangement: row.living_arrangement,
    provisions: row.provisions,
    durationMonths: row.duration_months,
    reportEveryMonths: row.report_every_months,
    curatoreSpeciale: row.curatore_speciale,
    tutore: row.tutore,
    addressProtected: row.address_protected,
  };
}

/**
 * A change of the order, with its reason. The merged order is validated as a new one would be; the
 * open deadlines whose date changes are superseded by this change and the new ones written.
 */
export function updateOrder({
  deps,
  ctx,
  caseId,
  orderId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  orderId: string;
  input: z.infer<typeof ZCourtOrderUpdateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found);
      const row = await findOrder({ tx, caseId: found.id, orderId });
      if (!row) throw new OutOfScope('case', caseId);
      const { reason, ...changes } = input;
      const before = termsOf(row);
      const parsed = ZCourtOrderCreateSchema.safeParse({ ...before, ...changes });
      if (!parsed.success) throw problems.fields(fieldErrorsOf(parsed.error.issues, ''));
      const after = parsed.data;
      notInFuture('decidedOn', after.decidedOn);
      notInFuture('removalAt', after.removalAt);
      const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
        (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
      );
      if (changed.length === 0)
        throw problems.field('reason', 'nothing_changed', {
          it: 'Nessun dato del provvedimento è cambiato.',
          en: 'Nothing in the order has changed.',
        });
      const [change] = await tx
        .insert(courtOrderChanges)
        .values({
          orderId,
          changedBy: ctx.userId,
          reason,
          changes: JSON.stringify({
            fields: changed,
            from: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
            to: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
          }),
        })
        .returning({ id: courtOrderChanges.id });
      await tx
        .update(courtOrders)
        .set({ ...withoutKind(fieldsOf(after)), updatedAt: new Date() })
        .where(eq(courtOrders.id, orderId));
      const derived = deriveDeadlines(after, await lastReportSentOn({ tx, orderId }));
      // Open deadlines the new terms no longer set at that date: superseded by this change, kept.
      const open = await tx
        .select()
        .from(courtDeadlines)
        .where(
          and(
            eq(courtDeadlines.orderId, orderId),
            isNull(courtDeadlines.metAt),
            isNull(courtDeadlines.supersededAt),
          ),
        );
      const moved = open.filter(
        (e) => !derived.some((d) => d.kind === e.kind && d.dueAt.getTime() === e.dueAt.getTime()),
      );
      for (const e of moved)
        await tx
          .update(courtDeadlines)
          .set({ supersededAt: new Date(), supersededBy: change!.id })
          .where(eq(courtDeadlines.id, e.id));
      await writeDeadlines({ tx, order: { id: orderId, caseId: found.id }, terms: after });
      await auditCase({
        tx,
        ctx,
        action: 'court_order.updated',
        caseId,
        details: { orderId, fields: changed, deadlinesMoved: moved.length },
      });
      return ordersOfCase({ tx, caseId: found.id });
    },
  });
}

/** The art. 403 steps: they run from the removal, so none is taken before it. */
const REMOVAL_STEPS = new Set<string>(Object.keys(REMOVAL_403_STEPS_HOURS));

/** The Italian calendar day an instant falls on. */
const romeDayOf = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(instant));

/** A step answers the order: it cannot have been taken before the order (or, for art. 403, the removal). */
function notBeforeOrder(metAt: string, order: OrderRow | null, kind: string) {
  if (order && romeDayOf(metAt) < order.decided_on)
    throw problems.field('metAt', 'before_order', {
      it: 'La scadenza non può essere stata rispettata prima del provvedimento.',
      en: 'The deadline cannot have been met before the order.',
    });
  if (order?.removal_at && REMOVAL_STEPS.has(kind) && new Date(metAt) < new Date(order.removal_at))
    throw problems.field('metAt', 'before_removal', {
      it: 'Il passaggio non può precedere l’allontanamento.',
      en: 'The step cannot come before the removal.',
    });
}

/** A step the team took (the worker named, the measure sent to the prosecutor, …), with when. */
export function markDeadlineMet({
  deps,
  ctx,
  caseId,
  deadlineId,
  metAt,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  deadlineId: string;
  metAt: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found);
      notInFuture('metAt', metAt);
      const [deadline] = await tx
        .select()
        .from(courtDeadlines)
        .where(and(eq(courtDeadlines.id, deadlineId), eq(courtDeadlines.caseId, found.id)));
      if (!deadline) throw new OutOfScope('case', caseId);
      if (deadline.kind === 'report')
        throw problems.field('deadlineId', 'report', {
          it: 'Una relazione è rispettata quando la relazione viene trasmessa al tribunale.',
          en: 'A report deadline is met by sending the report to the court.',
        });
      notBeforeOrder(
        metAt,
        await findOrder({ tx, caseId: found.id, orderId: deadline.orderId }),
        deadline.kind,
      );
      const [met] = await tx
        .update(courtDeadlines)
        .set({ metAt: new Date(metAt), metBy: ctx.userId })
        .where(
          and(
            eq(courtDeadlines.id, deadlineId),
            isNull(courtDeadlines.metAt),
            isNull(courtDeadlines.supersededAt),
          ),
        )
        .returning({ id: courtDeadlines.id });
      if (!met)
        throw problems.conflict({
          it: 'Scadenza già rispettata o sostituita da una modifica del provvedimento.',
          en: 'Deadline already met or replaced by a change of the order.',
        });
      await auditCase({
        tx,
        ctx,
        action: 'court_deadline.met',
        caseId,
        details: { deadlineId },
      });
      return ordersOfCase({ tx, caseId: found.id });
    },
  });
}

/** The deadlines work list, late first: one's own cases, or (for a coordinator) the services supervised. */
export function listOpenDeadlines({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.infer<typeof ZDeadlineListQuerySchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const list = await openDeadlines({ tx, scope: query.scope, withinDays: query.withinDays });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        // The cases shown, by id: the DPO can tell who saw which case's deadline (never a name).
        event: {
          action: 'court_deadline.listed',
          details: {
            scope: query.scope,
            shown: list.length,
            caseIds: [...new Set(list.map((d) => d.caseId))],
          },
        },
      });
      return list;
    },
  });
}
