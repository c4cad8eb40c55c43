import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

/**
 * Text a spreadsheet would read as a formula (CWE-1236, OWASP "CSV injection") is prefixed with
 * an apostrophe, so it is shown, never run. Numbers stay numbers.
 */
export function neutraliseFormula(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r|]/.test(value) ? `'${value}` : value;
}

/** CSV with a header row; every text cell neutralised. UTF-8 with BOM so Excel reads accents. */
export function toCsv({ header, rows }: { header: string[]; rows: CellValue[][] }) {
  const body = stringify([header, ...rows].map((row) => row.map(neutraliseFormula)));
  return `\uFEFF${body}`;
}

export interface Sheet {
  name: string;
  /** Lines shown above the table (title, the disclosure rule). */
  notes: string[];
  header: string[];
  rows: CellValue[][];
}

/** An XLSX workbook, one sheet per table; values are written as text or numbers, never formulas. */
export async function toXlsx(sheets: Sheet[]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trama';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const note of sheet.notes) ws.addRow([neutraliseFormula(note)]);
    if (sheet.notes.length > 0) ws.addRow([]);
    ws.addRow(sheet.header.map(neutraliseFormula)).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map(neutraliseFormula));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads the first sheet of an XLSX file as rows of text (for imports), streaming: it stops after
 * `maxRows` rows, so a file that unzips to a million rows costs no more than the limit.
 */
export async function readXlsxRows(data: Buffer, maxRows = Number.POSITIVE_INFINITY): Promise<string[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  const rows: string[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number > maxRows) break;
      // Row numbers in an import report are the sheet's own, so empty rows keep their place.
      while (rows.length < row.number - 1) rows.push([]);
      const cells = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(Array.from(cells, (v) => (v === null || v === undefined ? '' : cellText(v))));
    }
    break;
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && value !== null) {
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
  }
  return String(value);
}
