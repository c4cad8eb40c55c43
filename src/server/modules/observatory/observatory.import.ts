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
import { cellOf, type Dictionaries, monthOf } from './observatory.import-cells.js';
import {
  columnAt,
  columnNamed,
  type ImportIssue,
  registerProblem,
  shown,
} from './observatory.import-errors.js';
import { type ImportEntry, importKeyOf } from './observatory.import-key.js';
import { mergedColumns } from './observatory.import-legacy.js';
import {
  allowedWords,
  columnLabel,
  columnsBySpelling,
  ENTRY_COLUMN,
  type ImportColumn,
  importColumns,
  LEGACY_RISK_COLUMN,
  type ReferenceLists,
  RISK_COLUMNS,
  referenceSpellings,
  requiredWords,
  SHEETS,
  valueWords,
  yesNoSpellings,
} from './observatory.import-vocabulary.js';

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
export { ENTRY_COLUMN, type ImportEntry, importKeyOf, monthOf };

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
  entry: ImportEntry;
}

/** Past this many problems the file is clearly not a register: reading stops, the answer says so. */
export const MAX_IMPORT_ISSUES = 1000;

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const sentence = (text: string) => capitalised(text.endsWith('.') ? text : `${text}.`);

/** The contract's messages that say a value is missing (a missing column, or an empty cell). */
const MISSING_MESSAGES = new Set([
  'required to record the incident',
  'does not fall in the six GBVIMS types: check the answers, then give the reason',
]);

