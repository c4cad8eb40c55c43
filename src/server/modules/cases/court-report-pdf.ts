import type { TCourtReport } from '../../../contracts/tutela.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';
import { italianDay } from '../../platform/i18n/italian-dates.js';
import { confidentialPdf } from './confidential-pdf.js';
import type { OrderRow } from './court-orders.repository.js';

/**
 * A report to the court as a PDF, in Italian: the order it answers, the period, the text, who wrote
 * and approved it and, once sent, the date and protocol number. Every page carries a diagonal
 * watermark naming who printed it and when ("BOZZA" until approved), so a copy that leaves the
 * service says whose it was. Fonts are embedded from assets/fonts: nothing is fetched.
 */

/**
 * What of the order a printed report carries. On a perpetrator's case only its kind and dates
 * (README: never the court or docket there): the court and docket are left out here, before the
 * PDF is drawn, so no layout change can print them.
 */
export interface PrintedOrder {
  kind: OrderRow['kind'];
  decided_on: string;
  court: string | null;
  docket_number: string | null;
}

export function printedOrder(order: OrderRow, { perpetrator }: { perpetrator: boolean }): PrintedOrder {
  const { kind, decided_on } = order;
  return perpetrator
    ? { kind, decided_on, court: null, docket_number: null }
    : { kind, decided_on, court: order.court, docket_number: order.docket_number };
}

/** The order's lines of the PDF, label and value, in Italian. */
export function orderFacts(order: PrintedOrder): [label: string, value: string][] {
  const facts: [string, string][] = [];
  if (order.court !== null) facts.push(['Autorità giudiziaria', order.court]);
  if (order.docket_number !== null) facts.push(['Numero di ruolo', order.docket_number]);
  facts.push([
    'Provvedimento',
    `${enumLabel('courtOrderKind', order.kind)} del ${italianDay(order.decided_on)}`,
  ]);
  return facts;
}

export function courtReportPdf({
  report,
  order,
  caseCode,
  serviceName,
  printedBy,
  printedAt = new Date(),
}: {
  report: TCourtReport;
  order: PrintedOrder;
  caseCode: string;
  serviceName: string;
  printedBy: string;
  printedAt?: Date;
}): Promise<Buffer> {
  const { doc, finish } = confidentialPdf({
    title: `Relazione al tribunale — ${caseCode}`,
    author: serviceName,
  });

  const fact = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('body').text(value);
  };
  doc.font('bold').fontSize(16).text('Relazione al Tribunale per i Minorenni');
  doc.font('body').fontSize(11).text(serviceName).moveDown();
  for (const [label, value] of orderFacts(order)) fact(label, value);
  fact('Caso', caseCode);
  fact('Periodo', `dal ${italianDay(report.periodFrom)} al ${italianDay(report.periodTo)}`);
  fact('Stato', enumLabel('courtReportStatus', report.status));
  fact('Redatta da', report.draftedBy);
  if (report.approvedBy) fact('Approvata da', `${report.approvedBy} il ${italianDay(report.approvedAt)}`);
  if (report.sentOn)
    fact('Trasmessa', `il ${italianDay(report.sentOn)}, protocollo ${report.protocolNumber ?? '—'}`);
  doc
    .moveDown()
    .font('body')
    .fontSize(11)
    .text(report.content ?? '', { align: 'justify' });

  const stamp = `${report.status === 'draft' || report.status === 'submitted' ? 'BOZZA — ' : ''}RISERVATO — stampata da ${printedBy} il ${italianDay(printedAt.toISOString())}`;
  return finish({
    stamp,
    footer: (page, pages) => `${caseCode} — pagina ${page} di ${pages} — documento riservato`,
  });
}
