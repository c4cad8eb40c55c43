import { createHash } from 'node:crypto';
import type { TLocalizedText } from '../../../contracts/common.js';
import {
  FORM_IMPLIED_BY,
  INTIMATE_PARTNERS,
  LEGACY_RISK_INDICATORS,
  MINOR_AGE_BANDS,
  RISK_FACTORS,
  resolveCoreType,
  type TAgeBand,
  type TAuthorRelationship,
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
  columnLabel,
  columnsBySpelling,
  ENTRY_COLUMN,
  folded,
  type ImportColumn,
  importColumns,
  LEGACY_FIRST_CONTACT_COLUMN,
  LEGACY_RISK_COLUMN,
  type ReferenceLists,
  RISK_COLUMNS,
  referenceSpellings,
  requiredWords,
  SHEETS,
  Spellings,
  valueWords,
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

/**
 * The row as an entry of the register, for its import key: the register's own number for the
 * incident when the file has one, else what the key needs of the row besides the stored values.
 */
export interface ImportEntry {
  number: string | null;
  /** The old risk list as the row wrote it (codes, in its order), or empty. */
  riskIndicators: string[];
  /** The old "first service she turned to", or null. */
  firstContact: string | null;
  /** "Children present" as the key always read it: witnessed counted as present when left empty. */
  childrenPresent: boolean;
  /** The fields of issue 16 the row states in their own columns (see importKeyOf). */
  stated: string[];
}

export interface ParsedRow {
  /** The row's number in the file, header included, as a spreadsheet shows it. */
  line: number;
  input: TIncidentInput;
  entry: ImportEntry;
}

/**
 * The fields an import key was built from before issue 16, in the values' names. A file imported
 * then must give the same key now, so these enter every key, read as they were read then:
 * `riskIndicators` and `firstContact` from the old columns (empty without them), `childrenPresent`
 * counting children who witnessed as present when the cell was empty, `contexts` by the old rule
 * (every forced marriage "early or forced").
 */
const KEY_FIELDS = [
  'serviceId',
  'status',
  'survivorCode',
  'incidentMonth',
  'ageBand',
  'birthYear',
  'gender',
  'citizenship',
  'citizenshipGroup',
  'yearsInItaly',
  'language',
  'interpreterNeeded',
  'interpreterUsed',
  'municipality',
  'districtId',
  'coreType',
  'forms',
  'stalking',
  'childrenWitnessed',
  'authorRelationship',
  'harmfulPractice',
  'referredTo',
  'servicesProvided',
  'consentReporting',
] as const satisfies readonly (keyof IncidentValues)[];

/**
 * The fields of issue 16 that enter a key when the row states them. Left out: whatever a register
 * written before must add to be imported at all, or the rows it imported then would get a new key
 * and be created, and counted, a second time — the age, who sent her here and which services, and
 * the kind of a harmful practice (a row with a harmful practice needs it now; whether there was
 * one, `harmfulPractice`, is in the key already, as the age band the age gives is). The reason of
 * an incident outside the six types stays: no register before could write such a type.
 */
const STATED_KEY_FIELDS = [
  'disability',
  'nonGbvReason',
  'authorAddictions',
  'authorPreviousComplaints',
  'protectionOrders',
  'riskAssessment',
  'moneyExchanged',
  'abduction',
  'soughtHelpFrom',
] as const satisfies readonly (keyof IncidentValues)[];

/** The contexts as the key always read them: the rule before issue 16, from the stored values. */
function keyContexts(values: IncidentValues): string[] {
  const contexts: string[] = [];
  const relationship = values.authorRelationship as TAuthorRelationship | null | undefined;
  if (relationship && INTIMATE_PARTNERS.includes(relationship)) contexts.push('intimate_partner_violence');
  const minor = values.ageBand ? MINOR_AGE_BANDS.includes(values.ageBand as TAgeBand) : false;
  const sexual = values.coreType === 'rape' || values.coreType === 'sexual_assault';
  if (minor && sexual) contexts.push('child_sexual_abuse');
  if (values.coreType === 'forced_marriage') contexts.push('early_forced_marriage');
  if (values.harmfulPractice) contexts.push('harmful_traditional_practice');
  return contexts;
}

/**
 * The same row imported twice gets the same key (unique per service), so it is not created
 * again. Built from the stored values — the survivor code, never the register number — so an
 * empty column added to the file, or a value written in words instead of its code, changes nothing.
 * A register imported before issue 16 gives the keys it gave then: the key reads the fields it
 * read then as it read them (KEY_FIELDS), and a field of issue 16 only when the row states it in
 * its own column, and never one the import now requires (who sent her, the age, the kind of a
 * harmful practice), so adding those columns keeps a row recognised. With the register's own
 * number for the incident, the key is that number.
 */
export function importKeyOf({ values, entry }: { values: IncidentValues; entry: ImportEntry }) {
  if (entry.number)
    return createHash('sha256')
      .update(`entry\n${values.serviceId}\n${entry.number.toUpperCase()}`)
      .digest('base64url');
  const content: Record<string, unknown> = {};
  for (const field of KEY_FIELDS) content[field] = values[field] ?? null;
  content.childrenPresent = entry.childrenPresent;
  content.riskIndicators = entry.riskIndicators;
  content.firstContact = entry.firstContact;
  content.contexts = keyContexts(values);
  for (const field of STATED_KEY_FIELDS) {
    if (entry.stated.includes(field)) content[field] = values[field] ?? null;
  }
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
    case 'number': {
      // A spreadsheet may hand a whole number over as "34.0".
      const match = /^(\d{1,3})(?:[.,]0+)?$/.exec(text);
      const n = match ? Number(match[1]) : Number.NaN;
      return n >= kind.min && n <= kind.max
        ? { value: n }
        : {
            problem: {
              it: `«${shown(text)}» non è un'età valida. Scrivi gli anni compiuti, un numero intero da ${kind.min} a ${kind.max}.`,
              en: `"${shown(text)}" is not a valid age. Write the completed years, a whole number from ${kind.min} to ${kind.max}.`,
            },
          };
    }
    case 'text':
      return { value: text };
  }
}

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

