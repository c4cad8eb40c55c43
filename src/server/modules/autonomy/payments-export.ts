import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { TLedgerEntryKind } from '../../../contracts/autonomy-codes.js';
import { neutraliseFormula } from '../../platform/files/spreadsheets.js';

/**
 * The rent ledger for the accounts office (issue 20, item 5), as XLSX or CSV: one line per ledger
 * line (a payment, or a reversal as a negative amount), Italian headers, amounts in euro with two
 * decimals. What it holds is fixed here and nowhere else: the date, the funding line, the
 * household's and the request's codes, the payee (a partner's name, or only "Locatore privato"),
 * the kind, the amount and the payment's reference. Never a unit's address or label, never a
 * landlord's name, tax code or IBAN, never a free-text reason.
 */

export interface LedgerFileLine {
  entryOn: string;
  fundingLine: string;
  year: number;
  householdCode: string;
  requestCode: string;
  /** A partner's name; null for a private landlord. */
  payeeName: string | null;
  kind: TLedgerEntryKind;
  amountCents: number;
  reference: string | null;
}

const LEDGER_HEADERS = [
  'Data',
  'Anno',
  'Linea di finanziamento',
  'Codice nucleo',
  'Codice richiesta',
  'Beneficiario',
  'Tipo',
  'Importo (€)',
  'Riferimento',
] as const;

const KIND_WORDS: Record<TLedgerEntryKind, string> = { payment: 'Pagamento', reversal: 'Storno' };
const PRIVATE_LANDLORD = 'Locatore privato';

/** An amount as an Italian spreadsheet reads it in a CSV: `-1234,56` (no grouping, decimal comma). */
function csvAmount(cents: number) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const dayInFigures = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const textCells = (l: LedgerFileLine) => ({
  fundingLine: neutraliseFormula(l.fundingLine),
  payee: neutraliseFormula(l.payeeName ?? PRIVATE_LANDLORD),
  reference: neutraliseFormula(l.reference ?? ''),
});

/**
 * CSV as Italian spreadsheets open it: semicolons, CRLF, UTF-8 with a byte-order mark; every text
 * cell neutralised against formulas, the amount written as a number with a decimal comma (never
 * neutralised: a reversal's minus sign is the amount's, not a formula).
 */
function ledgerCsv(lines: LedgerFileLine[]) {
  const rows = lines.map((l) => {
    const text = textCells(l);
    return [
      dayInFigures(l.entryOn),
      String(l.year),
      text.fundingLine,
      l.householdCode,
      l.requestCode,
      text.payee,
      KIND_WORDS[l.kind],
      csvAmount(l.amountCents),
      text.reference,
    ];
  });
  return `\uFEFF${stringify([[...LEDGER_HEADERS], ...rows], { delimiter: ';', record_delimiter: 'windows' })}`;
}

/** XLSX: dates as dates, amounts as numbers in euro shown with two decimals; values, never formulas. */
async function ledgerXlsx(lines: LedgerFileLine[]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trama';
  const ws = workbook.addWorksheet('Registro');
  ws.addRow([...LEDGER_HEADERS]).font = { bold: true };
  for (const l of lines) {
    const text = textCells(l);
    ws.addRow([
      new Date(`${l.entryOn}T00:00:00Z`),
      l.year,
      text.fundingLine,
      l.householdCode,
      l.requestCode,
      text.payee,
      KIND_WORDS[l.kind],
      l.amountCents / 100,
      text.reference,
    ]);
  }
  const total = lines.reduce((sum, l) => sum + l.amountCents, 0);
  ws.addRow(['Totale', null, null, null, null, null, null, total / 100, null]).font = { bold: true };
  ws.getColumn(1).numFmt = 'dd/mm/yyyy';
  ws.getColumn(8).numFmt = '#,##0.00';
  [12, 8, 30, 14, 14, 30, 12, 14, 24].forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function ledgerFile({
  lines,
  format,
  year,
}: {
  lines: LedgerFileLine[];
  format: 'xlsx' | 'csv';
  year?: number | undefined;
}) {
  const filename = `registro-sostegno-affitto${year ? `-${year}` : ''}.${format}`;
  return format === 'xlsx'
    ? {
        filename,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await ledgerXlsx(lines),
      }
    : { filename, contentType: 'text/csv; charset=utf-8', body: Buffer.from(ledgerCsv(lines), 'utf8') };
}
