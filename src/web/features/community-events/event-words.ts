import { useTranslation } from 'react-i18next';
import { PUBLIC_LANGUAGES } from '../../../contracts/community.js';
import type { TLocale } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useLanguages } from '../incidents/incidents-api.js';

/**
 * Dates and words of the community events' screens: dates in the reader's language (it-IT or
 * en-GB), and the public languages by name, never by code.
 */
export const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

const format = (locale: TLocale, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(LOCALE_TAG[locale], options);

/** "lunedì 4 maggio 2026" — a calendar day (YYYY-MM-DD) in words, read as a local date. */
export function dayInWords(day: string, locale: TLocale): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return format(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "maggio 2026" */
export function monthInWords(month: string, locale: TLocale): string {
  const [y, m] = month.split('-').map(Number);
  return format(locale, { month: 'long', year: 'numeric' }).format(new Date(y ?? 1970, (m ?? 1) - 1, 1));
}

/** A name that starts a label ("Lunedì", "Arabo"), whatever case the source writes it in. */
export function capitalised(text: string, locale: TLocale): string {
  return text.charAt(0).toLocaleUpperCase(LOCALE_TAG[locale]) + text.slice(1);
}

/** The seven weekday names, Monday first, long and short, capitalised (they head columns). */
export function weekdayNames(locale: TLocale): { long: string; short: string }[] {
  // 5 January 2026 is a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(2026, 0, 5 + i);
    return {
      long: capitalised(format(locale, { weekday: 'long' }).format(date), locale),
      short: capitalised(format(locale, { weekday: 'short' }).format(date), locale),
    };
  });
}

export function timeOf(iso: string, locale: TLocale): string {
  return format(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "mar 12 mag 2026, 17:00–19:00" — a session's day and hours. */
export function sessionWhen(startsAt: string, endsAt: string, locale: TLocale): string {
  const day = format(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(startsAt),
  );
  return `${day}, ${timeOf(startsAt, locale)}–${timeOf(endsAt, locale)}`;
}

/** The local calendar day (YYYY-MM-DD) an instant falls on. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The public languages as options named in the reader's language (the reference list of
 * languages), in the contract's order; a name the list lacks falls back to the language's own
 * catalogue word, so a code is never shown.
 */
export function usePublicLanguages() {
  const { t } = useTranslation();
  const locale = useLocale();
  const languages = useLanguages();
  const nameOf = (code: string) => {
    const found = languages.data?.find((l) => l.code === code);
    if (found) return locale === 'en' ? found.nameEn : found.nameIt;
    return t(`communityEvents.languageFallback.${code}`, {
      defaultValue: t('communityEvents.languageOther'),
    });
  };
  return {
    query: languages,
    options: PUBLIC_LANGUAGES.map((code) => ({ value: code, label: capitalised(nameOf(code), locale) })),
    /** Every language of the reference list (a mediator may be needed for any of them). */
    allOptions: (languages.data ?? [])
      .map((l) => ({ value: l.code, label: capitalised(locale === 'en' ? l.nameEn : l.nameIt, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    nameOf,
  };
}
