import { sql } from 'drizzle-orm';
import type { TCase } from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';
import { italianDay } from '../../platform/i18n/italian-dates.js';
import { carePlanPrintout } from './care-plan.repository.js';
import { displayNames, requireCase } from './cases.policy.js';
import { loadCase } from './cases.repository.js';
import { confidentialPdf } from './confidential-pdf.js';

/**
 * The case summary as a PDF, built for the reader's role (issue 22, item 7). The clinical team and
 * the supervisor get the clinical content (assessment, plan goals, session dates); the referrer's copy
 * is made from `ReferrerSummary`, which has no field for any of it, so no layout change can print
 * it. Every page carries the reader's name and the date; every download is audited.
 */

/** What every copy holds: status, dates, lead, outcome. */
export interface ReferrerSummary {
  code: string;
  serviceName: string;
  status: TCase['status'];
  openedAt: string;
  closedAt: string | null;
  outcome: string | null;
  leadName: string;
}

export interface ClinicalSummary extends ReferrerSummary {
  assessment: [section: string, text: string][];
  goals: { title: string; targetDate: string | null; status: string }[];
  sessionDates: string[];
}

export type PrintedSummary =
  | { copy: 'referrer'; summary: ReferrerSummary }
  | { copy: 'clinical'; summary: ClinicalSummary };

/** The lines of the PDF, heading or label and value, in Italian (pure: tested without drawing). */
export function summaryLines(printed: PrintedSummary): { heading?: string; label?: string; text: string }[] {
  const s = printed.summary;
  const lines: { heading?: string; label?: string; text: string }[] = [
    { label: 'Caso', text: s.code },
    { label: 'Servizio', text: s.serviceName },
    { label: 'Stato', text: enumLabel('caseStatus', s.status) },
    { label: 'Aperto il', text: italianDay(s.openedAt) },
    { label: 'Responsabile', text: s.leadName },
  ];
  if (s.closedAt) lines.push({ label: 'Chiuso il', text: italianDay(s.closedAt) });
  if (s.outcome) lines.push({ label: 'Esito', text: enumLabel('closureOutcome', s.outcome) });
  if (printed.copy === 'referrer') return lines;
  const c = printed.summary;
  lines.push({ heading: 'Valutazione', text: c.assessment.length ? '' : 'Non ancora scritta.' });
  for (const [section, text] of c.assessment) lines.push({ label: section, text });
  lines.push({ heading: 'Obiettivi del progetto', text: c.goals.length ? '' : 'Nessun obiettivo.' });
  for (const g of c.goals)
    lines.push({
      label: g.title,
      text: `${enumLabel('goalStatus', g.status)}${g.targetDate ? `, entro il ${italianDay(g.targetDate)}` : ''}`,
    });
  lines.push({
    heading: 'Incontri',
    text: c.sessionDates.length ? c.sessionDates.map((d) => italianDay(d)).join(', ') : 'Nessun incontro.',
  });
  return lines;
}

export function caseSummaryPdf({
  printed,
  printedBy,
  printedAt = new Date(),
}: {
  printed: PrintedSummary;
  printedBy: string;
  printedAt?: Date;
}): Promise<Buffer> {
  const { code, serviceName } = printed.summary;
  const { doc, finish } = confidentialPdf({ title: `Sintesi del caso — ${code}`, author: serviceName });
  doc.font('bold').fontSize(16).text('Sintesi del caso');
  doc
    .font('body')
    .fontSize(11)
    .text(printed.copy === 'referrer' ? 'Copia per il servizio inviante' : 'Copia per l’équipe clinica')
    .moveDown();
  for (const line of summaryLines(printed)) {
    if (line.heading) {
      doc.moveDown().font('bold').fontSize(13).text(line.heading);
      if (line.text) doc.font('body').fontSize(10).text(line.text);
    } else {
      doc.font('bold').fontSize(10).text(`${line.label}: `, { continued: true });
      doc.font('body').text(line.text);
    }
  }
  const stamp = `RISERVATO — stampata da ${printedBy} il ${italianDay(printedAt.toISOString())}`;
  return finish({ stamp, footer: (page, pages) => `${code} — pagina ${page} di ${pages} — ${stamp}` });
}

/** The summary as the reader may print it, the PDF, and the audit event, in one transaction. */
export function printCaseSummary({ deps, ctx, caseId }: { deps: Deps; ctx: AccessContext; caseId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor', 'referrer'] });
      const c = await loadCase({ tx, found, ctx });
      const names = await displayNames({
        tx,
        ids: [ctx.userId, ...(found.leadUserId ? [found.leadUserId] : [])],
      });
      const base: ReferrerSummary = {
        code: c.code,
        serviceName: c.serviceName,
        status: c.status,
        openedAt: c.openedAt,
        closedAt: c.closure.closedAt,
        outcome: c.closure.outcome,
        leadName: (found.leadUserId && names.get(found.leadUserId)?.name) || '—',
      };
      let printed: PrintedSummary = { copy: 'referrer', summary: base };
      if (found.access !== 'referrer') {
        const sessions = await queryRows<{ starts_at: Date | string }>(
          tx,
          sql`select starts_at from case_sessions where case_id = ${found.id} order by starts_at`,
        );
        // The clinical work as the care plan keeps it (each child's latest assessment, the plan in force).
        const { assessment, goals } = await carePlanPrintout({ tx, caseId: found.id });
        printed = {
          copy: 'clinical',
          summary: {
            ...base,
            assessment,
            goals,
            sessionDates: sessions.map((s) => new Date(s.starts_at).toISOString()),
          },
        };
      }
      const body = await caseSummaryPdf({ printed, printedBy: names.get(ctx.userId)?.name ?? ctx.username });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case.summary_printed',
          recordType: 'case',
          recordId: found.id,
          details: { copy: printed.copy, access: found.access },
        },
      });
      return { body, filename: `sintesi-${c.code}.pdf` };
    },
  });
}
