import {
  answersFor,
  CLASSIFICATION_QUESTIONS,
  classifyIncident,
  FORM_IMPLIED_BY,
  HARMFUL_PRACTICE_TYPES,
  NON_GBV,
  neverAskedOf as neverAskedOfRecord,
  RISK_FACTORS,
  type TClassification,
  type TClassificationKey,
  type TIncident,
  type TIncidentInput,
  type TIncidentType,
  type TLaterQuestion,
  type TRiskAssessment,
  type TRiskFactor,
} from '../../../contracts/index.js';

/**
 * The incident form works on strings and flags (what selects, radios and checkboxes hold); the
 * contract's input is built from them on submit. An empty select is "not stated" (null).
 */
export type YesNo = '' | 'yes' | 'no';

/** One risk factor as the form holds it: each rating a code, or '' for "not assessed". */
export interface RiskRatingValues {
  now: string;
  past: string;
}

export interface IncidentFormValues {
  survivorReference: string;
  age: string;
  birthYear: string;
  ageBand: string;
  gender: string;
  disability: string;
  citizenship: string;
  yearsInItaly: string;
  language: string;
  interpreterNeeded: YesNo;
  interpreterUsed: YesNo;
  incidentMonth: string;
  municipality: string;
  classification: Record<TClassificationKey, YesNo>;
  nonGbvReason: string;
  forms: string[];
  stalking: boolean;
  childrenPresent: boolean;
  childrenWitnessed: boolean;
  harmfulPractice: YesNo;
  harmfulPracticeType: string;
  moneyExchanged: string;
  abduction: string;
  authorRelationship: string;
  authorAddictions: string[];
  authorPreviousComplaints: string;
  protectionOrders: string[];
  riskAssessment: Record<TRiskFactor, RiskRatingValues>;
  soughtHelpFrom: string[];
  referredBy: string[];
  referredByServices: string[];
  referredTo: string[];
  servicesProvided: string[];
  consentReporting: boolean;
}

/**
 * Form fields a server error can name directly, in the form's order (the error summary follows
 * it; the classification's own errors are shown by the helper, before `nonGbvReason`).
 */
export const FORM_FIELDS = [
  'survivorReference',
  'age',
  'birthYear',
  'ageBand',
  'gender',
  'disability',
  'citizenship',
  'yearsInItaly',
  'language',
  'interpreterNeeded',
  'interpreterUsed',
  'incidentMonth',
  'municipality',
  'nonGbvReason',
  'harmfulPractice',
  'harmfulPracticeType',
  'forms',
  'stalking',
  'childrenPresent',
  'childrenWitnessed',
  'moneyExchanged',
  'abduction',
  'authorRelationship',
  'authorAddictions',
  'authorPreviousComplaints',
  'protectionOrders',
  'riskAssessment',
  'soughtHelpFrom',
  'referredBy',
  'referredByServices',
  'referredTo',
  'servicesProvided',
  'consentReporting',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The element of each field, where the error summary's link moves focus (the sections' ids). */
export const FIELD_ELEMENT_IDS: Record<FormField, string> = {
  survivorReference: 'incident-survivor-reference',
  age: 'incident-age',
  birthYear: 'incident-birth-year',
  ageBand: 'incident-age-band',
  gender: 'incident-gender',
  disability: 'incident-disability',
  citizenship: 'incident-citizenship',
  yearsInItaly: 'incident-years-in-italy',
  language: 'incident-language',
  interpreterNeeded: 'incident-interpreter-needed',
  interpreterUsed: 'incident-interpreter-used',
  incidentMonth: 'incident-month',
  municipality: 'incident-municipality',
  nonGbvReason: 'incident-non-gbv-reason',
  forms: 'incident-forms',
  stalking: 'incident-stalking',
  childrenPresent: 'incident-children-present',
  childrenWitnessed: 'incident-children-witnessed',
  harmfulPractice: 'incident-harmful-practice',
  harmfulPracticeType: 'incident-harmful-practice-type',
  moneyExchanged: 'incident-money-exchanged',
  abduction: 'incident-abduction',
  authorRelationship: 'incident-author-relationship',
  authorAddictions: 'incident-author-addictions',
  authorPreviousComplaints: 'incident-author-previous-complaints',
  protectionOrders: 'incident-protection-orders',
  riskAssessment: 'incident-risk',
  soughtHelpFrom: 'incident-sought-help-from',
  referredBy: 'incident-referred-by',
  referredByServices: 'incident-referred-by-services',
  referredTo: 'incident-referred-to',
  servicesProvided: 'incident-services-provided',
  consentReporting: 'incident-consent',
};

