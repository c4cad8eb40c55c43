import { PUBLIC_LANGUAGES, RTL_LANGUAGES, type TPublicLanguage } from '../../../contracts/community.js';

/** The languages of the public pages (community events, the public site): choice, direction, dates. */

export const isRtl = (lang: TPublicLanguage) => RTL_LANGUAGES.includes(lang);

const isPublicLanguage = (value: string): value is TPublicLanguage =>
  (PUBLIC_LANGUAGES as readonly string[]).includes(value);

/**
 * The page's language: the one asked for in the address, else the first of the browser's
 * languages the pages speak, else Italian. An unknown `lang` is not an error: a resident never
 * gets an error page for a link someone mistyped.
 */
export function pickLanguage(asked: string | undefined, acceptLanguage: string | undefined): TPublicLanguage {
  const wanted = asked?.trim().toLowerCase();
  if (wanted && isPublicLanguage(wanted)) return wanted;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const primary = part.split(';')[0]!.trim().toLowerCase().split('-')[0]!;
    if (isPublicLanguage(primary)) return primary;
  }
  return 'it';
}

/** Dates and times always in Rome's time, 24-hour clock (as on the posters), Latin digits. */
export function dateWords(lang: TPublicLanguage) {
  const locale = `${lang}-u-nu-latn-hc-h23`;
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Rome',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    minute: '2-digit',
  });
  const languages = new Intl.DisplayNames([lang], { type: 'language' });
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  return {
    day: (d: Date) => day.format(d),
    hours: (from: Date, to: Date) => `${time.format(from)} – ${time.format(to)}`,
    language: (code: string) => languages.of(code) ?? code,
    list: (items: readonly string[]) => list.format(items),
  };
}
