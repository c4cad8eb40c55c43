import type { TLocale } from '../../contracts/index.js';

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

export function formatDateTime(iso: string | null | undefined, locale: TLocale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

export function formatNumber(value: number, locale: TLocale): string {
  return new Intl.NumberFormat(LOCALE_TAG[locale]).format(value);
}

/** The day in Rome an instant falls on (a court date's deadline, due at the end of that day), in words. */
export function formatRomeDay(iso: string | null | undefined, locale: TLocale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: 'medium', timeZone: 'Europe/Rome' }).format(
    date,
  );
}

/** A calendar date (YYYY-MM-DD) in words, read as a local date so no time zone shifts the day. */
export function formatDay(value: string | null | undefined, locale: TLocale): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return value || '—';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: 'medium' }).format(date);
}
