import { PERIOD_KINDS, type TImpactPeriod, type TPeriodKind } from '../../../contracts/impact-periods.js';
import type { TLocale } from '../../../contracts/index.js';
import type { Translate } from './impact-format.js';

/**
 * The periods page's words, without React: a period by its name and dates (never its key), its
 * status and history in words, the reports' fingerprints shortened. Messages come from the
 * feature's catalogue through `t`.
 */

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

type Dated = Pick<TImpactPeriod, 'key' | 'kind' | 'from' | 'to'>;

/** A YYYY-MM-DD read as a local date, so no time zone shifts the day. */
function localDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

function day(value: string, locale: TLocale, withYear: boolean): string {
  const date = localDate(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(date);
}

/** "1 luglio – 30 settembre 2026"; the first year is written only when the two differ. */
export function periodDates(period: Dated, locale: TLocale): string {
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  return `${day(period.from, locale, !sameYear)} – ${day(period.to, locale, true)}`;
}

/**
 * The period by name: "3º trimestre 2026 (1 luglio – 30 settembre 2026)", "2º semestre 2026",
 * "Anno 2026", "Intero progetto". A quarter carries its dates, since few read "Q3" as months; the
 * longer periods are clear by name (their dates are `periodDates`).
 */
export function periodName(period: Dated, t: Translate, locale: TLocale): string {
  if (period.kind === 'project') return t('impact.periods.names.project');
  const match = /^(\d{4})(?:-[qh]([1-4]))?$/.exec(period.key);
  const year = match?.[1] ?? period.from.slice(0, 4);
  const n = match?.[2] ?? '';
  if (period.kind === 'year') return t('impact.periods.names.year', { year });
  const name = t(`impact.periods.names.${period.kind}`, { n, year });
  if (period.kind === 'semester') return name;
  return t('impact.periods.names.withDates', { name, dates: periodDates(period, locale) });
}

/** Today's date in Rome (YYYY-MM-DD), the day the project's periods are counted in. */
export function romeToday(now: Date = new Date()): string {
  // The Canadian English format is the ISO one, whatever the reader's locale.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

export type TPeriodTiming = 'future' | 'current' | 'ended';

/** Whether a period has not begun, is under way or is over (the server's `ended` decides the last). */
export function periodTiming(period: Pick<TImpactPeriod, 'from' | 'ended'>, today: string): TPeriodTiming {
  if (period.ended) return 'ended';
  return period.from > today ? 'future' : 'current';
}

/** The periods of each kind, in the order they came (the server gives each in calendar order). */
export function groupPeriodsByKind<P extends { kind: TPeriodKind }>(
  periods: readonly P[],
): { kind: TPeriodKind; periods: P[] }[] {
  return PERIOD_KINDS.map((kind) => ({ kind, periods: periods.filter((p) => p.kind === kind) })).filter(
    (group) => group.periods.length > 0,
  );
}

/** The first 12 characters of a fingerprint: enough to compare by eye with a verified file. */
export const shortHash = (hash: string): string => hash.slice(0, 12);

/** A report's file, downloaded with the session's cookie (a plain link: no script involved). */
export function reportFileUrl(id: string, format: 'pdf' | 'xlsx', lang: TLocale): string {
  const query = new URLSearchParams({ format, lang });
  return `/api/impact/reports/${encodeURIComponent(id)}/file?${query.toString()}`;
}
