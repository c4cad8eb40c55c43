import { z } from 'zod';
import { ZIdSchema, ZLocaleSchema } from './common.js';
import {
  ageBandFits,
  ageBandOf,
  CITIZENSHIP_GROUPS,
  CONTEXTS,
  classifyIncident,
  FORM_IMPLIED_BY,
  MINOR_AGE_BANDS,
  NON_GBV,
  STORED_HARMFUL_PRACTICE_TYPES,
  type TAgeBand,
  type TIncidentType,
  ZAbductionSchema,
  ZAgeBandSchema,
  ZAuthorAddictionSchema,
  ZAuthorRelationshipSchema,
  ZClassificationSchema,
  ZGenderSchema,
  ZHelpSourceSchema,
  ZIncidentTypeSchema,
  ZNonGbvReasonSchema,
  ZPathwayServiceSchema,
  ZProtectionOrderSchema,
  ZReferrerSchema,
  ZRiskAssessmentSchema,
  ZServiceProvidedSchema,
  ZViolenceFormSchema,
  ZYearsInItalySchema,
  ZYesNoUnknownSchema,
} from './observatory-codes.js';

/**
 * The violence observatory's incident record (WP1, WP2). Anonymous by design: there is no field
 * for a name, an address, a phone or a codice fiscale, and every object is strict, so such a key
 * is refused. Code lists and their GBVIMS / ISTAT mapping: docs/observatory-data.md.
 */

export * from './observatory-codes.js';

export const ZIncidentStatusSchema = z.enum(['draft', 'recorded']);
export const ZMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/**
 * The service's own register number for the survivor, turned into a keyed code and then
 * forgotten. At most a 4-letter prefix, then digits: a name or a codice fiscale cannot fit.
 */
export const ZSurvivorReferenceSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z]{0,4}[/._-]?\d[\d/._-]{0,30}$/,
    'a register number: up to 4 letters, then digits and / . _ -',
  );

function uniqueList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .max(20)
    .refine((list) => new Set(list).size === list.length, 'each value once');
}

const ZIncidentFieldsSchema = z.strictObject({
  status: ZIncidentStatusSchema,
  survivorReference: ZSurvivorReferenceSchema.nullable().optional(),
  incidentMonth: ZMonthSchema.nullable().optional(),
  /** Age in years at the incident; with it the age band follows. Age or birth year is required. */
  age: z.number().int().min(0).max(120).nullable().optional(),
  ageBand: ZAgeBandSchema.nullable().optional(),
  birthYear: z.number().int().min(1900).nullable().optional(),
  gender: ZGenderSchema.nullable().optional(),
  citizenship: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166 two-letter code')
    .nullable()
    .optional(),
  yearsInItaly: ZYearsInItalySchema.nullable().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'ISO 639 language code')
    .nullable()
    .optional(),
  disability: ZYesNoUnknownSchema.nullable().optional(),
  interpreterNeeded: z.boolean().nullable().optional(),
  interpreterUsed: z.boolean().nullable().optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/, 'six-digit ISTAT code')
    .nullable()
    .optional(),
  classification: ZClassificationSchema.optional(),
  coreType: ZIncidentTypeSchema.nullable().optional(),
  nonGbvReason: ZNonGbvReasonSchema.nullable().optional(),
  forms: uniqueList(ZViolenceFormSchema).optional(),
  stalking: z.boolean().optional(),
  /** The authors' or the victims' children, of any age, at the scene (law 53/2022 art. 2, 4, 5). */
  childrenPresent: z.boolean().optional(),
  /** Children who witnessed or suffered the violence (violenza assistita, knowing of it included). */
  childrenWitnessed: z.boolean().optional(),
  authorRelationship: ZAuthorRelationshipSchema.nullable().optional(),
  authorAddictions: uniqueList(ZAuthorAddictionSchema).optional(),
  authorPreviousComplaints: ZYesNoUnknownSchema.nullable().optional(),
  protectionOrders: uniqueList(ZProtectionOrderSchema).optional(),
  riskAssessment: ZRiskAssessmentSchema.optional(),
  harmfulPractice: z.boolean().optional(),
  /** `not_recorded` only on a correction of a record made before the kind was asked. */
  harmfulPracticeType: z.enum(STORED_HARMFUL_PRACTICE_TYPES).nullable().optional(),
  moneyExchanged: ZYesNoUnknownSchema.nullable().optional(),
  abduction: ZAbductionSchema.nullable().optional(),
  soughtHelpFrom: uniqueList(ZHelpSourceSchema).optional(),
  referredBy: uniqueList(ZReferrerSchema).optional(),
  referredByServices: uniqueList(ZPathwayServiceSchema).optional(),
  referredTo: uniqueList(ZPathwayServiceSchema).optional(),
  servicesProvided: uniqueList(ZServiceProvidedSchema).optional(),
  consentReporting: z.boolean(),
});
export type TIncidentFields = z.infer<typeof ZIncidentFieldsSchema>;

