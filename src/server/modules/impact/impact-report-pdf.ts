import PDFDocument from 'pdfkit';
import { WORK_PACKAGES } from '../../../contracts/governance-codes.js';
import { WORK_PACKAGE_TITLES } from '../../../contracts/governance-plan.js';
import type { TReportContent, TReportRow } from '../../../contracts/impact-periods.js';
import {
  dayInWords,
  KIND_NAMES,
  momentInWords,
  percent,
  periodLine,
  periodNameOfKey,
  REPORT_WORDS,
  type ReportLanguage,
  unitName,
  valueInWords,
} from './impact-report-words.js';

/**
 * A frozen report as PDF, A4, in the funder's structure: what the report is, then each work
 * package with its indicators (targets first, then outcomes and context), the rule of suppression
 * and how to verify the file. A draft says so at the top of every page. Fonts are embedded from
 * assets/fonts: nothing is fetched.
 */
const FONT = new URL('../../../../assets/fonts/TitilliumWeb-Regular.ttf', import.meta.url).pathname;
const BOLD = new URL('../../../../assets/fonts/TitilliumWeb-Bold.ttf', import.meta.url).pathname;
const BLUE = '#1f4e79';
const RED = '#a4161a';
const KIND_ORDER = { target: 0, outcome: 1, context: 2 } as const;

export async function reportPdf({
  content,
  contentHash,
  keyId,
  lang,
  compress = true,
}: {
  content: TReportContent;
  contentHash: string;
  keyId: string;
  lang: ReportLanguage;
  /** Off only in tests that read the text operators back. */
  compress?: boolean;
}): Promise<Buffer> {
  const w = REPORT_WORDS[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress,
    lang: lang === 'it' ? 'it-IT' : 'en-GB',
    info: {
      Title: `${w.title} — ${periodLine(content, lang)}`,
      Author: 'Trama',
      CreationDate: new Date(content.generated.at),
    },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // A draft is marked on every page, in the top margin, whatever the page holds.
  const markDraft = () => {
    if (content.final) return;
    const { x, y } = doc;
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(RED)
      .text(w.draft, 56, 24, { width: doc.page.width - 112, align: 'center' });
    // A page break comes mid-block: the text goes on in the body's style, where it was.
    doc.font('body').fontSize(10.5).fillColor('#000000');
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', markDraft);
  markDraft();

  doc.font('bold').fontSize(20).fillColor(BLUE).text(w.title);
  doc
    .font('body')
    .fontSize(12)
    .fillColor('#000000')
    .text(`${w.period}: ${periodLine(content, lang)}`);
  doc
    .font('bold')
    .fillColor(content.final ? '#000000' : RED)
    .text(`${w.status}: ${content.final ? w.final : w.draft}`);
  doc.font('body').fontSize(10.5).fillColor('#333333');
  if (content.lock) doc.text(w.lockedBy(content.lock.by, momentInWords(content.lock.at, lang)));
  doc.text(w.generatedBy(content.generated.by, momentInWords(content.generated.at, lang)));

  const to = dayInWords(content.period.to, lang);
  for (const wp of WORK_PACKAGES) {
    const rows = content.rows
      .filter((r) => r.workPackage === wp)
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label[lang].localeCompare(b.label[lang]));
    if (rows.length === 0) continue;
    doc
      .moveDown(1)
      .font('bold')
      .fontSize(14)
      .fillColor(BLUE)
      .text(`${wp.toUpperCase()} — ${WORK_PACKAGE_TITLES[wp][lang]}`);
    for (const row of rows) indicatorBlock(doc, row, { lang, to });
  }

  doc.moveDown(1).font('bold').fontSize(14).fillColor(BLUE).text(w.rule);
  doc.font('body').fontSize(10.5).fillColor('#000000').text(content.suppression.rule[lang]);
  doc.moveDown(1).font('bold').fontSize(14).fillColor(BLUE).text(w.verification);
  doc.font('body').fontSize(10.5).fillColor('#000000').text(w.verifyHow);
  doc.text(`${w.hash}: ${contentHash}`);
  doc.text(`${w.key}: ${keyId}`);
  doc.end();
  return done;
}

function indicatorBlock(
  doc: PDFKit.PDFDocument,
  row: TReportRow,
  { lang, to }: { lang: ReportLanguage; to: string },
) {
  const w = REPORT_WORDS[lang];
  doc
    .moveDown(0.5)
    .font('bold')
    .fontSize(11)
    .fillColor('#000000')
    .text(row.label[lang], { continued: false });
  doc
    .font('body')
    .fontSize(9.5)
    .fillColor('#333333')
    .text(`${KIND_NAMES[row.kind][lang]} · ${unitName(row.unit, lang)} · ${w.formula(row.formulaVersion)}`);
  doc.fontSize(10.5).fillColor('#000000');
  if (row.error) {
    doc.text(w.notAvailable(row.error));
    return;
  }
  doc.text(`${w.inPeriod}: ${valueInWords(row.value, row.valueHidden, row.unit, lang)}`);
  doc.text(`${w.cumulative(to)}: ${valueInWords(row.cumulative, row.cumulativeHidden, row.unit, lang)}`);
  if (row.target !== null)
    doc.text(
      `${w.target}: ${valueInWords(row.target, false, row.unit, lang)}${
        row.progress !== null ? ` · ${w.progress}: ${percent(row.progress, lang)}` : ''
      }`,
    );
  if (row.afterLock)
    doc.text(
      w.afterLock(
        periodNameOfKey(row.afterLock.period, lang),
        valueInWords(row.afterLock.value, row.afterLock.value === null, row.unit, lang),
      ),
    );
}
