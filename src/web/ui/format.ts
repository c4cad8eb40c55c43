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
