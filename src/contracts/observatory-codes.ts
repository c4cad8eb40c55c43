import { z } from 'zod';

/**
 * The observatory's code lists and the GBVIMS classification (docs/observatory-data.md §3–4);
 * the incident record and its rules are in observatory.ts.
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
