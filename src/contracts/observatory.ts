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

/**
 * What an incident is recorded as: one of the six core types, or "non-GBV" when every question
 * is answered "no". GBVIMS keeps such incidents (the Incident Recorder's "Non-GBV"); the
 * observatory's tables never count them, they describe gender-based violence.
 */
export const NON_GBV = 'non_gbv';
export const INCIDENT_TYPES = [...CORE_TYPES, NON_GBV] as const;
export const ZIncidentTypeSchema = z.enum(INCIDENT_TYPES);
export type TIncidentType = z.infer<typeof ZIncidentTypeSchema>;
/** Why an incident outside the six types was recorded: a short list, the records hold no free text. */
export const NON_GBV_REASONS = [
  'other_violence',
  'conflict_without_abuse',
  'request_for_information',
  'other',
] as const;
export const ZNonGbvReasonSchema = z.enum(NON_GBV_REASONS);

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

/**
 * Forms of violence: the four of law 53/2022 (art. 2, 4), then those ISTAT's survey of
 * anti-violence centre users counts apart: threats, and technology-facilitated violence with the
 * non-consensual sharing of sexual images (art. 612-ter c.p.) on its own.
 */
export const VIOLENCE_FORMS = [
  'physical',
  'sexual',
  'psychological',
  'economic',
  'threats',
  'technology_facilitated',
  'non_consensual_images',
] as const;
export const ZViolenceFormSchema = z.enum(VIOLENCE_FORMS);
export type TViolenceForm = z.infer<typeof ZViolenceFormSchema>;

/**
 * The form a type always implies. Forced marriage implies none on its own; denial of resources
 * neither: GBVIMS' own examples (a girl kept from school, a woman denied contraception) are not
 * economic violence, so the form is only suggested (FORM_SUGGESTED_BY).
 */
