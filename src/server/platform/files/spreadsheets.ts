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
