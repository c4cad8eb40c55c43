import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  ENGAGEMENT_KINDS,
  HOLDER_KINDS,
  HOLDER_LINK_KINDS,
  LEGAL_FORMS,
  NEED_SOURCES,
  NEED_TOPICS,
  RESOURCE_KINDS,
  RESOURCE_SOURCE_KINDS,
  RESOURCE_UNITS,
  SIZE_BANDS,
  type THolderKind,
  type TNeedTopic,
  VALUATION_RULES,
} from '../../../contracts/community.js';
import type { TLocale } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCountries, useLanguages } from '../incidents/incidents-api.js';
import { useDistricts, useMunicipalities, useOrganisations } from '../structure/structure-api.js';

/**
 * The community registry's codes in words (issue 19). The words live in this feature's catalogue
 * under `community.words.*`; the events feature (`community-events`) reads holder kinds and need
 * topics through the helpers here rather than repeating them.
 */

/** The code lists that have words, each under `community.words.<list>.<code>`. */
export const COMMUNITY_CODE_LISTS = {
  holderKind: HOLDER_KINDS,
  legalForm: LEGAL_FORMS,
  size: SIZE_BANDS,
  needTopic: NEED_TOPICS,
  needSource: NEED_SOURCES,
  linkKind: HOLDER_LINK_KINDS,
  consentPurpose: CONSENT_PURPOSES,
  consentChannel: CONSENT_CHANNELS,
  engagementKind: ENGAGEMENT_KINDS,
  resourceKind: RESOURCE_KINDS,
  resourceSource: RESOURCE_SOURCE_KINDS,
  resourceUnit: RESOURCE_UNITS,
  valuationRule: VALUATION_RULES,
} as const;
export type TCommunityCodeList = keyof typeof COMMUNITY_CODE_LISTS;

/** The catalogue key of a code's words. */
export const communityWordKey = (list: TCommunityCodeList, code: string) => `community.words.${list}.${code}`;
export const holderKindKey = (kind: THolderKind) => communityWordKey('holderKind', kind);
export const needTopicKey = (topic: TNeedTopic) => communityWordKey('needTopic', topic);

/** Codes in words, in the UI language: one code, a list of codes, or a list's options for a select. */
export function useCommunityWords() {
  const { t } = useTranslation();
  const word = (list: TCommunityCodeList, code: string | null | undefined) =>
    code ? t(communityWordKey(list, code)) : '—';
  return {
    word,
    holderKind: (kind: THolderKind) => word('holderKind', kind),
    needTopic: (topic: TNeedTopic) => word('needTopic', topic),
    /** Several codes of one list in a sentence ("Salute, Scuola"); a dash for none. */
    listOf: (list: TCommunityCodeList, codes: readonly string[]) =>
      codes.length === 0 ? '—' : codes.map((code) => word(list, code)).join(', '),
    /** The options of a select or a group of checkboxes, in the contract's order. */
    options: (list: TCommunityCodeList) =>
      COMMUNITY_CODE_LISTS[list].map((code) => ({ value: code as string, label: word(list, code) })),
  };
}

type Option = { value: string; label: string };

/**
 * Languages, countries (the communities served), comuni and partner organisations as options and
 * as names in the UI language: the API answers codes, the screens show words.
 */
export function useCommunityReference() {
  const locale = useLocale();
  const languages = useLanguages();
  const countries = useCountries();
  const districts = useDistricts();
  const municipalities = useMunicipalities();
  const organisations = useOrganisations();
  const byName = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  const name = (item: { nameIt: string; nameEn: string }) => (locale === 'en' ? item.nameEn : item.nameIt);

  const languageOptions = (languages.data ?? []).map((l) => ({ value: l.code, label: name(l) })).sort(byName);
  const countryOptions = (countries.data ?? []).map((c) => ({ value: c.code, label: name(c) })).sort(byName);
  const municipalityGroups = (districts.data ?? []).map((district) => ({
    label: district.name,
    options: (municipalities.data ?? [])
      .filter((m) => m.districtId === district.id)
      .map((m) => ({ value: m.istatCode, label: m.name }))
      .sort(byName),
  }));
  const municipalityOptions = (municipalities.data ?? [])
    .map((m) => ({ value: m.istatCode, label: m.name }))
    .sort(byName);
  const organisationOptions = (organisations.data ?? [])
    .map((o) => ({ value: o.id, label: o.name }))
    .sort(byName);
  const lookup = (options: Option[]) => (code: string | null | undefined) =>
    code ? (options.find((o) => o.value === code)?.label ?? code) : '—';
  const listLookup = (options: Option[]) => (codes: readonly string[]) =>
    codes.length === 0
      ? '—'
      : codes
          .map(lookup(options))
          .sort((a, b) => a.localeCompare(b, locale))
          .join(', ');

  return {
    queries: [languages, countries, districts, municipalities, organisations] as UseQueryResult<unknown>[],
    languageOptions,
    countryOptions,
    municipalityGroups,
    municipalityOptions,
    organisationOptions,
    languageName: lookup(languageOptions),
    countryName: lookup(countryOptions),
    municipalityName: lookup(municipalityOptions),
    languageList: listLookup(languageOptions),
    countryList: listLookup(countryOptions),
  };
}

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

/** Euro cents as the ledger reads them: `€ 1.234,56` (`€ 1,234.56` in English). */
export function formatEuroCents(cents: number, locale: TLocale): string {
  const value = new Intl.NumberFormat(LOCALE_TAG[locale], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: 'always',
  }).format(cents / 100);
  return `€ ${value}`;
}

/** A quantity with at most two decimals, in the locale's way (1,5 hours). */
export function formatQuantity(value: number, locale: TLocale): string {
  return new Intl.NumberFormat(LOCALE_TAG[locale], { maximumFractionDigits: 2 }).format(value);
}
