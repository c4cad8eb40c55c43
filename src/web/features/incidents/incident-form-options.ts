import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { useDistricts, useMunicipalities } from '../structure/structure-api.js';
import { useCountries, useLanguages } from './incidents-api.js';

/**
 * The incident form's option lists in the user's language: code lists by their labels, countries
 * and languages by name, comuni grouped by Ambito. The form mounts once these lists are loaded.
 */
export function useIncidentFormOptions() {
  const { t } = useTranslation();
  const locale = useLocale();
  const countries = useCountries();
  const languages = useLanguages();
  const districts = useDistricts();
  const municipalities = useMunicipalities();

  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  // A few hundred options: sorted on every render, cheaper than remembering when to re-sort.
  return {
    yesNoOptions: [
      { value: 'yes', label: t('incidents.form.yes') },
      { value: 'no', label: t('incidents.form.no') },
    ],
    options: (codes: readonly string[], prefix: string) =>
      codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) })),
    countryOptions: (countries.data ?? [])
      .map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameIt }))
      .sort(byName),
    languageOptions: (languages.data ?? [])
      .map((l) => ({ value: l.code, label: locale === 'en' ? l.nameEn : l.nameIt }))
      .sort(byName),
    municipalityGroups: (districts.data ?? []).map((district) => ({
      label: district.name,
      options: (municipalities.data ?? [])
        .filter((m) => m.districtId === district.id)
        .map((m) => ({ value: m.istatCode, label: m.name }))
        .sort(byName),
    })),
  };
}

export type IncidentFormOptions = ReturnType<typeof useIncidentFormOptions>;