/** Answers that stand alone in their list: choosing one clears the others, and the reverse. */
export const EXCLUSIVE_ANSWERS = {
  soughtHelpFrom: 'nobody',
  authorAddictions: 'none',
  protectionOrders: 'none',
} as const;

/**
 * A multi-answer list after a click, keeping an exclusive answer ("nobody", "none") alone: the
 * answer just chosen wins, so ticking "none" clears the others and ticking another clears "none".
 */
export function withExclusive(next: readonly string[], previous: readonly string[], alone: string): string[] {
  if (next.includes(alone) && !previous.includes(alone)) return [alone];
  return next.filter((value) => value !== alone || next.length === 1);
}

const NO_ANSWERS = Object.fromEntries(CLASSIFICATION_QUESTIONS.map((q) => [q.key, ''])) as Record<
  TClassificationKey,
  YesNo
>;

const NOT_ASSESSED = (): Record<TRiskFactor, RiskRatingValues> =>
  Object.fromEntries(RISK_FACTORS.map((factor) => [factor, { now: '', past: '' }])) as Record<
    TRiskFactor,
    RiskRatingValues
  >;

const yesNo = (value: boolean | null | undefined): YesNo =>
  value === true ? 'yes' : value === false ? 'no' : '';
const flag = (value: YesNo): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);
const orNull = (value: string): string | null => (value.trim() === '' ? null : value);
const numberOrNull = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/**
 * A new incident assumes nothing: the month and the gender, like every other answer, are chosen
 * by the person recording it (a value filled in for them would be counted unchecked).
 */
export function newIncidentValues(): IncidentFormValues {
  return {
    survivorReference: '',
    age: '',
    birthYear: '',
    ageBand: '',
    gender: '',
    disability: '',
    citizenship: '',
    yearsInItaly: '',
    language: '',
    interpreterNeeded: '',
    interpreterUsed: '',
    incidentMonth: '',
    municipality: '',
    classification: { ...NO_ANSWERS },
    nonGbvReason: '',
    forms: [],
    stalking: false,
    childrenPresent: false,
    childrenWitnessed: false,
    harmfulPractice: '',
    harmfulPracticeType: '',
    moneyExchanged: '',
    abduction: '',
    authorRelationship: '',
    authorAddictions: [],
    authorPreviousComplaints: '',
    protectionOrders: [],
    riskAssessment: NOT_ASSESSED(),
    soughtHelpFrom: [],
    referredBy: [],
    referredByServices: [],
    referredTo: [],
    servicesProvided: [],
    consentReporting: false,
  };
}

/** The later questions an old record never answered (the server's own rule). */
export function neverAskedOf(incident: TIncident | null): TLaterQuestion[] {
  return incident ? neverAskedOfRecord(incident) : [];
}

/**
 * The kinds of harmful practice offered. "Kind not recorded" only for the old record that has it
 * stored: there it stays a choice (back to it after trying a kind), never for a new answer.
 */
export function harmfulPracticeChoices(neverAsked: readonly TLaterQuestion[]): string[] {
  return neverAsked.includes('harmfulPracticeType')
    ? [...HARMFUL_PRACTICE_TYPES, 'not_recorded']
    : [...HARMFUL_PRACTICE_TYPES];
}

