import { z } from 'zod';
import { ZIdSchema, ZLocaleSchema } from './common.js';

/**
 * The violence observatory's incident record (WP1, WP2). Anonymous by design: there is no field
 * for a name, an address, a phone or a codice fiscale, and every object is strict, so such a key
 * is refused. Code lists and their GBVIMS / ISTAT mapping: docs/observatory-data.md.
 */

/** The six GBVIMS core types, in the order the classification tool asks about them. */
export const CORE_TYPES = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
] as const;
export const ZCoreTypeSchema = z.enum(CORE_TYPES);
export type TCoreType = z.infer<typeof ZCoreTypeSchema>;

/** GBVIMS classification by elimination: the first question answered "yes" gives the type. */
export const CLASSIFICATION_QUESTIONS = [
  { key: 'penetration', coreType: 'rape' },
  { key: 'sexualContact', coreType: 'sexual_assault' },
  { key: 'physicalAssault', coreType: 'physical_assault' },
  { key: 'forcedMarriage', coreType: 'forced_marriage' },
  { key: 'denialOfResources', coreType: 'denial_of_resources' },
  { key: 'psychologicalAbuse', coreType: 'psychological_abuse' },
] as const;
export type TClassificationKey = (typeof CLASSIFICATION_QUESTIONS)[number]['key'];
export const ZClassificationSchema = z.strictObject({
  penetration: z.boolean().optional(),
  sexualContact: z.boolean().optional(),
  physicalAssault: z.boolean().optional(),
  forcedMarriage: z.boolean().optional(),
  denialOfResources: z.boolean().optional(),
  psychologicalAbuse: z.boolean().optional(),
});
export type TClassification = z.infer<typeof ZClassificationSchema>;

export type ClassificationResult =
  | { kind: 'type'; coreType: TCoreType }
  | { kind: 'unanswered'; question: TClassificationKey }
  | { kind: 'not-gbv' };

/** Walks the questions in order; a question left open before the first "yes" stops the walk. */
export function classifyIncident(answers: TClassification): ClassificationResult {
  for (const question of CLASSIFICATION_QUESTIONS) {
    const answer = answers[question.key];
    if (answer === undefined) return { kind: 'unanswered', question: question.key };
    if (answer) return { kind: 'type', coreType: question.coreType };
  }
  return { kind: 'not-gbv' };
}

/** The answers that lead to a type: "no" to every earlier question, "yes" to its own. */
export function answersFor(coreType: TCoreType): TClassification {
  const answers: TClassification = {};
  for (const question of CLASSIFICATION_QUESTIONS) {
    answers[question.key] = question.coreType === coreType;
    if (question.coreType === coreType) break;
  }
  return answers;
}

/** Forms of violence in law 53/2022 (art. 2, 4) and the ISTAT survey of anti-violence centres. */
export const VIOLENCE_FORMS = ['physical', 'sexual', 'psychological', 'economic'] as const;
export const ZViolenceFormSchema = z.enum(VIOLENCE_FORMS);
export type TViolenceForm = z.infer<typeof ZViolenceFormSchema>;

/** The form a core type always implies; forced marriage implies none on its own. */
export const FORM_IMPLIED_BY: Record<TCoreType, TViolenceForm | null> = {
  rape: 'sexual',
  sexual_assault: 'sexual',
  physical_assault: 'physical',
  forced_marriage: null,
  denial_of_resources: 'economic',
  psychological_abuse: 'psychological',
};

/** GBVIMS age groups. */
export const AGE_BANDS = ['0-11', '12-17', '18-25', '26-40', '41-60', '61+'] as const;
export const ZAgeBandSchema = z.enum(AGE_BANDS);
export type TAgeBand = z.infer<typeof ZAgeBandSchema>;
const AGE_BAND_RANGES: Record<TAgeBand, [number, number]> = {
  '0-11': [0, 11],
  '12-17': [12, 17],
  '18-25': [18, 25],
  '26-40': [26, 40],
  '41-60': [41, 60],
  '61+': [61, 130],
};
export const MINOR_AGE_BANDS: readonly TAgeBand[] = ['0-11', '12-17'];

