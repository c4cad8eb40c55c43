import type { TFunction } from 'i18next';
import type { TLocale } from '../../../contracts/index.js';
import { LANGUAGE_LEVELS, type TMatch, type TRequest } from '../../../contracts/mediation.js';

/** Numbers, money, months and reasons of mediation in words, in the UI language. */

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

/** A number with exactly `digits` decimals, grouped in thousands even below 10,000 (1.234,5). */
export function formatDecimal(value: number, locale: TLocale, digits: number): string {
  return new Intl.NumberFormat(LOCALE_TAG[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: 'always',
  }).format(value);
}

/** Euro cents as the statements read them: `€ 1.234,56` (`€ 1,234.56` in English). */
export function formatEuro(cents: number, locale: TLocale): string {
  return `€ ${formatDecimal(cents / 100, locale, 2)}`;
}

/** Minutes as hours with one decimal (90 → 1,5). */
export function formatHours(minutes: number, locale: TLocale): string {
  return formatDecimal(minutes / 60, locale, 1);
}

/** The month a YYYY-MM names, in words ("novembre 2026"). */
export function monthLabel(month: string, locale: TLocale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, 1);
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { month: 'long', year: 'numeric' }).format(date);
}

/** This month (YYYY-MM) where the user is. */
export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

const isLevel = (value: unknown): value is (typeof LANGUAGE_LEVELS)[number] =>
  typeof value === 'string' && (LANGUAGE_LEVELS as readonly string[]).includes(value);

/** One reason of a match's rank, in words: the level in words, kilometres and hours with one decimal. */
export function reasonText(t: TFunction, locale: TLocale, reason: TMatch['reasons'][number]): string {
  const key = `mediationWords.reason.${reason.code}`;
  switch (reason.code) {
    case 'language_level':
      return t(key, { value: isLevel(reason.value) ? t(`mediationWords.level.${reason.value}`) : '—' });
    case 'distance':
    case 'workload':
      return t(key, { value: formatDecimal(Number(reason.value ?? 0), locale, 1) });
    default:
      return t(key);
  }
}

/** The request's status in words, saying when nobody suitable was found. */
export function requestStatusText(t: TFunction, request: Pick<TRequest, 'status' | 'unmatched'>): string {
  const status = t(`mediationWords.requestStatus.${request.status}`);
  return request.unmatched && (request.status === 'open' || request.status === 'offered')
    ? `${status} · ${t('mediation.requests.unmatched')}`
    : status;
}

/** The mediator a request names: while assigned, confirmed or done (never one removed or who declined). */
export function currentMediator(request: Pick<TRequest, 'assignment'>): string | null {
  const a = request.assignment;
  return a && ['assigned', 'confirmed', 'completed', 'no_show'].includes(a.status) ? a.mediatorName : null;
}
