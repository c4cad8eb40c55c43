import type { TOpinion } from '../../../contracts/consultations.js';
import { italianDay } from '../../platform/i18n/italian-dates.js';
import { confidentialPdf } from './confidential-pdf.js';

/**
 * A consultation's written opinion as a PDF, in Italian: who asked, who consulted, the version and
 * its approval, the text. Every page carries a diagonal watermark naming who downloaded it and when
 * ("BOZZA" on a draft), so a copy that leaves the service says whose it was (the pattern of
 * court-report-pdf.ts). Nothing of the sessions is printed: the opinion is what the requester gets.
 */

export interface PrintedConsultation {
  code: string;
  requestingService: string;
  consultingService: string;
  /** "Tribunale per i Minorenni, richiesta n. … del …", or null for a stuck case. */
  legalBasis: string | null;
}

export function watermarkOf({
  opinion,
  printedBy,
  printedAt,
}: {
  opinion: Pick<TOpinion, 'status'>;
  printedBy: string;
  printedAt: Date;
}) {
  return `${opinion.status === 'draft' ? 'BOZZA — ' : ''}RISERVATO — scaricato da ${printedBy} il ${italianDay(printedAt.toISOString())}`;
}

export function consultationOpinionPdf({
  consultation,
  opinion,
  printedBy,
  printedAt = new Date(),
}: {
  consultation: PrintedConsultation;
  opinion: TOpinion;
  printedBy: string;
  printedAt?: Date;
}): Promise<Buffer> {
  const { doc, finish } = confidentialPdf({
    title: `Parere di consulenza etnoclinica — ${consultation.code}`,
    author: consultation.consultingService,
  });
  const fact = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('body').text(value);
  };
  doc.font('bold').fontSize(16).text('Parere di consulenza etnoclinica');
  doc.font('body').fontSize(11).text(consultation.consultingService).moveDown();
  fact('Consulenza', consultation.code);
  fact('Richiesta da', consultation.requestingService);
  if (consultation.legalBasis) fact('Base giuridica', consultation.legalBasis);
  fact('Versione', String(opinion.version));
  fact('Redatto da', opinion.writtenBy);
  if (opinion.approvedBy) fact('Approvato da', `${opinion.approvedBy} il ${italianDay(opinion.approvedAt)}`);
  doc.moveDown().font('body').fontSize(11).text(opinion.text, { align: 'justify' });

  const stamp = watermarkOf({ opinion, printedBy, printedAt });
  return finish({
    stamp,
    stampSize: 18,
    footer: (page, pages) => `${consultation.code} — pagina ${page} di ${pages} — ${stamp}`,
  });
}