/** The answers that lead to a stored type: six "no" for an incident outside the six types. */
function answersOf(type: TIncidentType | null): TClassification {
  if (!type) return {};
  if (type === NON_GBV) return Object.fromEntries(CLASSIFICATION_QUESTIONS.map((q) => [q.key, false]));
  return answersFor(type);
}

/** A stored incident as form values; its type is shown as the answers that lead to it. */
export function incidentToValues(incident: TIncident): IncidentFormValues {
  const answers = answersOf(incident.coreType);
  const risk = NOT_ASSESSED();
  for (const factor of RISK_FACTORS) {
    const rating = incident.riskAssessment[factor];
    risk[factor] = { now: rating?.now ?? '', past: rating?.past ?? '' };
  }
  return {
    survivorReference: '',
    age: incident.age === null ? '' : String(incident.age),
    birthYear: incident.birthYear === null ? '' : String(incident.birthYear),
    // With the age known, the band follows from it and is not asked.
    ageBand: incident.age === null ? (incident.ageBand ?? '') : '',
    gender: incident.gender ?? '',
    disability: incident.disability ?? '',
    citizenship: incident.citizenship ?? '',
    yearsInItaly: incident.yearsInItaly ?? '',
    language: incident.language ?? '',
    interpreterNeeded: yesNo(incident.interpreterNeeded),
    interpreterUsed: yesNo(incident.interpreterUsed),
    incidentMonth: incident.incidentMonth ?? '',
    municipality: incident.municipality ?? '',
    classification: Object.fromEntries(
      CLASSIFICATION_QUESTIONS.map((q) => [q.key, yesNo(answers[q.key])]),
    ) as Record<TClassificationKey, YesNo>,
    nonGbvReason: incident.nonGbvReason ?? '',
    forms: [...incident.forms],
    stalking: incident.stalking,
    childrenPresent: incident.childrenPresent,
    childrenWitnessed: incident.childrenWitnessed,
    harmfulPractice: yesNo(incident.harmfulPractice),
    // `not_recorded` (an old record) is shown as such and kept unless a kind is chosen.
    harmfulPracticeType: incident.harmfulPractice ? (incident.harmfulPracticeType ?? '') : '',
    moneyExchanged: incident.moneyExchanged ?? '',
    abduction: incident.abduction ?? '',
    authorRelationship: incident.authorRelationship ?? '',
    authorAddictions: [...incident.authorAddictions],
    authorPreviousComplaints: incident.authorPreviousComplaints ?? '',
    protectionOrders: [...incident.protectionOrders],
    riskAssessment: risk,
    soughtHelpFrom: [...incident.soughtHelpFrom],
    referredBy: [...incident.referredBy],
    referredByServices: [...incident.referredByServices],
    referredTo: [...incident.referredTo],
    servicesProvided: [...incident.servicesProvided],
    consentReporting: incident.consentReporting,
  };
}

/** The answers given, in order, up to the first "yes" or the first question left open. */
export function answeredClassification(answers: Record<TClassificationKey, YesNo>): TClassification {
  const given: TClassification = {};
  for (const { key } of CLASSIFICATION_QUESTIONS) {
    const answer = flag(answers[key]);
    if (answer === null) break;
    given[key] = answer;
    if (answer) break;
  }
  return given;
}

export function classificationOf(answers: Record<TClassificationKey, YesNo>) {
  return classifyIncident(answeredClassification(answers));
}

/** The type the answers give so far: a core type, non-GBV after six "no", or none yet. */
export function incidentTypeOf(answers: Record<TClassificationKey, YesNo>): TIncidentType | null {
  const result = classificationOf(answers);
  if (result.kind === 'type') return result.coreType;
  return result.kind === 'not-gbv' ? NON_GBV : null;
}

/** The form a type always includes (ticked by the form), or null. */
export function impliedForm(type: TIncidentType | null) {
  return type ? FORM_IMPLIED_BY[type] : null;
}

/**
 * GBVIMS: female genital mutilation is sexual assault (question 2), or rape with penetration;
 * physical assault excludes it. The server refuses any other type; the form says so first.
 */
