import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { useCountries, useLanguages } from '../incidents/incidents-api.js';
import { useDistricts, useMunicipalities, useOrganisations } from '../structure/structure-api.js';

type Option = { value: string; label: string };

/**
 * Languages, countries, districts, comuni and organisations as options and as names, in the UI
 * language: the API answers codes and ids, the screens show words.
 */
export function useMediationReference({ organisations = false }: { organisations?: boolean } = {}) {
  const locale = useLocale();
  const languages = useLanguages();
  const countries = useCountries();
  const districts = useDistricts();
  const municipalities = useMunicipalities();
  const organisationList = useOrganisations();
  const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  const name = (item: { nameIt: string; nameEn: string }) => (locale === 'en' ? item.nameEn : item.nameIt);

  const languageOptions = (languages.data ?? []).map((l) => ({ value: l.code, label: name(l) })).sort(byName);
  const countryOptions = (countries.data ?? []).map((c) => ({ value: c.code, label: name(c) })).sort(byName);
  const districtOptions = (districts.data ?? []).map((d) => ({ value: d.id, label: d.name })).sort(byName);
  const municipalityGroups = (districts.data ?? []).map((district) => ({
    label: district.name,
    options: (municipalities.data ?? [])
      .filter((m) => m.districtId === district.id)
      .map((m) => ({ value: m.istatCode, label: m.name }))
      .sort(byName),
  }));
  const municipalityOptions = municipalityGroups.flatMap((g) => g.options).sort(byName);
  const organisationOptions = (organisationList.data ?? [])
    .map((o) => ({ value: o.id, label: o.name }))
    .sort(byName);
  const lookup = (options: Option[]) => (code: string | null | undefined) =>
    code ? (options.find((o) => o.value === code)?.label ?? code) : '—';

  const queries: UseQueryResult<unknown>[] = [languages, countries, districts, municipalities];
  if (organisations) queries.push(organisationList);
  return {
    queries,
    languageOptions,
    countryOptions,
    districtOptions,
    municipalityGroups,
    municipalityOptions,
    organisationOptions,
    languageName: lookup(languageOptions),
    countryName: lookup(countryOptions),
    districtName: lookup(districtOptions),
    municipalityName: lookup(municipalityOptions),
  };
}

/**
 * A select shows its value only if its option exists when the form mounts, and a list shows names
 * only once the lists came: wait for them (then read from the cache).
 */
export function WhenReferenceLoaded({
  organisations = false,
  children,
}: {
  organisations?: boolean;
  children: () => ReactNode;
}) {
  const { queries } = useMediationReference({ organisations });
  const waiting = queries.find((query) => query.isPending || query.isError);
  if (waiting) return <AsyncContent query={waiting}>{() => null}</AsyncContent>;
  return <>{children()}</>;
}
