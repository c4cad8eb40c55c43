import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../contracts/common.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { appMessage, enumLabel } from '../../platform/i18n/enum-labels.js';
import {
  ALWAYS,
  COLUMN_SPECS,
  ENTRY_COLUMN,
  EXCLUSIVE_ANSWERS,
  FORMER_HEADERS,
  LEGACY_FIRST_CONTACT_COLUMN,
  LEGACY_RISK_COLUMN,
  REQUIREMENTS,
  RISK_COLUMNS,
} from './observatory.import-columns.js';

/**
 * The words of a register: a centre writes its register with the incident form's words, so the
 * import reads column headers and values as the form shows them (Italian or English), besides the
 * API's names and codes. Every word comes from the operator app's catalogues — the form's labels
 * (`src/web/features/incidents/i18n`), the import's own (`incidentImport` in `src/web/i18n`) for
 * the columns the form does not have, and the code lists' words (`enums`, via enum-labels.ts) —
 * so the form, the template and the import cannot name a field or a value differently. Registers
 * written before issue 16 keep importing: their headers and words are read too (FORMER_HEADERS,
 * FORMER_WORDS, the legacy columns).
 */
export { ENTRY_COLUMN, LEGACY_FIRST_CONTACT_COLUMN, LEGACY_RISK_COLUMN, RISK_COLUMNS };
export type Language = 'it' | 'en';
export const LANGUAGES: readonly Language[] = ['it', 'en'];

type CodedList = { group: string; codes: readonly string[] };
export type ColumnKind =
  | { type: 'text' }
  | { type: 'month' }
  | { type: 'year' }
  | { type: 'number'; min: number; max: number }
  | ({ type: 'choice' } & CodedList)
  | ({ type: 'list' } & CodedList)
  /** Sì/No, empty when not known (a radio of the form). */
  | { type: 'yesNo' }
  /** Sì/No, empty meaning No (a checkbox of the form). */
  | { type: 'flag' }
  | { type: 'reference'; list: ReferenceList };
export type ReferenceList = 'countries' | 'languages' | 'municipalities';

/**
 * When a column must be filled: always; or only in some rows (the interpreter's presence when one
 * was needed, the reason of an incident outside the six types, the kind of a harmful practice,
 * which services sent her); the age or the birth year, one of the two; the age band when no age.
 */
export type ColumnRequirement =
  | 'always'
  | 'unlessNonGbv'
  | 'ageOrBirthYear'
  | 'unlessAge'
  | 'ifInterpreter'
  | 'ifNonGbv'
  | 'ifHarmfulPractice'
  | 'ifReferredByService'
  | 'no';

export interface ImportColumn {
  /** The API field the column fills, or the import's own name for a column read into one. */
  field: string;
  kind: ColumnKind;
  /** The header the template writes: the form's label. */
  label: TLocalizedText;
  /** What else a header may say for this column (besides the API name). */
  aliases: TLocalizedText[];
  required: ColumnRequirement;
  /** The form's hint for the field, shown in the template's legend. */
  hint: TLocalizedText | null;
  /** A column of registers written before issue 16: read, mapped, never written in the template. */
  legacy: boolean;
}

type Catalogue = Record<string, unknown>;
const catalogues = new Map<Language, Catalogue>();

/** The incidents feature's catalogue, read once per language. */
function incidentsCatalogue(language: Language): Catalogue {
  let catalogue = catalogues.get(language);
  if (!catalogue) {
    const url = new URL(`../../../web/features/incidents/i18n/${language}.json`, import.meta.url);
    catalogue = (JSON.parse(readFileSync(url, 'utf8')) as { incidents: Catalogue }).incidents;
    catalogues.set(language, catalogue);
  }
  return catalogue;
}

/** A message of the incidents catalogue by its dotted key under `incidents.`, if both languages have it. */
function incidentsTextIfAny(key: string): TLocalizedText | undefined {
  const lookup = (language: Language) => {
    let node: unknown = incidentsCatalogue(language);
    for (const part of key.split('.')) node = (node as Catalogue | undefined)?.[part];
    return typeof node === 'string' ? node : undefined;
  };
  const [it, en] = [lookup('it'), lookup('en')];
  return it && en ? { it, en } : undefined;
}

/** A message of the incidents catalogue by its dotted key under `incidents.`. */
export function incidentsText(key: string): TLocalizedText {
  const text = incidentsTextIfAny(key);
  if (!text) throw new Error(`incidents.${key} is missing from the incidents catalogues`);
  return text;
}