/** The band an age in years falls in. */
export function ageBandOf(age: number): TAgeBand {
  return AGE_BANDS.find((band) => age <= AGE_BAND_RANGES[band][1]) ?? '61+';
}

/** Whether a birth year fits a band in the incident's year (the birthday may not have come yet). */
export function ageBandFits({ band, birthYear, year }: { band: TAgeBand; birthYear: number; year: number }) {
  const [low, high] = AGE_BAND_RANGES[band];
  const oldest = year - birthYear;
  return oldest >= low && oldest - 1 <= high;
}

export const GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export const ZGenderSchema = z.enum(GENDERS);

export const YEARS_IN_ITALY = ['born_in_italy', 'under_1', '1_5', '6_10', 'over_10', 'unknown'] as const;
export const ZYearsInItalySchema = z.enum(YEARS_IN_ITALY);

/** Derived from the ISO country: Italy, another EU state, a third country, or not known. */
export const CITIZENSHIP_GROUPS = ['italian', 'eu', 'third_country', 'unknown'] as const;
export type TCitizenshipGroup = (typeof CITIZENSHIP_GROUPS)[number];

/** Relationship of the author to the victim (law 53/2022 art. 5 c. 1; ISTAT classes). */
export const AUTHOR_RELATIONSHIPS = [
  'spouse_partner',
  'non_cohabiting_partner',
  'former_partner',
  'parent',
  'other_relative',
  'acquaintance',
  'colleague',
  'stranger',
  'other',
  'unknown',
] as const;
export const ZAuthorRelationshipSchema = z.enum(AUTHOR_RELATIONSHIPS);
export type TAuthorRelationship = z.infer<typeof ZAuthorRelationshipSchema>;
export const INTIMATE_PARTNERS: readonly TAuthorRelationship[] = [
  'spouse_partner',
  'non_cohabiting_partner',
  'former_partner',
];

/** Revictimisation risk indicators, after the SARA / ISA risk factors (docs/observatory-data.md). */
export const RISK_INDICATORS = [
  'previous_violence',
  'escalation',
  'threats_to_kill',
  'weapon',
  'strangulation',
  'recent_separation',
  'jealousy_control',
  'pregnancy',
  'substance_abuse',
  'protection_order_violated',
  'threats_to_children',
] as const;
export const ZRiskIndicatorSchema = z.enum(RISK_INDICATORS);

/** GBVIMS incident contexts, derived from the record (harmful practice is stated). */
export const CONTEXTS = [
  'intimate_partner_violence',
  'child_sexual_abuse',
  'early_forced_marriage',
  'harmful_traditional_practice',
] as const;
export type TContext = (typeof CONTEXTS)[number];

/** Kinds of service along a survivor's pathway (first contact, referrals). */
export const PATHWAY_SERVICES = [
  'anti_violence_centre',
  'help_desk',
  'child_protection',
  'social_services',
  'consultorio',
  'child_neuropsychiatry',
  'health_emergency',
  'police',
  'school',
  'shelter',
  'legal',
  'other',
] as const;
export const ZPathwayServiceSchema = z.enum(PATHWAY_SERVICES);

export const SERVICES_PROVIDED = [
  'listening',
  'psychological_support',
  'legal_advice',
  'shelter',
  'health_care',
  'accompaniment',
  'job_support',
  'housing_support',
  'mediation',
  'support_for_children',
] as const;
export const ZServiceProvidedSchema = z.enum(SERVICES_PROVIDED);

export const INTERPRETER_STATUSES = ['provided', 'missing', 'not_needed'] as const;
export type TInterpreterStatus = (typeof INTERPRETER_STATUSES)[number];

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
  interpreterNeeded: z.boolean().nullable().optional(),
  interpreterUsed: z.boolean().nullable().optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/, 'six-digit ISTAT code')
    .nullable()
    .optional(),
  classification: ZClassificationSchema.optional(),
  coreType: ZCoreTypeSchema.nullable().optional(),
  forms: uniqueList(ZViolenceFormSchema).optional(),
  stalking: z.boolean().optional(),
  childrenPresent: z.boolean().optional(),
  childrenWitnessed: z.boolean().optional(),
  authorRelationship: ZAuthorRelationshipSchema.nullable().optional(),
  riskIndicators: uniqueList(ZRiskIndicatorSchema).optional(),
  harmfulPractice: z.boolean().optional(),
  firstContact: ZPathwayServiceSchema.nullable().optional(),
  referredTo: uniqueList(ZPathwayServiceSchema).optional(),
  servicesProvided: uniqueList(ZServiceProvidedSchema).optional(),
  consentReporting: z.boolean(),
});
export type TIncidentFields = z.infer<typeof ZIncidentFieldsSchema>;

