import { readFileSync } from 'node:fs';

type Language = 'it' | 'en';
type Enums = Record<string, Record<string, string>>;

/**
 * The words of the app's coded values (`enums` in the operator app's catalogues), for what the
 * server writes for people to read: exports and reports show "Stupro", not "rape". One catalogue,
 * so a file and the screen never name a value differently.
 */
const catalogues = new Map<Language, Enums>();

function enumsOf(language: Language): Enums {
  let enums = catalogues.get(language);
  if (!enums) {
    const url = new URL(`../../../web/i18n/${language}.json`, import.meta.url);
    enums = (JSON.parse(readFileSync(url, 'utf8')) as { enums: Enums }).enums;
    catalogues.set(language, enums);
  }
  return enums;
}

/** The word for one coded value, or the value itself when the catalogue has none (free text). */
export function enumLabel(group: string, value: string, language: Language = 'it'): string {
  return enumsOf(language)[group]?.[value] ?? value;
}

/** The words for a list of coded values, joined for one spreadsheet cell. */
export function enumLabels(
  group: string,
  values: readonly string[] | null,
  language: Language = 'it',
): string {
  return (values ?? []).map((v) => enumLabel(group, v, language)).join('; ');
}

type Catalogue = Record<string, unknown>;
const messageFiles = new Map<string, Catalogue>();

function messageFile(path: string): Catalogue {
  let file = messageFiles.get(path);
  if (!file) {
    file = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Catalogue;
    messageFiles.set(path, file);
  }
  return file;
}

/**
 * A message of the operator app's catalogues, looked up as the app does: the shared catalogue
 * (`enums.gender.female`, `common.yes`), then the feature's own (`observatory.total`), with
 * `{{name}}` filled in. For files the server writes that must read like the screen (the same
 * titles, the same mark for a hidden count). Undefined when no catalogue has the key.
 */
export function appMessage({
  key,
  language = 'it',
  feature,
  values = {},
}: {
  key: string;
  language?: Language;
  /** A folder of `src/web/features`, fixed by the caller's code (never from a request). */
  feature?: string;
  values?: Record<string, string | number>;
}): string | undefined {
  const files = [`../../../web/i18n/${language}.json`];
  if (feature) files.push(`../../../web/features/${feature}/i18n/${language}.json`);
  for (const path of files) {
    let found: unknown = messageFile(path);
    for (const part of key.split('.')) found = (found as Catalogue | undefined)?.[part];
    if (typeof found === 'string')
      return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      );
  }
  return undefined;
}
