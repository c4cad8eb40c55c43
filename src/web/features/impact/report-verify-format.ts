import { periodOfKey, type TReportVerification } from '../../../contracts/impact-periods.js';
import type { TLocale } from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';
import type { Translate } from './impact-format.js';
import { periodName } from './period-format.js';

/**
 * The public verification page's words, without React: the server's technical reason for a failed
 * check turned into the reader's language (the English text itself is never shown), the sealed
 * report's details, and a request that failed. Messages come from the feature's catalogue via `t`.
 */

export const SEAL_PROBLEMS = [
  'noSeal',
  'changed',
  'unknownKey',
  'forged',
  'notPdfOrXlsx',
  'notImpactReport',
  'unreadable',
] as const;
export type TSealProblem = (typeof SEAL_PROBLEMS)[number];

/**
 * Which of the known reasons the server's English text gives (its wording in
 * `platform/audit/file-seal.ts` and `modules/impact/impact-verify.ts`); any other text, or none,
 * is "the seal cannot be read".
 */
export function sealProblem(problem: string | null | undefined): TSealProblem {
  const text = (problem ?? '').toLowerCase();
  if (text.includes('carries no seal')) return 'noSeal';
  if (text.includes('changed after it was sealed')) return 'changed';
  if (text.includes('unknown key')) return 'unknownKey';
  if (text.includes('forged or altered')) return 'forged';
  if (text.includes('neither a pdf nor an xlsx')) return 'notPdfOrXlsx';
  if (text.includes('not an impact report')) return 'notImpactReport';
  return 'unreadable';
}

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

type SealedReport = NonNullable<TReportVerification['report']>;

/** The report's period by name and dates; a key that names no period of the project is not shown. */
export function reportPeriod(key: string, t: Translate, locale: TLocale): string {
  const period = periodOfKey(key);
  return period ? periodName(period, t, locale) : t('impact.verify.details.unknownPeriod');
}

/** "PDF in italiano", "Foglio di calcolo XLSX in inglese". */
export function reportFile(report: Pick<SealedReport, 'format' | 'lang'>, t: Translate): string {
  return t(`impact.verify.details.files.${report.format}`, {
    lang: t(`impact.verify.details.languages.${report.lang}`),
  });
}

/** The moment of the seal in words, in Italian time: "14 luglio 2026 alle ore 10:30 (ora italiana)". */
export function sealedAt(iso: string, t: Translate, locale: TLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return t('impact.verify.details.unknownTime');
  const when = new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(date);
  return t('impact.verify.details.sealedAtValue', { when });
}

/**
 * Why a check could not be made at all (the file was not looked at): too large, too many tries, no
 * connection, or anything else, in words (the server's own localised text for a refusal not foreseen).
 */
export function failureWords(error: unknown, t: Translate, locale: TLocale): string {
  if (isApiError(error)) {
    if (error.status === 413) return t('impact.verify.failure.tooLarge');
    if (error.status === 0) return t('impact.verify.failure.network');
    if (error.isLocked) return t('impact.verify.failure.tooMany');
    const localized = error.localized(locale);
    if (localized)
      return localized.detail ? `${localized.title}. ${localized.detail}` : `${localized.title}.`;
  }
  return t('impact.verify.failure.generic');
}