/** A message of the import's own words (`incidentImport.` in the shared catalogue). */
export function importText(
  key: string,
  values: (language: Language) => Record<string, string> = () => ({}),
): TLocalizedText {
  const lookup = (language: Language) => {
    const text = appMessage({ key: `incidentImport.${key}`, language, values: values(language) });
    if (text === undefined)
      throw new Error(`incidentImport.${key} is missing from the ${language} catalogue`);
    return text;
  };
  return { it: lookup('it'), en: lookup('en') };
}

let columns: ImportColumn[] | undefined;

/** Every column the import reads, the legacy ones included (last). */
export function importColumns(): ImportColumn[] {
  columns ??= COLUMN_SPECS.map((spec) => {
    const own = spec.legacy || !spec.label || !incidentsTextIfAny(spec.label);
    const label = own ? importText(`columns.${spec.field}`) : incidentsText(spec.label!);
    const aliases = (spec.aliases ?? []).map(incidentsText);
    // The import's own words stay readable when the form words the field differently.
    if (!own && spec.label && appMessage({ key: `incidentImport.columns.${spec.field}` }) !== undefined) {
      aliases.push(importText(`columns.${spec.field}`));
    }
    for (const former of FORMER_HEADERS[spec.field] ?? []) aliases.push({ it: former, en: former });
    const alone = EXCLUSIVE_ANSWERS[spec.field];
    const hint =
      (spec.hint ? incidentsTextIfAny(spec.hint) : undefined) ??
      (spec.ownHint ? importText(`hints.${spec.ownHint}`) : undefined) ??
      (alone && spec.kind.type === 'list'
        ? importText('hints.exclusive', (language) => ({
            answer: enumLabel((spec.kind as CodedList).group, alone, language),
          }))
        : null);
    return {
      field: spec.field,
      kind: spec.kind,
      label,
      aliases,
      required: REQUIREMENTS[spec.field] ?? (ALWAYS.has(spec.field) ? 'always' : 'no'),
      hint,
      legacy: spec.legacy ?? false,
    };
  });
  return columns;
}

/** The columns the template writes: every column but the legacy ones. */
export function templateColumns(): ImportColumn[] {
  return importColumns().filter((column) => !column.legacy);
}