export function fgmConflict(
  values: Pick<IncidentFormValues, 'harmfulPractice' | 'harmfulPracticeType'>,
  type: TIncidentType | null,
) {
  return (
    values.harmfulPractice === 'yes' &&
    values.harmfulPracticeType === 'fgm' &&
    type !== null &&
    type !== 'rape' &&
    type !== 'sexual_assault'
  );
}

/** Whether the age band is asked: only when the year of birth, not the age, is known (or a band is stored). */
export function asksAgeBand(values: Pick<IncidentFormValues, 'age' | 'birthYear' | 'ageBand'>) {
  return values.age.trim() === '' && (values.birthYear.trim() !== '' || values.ageBand !== '');
}

function riskAssessmentOf(values: IncidentFormValues['riskAssessment']): TRiskAssessment {
  const assessment: TRiskAssessment = {};
  for (const factor of RISK_FACTORS) {
    const { now, past } = values[factor];
    // A factor with neither rating was not assessed: it is left out.
    if (!now && !past) continue;
    assessment[factor] = {
      ...(now ? { now } : {}),
      ...(past ? { past } : {}),
    } as TRiskAssessment[TRiskFactor];
  }
  return assessment;
}

/**
 * The request body. Codes arrive as the form's strings and the server validates every one, so
 * the casts only narrow what the select options already limit.
 */
export function valuesToInput(values: IncidentFormValues, status: 'draft' | 'recorded'): TIncidentInput {
  const classification = answeredClassification(values.classification);
  const type = incidentTypeOf(values.classification);
  const interpreterNeeded = flag(values.interpreterNeeded);
  const harmfulPractice = flag(values.harmfulPractice);
  const reference = values.survivorReference.trim();
  const age = numberOrNull(values.age);
  const viaService = values.referredBy.includes('service');
  const input = {
    status,
    ...(reference ? { survivorReference: reference } : {}),
    incidentMonth: orNull(values.incidentMonth),
    age,
    // With the age, the server derives the band; it is asked only when the birth year is known.
    ageBand: age === null ? orNull(values.ageBand) : null,
    birthYear: numberOrNull(values.birthYear),
    gender: orNull(values.gender),
    disability: orNull(values.disability),
    citizenship: orNull(values.citizenship),
    yearsInItaly: orNull(values.yearsInItaly),
    language: orNull(values.language),
    interpreterNeeded,
    interpreterUsed: interpreterNeeded ? flag(values.interpreterUsed) : null,
    municipality: orNull(values.municipality),
    ...(Object.keys(classification).length > 0 ? { classification } : {}),
    nonGbvReason: type === NON_GBV ? orNull(values.nonGbvReason) : null,
    forms: values.forms,
    stalking: values.stalking,
    // Two independent facts (law 53/2022): children at the scene, children who witnessed.
    childrenPresent: values.childrenPresent,
    childrenWitnessed: values.childrenWitnessed,
    ...(harmfulPractice === null ? {} : { harmfulPractice }),
    // An old record's "kind not recorded" goes back as it is: the server takes it only from a
    // record that has it stored, and a kind chosen replaces it.
    harmfulPracticeType: harmfulPractice ? orNull(values.harmfulPracticeType) : null,
    moneyExchanged: orNull(values.moneyExchanged),
    abduction: orNull(values.abduction),
    authorRelationship: orNull(values.authorRelationship),
    authorAddictions: values.authorAddictions,
    authorPreviousComplaints: orNull(values.authorPreviousComplaints),
    protectionOrders: values.protectionOrders,
    riskAssessment: riskAssessmentOf(values.riskAssessment),
    soughtHelpFrom: values.soughtHelpFrom,
    referredBy: values.referredBy,
    referredByServices: viaService ? values.referredByServices : [],
    referredTo: values.referredTo,
    servicesProvided: values.servicesProvided,
    consentReporting: values.consentReporting,
  };
  return input as TIncidentInput;
}
