import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../contracts/common.js';
import {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CORE_TYPES,
  GENDERS,
  PATHWAY_SERVICES,
  REQUIRED_WHEN_RECORDED,
  RISK_INDICATORS,
  SERVICES_PROVIDED,
  VIOLENCE_FORMS,
  YEARS_IN_ITALY,
} from '../../../contracts/observatory.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';

/**
 * The words of a register: a centre writes its register with the incident form's words, so the
 * import reads column headers and values as the form shows them (Italian or English), besides the
 * API's names and codes. Every word comes from the operator app's catalogues — the form's labels
 * (`src/web/features/incidents/i18n`) and the code lists' words (`enums`, via enum-labels.ts) —
 * so the form, the template and the import cannot name a field or a value differently.
 */
export type Language = 'it' | 'en';
export const LANGUAGES: readonly Language[] = ['it', 'en'];

/** The register's own number for the incident (optional column), see observatory.import.ts. */
export const ENTRY_COLUMN = 'registerEntry';

type CodedList = { group: string; codes: readonly string[] };
export type ColumnKind =
  | { type: 'text' }
  | { type: 'month' }
  | { type: 'year' }
  | ({ type: 'choice' } & CodedList)
  | ({ type: 'list' } & CodedList)
  /** Sì/No, empty when not known (a radio of the form). */
  | { type: 'yesNo' }
  /** Sì/No, empty meaning No (a checkbox of the form). */
  | { type: 'flag' }
  | { type: 'reference'; list: ReferenceList };
export type ReferenceList = 'countries' | 'languages' | 'municipalities';

export interface ImportColumn {
  field: string;
  kind: ColumnKind;
  /** The header the template writes: the form's label. */
  label: TLocalizedText;
  /** What else a header may say for this column (besides the API name). */
  aliases: TLocalizedText[];
  required: 'always' | 'ifInterpreter' | 'no';
  /** The form's hint for the field, shown in the template's legend. */
  hint: TLocalizedText | null;
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

/** A message of the incidents catalogue by its dotted key under `incidents.`. */
export function incidentsText(key: string): TLocalizedText {
  const lookup = (language: Language) => {
    let node: unknown = incidentsCatalogue(language);
    for (const part of key.split('.')) node = (node as Catalogue | undefined)?.[part];
    if (typeof node !== 'string')
      throw new Error(`incidents.${key} is missing from the ${language} catalogue`);
    return node;
  };
  return { it: lookup('it'), en: lookup('en') };
}

const choice = (group: string, codes: readonly string[]): ColumnKind => ({ type: 'choice', group, codes });
const list = (group: string, codes: readonly string[]): ColumnKind => ({ type: 'list', group, codes });

/**
 * The columns in the form's order. `label` is the form's label key; the core type has no field of
 * its own in the form (the classification helper gives it), so it takes the list's column title.
 */
const COLUMN_SPECS: { field: string; kind: ColumnKind; label: string; aliases?: string[]; hint?: string }[] =
  [
    {
      field: 'survivorReference',
      kind: { type: 'text' },
      label: 'form.survivorReference',
      hint: 'form.survivorReferenceHint',
    },
    {
      field: ENTRY_COLUMN,
      kind: { type: 'text' },
      label: 'import.registerEntry',
      hint: 'import.registerEntryHint',
    },
    { field: 'ageBand', kind: choice('ageBand', AGE_BANDS), label: 'form.ageBand' },
    { field: 'birthYear', kind: { type: 'year' }, label: 'form.birthYear', hint: 'form.birthYearHint' },
    { field: 'gender', kind: choice('gender', GENDERS), label: 'form.gender' },
    { field: 'citizenship', kind: { type: 'reference', list: 'countries' }, label: 'form.citizenship' },
    { field: 'yearsInItaly', kind: choice('yearsInItaly', YEARS_IN_ITALY), label: 'form.yearsInItaly' },
    { field: 'language', kind: { type: 'reference', list: 'languages' }, label: 'form.language' },
    { field: 'interpreterNeeded', kind: { type: 'yesNo' }, label: 'form.interpreterNeeded' },
    { field: 'interpreterUsed', kind: { type: 'yesNo' }, label: 'form.interpreterUsed' },
    {
      field: 'incidentMonth',
      kind: { type: 'month' },
      label: 'form.incidentMonth',
      aliases: ['columns.month'],
    },
    {
      field: 'municipality',
      kind: { type: 'reference', list: 'municipalities' },
      label: 'form.municipality',
    },
    {
      field: 'coreType',
      kind: choice('coreType', CORE_TYPES),
      label: 'columns.coreType',
      aliases: ['list.coreType'],
    },
    {
      field: 'forms',
      kind: list('violenceForm', VIOLENCE_FORMS),
      label: 'form.forms',
      hint: 'form.formsHint',
    },
    { field: 'stalking', kind: { type: 'flag' }, label: 'form.stalking' },
    { field: 'childrenPresent', kind: { type: 'flag' }, label: 'form.childrenPresent' },
    { field: 'childrenWitnessed', kind: { type: 'flag' }, label: 'form.childrenWitnessed' },
    { field: 'harmfulPractice', kind: { type: 'flag' }, label: 'form.harmfulPractice' },
    {
      field: 'authorRelationship',
      kind: choice('authorRelationship', AUTHOR_RELATIONSHIPS),
      label: 'form.authorRelationship',
    },
    { field: 'riskIndicators', kind: list('riskIndicator', RISK_INDICATORS), label: 'form.riskIndicators' },
    { field: 'firstContact', kind: choice('pathwayService', PATHWAY_SERVICES), label: 'form.firstContact' },
    { field: 'referredTo', kind: list('pathwayService', PATHWAY_SERVICES), label: 'form.referredTo' },
    {
      field: 'servicesProvided',
      kind: list('serviceProvided', SERVICES_PROVIDED),
      label: 'form.servicesProvided',
    },
    {
      field: 'consentReporting',
      kind: { type: 'flag' },
      label: 'form.consentReporting',
      aliases: ['columns.consent'],
      hint: 'form.consentHint',
    },
  ];

/** Fields an imported (recorded) incident needs: the contract's list and the ones it checks apart. */
const REQUIRED = new Set<string>([
  ...REQUIRED_WHEN_RECORDED,
  'survivorReference',
  'coreType',
  'forms',
  'consentReporting',
]);

let columns: ImportColumn[] | undefined;

export function importColumns(): ImportColumn[] {
  columns ??= COLUMN_SPECS.map((spec) => ({
    field: spec.field,
    kind: spec.kind,
    label: incidentsText(spec.label),
    aliases: (spec.aliases ?? []).map(incidentsText),
    required: REQUIRED.has(spec.field) ? 'always' : spec.field === 'interpreterUsed' ? 'ifInterpreter' : 'no',
    hint: spec.hint ? incidentsText(spec.hint) : null,
  }));
  return columns;
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

  codeOf(text: string): string | undefined {
    return this.codes.get(folded(text)) ?? undefined;
  }
}

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
    case 'text':
      return { it: 'Testo', en: 'Text' };
  }
}

/** Whether a column must be filled, in words. */
export function requiredWords(column: ImportColumn): TLocalizedText {
  if (column.required === 'always') return { it: 'Sì', en: 'Yes' };
  if (column.required === 'ifInterpreter') {
    const needed = importColumns().find((c) => c.field === 'interpreterNeeded')!.label;
    return { it: `Sì, se «${needed.it}» è Sì`, en: `Yes, if "${needed.en}" is Yes` };
  }
  return { it: 'No', en: 'No' };
}