/** Fields a recorded (not draft) incident must have. The survivor reference is checked by the
 * server: an edit keeps the code already derived, so the reference is not sent again. */
export const REQUIRED_WHEN_RECORDED = [
  'incidentMonth',
  'ageBand',
  'gender',
  'interpreterNeeded',
  'authorRelationship',
  'firstContact',
] as const;

/** The core type the input states or the classification gives, or the issue that stops it. */
export function resolveCoreType(
  input: Pick<TIncidentFields, 'classification' | 'coreType' | 'status'>,
): { coreType: TCoreType | null } | { issue: { path: string[]; message: string } } {
  if (!input.classification) return { coreType: input.coreType ?? null };
  const result = classifyIncident(input.classification);
  if (result.kind === 'unanswered') {
    // Without a stated type, a draft may stop half-way; a record must finish the walk.
    if (input.coreType || input.status === 'recorded') {
      return { issue: { path: ['classification', result.question], message: 'answer this question first' } };
    }
    return { coreType: null };
  }
  if (result.kind === 'not-gbv') {
    return { issue: { path: ['classification'], message: 'no core type applies: not a GBV incident' } };
  }
  if (input.coreType && input.coreType !== result.coreType) {
    return {
      issue: { path: ['coreType'], message: 'contradicts the classification' },
    };
  }
  return { coreType: result.coreType };
}

/** Month of today in the server's calendar, for "not in the future" checks. */
export function currentMonth(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * Rules across fields. A draft may be incomplete but never contradictory; a recorded incident
 * must be complete. Every issue names its field.
 */
export function incidentIssues(input: TIncidentFields, now = new Date()) {
  const issues: { path: string[]; message: string }[] = [];
  const add = (field: string, message: string) => issues.push({ path: [field], message });
  const year = input.incidentMonth ? Number(input.incidentMonth.slice(0, 4)) : null;
  if (input.incidentMonth && input.incidentMonth > currentMonth(now))
    add('incidentMonth', 'is in the future');
  if (input.incidentMonth && input.incidentMonth < '2000-01') add('incidentMonth', 'is before 2000');
  if (input.birthYear && input.birthYear > now.getFullYear()) add('birthYear', 'is in the future');
  if (input.ageBand && input.birthYear && year !== null) {
    if (!ageBandFits({ band: input.ageBand, birthYear: input.birthYear, year })) {
      add('ageBand', 'contradicts the birth year');
    }
  }
  if (input.interpreterUsed && input.interpreterNeeded === false) {
    add('interpreterUsed', 'an interpreter was used but not needed');
  }
  if (input.childrenWitnessed && input.childrenPresent === false) {
    add('childrenWitnessed', 'children witnessed but were not present');
  }
  const resolved = resolveCoreType(input);
  if ('issue' in resolved) issues.push(resolved.issue);
  const coreType = 'coreType' in resolved ? resolved.coreType : null;
  const implied = coreType ? FORM_IMPLIED_BY[coreType] : null;
  if (implied && input.forms && !input.forms.includes(implied)) {
    add('forms', 'must include the form the core type implies');
  }
  if (input.status === 'recorded') {
    for (const field of REQUIRED_WHEN_RECORDED) {
      if (input[field] === null || input[field] === undefined) add(field, 'required to record the incident');
    }
    if (!coreType && 'coreType' in resolved) add('coreType', 'required to record the incident');
    if (!input.forms?.length) add('forms', 'required to record the incident');
    if (input.interpreterNeeded && (input.interpreterUsed === null || input.interpreterUsed === undefined)) {
      add('interpreterUsed', 'required to record the incident');
    }
  }
  return issues;
}

export const ZIncidentInputSchema = ZIncidentFieldsSchema.superRefine((input, ctx) => {
  for (const issue of incidentIssues(input)) ctx.addIssue({ code: 'custom', ...issue });
});
export type TIncidentInput = z.infer<typeof ZIncidentInputSchema>;

export const ZIncidentSchema = z.object({
  id: ZIdSchema,
  status: ZIncidentStatusSchema,
  survivorCode: z.string().nullable(),
  incidentMonth: z.string().nullable(),
  ageBand: ZAgeBandSchema.nullable(),
  birthYear: z.number().int().nullable(),
  gender: ZGenderSchema.nullable(),
  citizenship: z.string().nullable(),
  citizenshipGroup: z.enum(CITIZENSHIP_GROUPS),
  yearsInItaly: ZYearsInItalySchema.nullable(),
  language: z.string().nullable(),
  interpreterNeeded: z.boolean().nullable(),
  interpreterUsed: z.boolean().nullable(),
  municipality: z.string().nullable(),
  districtId: ZIdSchema.nullable(),
  coreType: ZCoreTypeSchema.nullable(),
  forms: z.array(ZViolenceFormSchema),
  stalking: z.boolean(),
  childrenPresent: z.boolean(),
  childrenWitnessed: z.boolean(),
  authorRelationship: ZAuthorRelationshipSchema.nullable(),
  riskIndicators: z.array(ZRiskIndicatorSchema),
  harmfulPractice: z.boolean(),
  contexts: z.array(z.enum(CONTEXTS)),
  firstContact: ZPathwayServiceSchema.nullable(),
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
  coreType: ZCoreTypeSchema.optional(),
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

/** Statistics: disjoint populations only (one calendar year), see docs/adr/0007. */
export const ZStatisticsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** A stricter threshold than the default 5 may be asked for; never a laxer one. */
  k: z.coerce.number().int().min(5).max(20).optional(),
});
/**
 * The statistics as a file: by default the tables as on screen (Italian spreadsheets: CSV with
 * semicolons); `long` is one line per value, labels beside codes, for analysts.
 */
export const STATISTICS_LAYOUTS = ['tables', 'long'] as const;
export const ZStatisticsExportQuerySchema = ZStatisticsQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']),
  layout: z.enum(STATISTICS_LAYOUTS).default('tables'),
  lang: ZLocaleSchema.default('it'),
});