/** The schema's words for a row, made into sentences; values and other columns are named in words. */
function schemaProblem(
  message: TLocalizedText,
  input: Record<string, unknown>,
  field: string,
): TLocalizedText {
  const words = valueWords;
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
  if (message.en === 'female genital mutilation is sexual assault in GBVIMS') {
    const [sexual, rape, fgm] = [
      words('coreType', 'sexual_assault'),
      words('coreType', 'rape'),
      words('harmfulPracticeType', 'fgm'),
    ];
    return {
      it: `«${fgm.it}» è un'aggressione sessuale in GBVIMS, mai un'aggressione fisica: il tipo è «${sexual.it}», o «${rape.it}» se c'è stata penetrazione.`,
      en: `"${fgm.en}" is sexual assault in GBVIMS, never physical assault: the type is "${sexual.en}", or "${rape.en}" if there was penetration.`,
    };
  }
  if (message.en === 'this answer excludes the others') {
    const column = importColumns().find((c) => c.field === field);
    const alone = { soughtHelpFrom: 'nobody', authorAddictions: 'none', protectionOrders: 'none' }[field];
    if (column?.kind.type === 'list' && alone) {
      const answer = words(column.kind.group, alone);
      return {
        it: `«${answer.it}» esclude le altre risposte: lascia solo quella, oppure toglila.`,
        en: `"${answer.en}" excludes the other answers: keep it alone, or remove it.`,
      };
    }
  }
  if (message.en === 'only for an incident outside the six GBVIMS types') {
    const [type, nonGbv] = [columnLabel('coreType'), words('coreType', 'non_gbv')];
    return {
      it: `Si scrive solo se «${type.it}» è «${nonGbv.it}».`,
      en: `Only written when "${type.en}" is "${nonGbv.en}".`,
    };
  }
  if (message.en === 'a kind of practice, but no harmful practice') {
    const practice = columnLabel('harmfulPractice');
    return {
      it: `Si scrive solo se «${practice.it}» è Sì.`,
      en: `Only written when "${practice.en}" is Yes.`,
    };
  }
  if (message.en === 'only when a service sent her') {
    const [by, service] = [columnLabel('referredBy'), words('referrer', 'service')];
    return {
      it: `Si scrive solo se «${by.it}» comprende «${service.it}».`,
      en: `Only written when "${by.en}" includes "${service.en}".`,
    };
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

/** Six "no" answers, or the type written so: the reason is needed, and the answers are worth a second look. */
const NON_GBV_REASON_EMPTY = (column: ImportColumn, d: Dictionaries): TLocalizedText => {
  const allowed = allowedWords(column, d.reference);
  return {
    it: `La cella è vuota, ma l'episodio non rientra nei sei tipi GBVIMS: controlla il tipo, poi indica il motivo. Valori ammessi: ${allowed.it}.`,
    en: `The cell is empty, but the incident does not fall in the six GBVIMS types: check the type, then give the reason. Allowed values: ${allowed.en}.`,
  };
};

/** A column this row needs (a harmful practice's kind, say) is not in the file at all. */
const COLUMN_TO_ADD = (column: ImportColumn, d: Dictionaries): TLocalizedText => {
  const allowed = allowedWords(column, d.reference);
  const when = requiredWords(column);
  const condition = (text: string) => text.replace(/^(Sì|Yes), /, '');
  const conditional = when.it !== 'Sì';
  return {
    it: `Manca la colonna «${column.label.it}», che serve per registrare questo episodio${conditional ? ` (${condition(when.it)})` : ''}: aggiungila. Valori ammessi: ${allowed.it}.`,
    en: `The column "${column.label.en}" is missing; it is needed to record this incident${conditional ? ` (${condition(when.en)})` : ''}: add it. Allowed values: ${allowed.en}.`,
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
  const missing = (field: string, instead: string | null) => {
    const label = columnLabel(field);
    const other = instead ? columnLabel(instead) : null;
    issues.push({
      row: 1,
      field,
      column: null,
      problem: {
        it: `Manca la colonna «${label.it}»${other ? ` (oppure «${other.it}»)` : ''}, che serve per registrare gli episodi.`,
        en: `The column "${label.en}"${other ? ` (or "${other.en}")` : ''} is missing; it is needed to record the incidents.`,
      },
    });
  };
  for (const column of importColumns()) {
    const required = column.required === 'always' || column.required === 'unlessNonGbv';
    if (required && !seen.has(column.field)) missing(column.field, null);
  }
  // The age, or else the year of birth with the age band.
  if (!seen.has('age') && !seen.has('birthYear')) missing('age', 'birthYear');
  if (!seen.has('age') && !seen.has('ageBand')) missing('ageBand', 'age');
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
  const inFile = new Set(head.columns.flatMap((c) => (c ? [c.field] : [])));
  const d: Dictionaries = {
    reference,
    yesNo: yesNoSpellings(),
    references: {
      countries: referenceSpellings(reference.countries),
      languages: referenceSpellings(reference.languages),
      municipalities: referenceSpellings(reference.municipalities),
    },
  };
  const columns = new Map(importColumns().map((c) => [c.field, c]));
  const entryColumn = columns.get(ENTRY_COLUMN)!;
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
      if ('problem' in cell) {
        issue(column, cell.problem);
        return;
      }
      const empty = cell.value === undefined || (Array.isArray(cell.value) && cell.value.length === 0);
      if (column.required === 'always' && empty) issue(column, REQUIRED_EMPTY(column, d));
      else if (cell.value !== undefined) record[column.field] = cell.value;
    });
    const number = typeof record[ENTRY_COLUMN] === 'string' ? (record[ENTRY_COLUMN] as string) : null;
    delete record[ENTRY_COLUMN];
    if (number !== null && !ZSurvivorReferenceSchema.safeParse(number).success) {
      issue(entryColumn, {
        it: `«${shown(number)}» non è un numero di registro: al massimo 4 lettere, poi cifre e / . _ -.`,
        en: `"${shown(number)}" is not a register number: at most 4 letters, then digits and / . _ -.`,
      });
    }
    // What the key read before issue 16, taken before the columns are merged.
    const childrenPresent = Boolean(record.childrenPresent ?? record.childrenWitnessed ?? false);
    const legacy = mergedColumns(record, issue);
    const stated = Object.keys(record).filter((field) => {
      const value = record[field];
      return !(Array.isArray(value) && value.length === 0);
    });
    const entry: ImportEntry = {
      number,
      riskIndicators: legacy.riskIndicators,
      firstContact: legacy.firstContact,
      childrenPresent,
      // The assessment and whom she turned to count as stated only from their own columns.
      stated: stated.filter(
        (field) =>
          (field !== 'riskAssessment' || legacy.newRisk) &&
          (field !== 'soughtHelpFrom' || legacy.firstContact === null),
      ),
    };
    const parsed = ZIncidentInputSchema.safeParse(record);
    if (!parsed.success) {
      for (const error of fieldErrorsOf(parsed.error.issues, '')) {
        const field = error.field.split('.')[0] ?? error.field;
        // The age or the year of birth: named by the one the file has.
        const columnField =
          field === 'age' && !inFile.has('age') && inFile.has('birthYear') ? 'birthYear' : field;
        const column = columns.get(columnField);
        // A cell already reported (unreadable or empty) is not reported again by the schema.
        if (reported.has(columnField)) continue;
        if (column && MISSING_MESSAGES.has(error.message.en)) {
          if (!inFile.has(column.field)) {
            reported.add(column.field);
            issues.push({ row: line, field: column.field, column: null, problem: COLUMN_TO_ADD(column, d) });
          } else if (field === 'nonGbvReason') {
            issue(column, NON_GBV_REASON_EMPTY(column, d));
          } else issue(column, REQUIRED_EMPTY(column, d));
          continue;
        }
        const problem = schemaProblem(error.message, record, field);
        if (field === 'riskAssessment') {
          const risk = columns.get(legacy.newRisk ? RISK_COLUMNS[0].field : LEGACY_RISK_COLUMN)!;
          issue(risk, problem);
        } else if (column) issue(column, problem);
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
