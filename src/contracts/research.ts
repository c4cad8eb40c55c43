import { z } from 'zod';
import { ZIdSchema } from './common.js';

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
export const ZResearchExportQuerySchema = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
export const ZResearchDatasetSchema = z.object({ study: ZStudySchema, rows: z.array(ZResearchRowSchema) });

/** The DPO's list of every export made. */
export const ZResearchExportSchema = z.object({
  id: ZIdSchema,
  studyCode: z.string(),
  username: z.string(),
  format: z.string(),
  rowCount: z.number().int(),
  exportedAt: z.iso.datetime(),
});
