import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { useCountries, useLanguages } from '../incidents/incidents-api.js';
import { useDistricts, useMunicipalities } from '../structure/structure-api.js';

type Option = { value: string; label: string };

/** Countries, languages and comuni as select options and as names, in the UI language. */
export function useReferenceOptions() {
  const locale = useLocale();
  const countries = useCountries();
  const languages = useLanguages();
  const districts = useDistricts();
  const municipalities = useMunicipalities();
  const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  const name = (item: { nameIt: string; nameEn: string }) => (locale === 'en' ? item.nameEn : item.nameIt);

  const countryOptions = (countries.data ?? []).map((c) => ({ value: c.code, label: name(c) })).sort(byName);
  const languageOptions = (languages.data ?? []).map((l) => ({ value: l.code, label: name(l) })).sort(byName);
  const municipalityGroups = (districts.data ?? []).map((district) => ({
    label: district.name,
    options: (municipalities.data ?? [])
      .filter((m) => m.districtId === district.id)
      .map((m) => ({ value: m.istatCode, label: m.name }))
      .sort(byName),
  }));
  const lookup = (options: Option[]) => (code: string | null | undefined) =>
    code ? (options.find((o) => o.value === code)?.label ?? code) : '—';

  return {
    queries: [countries, languages, districts, municipalities] as UseQueryResult<unknown>[],
    countryOptions,
    languageOptions,
    municipalityGroups,
    countryName: lookup(countryOptions),
    languageName: lookup(languageOptions),
    municipalityName: lookup(municipalityGroups.flatMap((g) => g.options)),
  };
}

/**
 * A select shows its value only if the option exists when the form mounts: forms wait for the
 * reference lists (then read from the cache).
 */
export function WhenReferenceLoaded({ children }: { children: () => ReactNode }) {
  const { queries } = useReferenceOptions();
  const waiting = queries.find((query) => query.isPending || query.isError);
  if (waiting) return <AsyncContent query={waiting}>{() => null}</AsyncContent>;
  return <>{children()}</>;
}
