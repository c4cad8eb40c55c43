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