export const FORM_IMPLIED_BY: Record<TIncidentType, TViolenceForm | null> = {
  rape: 'sexual',
  sexual_assault: 'sexual',
  physical_assault: 'physical',
  forced_marriage: null,
  denial_of_resources: null,
  psychological_abuse: 'psychological',
  non_gbv: null,
};
/** A form the form offers for a type, never forces. */
export const FORM_SUGGESTED_BY: Partial<Record<TIncidentType, TViolenceForm>> = {
  denial_of_resources: 'economic',
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

/**
 * ISTAT's age classes of anti-violence centre users. Derived from the age at the incident, or
 * when only the birth year is known from the age reached in the incident's year.
 */
export const ISTAT_AGE_CLASSES = [
  'under_16',
  '16_29',
  '30_39',
  '40_49',
  '50_59',
  '60_69',
  '70_plus',
] as const;
export type TIstatAgeClass = (typeof ISTAT_AGE_CLASSES)[number];
export function istatAgeClassOf(age: number): TIstatAgeClass {
  if (age < 16) return 'under_16';
  if (age < 30) return '16_29';
  if (age >= 70) return '70_plus';
  return `${Math.floor(age / 10) * 10}_${Math.floor(age / 10) * 10 + 9}` as TIstatAgeClass;
}

/** Whether a birth year fits a band in the incident's year (the birthday may not have come yet). */
export function ageBandFits({ band, birthYear, year }: { band: TAgeBand; birthYear: number; year: number }) {
  const [low, high] = AGE_BAND_RANGES[band];
  const oldest = year - birthYear;
  return oldest >= low && oldest - 1 <= high;
}

/** No default in any form: labels fit children too ("Donna o ragazza", "Uomo o ragazzo"). */
export const GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export const ZGenderSchema = z.enum(GENDERS);

/** Yes / no / not known, for facts a practitioner may not know. */
export const YES_NO_UNKNOWN = ['yes', 'no', 'not_known'] as const;
export const ZYesNoUnknownSchema = z.enum(YES_NO_UNKNOWN);

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

/**
 * Revictimisation risk factors (law 53/2022 art. 4 c. 2 lett. c; DPCM 24 November 2017, the
 * emergency departments' guidelines). The first five are the guidelines' brief risk assessment;
 * the rest are the factors of structured tools (SARA). Each is rated as the tools do: present,
 * possibly present or absent, now and in the past; a factor left out was not assessed.
 */
export const BRIEF_RISK_ITEMS = [
  'escalation_six_months',
  'weapon_threat',
  'belief_could_kill',
  'violence_in_pregnancy',
  'violent_jealousy',
] as const;
/**
 * The other factors keep the old list's codes and words ("escalation", "weapon", "jealousy and
 * control" are broader than the brief items), so an old answer keeps its meaning.
 */
export const RISK_FACTORS = [
  ...BRIEF_RISK_ITEMS,
  'previous_violence',
  'escalation',
  'weapon',
  'jealousy_control',
  'threats_to_kill',
  'strangulation',
  'recent_separation',
  'pregnancy',
  'substance_abuse',
  'protection_order_violated',
  'threats_to_children',
] as const;
export type TRiskFactor = (typeof RISK_FACTORS)[number];
export const ZRiskFactorSchema = z.enum(RISK_FACTORS);
export const RISK_LEVELS = ['present', 'possible', 'absent'] as const;
export const ZRiskLevelSchema = z.enum(RISK_LEVELS);
export const ZRiskRatingSchema = z.strictObject({
  now: ZRiskLevelSchema.nullable().optional(),
  past: ZRiskLevelSchema.nullable().optional(),
});
export const ZRiskAssessmentSchema = z.partialRecord(ZRiskFactorSchema, ZRiskRatingSchema);
export type TRiskAssessment = z.infer<typeof ZRiskAssessmentSchema>;
/** The codes of the old single list (before the risk assessment), for imports of old files. */
export const LEGACY_RISK_INDICATORS: Readonly<Record<string, { factor: TRiskFactor; when: 'now' | 'past' }>> =
  {
    previous_violence: { factor: 'previous_violence', when: 'past' },
    escalation: { factor: 'escalation', when: 'now' },
    threats_to_kill: { factor: 'threats_to_kill', when: 'now' },
    weapon: { factor: 'weapon', when: 'now' },
    strangulation: { factor: 'strangulation', when: 'now' },
    recent_separation: { factor: 'recent_separation', when: 'now' },
    jealousy_control: { factor: 'jealousy_control', when: 'now' },
    pregnancy: { factor: 'pregnancy', when: 'now' },
    substance_abuse: { factor: 'substance_abuse', when: 'now' },
    protection_order_violated: { factor: 'protection_order_violated', when: 'now' },
    threats_to_children: { factor: 'threats_to_children', when: 'now' },
  };

/** Harmful traditional practices the Incident Recorder names; `not_recorded` only for old records. */
export const HARMFUL_PRACTICE_TYPES = ['fgm', 'child_marriage', 'honour_crime', 'other'] as const;
export const ZHarmfulPracticeTypeSchema = z.enum(HARMFUL_PRACTICE_TYPES);
export const STORED_HARMFUL_PRACTICE_TYPES = [...HARMFUL_PRACTICE_TYPES, 'not_recorded'] as const;
/** The Incident Recorder's "Abduction status at time of the incident". */
export const ABDUCTION_STATUSES = [
  'none',
  'trafficked',
  'forced_conscription',
  'other_abduction',
  'not_known',
] as const;
export const ZAbductionSchema = z.enum(ABDUCTION_STATUSES);

/** Whom she turned to before this service (ISTAT survey of centre users; several answers). */
export const HELP_SOURCES = [
  'nobody',
  'family',
  'friends',
  'police',
  'emergency_room',
  'gp_paediatrician',
  'social_services',
  'lawyers',
  'helpline_1522',
  'religious_community',
  'other',
] as const;
export const ZHelpSourceSchema = z.enum(HELP_SOURCES);
/** Who sent her here (several answers); "service" names which in `referredByServices`. */
export const REFERRERS = ['self', 'relatives_friends', 'service'] as const;
export const ZReferrerSchema = z.enum(REFERRERS);

/** Author data ISTAT's survey publishes. */
export const AUTHOR_ADDICTIONS = ['alcohol', 'drugs', 'gambling', 'other', 'none'] as const;
export const ZAuthorAddictionSchema = z.enum(AUTHOR_ADDICTIONS);
export const PROTECTION_ORDERS = [
  'police_warning',
  'removal_from_home',
  'restraining_order',
  'other',
  'none',
] as const;
export const ZProtectionOrderSchema = z.enum(PROTECTION_ORDERS);

/**
 * The Incident Recorder's computed contexts, derived from the record: early marriage is a forced
 * marriage of a minor at the time; possible sexual exploitation and slavery are rape or sexual
 * assault with money exchanged, or with the survivor abducted at the time (trafficked, forcibly
 * conscripted or otherwise), as the Incident Recorder computes them.
 */
export const CONTEXTS = [
  'intimate_partner_violence',
  'child_sexual_abuse',
  'early_marriage',
  'harmful_traditional_practice',
  'possible_sexual_exploitation',
  'possible_sexual_slavery',
] as const;
export type TContext = (typeof CONTEXTS)[number];

/** Kinds of service along a survivor's pathway (who sent her, referrals). */
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

/** Statistics: disjoint populations only (one calendar year), see docs/adr/0007. */
export const ZStatisticsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  // No threshold from the request: one k for every output (ADR 0007), so a `k` is refused.
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

/** What a table counts: incidents, or people (distinct survivor codes per service and year). */
export const COUNT_UNITS = ['incidents', 'survivors'] as const;
export const ZPublishedTableSchema = z.object({
  key: z.string(),
  unit: z.enum(COUNT_UNITS),
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