/** Fields a recorded (not draft) incident must have. The survivor reference is checked by the
 * server: an edit keeps the code already derived, so the reference is not sent again. */
export const REQUIRED_WHEN_RECORDED = [
  'incidentMonth',
  'gender',
  'interpreterNeeded',
  'authorRelationship',
] as const;

/** The type the input states or the classification gives, or the issue that stops it. */
export function resolveCoreType(
  input: Pick<TIncidentFields, 'classification' | 'coreType' | 'status'>,
): { coreType: TIncidentType | null } | { issue: { path: string[]; message: string } } {
  if (!input.classification) return { coreType: input.coreType ?? null };
  const result = classifyIncident(input.classification);
  if (result.kind === 'unanswered') {
    // Without a stated type, a draft may stop half-way; a record must finish the walk.
    if (input.coreType || input.status === 'recorded') {
      return { issue: { path: ['classification', result.question], message: 'answer this question first' } };
    }
    return { coreType: null };
  }
  const coreType = result.kind === 'type' ? result.coreType : NON_GBV;
  if (input.coreType && input.coreType !== coreType) {
    return { issue: { path: ['coreType'], message: 'contradicts the classification' } };
  }
  return { coreType };
}

/** The age band stated, or the one the age gives. */
export function resolveAgeBand(input: Pick<TIncidentFields, 'age' | 'ageBand'>): TAgeBand | null {
  if (input.age !== null && input.age !== undefined) return ageBandOf(input.age);
  return input.ageBand ?? null;
}

/** Age at the incident when known, else the age reached in the incident's year from the birth year. */
export function ageForStatistics(input: {
  age?: number | null | undefined;
  birthYear?: number | null | undefined;
  incidentMonth?: string | null | undefined;
}): number | null {
  if (input.age !== null && input.age !== undefined) return input.age;
  if (!input.birthYear || !input.incidentMonth) return null;
  return Number(input.incidentMonth.slice(0, 4)) - input.birthYear;
}

const MINORS_AT_MOST = 17;
/** Whether the survivor was a minor at the incident. */
export function wasMinor(input: Pick<TIncidentFields, 'age' | 'ageBand'>) {
  const band = resolveAgeBand(input);
  if (input.age !== null && input.age !== undefined) return input.age <= MINORS_AT_MOST;
  return band ? MINOR_AGE_BANDS.includes(band) : false;
}

