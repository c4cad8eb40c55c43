import PDFDocument from 'pdfkit';
import type { TOpinion } from '../../../contracts/consultations.js';

/**
 * A consultation's written opinion as a PDF, in Italian: who asked, who consulted, the version and
 * its approval, the text. Every page carries a diagonal watermark naming who downloaded it and when
 * ("BOZZA" on a draft), so a copy that leaves the service says whose it was (the pattern of
 * court-report-pdf.ts). Nothing of the sessions is printed: the opinion is what the requester gets.
 */
const FONT = new URL('../../../../assets/fonts/TitilliumWeb-Regular.ttf', import.meta.url).pathname;
const BOLD = new URL('../../../../assets/fonts/TitilliumWeb-Bold.ttf', import.meta.url).pathname;

const italianDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');

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
  return `${opinion.status === 'draft' ? 'BOZZA — ' : ''}RISERVATO — scaricato da ${printedBy} il ${italianDate(printedAt.toISOString())}`;
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
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: {
      Title: `Parere di consulenza etnoclinica — ${consultation.code}`,
      Author: consultation.consultingService,
      Subject: 'Riservato',
    },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
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
  if (opinion.approvedBy) fact('Approvato da', `${opinion.approvedBy} il ${italianDate(opinion.approvedAt)}`);
  doc.moveDown().font('body').fontSize(11).text(opinion.text, { align: 'justify' });

  const stamp = watermarkOf({ opinion, printedBy, printedAt });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: the footer lifts it for itself.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font('bold')
      .fontSize(18)
      .fillColor('#b0b0b0', 0.35)
      .text(stamp, 0, doc.page.height / 2 - 20, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.restore();
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#333333', 1)
      .text(`${consultation.code} — pagina ${i + 1} di ${range.count} — ${stamp}`, 56, doc.page.height - 40, {
        width: doc.page.width - 112,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
