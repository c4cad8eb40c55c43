import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TCourtReport,
  TPendingCourtReport,
  ZCourtReportDraftSchema,
  ZCourtReportSentSchema,
  ZCourtReportUpdateSchema,
} from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { describeFiles } from '../../platform/storage/storage.service.js';
import {
  type CaseAccess,
  displayNames,
  isPerpetratorCase,
  refused,
  requireCase,
  requireOpen,
} from './cases.policy.js';
import { nextReportDue } from './court-deadlines.js';
import { findOrder } from './court-orders.repository.js';
import { courtReportPdf, printedOrder } from './court-report-pdf.js';
import { todayInRome } from './rome-time.js';
import { courtDeadlines, courtReportFiles, courtReports } from './tutela.sql.js';

/**
 * Reports to the court (ADR 0017): the clinical team drafts and submits, a coordinator supervising
 * the service approves or sends back (never their own draft), the team marks the approved report
 * sent with its date and protocol number. Sending meets the order's open report deadline and
 * schedules the next one from the date sent.
 */
type ReportRow = typeof courtReports.$inferSelect;
const READERS = ['clinical', 'supervisor', 'break_glass'] as const;

/** The attachments of these reports, as the caller may list them (names decrypted, never a safety file's). */
async function attachmentsOf({ deps, tx, reportIds }: { deps: Deps; tx: Tx; reportIds: string[] }) {
  const links = reportIds.length
    ? await tx.select().from(courtReportFiles).where(inArray(courtReportFiles.reportId, reportIds))
    : [];
  const files = new Map(
    (await describeFiles({ deps, tx, fileIds: links.map((l) => l.fileId) })).map((f) => [f.id, f]),
  );
  const byReport = new Map<string, TCourtReport['attachments']>();
  for (const link of links) {
    const file = files.get(link.fileId);
    if (!file) continue;
    const { id, fileName, contentType, sizeBytes, createdAt } = file;
    byReport.set(link.reportId, [
      ...(byReport.get(link.reportId) ?? []),
      { id, fileName, contentType, sizeBytes, createdAt },
    ]);
  }
  return byReport;
}

async function toReports({
  deps,
  tx,
  rows,
  found,
  ctx,
}: {
  deps: Deps;
  tx: Tx;
  rows: ReportRow[];
  found: CaseAccess;
  ctx: AccessContext;
}): Promise<TCourtReport[]> {
  const names = await displayNames({
    tx,
    ids: rows.flatMap((r) => [r.draftedBy, r.approvedBy ?? r.draftedBy]),
  });
  const orders = new Map<string, string>();
  for (const r of rows)
    if (!orders.has(r.orderId))
      orders.set(
        r.orderId,
        (await findOrder({ tx, caseId: found.id, orderId: r.orderId }))?.kind ?? 'prescriptions',
      );
  const attached = await attachmentsOf({ deps, tx, reportIds: rows.map((r) => r.id) });
  const clinical = found.access === 'clinical' && found.status !== 'closed';
  const supervises = found.access === 'supervisor' && ctx.permissions.has('cases.supervise');
  return rows.map((r) => ({
    id: r.id,
    orderId: r.orderId,
    orderKind: orders.get(r.orderId) as TCourtReport['orderKind'],
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    status: r.status as TCourtReport['status'],
    content: r.content,
    draftedBy: names.get(r.draftedBy)?.name ?? '',
    approvedBy: r.approvedBy ? (names.get(r.approvedBy)?.name ?? '') : null,
    approvedAt: isoTime(r.approvedAt),
    returnReason: r.returnReason,
    sentOn: r.sentOn,
    protocolNumber: r.protocolNumber,
    attachments: attached.get(r.id) ?? [],
    can: {
      edit: clinical && r.status === 'draft',
      approve: supervises && r.status === 'submitted' && r.draftedBy !== ctx.userId,
      markSent: clinical && r.status === 'approved',
    },
  }));
}

async function reportsOfCase({
  deps,
  tx,
  found,
  ctx,
}: {
  deps: Deps;
  tx: Tx;
  found: CaseAccess;
  ctx: AccessContext;
}) {
  const rows = await tx
    .select()
    .from(courtReports)
    .where(eq(courtReports.caseId, found.id))
    .orderBy(asc(courtReports.periodTo), asc(courtReports.createdAt));
  return toReports({ deps, tx, rows, found, ctx });
}

export function listReports({ deps, ctx, caseId }: { deps: Deps; ctx: AccessContext; caseId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: READERS });
      const reports = await reportsOfCase({ deps, tx, found, ctx });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'court_report.listed',
          recordType: 'case',
          recordId: caseId,
          details: { count: reports.length },
        },
      });
      return reports;
    },
  });
}

function checkPeriod(from: string, to: string) {
  if (from > to)
    throw problems.field('periodTo', 'before_start', {
      it: 'Il periodo finisce prima di cominciare.',
      en: 'The period ends before it starts.',
    });
}

