import { createHash } from 'node:crypto';
import type { TLocalizedText } from '../../../contracts/common.js';
import {
  FORM_IMPLIED_BY,
  resolveCoreType,
  type TIncidentInput,
  ZIncidentInputSchema,
  ZSurvivorReferenceSchema,
} from '../../../contracts/observatory.js';
import { readUploadedTable } from '../../platform/files/upload-guard.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { fieldErrorsOf } from '../../platform/http/validation-messages.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';
import {
  columnAt,
  columnNamed,
  type ImportIssue,
  quoted,
  registerProblem,
  shown,
} from './observatory.import-errors.js';
import {
  allowedWords,
  type ColumnKind,
  codedSpelling,
  columnsBySpelling,
  ENTRY_COLUMN,
  folded,
  type ImportColumn,
  importColumns,
  type ReferenceLists,
  referenceSpellings,
  SHEETS,
  Spellings,
  yesNoSpellings,
} from './observatory.import-vocabulary.js';
import type { IncidentValues } from './observatory.repository.js';

/**
 * Bulk import of an existing register (CSV with "," or ";", or XLSX). Headers and values are read
 * as the incident form words them, in Italian or English, or as the API's names and codes
 * (observatory.import-vocabulary.ts; docs/observatory-data.md §7). The whole file is checked
 * before anything is written, and every problem is reported in words (observatory.import-errors.ts).
 */
export const MAX_IMPORT_ROWS = 5000;
export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export { ENTRY_COLUMN };

/** The register's format from the request's content type, or a 415 naming the file. */
export function registerFormatOf({ contentType, body }: { contentType: string | undefined; body: unknown }) {
  const type = (contentType ?? '').split(';')[0]!.trim();
  const format =
    type === IMPORT_CONTENT_TYPES.xlsx ? 'xlsx' : type === IMPORT_CONTENT_TYPES.csv ? 'csv' : null;
  if (!format || !Buffer.isBuffer(body)) {
    throw problems.field(
      'file',
      'unsupported_type',
      { it: 'Carica un file CSV o XLSX.', en: 'Upload a CSV or XLSX file.' },
      415,
    );
  }
  return { format, data: body } as const;
}

/**
 * The register's rows of text, through the upload guard: a file over its limits (413/422) or with
 * unsafe text in a cell (400) is answered as the guard says, before any transaction opens.
 */
export async function readRegister({
  data,
  format,
}: {
  data: Buffer;
  format: keyof typeof IMPORT_CONTENT_TYPES;
}): Promise<string[][]> {
  try {
    // The header and one more than the limit, so an over-long file is reported rather than cut silently.
    return await readUploadedTable({ data, format, maxRows: MAX_IMPORT_ROWS + 2 });
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw registerProblem([
      {
        row: null,
        field: 'file',
        column: null,
        problem: {
          it: `Il file non si può leggere come ${format.toUpperCase()}: salvalo di nuovo dal foglio di calcolo e riprova.`,
          en: `The file cannot be read as ${format.toUpperCase()}: save it again from the spreadsheet and retry.`,
        },
      },
    ]);
  }
}

export interface ParsedRow {
  /** The row's number in the file, header included, as a spreadsheet shows it. */
  line: number;
  input: TIncidentInput;
  entry: string | null;
}

/**
 * The same row imported twice gets the same key (unique per service), so it is not created
 * again. Built from the stored values — the survivor code, never the register number — so an
 * empty column added to the file, or a value written in words instead of its code, changes nothing.
 */
export function importKeyOf({ values, entry }: { values: IncidentValues; entry: string | null }) {
  if (entry)
    return createHash('sha256')
      .update(`entry\n${values.serviceId}\n${entry.toUpperCase()}`)
      .digest('base64url');
  const { createdBy: _by, importKey: _key, ...content } = values;
  const canonical = JSON.stringify(Object.entries(content).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('base64url');
}

type Cell = { value: unknown } | { problem: TLocalizedText };

/** Month names as people write them ("marzo", "mar", "March"), from the calendar of each language. */
const MONTH_NAMES = (() => {
  const names = new Spellings();
  for (const locale of ['it', 'en']) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const number = String(m + 1).padStart(2, '0');
        names.add(format.format(new Date(Date.UTC(2000, m, 1))).replace(/\.$/, ''), number);
      }
    }
  }
  return names;
})();

