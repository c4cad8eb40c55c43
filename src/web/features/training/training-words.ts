import type { TFunction } from 'i18next';
import type { TLocale, TTrainingReport } from '../../../contracts/index.js';

type Finding = TTrainingReport['findings'][number];

/** Code lists whose words live in the app's enums (as the server labels a cited finding). */
const TOPIC_GROUP: Partial<Record<Finding['topic'], string>> = {
  violence_form: 'violenceForm',
  context: 'context',
  service: 'pathwayService',
};
/** Topics whose subject is data the report names itself (countries, languages, districts). */
const TOPIC_DIMENSION: Partial<Record<Finding['topic'], string>> = {
  community: 'country',
  language_interpreter: 'language',
  district_interpreter: 'district',
};

/** A finding's subject in words: from the enums, else the report's labels; a code nobody knows stays. */
export function findingSubject(
  t: TFunction,
  locale: TLocale,
  report: Pick<TTrainingReport, 'labels'>,
  finding: Pick<Finding, 'topic' | 'subject'>,
): string {
  const group = TOPIC_GROUP[finding.topic];
  if (group) return t(`enums.${group}.${finding.subject}`, { defaultValue: finding.subject });
  const dimension = TOPIC_DIMENSION[finding.topic];
  return report.labels[`${dimension}:${finding.subject}`]?.[locale] ?? finding.subject;
}

/** The key a finding has among the form's checkboxes. */
export const findingKey = (f: { topic: string; subject: string }) => `${f.topic}|${f.subject}`;

/** "12 h" / "1,5 h" in the reader's language. */
export function hoursLabel(hours: number, locale: TLocale): string {
  return `${new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 }).format(hours)} h`;
}

/** The server's rule: registrations are taken between the opening and closing times. */
export function registrationOpen(edition: { registrationOpensAt: string; registrationClosesAt: string }) {
  const now = Date.now();
  return Date.parse(edition.registrationOpensAt) <= now && Date.parse(edition.registrationClosesAt) > now;
}