/** Month of today in the server's calendar, for "not in the future" checks. */
export function currentMonth(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

type Issue = { path: string[]; message: string };

function ageIssues(input: TIncidentFields, now: Date): Issue[] {
  const issues: Issue[] = [];
  const year = input.incidentMonth ? Number(input.incidentMonth.slice(0, 4)) : null;
  const hasAge = input.age !== null && input.age !== undefined;
  if (input.birthYear && input.birthYear > now.getFullYear())
    issues.push({ path: ['birthYear'], message: 'is in the future' });
  if (hasAge && input.ageBand && ageBandOf(input.age!) !== input.ageBand) {
    issues.push({ path: ['ageBand'], message: 'contradicts the age' });
  }
  if (hasAge && input.birthYear && year !== null) {
    const reached = year - input.birthYear;
    if (input.age !== reached && input.age !== reached - 1) {
      issues.push({ path: ['age'], message: 'contradicts the birth year' });
    }
  }
  const band = resolveAgeBand(input);
  if (!hasAge && band && input.birthYear && year !== null) {
    if (!ageBandFits({ band, birthYear: input.birthYear, year })) {
      issues.push({ path: ['ageBand'], message: 'contradicts the birth year' });
    }
  }
  return issues;
}

/** Answers that exclude each other in one multi-answer list: "none" or "nobody" stands alone. */
function exclusiveIssues(input: TIncidentFields): Issue[] {
  const issues: Issue[] = [];
  const alone = (field: keyof TIncidentFields, value: string) => {
    const list = input[field] as string[] | undefined;
    if (list?.includes(value) && list.length > 1)
      issues.push({ path: [field], message: 'this answer excludes the others' });
  };
  alone('soughtHelpFrom', 'nobody');
  alone('authorAddictions', 'none');
  alone('protectionOrders', 'none');
  return issues;
}

function typeIssues(input: TIncidentFields, coreType: TIncidentType | null): Issue[] {
  const issues: Issue[] = [];
  const implied = coreType ? FORM_IMPLIED_BY[coreType] : null;
  if (implied && input.forms && !input.forms.includes(implied)) {
    issues.push({ path: ['forms'], message: 'must include the form the core type implies' });
  }
  // GBVIMS: female genital mutilation is sexual assault, and physical assault excludes it.
  if (
    input.harmfulPracticeType === 'fgm' &&
    coreType &&
    coreType !== 'rape' &&
    coreType !== 'sexual_assault'
  ) {
    issues.push({
      path: input.classification ? ['classification', 'sexualContact'] : ['coreType'],
      message: 'female genital mutilation is sexual assault in GBVIMS',
    });
  }
  if (input.harmfulPracticeType && input.harmfulPractice !== true) {
    issues.push({ path: ['harmfulPracticeType'], message: 'a kind of practice, but no harmful practice' });
  }
  if (input.nonGbvReason && coreType !== NON_GBV) {
    issues.push({ path: ['nonGbvReason'], message: 'only for an incident outside the six GBVIMS types' });
  }
  const viaService = input.referredBy?.includes('service') ?? false;
  if (input.referredByServices?.length && !viaService) {
    issues.push({ path: ['referredByServices'], message: 'only when a service sent her' });
  }
  return issues;
}

/**
 * Questions that records made before ADR 0018 never answered. Correcting such a record does not
 * force an answer, which would be a guess: the server waives each one the stored record also lacks.
 */
export const LATER_QUESTIONS = ['age', 'referredBy', 'harmfulPracticeType'] as const;
export type TLaterQuestion = (typeof LATER_QUESTIONS)[number];

/** The later questions a stored record never answered; a draft being recorded answers them all. */
export function neverAskedOf(record: {
  status: string;
  age: number | null;
  birthYear: number | null;
  referredBy: readonly string[];
  harmfulPracticeType: string | null;
}): TLaterQuestion[] {
  if (record.status !== 'recorded') return [];
  const neverAsked: TLaterQuestion[] = [];
  if (record.age === null && record.birthYear === null) neverAsked.push('age');
  if (record.referredBy.length === 0) neverAsked.push('referredBy');
  if (record.harmfulPracticeType === 'not_recorded') neverAsked.push('harmfulPracticeType');
  return neverAsked;
}

function completenessIssues(
  input: TIncidentFields,
  coreType: TIncidentType | null,
  neverAsked: readonly TLaterQuestion[],
): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, message = 'required to record the incident') =>
    issues.push({ path: [field], message });
  for (const field of REQUIRED_WHEN_RECORDED) {
    if (input[field] === null || input[field] === undefined) add(field);
  }
  const hasAge = input.age !== null && input.age !== undefined;
  if (!hasAge && !input.birthYear && !neverAsked.includes('age'))
    add('age', 'the age or the year of birth is required to record the incident');
  if (!resolveAgeBand(input)) add('ageBand');
  if (coreType === NON_GBV && !input.nonGbvReason) {
    add('nonGbvReason', 'does not fall in the six GBVIMS types: check the answers, then give the reason');
  }
  if (coreType && coreType !== NON_GBV && !input.forms?.length) add('forms');
  if (input.interpreterNeeded && (input.interpreterUsed === null || input.interpreterUsed === undefined)) {
    add('interpreterUsed');
  }
  if (input.harmfulPractice && !input.harmfulPracticeType) add('harmfulPracticeType');
  if (!input.referredBy?.length && !neverAsked.includes('referredBy')) add('referredBy');
  if (input.referredBy?.includes('service') && !input.referredByServices?.length) add('referredByServices');
  return issues;
}

/**
 * Rules across fields. A draft may be incomplete but never contradictory; a recorded incident
 * must be complete. Every issue names its field.
 */
export function incidentIssues(
  input: TIncidentFields,
  now = new Date(),
  neverAsked: readonly TLaterQuestion[] = [],
) {
  const issues: Issue[] = [];
  if (input.harmfulPracticeType === 'not_recorded' && !neverAsked.includes('harmfulPracticeType')) {
    issues.push({
      path: ['harmfulPracticeType'],
      message: 'only on a record made before the kind was asked',
    });
  }
  if (input.incidentMonth && input.incidentMonth > currentMonth(now))
    issues.push({ path: ['incidentMonth'], message: 'is in the future' });
  if (input.incidentMonth && input.incidentMonth < '2000-01')
    issues.push({ path: ['incidentMonth'], message: 'is before 2000' });
  issues.push(...ageIssues(input, now));
  if (input.interpreterUsed && input.interpreterNeeded === false) {
    issues.push({ path: ['interpreterUsed'], message: 'an interpreter was used but not needed' });
  }
  issues.push(...exclusiveIssues(input));
  const resolved = resolveCoreType(input);
  if ('issue' in resolved) issues.push(resolved.issue);
  const coreType = 'coreType' in resolved ? resolved.coreType : null;
  issues.push(...typeIssues(input, coreType));
  if (input.status === 'recorded') {
    if (!coreType && 'coreType' in resolved)
      issues.push({ path: ['coreType'], message: 'required to record the incident' });
    issues.push(...completenessIssues(input, coreType, neverAsked));
  }
  return issues;
}