export function draftReport({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: z.infer<typeof ZCourtReportDraftSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found);
      if (!(await findOrder({ tx, caseId: found.id, orderId: input.orderId })))
        throw problems.field('orderId', 'unknown', {
          it: 'Il provvedimento non è di questo caso.',
          en: 'The order is not one of this case.',
        });
      checkPeriod(input.periodFrom, input.periodTo);
      const [row] = await tx
        .insert(courtReports)
        .values({ caseId: found.id, ...input, draftedBy: ctx.userId })
        .returning({ id: courtReports.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'court_report.drafted',
          recordType: 'case',
          recordId: caseId,
          details: { reportId: row!.id },
        },
      });
      return (await reportsOfCase({ deps, tx, found, ctx })).find((r) => r.id === row!.id)!;
    },
  });
}

/** One state change of a report, as a conditional UPDATE: of two approvals at once, one wins. */
async function changeReport({
  deps,
  ctx,
  caseId,
  reportId,
  needs,
  from,
  action,
  set,
  check,
  after,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  reportId: string;
  needs: readonly CaseAccess['access'][];
  from: TCourtReport['status'];
  action: AuditAction;
  set: (row: ReportRow) => Partial<ReportRow>;
  check?: (row: ReportRow, found: CaseAccess) => void;
  after?: (tx: Tx, row: ReportRow) => Promise<void>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs });
      requireOpen(found);
      const [row] = await tx
        .select()
        .from(courtReports)
        .where(and(eq(courtReports.id, reportId), eq(courtReports.caseId, found.id)));
      if (!row) throw new OutOfScope('case', caseId);
      check?.(row, found);
      const [changed] = await tx
        .update(courtReports)
        .set({ ...set(row), updatedAt: new Date() })
        .where(and(eq(courtReports.id, reportId), eq(courtReports.status, from)))
        .returning();
      if (!changed)
        throw problems.conflict({
          it: 'La relazione non è più in questo stato: ricarica la pagina.',
          en: 'The report is no longer in this state: reload the page.',
        });
      await after?.(tx, changed);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action, recordType: 'case', recordId: caseId, details: { reportId } },
      });
      return (await reportsOfCase({ deps, tx, found, ctx })).find((r) => r.id === reportId)!;
    },
  });
}

type Step = { deps: Deps; ctx: AccessContext; caseId: string; reportId: string };

export function updateReport(step: Step & { input: z.infer<typeof ZCourtReportUpdateSchema> }) {
  return changeReport({
    ...step,
    needs: ['clinical'],
    from: 'draft',
    action: 'court_report.updated',
    check: (row) => checkPeriod(step.input.periodFrom ?? row.periodFrom, step.input.periodTo ?? row.periodTo),
    set: () => ({ ...step.input }),
  });
}

export function submitReport(step: Step) {
  return changeReport({
    ...step,
    needs: ['clinical'],
    from: 'draft',
    action: 'court_report.submitted',
    set: () => ({
      status: 'submitted',
      submittedBy: step.ctx.userId,
      submittedAt: new Date(),
      returnReason: null,
    }),
  });
}

export function approveReport(step: Step) {
  return changeReport({
    ...step,
    needs: ['supervisor'],
    from: 'submitted',
    action: 'court_report.approved',
    check: (row) => {
      if (row.draftedBy === step.ctx.userId || row.submittedBy === step.ctx.userId)
        throw refused({
          it: 'Non approvi una relazione che hai scritto tu.',
          en: 'You do not approve a report you wrote.',
        });
    },
    set: () => ({ status: 'approved', approvedBy: step.ctx.userId, approvedAt: new Date() }),
  });
}

export function returnReport(step: Step & { reason: string }) {
  return changeReport({
    ...step,
    needs: ['supervisor'],
    from: 'submitted',
    action: 'court_report.returned',
    set: () => ({ status: 'draft', returnReason: step.reason }),
  });
}