/** The level a column gave a factor for one period, and which column gave it (to name it). */
type Rating = { level: string; column: ImportColumn };

/**
 * The columns read into one field: the six risk columns into the assessment, the old risk list
 * into it too (LEGACY_RISK_INDICATORS), the old first contact into whom she turned to where the
 * answer says it. A factor rated twice for one period, or the old and the new columns both filled
 * in one row, is a problem named by its columns.
 */
function mergedColumns(
  record: Record<string, unknown>,
  issue: (column: ImportColumn, problem: TLocalizedText) => void,
) {
  const column = (field: string) => importColumns().find((c) => c.field === field)!;
  const filled = (field: string) => Array.isArray(record[field]) && (record[field] as unknown[]).length > 0;
  const legacyRisk = filled(LEGACY_RISK_COLUMN) ? (record[LEGACY_RISK_COLUMN] as string[]) : [];
  const ratings = new Map<string, Rating>();
  let newRisk = false;
  for (const { field, when, level } of RISK_COLUMNS) {
    const factors = (record[field] as string[] | undefined) ?? [];
    delete record[field];
    if (factors.length > 0) newRisk = true;
    for (const factor of factors) {
      const earlier = ratings.get(`${factor}|${when}`);
      if (earlier) {
        const word = valueWords('riskFactor', factor);
        issue(column(field), {
          it: `«${word.it}» è già nella colonna «${earlier.column.label.it}»: per ogni periodo un fattore sta in una sola colonna.`,
          en: `"${word.en}" is already in the column "${earlier.column.label.en}": for each period a factor goes in one column only.`,
        });
      } else ratings.set(`${factor}|${when}`, { level, column: column(field) });
    }
  }
  delete record[LEGACY_RISK_COLUMN];
  if (legacyRisk.length > 0 && newRisk) {
    const first = columnLabel(RISK_COLUMNS[0].field);
    issue(column(LEGACY_RISK_COLUMN), {
      it: `Questa è la colonna dei registri precedenti: in una riga scrivi i fattori o qui o nelle colonne della valutazione del rischio (come «${first.it}»), non in entrambe.`,
      en: `This is the column of earlier registers: in one row write the factors either here or in the risk assessment's columns (such as "${first.en}"), not in both.`,
    });
  } else {
    for (const code of legacyRisk) {
      const legacy = LEGACY_RISK_INDICATORS[code]!;
      ratings.set(`${legacy.factor}|${legacy.when}`, {
        level: 'present',
        column: column(LEGACY_RISK_COLUMN),
      });
    }
  }
  if (ratings.size > 0) {
    const assessment: Record<string, Record<string, string>> = {};
    // In the list's order, now before past: the same assessment is always written the same way.
    for (const factor of RISK_FACTORS) {
      for (const when of ['now', 'past']) {
        const rating = ratings.get(`${factor}|${when}`);
        if (rating) assessment[factor] = { ...assessment[factor], [when]: rating.level };
      }
    }
    record.riskAssessment = assessment;
  }

  const firstContact = (record[LEGACY_FIRST_CONTACT_COLUMN] as string | undefined) ?? null;
  delete record[LEGACY_FIRST_CONTACT_COLUMN];
  if (firstContact !== null && filled('soughtHelpFrom')) {
    const sought = columnLabel('soughtHelpFrom');
    issue(column(LEGACY_FIRST_CONTACT_COLUMN), {
      it: `Questa è la colonna dei registri precedenti: in una riga scrivi o questa o «${sought.it}», non entrambe.`,
      en: `This is the column of earlier registers: in one row write either this one or "${sought.en}", not both.`,
    });
  } else if (firstContact !== null && FIRST_CONTACT_HELP[firstContact]) {
    record.soughtHelpFrom = [FIRST_CONTACT_HELP[firstContact]];
  }
  return { riskIndicators: legacyRisk, firstContact, newRisk };
}

/**
 * The old "first service she turned to" as whom she turned to before, where the answer says it
 * (as migration 0025 reads old records); any other service says nothing of it, and nothing is guessed
 * ("emergency room or health services" may have been a GP).
 */
const FIRST_CONTACT_HELP: Record<string, string> = {
  police: 'police',
  social_services: 'social_services',
  legal: 'lawyers',
};

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
