import { useTranslation } from 'react-i18next';
import { EVENT_KINDS } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { useDistricts, useMunicipalities } from '../structure/structure-api.js';

type Option = { value: string; label: string };

/** The comuni of the project's districts, grouped by district, by name (a select's option groups). */
export function useMunicipalityGroups() {
  const locale = useLocale();
  const districts = useDistricts();
  const municipalities = useMunicipalities();
  const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  const groups = (districts.data ?? [])
    .map((district) => ({
      label: district.name,
      options: (municipalities.data ?? [])
        .filter((m) => m.districtId === district.id)
        .map((m) => ({ value: m.istatCode, label: m.name }))
        .sort(byName),
    }))
    .filter((g) => g.options.length > 0);
  return { groups, queries: [districts, municipalities] as const };
}

/** The three kinds of event, in words. */
export function useEventKindOptions(): Option[] {
  const { t } = useTranslation();
  return EVENT_KINDS.map((kind) => ({ value: kind, label: t(`communityEvents.kind.${kind}`) }));
}
