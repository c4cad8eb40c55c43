import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { TMediationMode, TStatement } from '../../../contracts/mediation.js';
import { neutraliseFormula } from '../../platform/files/spreadsheets.js';

/**
 * A cooperative's monthly statement as the documents the cooperative and the district offices
 * file: XLSX (amounts as numbers in euro, shown `€ 1.234,56`, so the sheet can be summed and
 * checked) and PDF (A4 landscape, fonts embedded from assets/fonts). Words, never codes: the mode
 * in words, a no-show as "Assente". Italian by default, English on request. Totals are the
 * statement's own, which are the sums of its lines.
 */
const FONT = new URL('../../../../assets/fonts/TitilliumWeb-Regular.ttf', import.meta.url).pathname;
const BOLD = new URL('../../../../assets/fonts/TitilliumWeb-Bold.ttf', import.meta.url).pathname;

export type StatementLanguage = 'it' | 'en';

const WORDS = {
  it: {
    title: 'Rendiconto mensile delle mediazioni',
    cooperative: 'Cooperativa',
    month: 'Mese',
    file: 'rendiconto-mediazioni',
    sheet: 'Rendiconto',
    mode: { in_person: 'In presenza', phone: 'Telefono', video: 'Video' } satisfies Record<
      TMediationMode,
      string
    >,
    done: 'Svolta',
    noShow: 'Assente',
    columns: {
      date: 'Data',
      request: 'Richiesta',
      mediator: 'Mediatore',
      language: 'Lingua',
      service: 'Servizio richiedente',
      mode: 'Modalità',
      outcome: 'Esito',
      minutes: 'Durata',
      travelMinutes: 'Viaggio',
      km: 'Km',
      hourly: 'Tariffa oraria',
      perKm: 'Rimborso al km',
      cost: 'Importo',
    },
    sheetColumns: {
      minutes: 'Minuti di mediazione',
      travelMinutes: 'Minuti di viaggio',
    },
    total: 'Totale',
    count: (n: number) => (n === 1 ? '1 mediazione' : `${n} mediazioni`),
    none: 'Nessuna mediazione registrata nel mese.',
    note: 'Importi alle tariffe in vigore il giorno di ciascuna mediazione, fissati quando sono state registrate le ore; il viaggio è pagato alla tariffa oraria e al km. Un’assenza della persona è pagata per il tempo di attesa e il viaggio.',
    page: (n: number, of: number) => `Pagina ${n} di ${of}`,
    perHour: '/h',
    perKm: '/km',
  },
  en: {
    title: 'Monthly statement of mediations',
    cooperative: 'Cooperative',
    month: 'Month',
    file: 'mediation-statement',
    sheet: 'Statement',
    mode: { in_person: 'In person', phone: 'Phone', video: 'Video' } satisfies Record<TMediationMode, string>,
    done: 'Held',
    noShow: 'Did not come',
    columns: {
      date: 'Date',
      request: 'Request',
      mediator: 'Mediator',
      language: 'Language',
      service: 'Requesting service',
      mode: 'Mode',
      outcome: 'Outcome',
      minutes: 'Length',
      travelMinutes: 'Travel',
      km: 'Km',
      hourly: 'Hourly rate',
      perKm: 'Per km',
      cost: 'Amount',
    },
    sheetColumns: {
      minutes: 'Minutes of mediation',
      travelMinutes: 'Minutes of travel',
    },
    total: 'Total',
    count: (n: number) => (n === 1 ? '1 mediation' : `${n} mediations`),
    none: 'No mediation logged in the month.',
    note: 'Amounts at the rates in force on the day of each mediation, fixed when its hours were logged; travel is paid at the hourly rate and per km. When the person did not come, the time waited and the travel are paid.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    perHour: '/h',
    perKm: '/km',
  },
} as const;

