import ExcelJS from 'exceljs';
import { HIDDEN_COUNT } from '../../../contracts/common.js';
import { WORK_PACKAGE_TITLES } from '../../../contracts/governance-plan.js';
import type { TReportContent } from '../../../contracts/impact-periods.js';
import { neutraliseFormula } from '../../platform/files/spreadsheets.js';
import {
  dayInWords,
  KIND_NAMES,
  momentInWords,
  periodLine,
  REPORT_WORDS,
  type ReportLanguage,
  unitName,
} from './impact-report-words.js';

/**
 * A frozen report as XLSX: a sheet of what the report is (period, status, lock, rule, fingerprint)
 * and a sheet of the indicators, numbers as numbers; a hidden figure is the neutral mark, never a
 * number. Every text cell is neutralised against formulas.
 */
export async function reportXlsx({
  content,
  contentHash,
  lang,
}: {
  content: TReportContent;
  contentHash: string;
  lang: ReportLanguage;
}): Promise<Buffer> {
  const w = REPORT_WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trama';
  // Fixed dates: the same report makes the same workbook.
  workbook.created = new Date(content.generated.at);
  workbook.modified = new Date(content.generated.at);
  const about = workbook.addWorksheet(w.sheetReport);
  const lines: [string, string][] = [
    [w.title, ''],
    [w.period, periodLine(content, lang)],
    [w.status, content.final ? w.final : w.draft],
    ...(content.lock
      ? [[w.status, w.lockedBy(content.lock.by, momentInWords(content.lock.at, lang))] as [string, string]]
      : []),
    ['', w.generatedBy(content.generated.by, momentInWords(content.generated.at, lang))],
    [w.rule, content.suppression.rule[lang]],
    [w.hash, contentHash],
  ];
  for (const [label, value] of lines) about.addRow([neutraliseFormula(label), neutraliseFormula(value)]);
  about.getRow(1).font = { bold: true, size: 14 };
  about.getColumn(1).width = 34;
  about.getColumn(2).width = 110;

  const sheet = workbook.addWorksheet(w.sheetIndicators);
  const cumulativeHeader = w.cumulative(dayInWords(content.period.to, lang));
  const headers = w.columns.map((c, i) => (i === 5 ? cumulativeHeader : c));
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of content.rows) {
    sheet.addRow([
      neutraliseFormula(`${row.workPackage.toUpperCase()} — ${WORK_PACKAGE_TITLES[row.workPackage][lang]}`),
      neutraliseFormula(row.label[lang]),
      KIND_NAMES[row.kind][lang],
      unitName(row.unit, lang),
      row.valueHidden ? HIDDEN_COUNT[lang] : row.value,
      row.cumulativeHidden ? HIDDEN_COUNT[lang] : row.cumulative,
      row.target,
      row.progress,
      row.formulaVersion,
      row.afterLock ? (row.afterLock.value ?? HIDDEN_COUNT[lang]) : null,
      neutraliseFormula(row.error ? w.notAvailable(row.error) : ''),
    ]);
  }
  sheet.getColumn(8).numFmt = '0%';
  [34, 48, 22, 22, 14, 18, 12, 14, 12, 22, 40].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