/** Excel's day numbers for 2000-01-01 and 2100-12-31: a date cell arrives as one of these. */
const EXCEL_DAYS = { from: 36526, to: 73415 };

/** "2026-03", "03/2026", "15/03/2026", "marzo 2026", or an Excel date → "2026-03". */
export function monthOf(text: string): string | null {
  const t = folded(text).replace(/\.$/, '');
  const month = (year: string, m: string) => {
    const n = Number(m);
    return n >= 1 && n <= 12 ? `${year}-${String(n).padStart(2, '0')}` : null;
  };
  let match = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2}(?:[t ][\d:.]+z?)?)?$/.exec(t);
  if (match) return month(match[1]!, match[2]!);
  // Italian order: day (optional), month, year.
  match = /^(?:\d{1,2}[-/.])?(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (match) return month(match[2]!, match[1]!);
  match = /^(\p{L}+)\.?[\s\-/']*(\d{4})$/u.exec(t);
  if (match) {
    const number = MONTH_NAMES.codeOf(match[1]!);
    return number ? `${match[2]}-${number}` : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(t) && Number(t) >= EXCEL_DAYS.from && Number(t) <= EXCEL_DAYS.to) {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  return null;
}

/** The dictionaries one import reads values with: fixed words and the reference lists' names. */
interface Dictionaries {
  reference: ReferenceLists;
  yesNo: Spellings;
  references: Record<keyof ReferenceLists, Spellings>;
}

function notAllowed(raw: string[], column: ImportColumn, d: Dictionaries): TLocalizedText {
  const values = raw.map((r) => quoted({ it: r, en: r }));
  const allowed = allowedWords(column, d.reference);
  const [it, en] = [values.map((v) => v.it).join(', '), values.map((v) => v.en).join(', ')];
  const plural = raw.length > 1;
  const several = column.kind.type === 'list';
  return {
    it: `${it} ${plural ? 'non sono valori ammessi' : 'non è un valore ammesso'}. Valori ammessi${several ? ' (più di uno separati da «;»)' : ''}: ${allowed.it}.`,
    en: `${en} ${plural ? 'are not allowed values' : 'is not an allowed value'}. Allowed values${several ? ' (several separated by ";")' : ''}: ${allowed.en}.`,
  };
}

/** The items of a list cell: split at ";" (or "|"); an item that is no value may be several split at ",". */
function listItems(text: string, spellings: Spellings): string[] {
  // Split, then trim: a pattern with \s* around the separator takes quadratic time on long blanks.
  const split = (value: string, separator: RegExp) =>
    value
      .split(separator)
      .map((item) => item.trim())
      .filter(Boolean);
  return split(text, /[;|]/).flatMap((item) =>
    spellings.codeOf(item) === undefined && item.includes(',') ? split(item, /,/) : [item],
  );
}

/** A coded cell (a value, a list of values, a month, a year) is never longer than this. */
const MAX_CODED_CELL = 500;
/** Past this many problems the file is clearly not a register: reading stops, the answer says so. */
export const MAX_IMPORT_ISSUES = 1000;

/** One cell's value for the schema, or what is wrong with it. Empty is "not stated" (an empty list). */
function cellOf(column: ImportColumn, raw: string, d: Dictionaries): Cell {
  const text = raw.trim();
  const kind: ColumnKind = column.kind;
  if (kind.type !== 'text' && text.length > MAX_CODED_CELL)
    return {
      problem: {
        it: `Il valore è troppo lungo per questa colonna (più di ${MAX_CODED_CELL} caratteri).`,
        en: `The value is too long for this column (more than ${MAX_CODED_CELL} characters).`,
      },
    };
  if (kind.type === 'list') {
    const spellings = codedSpelling(kind);
    const items = listItems(text, spellings);
    const unknown = items.filter((item) => spellings.codeOf(item) === undefined);
    if (unknown.length > 0) return { problem: notAllowed(unknown, column, d) };
    // The same value twice in a cell says nothing more: it is kept once.
    return { value: [...new Set(items.map((item) => spellings.codeOf(item)!))] };
  }
  if (text === '') return { value: undefined };
  switch (kind.type) {
    case 'choice':
    case 'yesNo':
    case 'flag':
    case 'reference': {
      const spellings =
        kind.type === 'choice'
          ? codedSpelling(kind)
          : kind.type === 'reference'
            ? d.references[kind.list]
            : d.yesNo;
      const code = spellings.codeOf(text);
      if (code === undefined) return { problem: notAllowed([text], column, d) };
      if (kind.type === 'yesNo' || kind.type === 'flag') return { value: code === 'yes' };
      return { value: code };
    }
    case 'month': {
      const month = monthOf(text);
      return month
        ? { value: month }
        : {
            problem: {
              it: `«${shown(text)}» non è un mese. Scrivi mese e anno, ad esempio 03/2026, 2026-03 o marzo 2026.`,
              en: `"${shown(text)}" is not a month. Write month and year, for example 03/2026, 2026-03 or March 2026.`,
            },
          };
    }
    case 'year':
      return /^\d{4}$/.test(text)
        ? { value: Number(text) }
        : {
            problem: {
              it: `«${shown(text)}» non è un anno. Scrivi quattro cifre, ad esempio 1990.`,
              en: `"${shown(text)}" is not a year. Write four digits, for example 1990.`,
            },
          };
    case 'text':
      return { value: text };
  }
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const sentence = (text: string) => capitalised(text.endsWith('.') ? text : `${text}.`);

/** The schema's words for a row, made into sentences; the implied form is named in words. */
function schemaProblem(
  message: TLocalizedText,
  input: Record<string, unknown>,
  field: string,
): TLocalizedText {
  if (field === 'forms' && message.en === 'must include the form the core type implies') {
    const resolved = resolveCoreType(input as TIncidentInput);
    const coreType = 'coreType' in resolved ? resolved.coreType : null;
    const implied = coreType ? FORM_IMPLIED_BY[coreType] : null;
    if (coreType && implied) {
      return {
        it: `Deve comprendere «${enumLabel('violenceForm', implied, 'it')}», la forma implicata dal tipo «${enumLabel('coreType', coreType, 'it')}».`,
        en: `It must include "${enumLabel('violenceForm', implied, 'en')}", the form the type "${enumLabel('coreType', coreType, 'en')}" implies.`,
      };
    }
  }
  return { it: sentence(message.it), en: sentence(message.en) };
}

const REQUIRED_EMPTY = (column: ImportColumn, d: Dictionaries): TLocalizedText => {
  const allowed = allowedWords(column, d.reference);
  const choices = column.kind.type !== 'text';
  return {
    it: `La cella è vuota, ma serve per registrare l'episodio.${choices ? ` Valori ammessi: ${allowed.it}.` : ''}`,
    en: `The cell is empty, but it is needed to record the incident.${choices ? ` Allowed values: ${allowed.en}.` : ''}`,
  };
};

/** The header's columns, or the problems that stop the file before its rows are read. */
function headerOf(header: string[]): { columns: (ImportColumn | null)[] } | { issues: ImportIssue[] } {
  const spellings = columnsBySpelling();
  const known = new Map(importColumns().map((c) => [c.field, c]));
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const columns = header.map((text, index) => {
    if (text.trim() === '') return null;
    const field = spellings.codeOf(text);
    const column = field ? known.get(field) : undefined;
    if (!column) {
      issues.push({
        row: 1,
        field: 'file',
        column: columnAt(index),
        problem: {
          it: `«${shown(text.trim())}» non è una colonna del registro. Usa le intestazioni del modello scaricabile (spiegate nel foglio «${SHEETS.legend.it}»).`,
          en: `"${shown(text.trim())}" is not a column of the register. Use the headers of the downloadable template (explained in its "${SHEETS.legend.en}" sheet).`,
        },
      });
      return null;
    }
    if (seen.has(column.field)) {
      issues.push({
        row: 1,
        field: column.field,
        column: columnAt(index),
        problem: {
          it: `La colonna «${column.label.it}» c'è già: ogni colonna una volta sola.`,
          en: `The column "${column.label.en}" is already there: each column only once.`,
        },
      });
    }
    seen.add(column.field);
    return column;
  });
  for (const column of importColumns()) {
    if (column.required === 'always' && !seen.has(column.field)) {
      issues.push({
        row: 1,
        field: column.field,
        column: null,
        problem: {
          it: `Manca la colonna «${column.label.it}», che serve per registrare gli episodi.`,
          en: `The column "${column.label.en}" is missing; it is needed to record the incidents.`,
        },
      });
    }
  }
  return issues.length > 0 ? { issues } : { columns };
}

/**
 * Reads and checks every row: the rows ready for the database's checks, or every problem, each
 * naming the spreadsheet's row and the column in words.
 */
export function parseRegister({
  table,
  reference,
}: {
  table: string[][];
  reference: ReferenceLists;
}): { rows: ParsedRow[] } | { issues: ImportIssue[] } {
  const [header = [], ...body] = table;
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      issues: [
        {
          row: null,
          field: 'file',
          column: null,
          problem: {
            it: `Il file ha più di ${MAX_IMPORT_ROWS} righe: dividilo in più file.`,
            en: `The file has more than ${MAX_IMPORT_ROWS} rows: split it into several files.`,
          },
        },
      ],
    };
  }
  const head = headerOf(header);
  if ('issues' in head) return head;
  const d: Dictionaries = {
    reference,
    yesNo: yesNoSpellings(),
    references: {
      countries: referenceSpellings(reference.countries),
      languages: referenceSpellings(reference.languages),
      municipalities: referenceSpellings(reference.municipalities),
    },
  };
  const issues: ImportIssue[] = [];
  const rows: ParsedRow[] = [];
  for (const [index, cells] of body.entries()) {
    if (issues.length >= MAX_IMPORT_ISSUES) break;
    const line = index + 2;
    if (cells.every((c) => c.trim() === '')) continue;
    const record: Record<string, unknown> = { status: 'recorded' };
    const reported = new Set<string>();
    const issue = (column: ImportColumn, problem: TLocalizedText) => {
      reported.add(column.field);
      issues.push({ row: line, field: column.field, column: columnNamed(column.label), problem });
    };
    head.columns.forEach((column, i) => {
      const raw = cells[i] ?? '';
      if (!column) {
        if (raw.trim() !== '') {
          issues.push({
            row: line,
            field: 'file',
            column: columnAt(i),
            problem: {
              it: 'Un valore in una colonna senza intestazione: scrivi l’intestazione o svuota la colonna.',
              en: 'A value in a column without a header: write the header or empty the column.',
            },
          });
        }
        return;
      }
      const cell = cellOf(column, raw, d);
      if ('problem' in cell) issue(column, cell.problem);
      else if (cell.value !== undefined) record[column.field] = cell.value;
      else if (column.required === 'always') issue(column, REQUIRED_EMPTY(column, d));
    });
    const entry = typeof record[ENTRY_COLUMN] === 'string' ? (record[ENTRY_COLUMN] as string) : null;
    delete record[ENTRY_COLUMN];
    const entryColumn = importColumns().find((c) => c.field === ENTRY_COLUMN)!;
    if (entry !== null && !ZSurvivorReferenceSchema.safeParse(entry).success) {
      issue(entryColumn, {
        it: `«${shown(entry)}» non è un numero di registro: al massimo 4 lettere, poi cifre e / . _ -.`,
        en: `"${shown(entry)}" is not a register number: at most 4 letters, then digits and / . _ -.`,
      });
    }
    const parsed = ZIncidentInputSchema.safeParse(record);
    if (!parsed.success) {
      const columns = new Map(importColumns().map((c) => [c.field, c]));
      for (const error of fieldErrorsOf(parsed.error.issues, '')) {
        const field = error.field.split('.')[0] ?? error.field;
        const column = columns.get(field);
        // A cell already reported (unreadable or empty) is not reported again by the schema.
        if (reported.has(field)) continue;
        const problem = schemaProblem(error.message, record, field);
        if (column) issue(column, problem);
        else issues.push({ row: line, field, column: null, problem });
      }
    }
    if (parsed.success && !reported.size) rows.push({ line, input: parsed.data, entry });
  }
  if (rows.length === 0 && issues.length === 0) {
    issues.push({
      row: null,
      field: 'file',
      column: null,
      problem: { it: 'Il file non ha righe da importare.', en: 'The file has no rows to import.' },
    });
  }
  return issues.length > 0 ? { issues } : { rows };
}

/** A row the database's reference checks refused (observatory.records.ts), in the import's words. */
export function recordIssue(line: number, error: { field: string; message: TLocalizedText }): ImportIssue {
  const column = importColumns().find((c) => c.field === error.field);
  return {
    row: line,
    field: error.field,
    column: column ? columnNamed(column.label) : null,
    problem: { it: sentence(error.message.it), en: sentence(error.message.en) },
  };
}
