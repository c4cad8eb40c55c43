import { useTranslation } from 'react-i18next';
import {
  INITIATIVE_STAGES,
  OFFER_KINDS,
  OFFER_TOPICS,
  type TInitiativeStage,
} from '../../../contracts/autonomy.js';
import type { TLocale } from '../../../contracts/index.js';
import { formatEuroCents } from '../community/community-words.js';

/**
 * The catalogue's codes in words, under `autonomyCatalogue.words.<list>.<code>`; the plan's
 * sections (feature `autonomy`) name an offer's kind and an enterprise's stage through these too.
 */
export const CATALOGUE_CODE_LISTS = {
  offerKind: OFFER_KINDS,
  offerTopic: OFFER_TOPICS,
  initiativeStage: INITIATIVE_STAGES,
  employerKind: ['employer', 'social_enterprise'],
} as const;
export type TCatalogueCodeList = keyof typeof CATALOGUE_CODE_LISTS;

export function useCatalogueWords() {
  const { t } = useTranslation();
  const word = (list: TCatalogueCodeList, code: string | null | undefined) =>
    code ? t(`autonomyCatalogue.words.${list}.${code}`) : '—';
  return {
    word,
    stage: (stage: TInitiativeStage) => word('initiativeStage', stage),
    options: (list: TCatalogueCodeList) =>
      CATALOGUE_CODE_LISTS[list].map((code) => ({ value: code as string, label: word(list, code) })),
  };
}

/** Euro cents as every amount reads (`€ 1.234,00`); nothing to pay: the word for free. */
export function formatCost(cents: number, locale: TLocale, free: string): string {
  return cents === 0 ? free : formatEuroCents(cents, locale);
}

/** Euros typed in a form ("120,50", "120.5") as cents; what is not a number stays not a number. */
export function centsOf(euros: string): number {
  const text = euros.trim().replace(/\s/g, '').replace(',', '.');
  if (text === '') return 0;
  return /^\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : Number.NaN;
}