/** Digits grouped by three (Italian `.`, English `,`): Intl leaves four-digit amounts ungrouped in Italian. */
function grouped(n: number, separator: string) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Euro cents in words people read: `€ 1.234,56` (Italian), `€1,234.56` (English); integer arithmetic only. */
export function euro(cents: number, lang: StatementLanguage = 'it') {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const units = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return lang === 'it' ? `${sign}€ ${grouped(units, '.')},${rest}` : `${sign}€${grouped(units, ',')}.${rest}`;
}

/** Minutes as hours and minutes: "1 h 30 min", "45 min". */
export function duration(minutes: number) {
  const h = Math.trunc(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const kmText = (km: number, lang: StatementLanguage) =>
  new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 }).format(km);

/** "novembre 2026", "November 2026". */
export function monthInWords(month: string, lang: StatementLanguage = 'it') {
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

const dayInFigures = (iso: string, lang: StatementLanguage) =>
  new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/** A name fit for a file name: no accents, lower case, words joined by dashes. */
export function slugOf(name: string) {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'cooperativa'
  );
}

const EURO_FORMAT = '"€ "#,##0.00';

export async function statementXlsx(statement: TStatement, lang: StatementLanguage = 'it') {
  const w = WORDS[lang];
  const c = w.columns;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trama';
  const ws = workbook.addWorksheet(w.sheet);
  ws.addRow([w.title]).font = { bold: true, size: 14 };
  ws.addRow([`${w.cooperative}: ${statement.organisationName}`]);
  ws.addRow([`${w.month}: ${monthInWords(statement.month, lang)}`]);
  ws.addRow([]);
  const header = [
    c.date,
    c.request,
    c.mediator,
    c.language,
    c.service,
    c.mode,
    c.outcome,
    w.sheetColumns.minutes,
    w.sheetColumns.travelMinutes,
    c.km,
    c.hourly,
    c.perKm,
    c.cost,
  ];
  ws.addRow(header).font = { bold: true };
  const headerRow = ws.rowCount;
  for (const l of statement.lines)
    ws.addRow([
      new Date(`${l.date}T00:00:00Z`),
      l.requestCode,
      neutraliseFormula(l.mediatorName),
      neutraliseFormula(l.language),
      neutraliseFormula(l.serviceName),
      w.mode[l.mode],
      l.noShow ? w.noShow : w.done,
      l.minutes,
      l.travelMinutes,
      l.travelKm,
      l.hourlyCents / 100,
      l.travelCentsPerKm / 100,
      l.costCents / 100,
    ]);
  // Values, never formulas: the totals are the statement's, the same as on screen and in the PDF.
  const total = ws.addRow([
    w.total,
    w.count(statement.lines.length),
    null,
    null,
    null,
    null,
    null,
    statement.totalMinutes,
    statement.lines.reduce((sum, l) => sum + l.travelMinutes, 0),
    statement.totalTravelKm,
    null,
    null,
    statement.totalCostCents / 100,
  ]);
  total.font = { bold: true };
  ws.getColumn(1).numFmt = 'dd/mm/yyyy';
  ws.getColumn(10).numFmt = '0.0';
  for (const col of [11, 12, 13]) ws.getColumn(col).numFmt = EURO_FORMAT;
  const widths = [12, 14, 26, 14, 34, 13, 12, 12, 12, 8, 14, 14, 14];
  widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.addRow([]);
  ws.addRow([w.note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Column {
  label: string;
  weight: number;
  align?: 'right';
}

export function statementPdf(
  statement: TStatement,
  lang: StatementLanguage = 'it',
  /** Off in tests, so the text can be read back from the file. */
  compress = true,
): Promise<Buffer> {
  const w = WORDS[lang];
  const c = w.columns;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    compress,
    bufferPages: true,
    info: { Title: `${w.title} — ${statement.organisationName} — ${monthInWords(statement.month, lang)}` },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const columns: Column[] = [
    { label: c.date, weight: 7 },
    { label: c.request, weight: 8 },
    { label: c.mediator, weight: 12 },
    { label: c.language, weight: 7 },
    { label: c.service, weight: 15 },
    { label: c.mode, weight: 7 },
    { label: c.outcome, weight: 6 },
    { label: c.minutes, weight: 7, align: 'right' },
    { label: c.travelMinutes, weight: 6, align: 'right' },
    { label: c.km, weight: 4, align: 'right' },
    { label: c.hourly, weight: 7, align: 'right' },
    { label: c.perKm, weight: 7, align: 'right' },
    { label: c.cost, weight: 8, align: 'right' },
  ];
  const totalWeight = columns.reduce((sum, col) => sum + col.weight, 0);
  const widths = columns.map((col) => (col.weight / totalWeight) * width);
  const pad = 3;
  const fontSize = 8.5;

  /** One row of the table; on a new page the column headers come again first. */
  const row = (cells: string[], { bold = false, head = false }: { bold?: boolean; head?: boolean } = {}) => {
    const font = bold || head ? 'bold' : 'body';
    doc.font(font).fontSize(fontSize);
    const height =
      Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * pad }))) +
      2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 20) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      if (!head) tableHead();
      doc.font(font).fontSize(fontSize);
    }
    const y = doc.y;
    let x = left;
    if (bold || head) doc.rect(left, y, width, height).fill('#e8eef5').fillColor('#000000');
    cells.forEach((text, i) => {
      doc.text(text, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.5)
      .stroke('#999999');
    doc.y = y + height;
  };
  const tableHead = () =>
    row(
      columns.map((col) => col.label),
      { head: true },
    );

  doc.font('bold').fontSize(16).fillColor('#1f4e79').text(w.title, left, doc.page.margins.top, { width });
  doc
    .moveDown(0.3)
    .font('bold')
    .fontSize(12)
    .fillColor('#000000')
    .text(statement.organisationName, { width });
  doc
    .font('body')
    .fontSize(11)
    .text(`${w.month}: ${monthInWords(statement.month, lang)}`, { width });
  doc.moveDown(0.8);
  tableHead();
  for (const l of statement.lines)
    row([
      dayInFigures(l.date, lang),
      l.requestCode,
      l.mediatorName,
      l.language,
      l.serviceName,
      w.mode[l.mode],
      l.noShow ? w.noShow : w.done,
      duration(l.minutes),
      duration(l.travelMinutes),
      kmText(l.travelKm, lang),
      `${euro(l.hourlyCents, lang)}${w.perHour}`,
      `${euro(l.travelCentsPerKm, lang)}${w.perKm}`,
      euro(l.costCents, lang),
    ]);
  if (statement.lines.length === 0) {
    doc.moveDown(0.5).font('body').fontSize(10).text(w.none, left, doc.y, { width });
  }
  row(
    [
      w.total,
      w.count(statement.lines.length),
      '',
      '',
      '',
      '',
      '',
      duration(statement.totalMinutes),
      duration(statement.lines.reduce((sum, l) => sum + l.travelMinutes, 0)),
      kmText(statement.totalTravelKm, lang),
      '',
      '',
      euro(statement.totalCostCents, lang),
    ],
    { bold: true },
  );
  doc.moveDown(0.8).font('body').fontSize(8).fillColor('#333333').text(w.note, left, doc.y, { width });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Written inside the bottom margin: lift it so pdfkit does not open a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#555555')
      .text(w.page(i + 1, range.count), left, doc.page.height - 24, { width, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** The statement as a file to download, with its name (`rendiconto-mediazioni-<cooperative>-2026-11.xlsx`). */
export async function statementFile({
  statement,
  format,
  lang,
}: {
  statement: TStatement;
  format: 'xlsx' | 'pdf';
  lang: StatementLanguage;
}) {
  const filename = `${WORDS[lang].file}-${slugOf(statement.organisationName)}-${statement.month}.${format}`;
  return format === 'xlsx'
    ? {
        filename,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await statementXlsx(statement, lang),
      }
    : { filename, contentType: 'application/pdf', body: await statementPdf(statement, lang) };
}
