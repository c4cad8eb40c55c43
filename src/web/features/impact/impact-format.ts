import type { TWorkPackage } from '../../../contracts/governance-codes.js';
import { WORK_PACKAGE_TITLES } from '../../../contracts/governance-plan.js';
import { INDICATOR_KINDS, type TImpactRow, type TIndicatorKind } from '../../../contracts/impact.js';
import type { TLocale } from '../../../contracts/index.js';

/**
 * The impact page's words and numbers, without React: units in the interface's language, work
 * packages by name, rows grouped by kind. Messages come from the feature's catalogue through `t`.
 */

type TUnit = TImpactRow['unit'];
/** The part of i18next's `t` these helpers use. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

/** A number in the interface's language, with at most `digits` decimals. */
export function formatAmount(value: number, locale: TLocale, digits = 1): string {
  return new Intl.NumberFormat(LOCALE_TAG[locale], { maximumFractionDigits: digits }).format(value);
}

/** Units counted in words: "12 persone", "1 nucleo", "14 giorni", "120 ore", "4,2 su 5". */
const WORDED_UNITS = ['people', 'households', 'days', 'hours', 'score'] as const satisfies readonly TUnit[];
const isWorded = (unit: TUnit): unit is (typeof WORDED_UNITS)[number] =>
  (WORDED_UNITS as readonly TUnit[]).includes(unit);

/** A value in its unit, in words: "12 persone", "5 nuclei", "1.234", "14 giorni", "1.200,50 €", "4,2 su 5". */
export function formatImpactValue(value: number, unit: TUnit, locale: TLocale, t: Translate): string {
  if (unit === 'euro') {
    return new Intl.NumberFormat(LOCALE_TAG[locale], {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: Number.isInteger(value) ? 0 : 2,
      minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    }).format(value);
  }
  if (unit === 'score') {
    const n = new Intl.NumberFormat(LOCALE_TAG[locale], {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
    return t('impact.units.score', { n });
  }
  const n = formatAmount(value, locale);
  if (!isWorded(unit)) return n;
  return t(`impact.units.${unit}`, { count: value, n });
}

/** A share (0–1 and beyond) as a whole percentage: 0.424 → 42. */
export const percentOf = (share: number): number => Math.round(share * 100);

/** The width of a progress bar, in per cent of its track: never below 0 nor beyond 100. */
export const barWidth = (share: number): number => Math.max(0, Math.min(100, percentOf(share)));

/** "WP1 — Rete antiviolenza «Non sei sola»": the work package by its name (as governance names it). */
export const workPackageName = (wp: TWorkPackage, locale: TLocale): string =>
  `${wp.toUpperCase()} — ${WORK_PACKAGE_TITLES[wp][locale]}`;

/** A calendar date (YYYY-MM-DD) in words, the month spelled out: "31 dicembre 2028". */
export function formatLongDay(value: string, locale: TLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: 'long' }).format(date);
}

/** The rows of each kind, in the order they came (the server puts late targets first). */
export function groupByKind(rows: readonly TImpactRow[]): Record<TIndicatorKind, TImpactRow[]> {
  const groups = Object.fromEntries(INDICATOR_KINDS.map((kind) => [kind, [] as TImpactRow[]])) as Record<
    TIndicatorKind,
    TImpactRow[]
  >;
  for (const row of rows) groups[row.kind].push(row);
  return groups;
}
