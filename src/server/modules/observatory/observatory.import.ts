import { createHash } from 'node:crypto';
import {
  type TIncidentInput,
  ZIncidentInputSchema,
  ZSurvivorReferenceSchema,
} from '../../../contracts/observatory.js';
import { readUploadedTable } from '../../platform/files/upload-guard.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import { fieldErrorsOf } from '../../platform/http/validation-messages.js';
import type { IncidentValues } from './observatory.repository.js';

/**
 * Bulk import of an existing register (CSV or XLSX). Columns are the API's field names
 * (docs/observatory-data.md); lists are separated by ";"; yes/no as sì/si/yes/true/1 or
 * no/false/0. The whole file is checked before anything is written.
 */
export const MAX_IMPORT_ROWS = 5000;
export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const LIST_FIELDS = new Set(['forms', 'riskIndicators', 'referredTo', 'servicesProvided']);
const BOOLEAN_FIELDS = new Set([
  'interpreterNeeded',
  'interpreterUsed',
  'stalking',
  'childrenPresent',
  'childrenWitnessed',
  'harmfulPractice',
  'consentReporting',
]);
const NUMBER_FIELDS = new Set(['birthYear']);
/**
 * The register's own number for the incident (optional column). Two incidents of one survivor
 * in one month with the same type are distinct only by it: with it, the import key is the entry.
 */
export const ENTRY_COLUMN = 'registerEntry';

/** A register lists recorded incidents with their core type: no drafts, no question-by-question answers. */
const IMPORT_FIELDS = new Set([
  ...Object.keys(ZIncidentInputSchema.shape).filter((f) => f !== 'status' && f !== 'classification'),
  ENTRY_COLUMN,
]);

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

export interface ParsedRow {
  /** The row's number in the file, header included, as a spreadsheet shows it. */
  line: number;
  input: TIncidentInput;
  entry: string | null;
}

/**
 * The same row imported twice gets the same key (unique per service), so it is not created
 * again. Built from the stored values — the survivor code, never the register number — so an
 * empty column added to the file, or a different spelling of "sì", changes nothing.
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

function cellValue(field: string, raw: string): unknown {
  const text = raw.trim();
  if (LIST_FIELDS.has(field)) return text === '' ? [] : text.split(/\s*[;|]\s*/).filter(Boolean);
  if (text === '') return undefined;
  if (BOOLEAN_FIELDS.has(field)) {
    const lower = text.toLowerCase();
    if (['sì', 'si', 'yes', 'true', '1', 'y', 's'].includes(lower)) return true;
    if (['no', 'false', '0', 'n'].includes(lower)) return false;
    return text;
  }
  if (NUMBER_FIELDS.has(field)) return /^\d+$/.test(text) ? Number(text) : text;
  return text;
}

function rowError(line: number, field: string, it: string, en: string): FieldError {
  return { field: `row ${line}: ${field}`, code: 'import', message: { it, en } };
}

/** Parses and validates every row; returns the rows or every error, naming row and field. */
export async function parseRegister({
  data,
  format,
}: {
  data: Buffer;
  format: keyof typeof IMPORT_CONTENT_TYPES;
}): Promise<{ rows: ParsedRow[] } | { errors: FieldError[] }> {
  let table: string[][];
  try {
    // The header and one more than the limit, so an over-long file is reported rather than cut silently.
    table = await readUploadedTable({ data, format, maxRows: MAX_IMPORT_ROWS + 2 });
  } catch (error) {
    // A file the guard refuses (over its limits: 413/422; unsafe text in a cell: 400) is answered as
    // the guard says, before anything is written.
    if (error instanceof HttpProblem) throw error;
    return { errors: [rowError(1, 'file', 'File illeggibile.', 'The file cannot be read.')] };
  }
  const [header = [], ...body] = table;
  const fields = header.map((h) => h.trim());
  const errors: FieldError[] = fields
    .filter((f) => f && !IMPORT_FIELDS.has(f))
    .map((f) => rowError(1, f, `Colonna sconosciuta «${f}».`, `Unknown column "${f}".`));
  for (const required of ['survivorReference', 'consentReporting']) {
    if (!fields.includes(required)) {
      errors.push(rowError(1, required, 'Colonna obbligatoria mancante.', 'Required column missing.'));
    }
  }
  if (body.length > MAX_IMPORT_ROWS) {
    errors.push(
      rowError(1, 'file', `Al massimo ${MAX_IMPORT_ROWS} righe.`, `At most ${MAX_IMPORT_ROWS} rows.`),
    );
  }
  if (errors.length > 0) return { errors };
  const rows: ParsedRow[] = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const record: Record<string, unknown> = { status: 'recorded' };
    let entry: string | null = null;
    fields.forEach((field, i) => {
      if (field === ENTRY_COLUMN) {
        entry = (cells[i] ?? '').trim() || null;
        return;
      }
      const value = cellValue(field, cells[i] ?? '');
      if (value !== undefined) record[field] = value;
    });
    const parsed = ZIncidentInputSchema.safeParse(record);
    if (!parsed.success) {
      for (const e of fieldErrorsOf(parsed.error.issues, '')) {
        errors.push({ ...e, field: `row ${line}: ${e.field}` });
      }
      return;
    }
    if (entry !== null && !ZSurvivorReferenceSchema.safeParse(entry).success) {
      errors.push(rowError(line, ENTRY_COLUMN, 'Numero di registro non valido.', 'Invalid register number.'));
      return;
    }
    rows.push({ line, input: parsed.data, entry });
  });
  if (rows.length === 0 && errors.length === 0) {
    errors.push(rowError(2, 'file', 'Nessuna riga da importare.', 'No rows to import.'));
  }
  return errors.length > 0 ? { errors } : { rows };
}
