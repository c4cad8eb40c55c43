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

/**
 * CSV as Italian spreadsheets open it: semicolons (the comma is the decimal mark there), CRLF, and
 * UTF-8 with a byte-order mark so Excel reads accents. Every text cell neutralised. Lines may
 * differ in length (a title line, then a table), so a header is optional.
 */
export function toCsv({ header, rows }: { header?: string[]; rows: CellValue[][] }) {
  const lines = header ? [header, ...rows] : rows;
  const body = stringify(
    lines.map((row) => row.map(neutraliseFormula)),
    { delimiter: ';', record_delimiter: 'windows' },
  );
  return `\uFEFF${body}`;
}

export interface Sheet {
  name: string;
  /** Lines shown above the table: the first (the title) in bold, then notes such as the rule. */
  notes: string[];
  /** Column headers, in bold; none for a sheet of notes only. */
  header: string[];
  rows: CellValue[][];
  /** Lines under the table, in bold (totals). */
  footer?: CellValue[][];
}

/** Wide enough for the longest value of each column of the table (notes may run across). */
function fitColumns(ws: ExcelJS.Worksheet, lines: CellValue[][]) {
  const widths: number[] = [];
  for (const line of lines)
    line.forEach((value, c) => {
      widths[c] = Math.max(widths[c] ?? 0, String(value ?? '').length);
    });
  widths.forEach((width, c) => {
    ws.getColumn(c + 1).width = Math.min(60, Math.max(10, width + 2));
  });
}

/** An XLSX workbook, one sheet per table; values are written as text or numbers, never formulas. */
export async function toXlsx(sheets: Sheet[]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trama';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    sheet.notes.forEach((note, i) => {
      const row = ws.addRow([neutraliseFormula(note)]);
      if (i === 0) row.font = { bold: true };
    });
    if (sheet.notes.length > 0 && (sheet.header.length > 0 || sheet.rows.length > 0)) ws.addRow([]);
    if (sheet.header.length > 0) ws.addRow(sheet.header.map(neutraliseFormula)).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map(neutraliseFormula));
    for (const row of sheet.footer ?? []) ws.addRow(row.map(neutraliseFormula)).font = { bold: true };
    fitColumns(ws, [sheet.header, ...sheet.rows, ...(sheet.footer ?? [])]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
