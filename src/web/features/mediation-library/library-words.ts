import { useLocale } from '../../i18n/index.js';
import { useLanguages } from './library-api.js';

/** How a language is written: the direction of its text, for `dir` (Arabic and Urdu right to left). */
export const directionOf = (rtl: boolean) => (rtl ? 'rtl' : 'ltr');

/**
 * Languages by name in the UI language (the API answers codes): the options of a language select,
 * sorted by name, and each language's name and direction. Until the list came, a code stands for
 * its name and the text runs left to right.
 */
export function useLanguageNames() {
  const locale = useLocale();
  const languages = useLanguages();
  const list = languages.data ?? [];
  const name = (l: { nameIt: string; nameEn: string }) => (locale === 'en' ? l.nameEn : l.nameIt);
  const options = list
    .map((l) => ({ value: l.code, label: name(l) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const byCode = new Map(list.map((l) => [l.code, l]));
  return {
    query: languages,
    options,
    nameOf: (code: string) => {
      const language = byCode.get(code);
      return language ? name(language) : code;
    },
    isRtl: (code: string) => byCode.get(code)?.rtl ?? false,
    /** Languages named in a sentence, by name ("arabo, francese, inglese"); a dash for none. */
    listOf: (codes: readonly string[]) =>
      codes.length === 0
        ? '—'
        : codes
            .map((code) => {
              const language = byCode.get(code);
              return language ? name(language) : code;
            })
            .sort((a, b) => a.localeCompare(b, locale))
            .join(', '),
  };
}