/**
 * How a header or a value is compared: without case, accents or doubled spaces, with typographic
 * apostrophes and dashes as typed ones — Excel turns "d'Adda" into "d’Adda" and "0-11" may be
 * typed for "0–11".
 */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019`\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A dictionary of spellings → code. A spelling two codes share is left out (the code must be
 * written then), so a word never silently picks one of two values.
 */
export class Spellings {
  private readonly codes = new Map<string, string | null>();

  add(spelling: string, code: string) {
    const key = folded(spelling);
    if (!key) return;
    const known = this.codes.get(key);
    this.codes.set(key, known === undefined || known === code ? code : null);
  }

  /** A spelling read only while no code claims it (an older or looser word never shadows a label). */
  addFallback(spelling: string, code: string) {
    const key = folded(spelling);
    if (key && !this.codes.has(key)) this.codes.set(key, code);
  }

  codeOf(text: string): string | undefined {
    return this.codes.get(folded(text)) ?? undefined;
  }
}

/**
 * Words registers wrote before issue 16, or that other tools write, for a value whose label
 * changed: "Donna" is still a woman or girl, "Non-GBV" (the Incident Recorder's word) is an
 * incident outside the six types. Read, never written; a label of the list always wins.
 */
const FORMER_WORDS: Record<string, Record<string, string[]>> = {
  gender: { female: ['Donna', 'Woman'], male: ['Uomo', 'Man'] },
  coreType: { non_gbv: ['Non-GBV', 'Non GBV', 'Non VBG'] },
};

/** A header's column: the form's label in either language, the list's title, or the API name. */
export function columnsBySpelling(): Spellings {
  const spellings = new Spellings();
  for (const column of importColumns()) {
    spellings.add(column.field, column.field);
    for (const text of [column.label, ...column.aliases]) {
      for (const language of LANGUAGES) spellings.add(text[language], column.field);
    }
  }
  return spellings;
}

/** The words of a coded list, in the form's order. */
export function choiceLabels(kind: CodedList, language: Language): string[] {
  return kind.codes.map((code) => enumLabel(kind.group, code, language));
}

const codedSpellings = new Map<string, Spellings>();

/** A coded list's value by its code or its word in either language. */
export function codedSpelling(kind: CodedList): Spellings {
  let spellings = codedSpellings.get(kind.group);
  if (!spellings) {
    const made = new Spellings();
    for (const code of kind.codes) {
      made.add(code, code);
      for (const language of LANGUAGES) made.add(enumLabel(kind.group, code, language), code);
    }
    for (const [code, words] of Object.entries(FORMER_WORDS[kind.group] ?? {})) {
      if (!kind.codes.includes(code)) continue;
      for (const word of words) made.addFallback(word, code);
    }
    codedSpellings.set(kind.group, made);
    spellings = made;
  }
  return spellings;
}

/** Yes and no as the form writes them, and as registers and spreadsheets usually do. */
export function yesNoSpellings(): Spellings {
  const spellings = new Spellings();
  const yes = incidentsText('form.yes');
  const no = incidentsText('form.no');
  for (const word of [yes.it, yes.en, 'si', 'sì', 's', 'y', 'true', 'vero', '1', 'x'])
    spellings.add(word, 'yes');
  for (const word of [no.it, no.en, 'n', 'false', 'falso', '0']) spellings.add(word, 'no');
  return spellings;
}

export function yesNoLabels(language: Language): string[] {
  const yes = incidentsText('form.yes');
  const no = incidentsText('form.no');
  return [yes[language], no[language]];
}

/** One entry of a reference list: its code and its names, as the form's drop-down shows them. */
export interface ReferenceEntry {
  code: string;
  name: TLocalizedText;
}
export type ReferenceLists = Record<ReferenceList, ReferenceEntry[]>;

/** Countries, languages and comuni with their names, sorted by their Italian name. */
export async function loadReferenceLists(tx: Tx): Promise<ReferenceLists> {
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const countries = await queryRows<{ code: string; name_it: string; name_en: string }>(
    tx,
    sql`select code, name_it, name_en from countries`,
  );
  const languages = await queryRows<{ code: string; name_it: string; name_en: string }>(
    tx,
    sql`select code, name_it, name_en from languages`,
  );
  const municipalities = await queryRows<{ istat_code: string; name: string }>(
    tx,
    sql`select istat_code, name from municipalities`,
  );
  const named = (rows: { code: string; name_it: string; name_en: string }[]) =>
    rows
      .map((r) => ({ code: r.code, name: { it: r.name_it, en: r.name_en } }))
      .sort((a, b) => a.name.it.localeCompare(b.name.it, 'it'));
  return {
    countries: named(countries),
    languages: named(languages),
    municipalities: municipalities
      .map((m) => ({ code: m.istat_code, name: { it: m.name, en: m.name } }))
      .sort((a, b) => a.name.it.localeCompare(b.name.it, 'it')),
  };
}

/** A reference list's entry by its code (any case) or its name in either language. */
export function referenceSpellings(entries: readonly ReferenceEntry[]): Spellings {
  const spellings = new Spellings();
  for (const entry of entries) {
    spellings.add(entry.code, entry.code);
    for (const language of LANGUAGES) spellings.add(entry.name[language], entry.code);
  }
  return spellings;
}

/** The template's sheets; the import reads the first, whatever its name. */
export const SHEETS = {
  register: { it: 'Registro', en: 'Register' },
  legend: { it: 'Legenda', en: 'Legend' },
  values: { it: 'Valori', en: 'Values' },
} as const satisfies Record<string, TLocalizedText>;

/** Lists longer than this are not written out in a message: the template's «Valori» sheet has them. */
const LONGEST_LIST_IN_WORDS = 40;

const REFERENCE_CODES: Record<ReferenceList, TLocalizedText> = {
  countries: {
    it: 'il codice ISO di due lettere (ad esempio MA)',
    en: 'the two-letter ISO code (for example MA)',
  },
  languages: { it: 'il codice ISO 639 (ad esempio ar)', en: 'the ISO 639 code (for example ar)' },
  municipalities: { it: 'il codice ISTAT di sei cifre', en: 'the six-digit ISTAT code' },
};

/** What a column accepts, in words: the values as the form shows them, or where to find them. */
export function allowedWords(column: ImportColumn, reference: ReferenceLists): TLocalizedText {
  const { kind } = column;
  const both = (words: (language: Language) => string): TLocalizedText => ({
    it: words('it'),
    en: words('en'),
  });
  switch (kind.type) {
    case 'choice':
    case 'list':
      return both((language) => choiceLabels(kind, language).join('; '));
    case 'yesNo':
    case 'flag':
      return both((language) => yesNoLabels(language).join('; '));
    case 'reference': {
      const entries = reference[kind.list];
      const codes = REFERENCE_CODES[kind.list];
      if (entries.length > LONGEST_LIST_IN_WORDS) {
        return {
          it: `un nome dell'elenco nel foglio «${SHEETS.values.it}» del modello, oppure ${codes.it}`,
          en: `a name from the list in the template's "${SHEETS.values.en}" sheet, or ${codes.en}`,
        };
      }
      return both(
        (language) =>
          `${entries.map((e) => e.name[language]).join('; ')} (${language === 'it' ? 'oppure' : 'or'} ${codes[language]})`,
      );
    }
    case 'month':
      return {
        it: 'mese e anno, ad esempio 03/2026, 2026-03 o marzo 2026',
        en: 'month and year, for example 03/2026, 2026-03 or March 2026',
      };
    case 'year':
      return { it: 'un anno di quattro cifre, ad esempio 1990', en: 'a four-digit year, for example 1990' };
    case 'number':
      return {
        it: `un numero intero da ${kind.min} a ${kind.max}`,
        en: `a whole number from ${kind.min} to ${kind.max}`,
      };
    case 'text':
      return { it: 'testo', en: 'text' };
  }
}

