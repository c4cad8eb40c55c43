import type { UseQueryResult } from '@tanstack/react-query';
import { useLocale } from '../../i18n/index.js';
import { useLanguages } from '../incidents/incidents-api.js';
import { useMunicipalities, useOrganisations } from '../structure/structure-api.js';

type Option = { value: string; label: string };

/**
 * Partner organisations, languages and comuni as options and names
 * in the UI language: the API answers ids and codes, the screens show words.
 */
export function useCatalogueReference() {
  const locale = useLocale();
  const organisations = useOrganisations();
  const municipalities = useMunicipalities();
  const languages = useLanguages();
  const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  const languageOptions = (languages.data ?? [])
    .map((l) => ({ value: l.code, label: locale === 'en' ? l.nameEn : l.nameIt }))
    .sort(byName);
  const lookup = (options: Option[]) => (code: string | null | undefined) =>
    code ? (options.find((o) => o.value === code)?.label ?? code) : '—';
  return {
    queries: [organisations, municipalities, languages] as UseQueryResult<unknown>[],
    organisationOptions: (organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })).sort(byName),
    municipalityOptions: (municipalities.data ?? [])
      .map((m) => ({ value: m.istatCode, label: m.name }))
      .sort(byName),
    languageOptions,
    languageName: lookup(languageOptions),
    languageList: (codes: readonly string[]) => codes.map(lookup(languageOptions)).join(', ') || '—',
  };
}
