import type { TFunction } from 'i18next';
import {
  codeLabelKeys,
  LABELLED_DIMENSIONS,
  type TLocale,
  type TStatistics,
} from '../../../contracts/index.js';

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

/** "2026-03" as "marzo 2026" / "March 2026". */
export function monthLabel(month: string, locale: TLocale): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, m - 1, 1)));
}

/** A share in percent (29.3) as "29,3%" / "29.3%". */
export function percentLabel(percent: number, locale: TLocale): string {
  return new Intl.NumberFormat(LOCALE_TAG[locale], { style: 'percent', maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}

/**
 * Rows and columns of the published tables are codes. Each dimension names where its codes are
 * translated (the contract's maps, which the server's files use too): a code list in the i18n
 * files, or the server's `labels` (districts, countries, languages, which are data). A code
 * nobody knows is shown as it is rather than hidden.
 */
export function codeLabel({
  t,
  locale,
  labels,
  dimension,
  code,
}: {
  t: TFunction;
  locale: TLocale;
  labels: TStatistics['labels'];
  dimension: string;
  code: string;
}): string {
  if (dimension === 'all') return t('observatory.dimensions.all');
  if (dimension === 'month') return monthLabel(code, locale);
  const labelled = LABELLED_DIMENSIONS[dimension];
  if (labelled) {
    // Rare countries and languages are merged into "other" by the server; "unknown" was not stated.
    if (code === 'unknown') return t(`observatory.unknownOf.${labelled}`);
    if (code === 'other') return t(`observatory.other.${labelled}`);
    return labels[`${labelled}:${code}`]?.[locale] ?? code;
  }
  // The first catalogue that names the code (i18next tries the keys in order).
  const keys = codeLabelKeys(dimension, code);
  if (keys.length > 0) return t(keys, { defaultValue: code });
  return code;
}