/** How a column is written, in words, for the template's legend. */
export function formatWords(column: ImportColumn): TLocalizedText {
  switch (column.kind.type) {
    case 'choice':
    case 'reference':
      return { it: "Un valore dell'elenco", en: 'One value from the list' };
    case 'list':
      return {
        it: "Uno o più valori dell'elenco, separati da «;»",
        en: 'One or more values from the list, separated by ";"',
      };
    case 'yesNo':
      return { it: 'Sì o No; vuoto se non noto', en: 'Yes or No; empty if not known' };
    case 'flag':
      return column.required === 'always'
        ? { it: 'Sì o No', en: 'Yes or No' }
        : { it: 'Sì o No; vuoto vale No', en: 'Yes or No; empty means No' };
    case 'month':
      return {
        it: 'Mese e anno (03/2026, 2026-03 o marzo 2026), non nel futuro',
        en: 'Month and year (03/2026, 2026-03 or March 2026), not in the future',
      };
    case 'year':
      return { it: 'Anno di quattro cifre', en: 'Four-digit year' };
    case 'number':
      return { it: 'Numero intero (anni compiuti)', en: 'Whole number (completed years)' };
    case 'text':
      return { it: 'Testo', en: 'Text' };
  }
}

/** A column's header by its field. */
export function columnLabel(field: string): TLocalizedText {
  const column = importColumns().find((c) => c.field === field);
  if (!column) throw new Error(`no import column ${field}`);
  return column.label;
}

/** A coded value's word in both languages. */
export const valueWords = (group: string, code: string): TLocalizedText => ({
  it: enumLabel(group, code, 'it'),
  en: enumLabel(group, code, 'en'),
});

/** Whether a column must be filled, in words. */
export function requiredWords(column: ImportColumn): TLocalizedText {
  const label = (field: string) => columnLabel(field);
  const nonGbv = valueWords('coreType', 'non_gbv');
  switch (column.required) {
    case 'always':
      return { it: 'Sì', en: 'Yes' };
    case 'unlessNonGbv':
      return {
        it: `Sì, tranne se «${label('coreType').it}» è «${nonGbv.it}»`,
        en: `Yes, unless "${label('coreType').en}" is "${nonGbv.en}"`,
      };
    case 'ageOrBirthYear': {
      const other = label(column.field === 'age' ? 'birthYear' : 'age');
      return { it: `Sì, oppure «${other.it}»`, en: `Yes, or "${other.en}"` };
    }
    case 'unlessAge':
      return { it: `Sì, se manca «${label('age').it}»`, en: `Yes, if "${label('age').en}" is empty` };
    case 'ifInterpreter': {
      const needed = label('interpreterNeeded');
      return { it: `Sì, se «${needed.it}» è Sì`, en: `Yes, if "${needed.en}" is Yes` };
    }
    case 'ifNonGbv':
      return {
        it: `Sì, se «${label('coreType').it}» è «${nonGbv.it}»`,
        en: `Yes, if "${label('coreType').en}" is "${nonGbv.en}"`,
      };
    case 'ifHarmfulPractice': {
      const practice = label('harmfulPractice');
      return { it: `Sì, se «${practice.it}» è Sì`, en: `Yes, if "${practice.en}" is Yes` };
    }
    case 'ifReferredByService': {
      const service = valueWords('referrer', 'service');
      return {
        it: `Sì, se «${label('referredBy').it}» comprende «${service.it}»`,
        en: `Yes, if "${label('referredBy').en}" includes "${service.en}"`,
      };
    }
    case 'no':
      return { it: 'No', en: 'No' };
  }
}