export const ZIncidentInputSchema = ZIncidentFieldsSchema.superRefine((input, ctx) => {
  for (const issue of incidentIssues(input)) ctx.addIssue({ code: 'custom', ...issue });
  // A new record needs its register number (a correction keeps the code already derived).
  if (input.status === 'recorded' && !input.survivorReference) {
    ctx.addIssue({ code: 'custom', path: ['survivorReference'], message: 'required to record the incident' });
  }
});
export type TIncidentInput = z.infer<typeof ZIncidentInputSchema>;
/**
 * A correction: the same rules, but the later questions are waived here and checked by the server
 * against the stored record (`incidentIssues` with what that record never answered).
 */
export const ZIncidentCorrectionSchema = ZIncidentFieldsSchema.superRefine((input, ctx) => {
  // Without an age or a birth year the band cannot follow: whether that is an error depends on the
  // stored record, so the server says it, naming the age where one was stored.
  const noAge = (input.age === null || input.age === undefined) && !input.birthYear;
  for (const issue of incidentIssues(input, new Date(), LATER_QUESTIONS)) {
    if (!(noAge && issue.path[0] === 'ageBand')) ctx.addIssue({ code: 'custom', ...issue });
  }
});

export const ZIncidentSchema = z.object({
  id: ZIdSchema,
  status: ZIncidentStatusSchema,
  survivorCode: z.string().nullable(),
  incidentMonth: z.string().nullable(),
  age: z.number().int().nullable(),
  ageBand: ZAgeBandSchema.nullable(),
  birthYear: z.number().int().nullable(),
  gender: ZGenderSchema.nullable(),
  citizenship: z.string().nullable(),
  citizenshipGroup: z.enum(CITIZENSHIP_GROUPS),
  yearsInItaly: ZYearsInItalySchema.nullable(),
  language: z.string().nullable(),
  disability: ZYesNoUnknownSchema.nullable(),
  interpreterNeeded: z.boolean().nullable(),
  interpreterUsed: z.boolean().nullable(),
  municipality: z.string().nullable(),
  districtId: ZIdSchema.nullable(),
  coreType: ZIncidentTypeSchema.nullable(),
  nonGbvReason: ZNonGbvReasonSchema.nullable(),
  forms: z.array(ZViolenceFormSchema),
  stalking: z.boolean(),
  childrenPresent: z.boolean(),
  childrenWitnessed: z.boolean(),
  authorRelationship: ZAuthorRelationshipSchema.nullable(),
  authorAddictions: z.array(ZAuthorAddictionSchema),
  authorPreviousComplaints: ZYesNoUnknownSchema.nullable(),
  protectionOrders: z.array(ZProtectionOrderSchema),
  riskAssessment: ZRiskAssessmentSchema,
  harmfulPractice: z.boolean(),
  /** `not_recorded`: a harmful practice recorded before its kind was asked. */
  harmfulPracticeType: z.enum(STORED_HARMFUL_PRACTICE_TYPES).nullable(),
  moneyExchanged: ZYesNoUnknownSchema.nullable(),
  abduction: ZAbductionSchema.nullable(),
  contexts: z.array(z.enum(CONTEXTS)),
  soughtHelpFrom: z.array(ZHelpSourceSchema),
  referredBy: z.array(ZReferrerSchema),
  referredByServices: z.array(ZPathwayServiceSchema),
  referredTo: z.array(ZPathwayServiceSchema),
  servicesProvided: z.array(ZServiceProvidedSchema),
  consentReporting: z.boolean(),
  serviceId: ZIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TIncident = z.infer<typeof ZIncidentSchema>;

export const ZIncidentSummarySchema = ZIncidentSchema.pick({
  id: true,
  status: true,
  survivorCode: true,
  incidentMonth: true,
  coreType: true,
  ageBand: true,
  consentReporting: true,
  updatedAt: true,
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummarySchema>;

export const ZIncidentQuerySchema = z.strictObject({
  status: ZIncidentStatusSchema.optional(),
  coreType: ZIncidentTypeSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ZImportRowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.object({ it: z.string(), en: z.string() }),
});
export const ZImportResultSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  alreadyPresent: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResultSchema>;
/** The register template (XLSX) in the words of one language; Italian unless asked. */
export const ZImportTemplateQuerySchema = z.strictObject({ lang: ZLocaleSchema.default('it') });

export * from './observatory-statistics.js';
