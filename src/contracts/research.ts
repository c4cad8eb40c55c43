import { z } from 'zod';
import { ZIdSchema, ZLocaleSchema, ZLocalizedTextSchema } from './common.js';

/**
 * The research dataset (WP4): pseudonymised rows for a study. Case and person codes are keyed
 * hashes stable within one study only; dates are months, ages bands, places districts, and no
 * free text leaves. Only people with a valid research consent are included.
 */
export const ZStudySchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});
export type TStudy = z.infer<typeof ZStudySchema>;

export const RESEARCH_COLUMNS = [
  'caseCode',
  'personCode',
  'caseRole',
  'ageBand',
  'gender',
  'citizenshipGroup',
  'country',
  'preferredLanguage',
  'interpreterNeeded',
  'district',
  'serviceKind',
  'referringServiceKind',
  'referralPurpose',
  'urgency',
  'openedMonth',
  'closedMonth',
  'outcome',
  'daysToAcceptance',
  'daysToFirstSession',
  'sessions',
  'sessionsWithMediator',
] as const;
export const ZResearchRowSchema = z.object({
  caseCode: z.string(),
  personCode: z.string(),
  caseRole: z.string(),
  ageBand: z.string(),
  gender: z.string(),
  citizenshipGroup: z.string(),
  country: z.string(),
  preferredLanguage: z.string(),
  interpreterNeeded: z.boolean(),
  district: z.string(),
  serviceKind: z.string(),
  referringServiceKind: z.string(),
  referralPurpose: z.string(),
  urgency: z.string(),
  openedMonth: z.string(),
  closedMonth: z.string().nullable(),
  outcome: z.string().nullable(),
  daysToAcceptance: z.number().nullable(),
  daysToFirstSession: z.number().nullable(),
  sessions: z.number().int(),
  sessionsWithMediator: z.number().int(),
});
export type TResearchRow = z.infer<typeof ZResearchRowSchema>;
/**
 * The columns holding codes, and where each code's words are: a code list of the operator app's
 * catalogues (`enums.<list>`), or reference data named by the dataset's `labels` (`country:MA`).
 * Files and the preview show the words, with the codes beside them in a column of their own.
 */
export const RESEARCH_CODE_LISTS: Partial<Record<(typeof RESEARCH_COLUMNS)[number], string>> = {
  caseRole: 'enums.caseRole',
  ageBand: 'enums.ageBand',
  gender: 'enums.gender',
  citizenshipGroup: 'enums.citizenshipGroup',
  country: 'country',
  preferredLanguage: 'language',
  district: 'district',
  serviceKind: 'enums.serviceKind',
  referringServiceKind: 'enums.serviceKind',
  referralPurpose: 'enums.referralPurpose',
  urgency: 'enums.urgency',
  outcome: 'enums.closureOutcome',
};
/**
 * The words for one value of a coded column, the same in the CSV (server) and the preview (web):
 * `message` looks a key up in the app's catalogues. A country shared by fewer than k people is
 * "other"; what was not stated is "unknown". A code without words stays as it is.
 */
export function researchWord({
  column,
  code,
  labels,
  locale,
  message,
}: {
  column: (typeof RESEARCH_COLUMNS)[number];
  code: string;
  labels: Record<string, { it: string; en: string }>;
  locale: 'it' | 'en';
  message: (key: string) => string | undefined;
}): string {
  const list = RESEARCH_CODE_LISTS[column];
  if (!list) return code;
  if (list.startsWith('enums.'))
    return (
      message(`${list}.${code}`) ??
      (code === 'unknown' ? message('research.values.unknown') : undefined) ??
      code
    );
  if (code === 'unknown' || code === 'other') return message(`research.values.${code}`) ?? code;
  return labels[`${list}:${code}`]?.[locale] ?? code;
}

export const ZResearchExportQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  /** The language of the CSV's headers and words. */
  lang: ZLocaleSchema.default('it'),
});
export const ZResearchDatasetSchema = z.object({
  study: ZStudySchema,
  rows: z.array(ZResearchRowSchema),
  /** Names of the countries, languages and districts in the rows, by `<list>:<code>`. */
  labels: z.record(z.string(), ZLocalizedTextSchema),
});
export type TResearchDataset = z.infer<typeof ZResearchDatasetSchema>;

/** The DPO's list of every export made. */
export const ZResearchExportSchema = z.object({
  id: ZIdSchema,
  studyCode: z.string(),
  username: z.string(),
  format: z.string(),
  rowCount: z.number().int(),
  exportedAt: z.iso.datetime(),
});