/** Sent: meets the order's earliest open report deadline and schedules the next from the date sent. */
export function markReportSent(step: Step & { input: z.infer<typeof ZCourtReportSentSchema> }) {
  const { sentOn, protocolNumber } = step.input;
  return changeReport({
    ...step,
    needs: ['clinical'],
    from: 'approved',
    action: 'court_report.sent',
    check: (row) => {
      if (sentOn > todayInRome())
        throw problems.field('sentOn', 'future', {
          it: 'La data di trasmissione non può essere futura.',
          en: 'The date sent cannot be in the future.',
        });
      if (row.approvedAt && sentOn < row.approvedAt.toISOString().slice(0, 10))
        throw problems.field('sentOn', 'before_approval', {
          it: 'La relazione non può essere trasmessa prima di essere approvata.',
          en: 'The report cannot have been sent before it was approved.',
        });
    },
    set: () => ({ status: 'sent', sentOn, protocolNumber, sentBy: step.ctx.userId }),
    after: async (tx, row) => {
      const [due] = await tx
        .select()
        .from(courtDeadlines)
        .where(
          and(
            eq(courtDeadlines.orderId, row.orderId),
            eq(courtDeadlines.kind, 'report'),
            isNull(courtDeadlines.metAt),
            isNull(courtDeadlines.supersededAt),
          ),
        )
        .orderBy(asc(courtDeadlines.dueAt))
        .limit(1);
      if (due)
        await tx
          .update(courtDeadlines)
          .set({ metAt: new Date(`${sentOn}T12:00:00Z`), metBy: step.ctx.userId })
          .where(eq(courtDeadlines.id, due.id));
      const order = await findOrder({ tx, caseId: row.caseId, orderId: row.orderId });
      const next = order
        ? nextReportDue(
            {
              kind: order.kind,
              decidedOn: order.decided_on,
              durationMonths: order.duration_months,
              reportEveryMonths: order.report_every_months,
            },
            sentOn,
          )
        : null;
      // Several reports sent under one order: one next deadline, not one per report.
      const [pending] = await tx
        .select({ id: courtDeadlines.id })
        .from(courtDeadlines)
        .where(
          and(
            eq(courtDeadlines.orderId, row.orderId),
            eq(courtDeadlines.kind, 'report'),
            isNull(courtDeadlines.metAt),
            isNull(courtDeadlines.supersededAt),
          ),
        );
      if (next && !pending)
        await tx
          .insert(courtDeadlines)
          .values({ orderId: row.orderId, caseId: row.caseId, kind: 'report', dueAt: next });
    },
  });
}

/** The report as its reader may see it, for the PDF (audited there). */
export async function reportForPrint({
  deps,
  tx,
  ctx,
  caseId,
  reportId,
}: {
  deps: Deps;
  tx: Tx;
  ctx: AccessContext;
  caseId: string;
  reportId: string;
}) {
  const found = await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor'] });
  const [row] = await tx
    .select()
    .from(courtReports)
    .where(and(eq(courtReports.id, reportId), eq(courtReports.caseId, found.id)));
  if (!row) throw new OutOfScope('case', caseId);
  const order = (await findOrder({ tx, caseId: found.id, orderId: row.orderId }))!;
  const [report] = await toReports({ deps, tx, rows: [row], found, ctx });
  // The same rule as the screen: on a perpetrator's case the paper shows the order's kind and date only.
  const perpetrator = await isPerpetratorCase({ tx, caseId: found.id });
  return { found, report: report!, order: printedOrder(order, { perpetrator }) };
}

/** The PDF of a report for the clinical team or the supervising coordinator, audited as printed. */
export function printReport({ deps, ctx, caseId, reportId }: Step) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { report, order } = await reportForPrint({ deps, tx, ctx, caseId, reportId });
      const [meta] = await queryRows<{ code: string; service: string }>(
        tx,
        sql`select c.code, s.name as service from cases c join services s on s.id = c.service_id where c.id = ${caseId}`,
      );
      const printedBy = (await displayNames({ tx, ids: [ctx.userId] })).get(ctx.userId)?.name ?? '';
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'court_report.printed',
          recordType: 'case',
          recordId: caseId,
          details: { reportId },
        },
      });
      const body = await courtReportPdf({
        report,
        order,
        caseCode: meta!.code,
        serviceName: meta!.service,
        printedBy,
      });
      return { body, filename: `relazione-${meta!.code}-${report.periodTo}.pdf` };
    },
  });
}

/** The reports waiting for approval in the services the coordinator supervises, oldest first (no content). */
export function listPendingReports({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        id: string;
        case_id: string;
        case_code: string;
        order_kind: TPendingCourtReport['orderKind'];
        period_from: string;
        period_to: string;
        submitted_at: Date | null;
      }>(
        tx,
        sql`select r.id, r.case_id, c.code as case_code, o.kind as order_kind,
              to_char(r.period_from, 'YYYY-MM-DD') as period_from, to_char(r.period_to, 'YYYY-MM-DD') as period_to,
              r.submitted_at
            from court_reports r join cases c on c.id = r.case_id join court_orders o on o.id = r.order_id
            where r.status = 'submitted' and c.service_id = any((select trama_supervised_services())::uuid[])
            order by r.submitted_at nulls last, r.id limit 200`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        // The cases shown, by id: the DPO can tell who saw which case's report waiting (never a name).
        event: {
          action: 'court_report.listed',
          details: { pending: rows.length, caseIds: [...new Set(rows.map((r) => r.case_id))] },
        },
      });
      return rows.map(
        (r): TPendingCourtReport => ({
          id: r.id,
          caseId: r.case_id,
          caseCode: r.case_code,
          orderKind: r.order_kind,
          periodFrom: r.period_from,
          periodTo: r.period_to,
          submittedAt: isoTime(r.submitted_at),
        }),
      );
    },
  });
}