export const ZPublishedTableSchema = z.object({
  key: z.string(),
  /** crosstab: cells add up to the totals; shares: each cell is a share of its column's population. */
  kind: z.enum(['crosstab', 'shares']),
  rowDimension: z.string(),
  columnDimension: z.string(),
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  cells: z.array(z.array(z.number().int().nullable())),
  rowTotals: z.array(z.number().int().nullable()).nullable(),
  columnTotals: z.array(z.number().int().nullable()),
  total: z.number().int().nullable(),
});
export type TPublishedTable = z.infer<typeof ZPublishedTableSchema>;

export const ZDisclosureRuleSchema = z.object({
  k: z.number().int(),
  method: z.string(),
});

export const ZStatisticsSchema = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  rule: ZDisclosureRuleSchema,
  /**
   * The year counts fewer than k incidents (none included): that is all that is published, with
   * no table, whether asked for by URL or in January for the current year (ADR 0007).
   */
  underK: z.boolean(),
  generatedAt: z.string(),
  labels: z.record(z.string(), z.object({ it: z.string(), en: z.string() })),
  tables: z.array(ZPublishedTableSchema),
});
export type TStatistics = z.infer<typeof ZStatisticsSchema>;

export const ZTrainingFindingSchema = z.object({
  topic: z.enum([
    'violence_form',
    'context',
    'community',
    'language_interpreter',
    'service',
    'district_interpreter',
  ]),
  subject: z.string(),
  /** The published number the finding cites, with the table it comes from. */
  evidence: z.object({ table: z.string(), row: z.string(), column: z.string(), value: z.number().int() }),
  share: z.number().nullable(),
});
export const ZTrainingReportSchema = z.object({
  year: z.number().int(),
  rule: ZDisclosureRuleSchema,
  total: z.number().int().nullable(),
  findings: z.array(ZTrainingFindingSchema),
  labels: z.record(z.string(), z.object({ it: z.string(), en: z.string() })),
});
export type TTrainingReport = z.infer<typeof ZTrainingReportSchema>;
