import {
  answersFor,
  CLASSIFICATION_QUESTIONS,
  classifyIncident,
  type TClassification,
  type TClassificationKey,
  type TIncident,
  type TIncidentInput,
} from '../../../contracts/index.js';

/**
 * The incident form works on strings and flags (what selects, radios and checkboxes hold); the
 * contract's input is built from them on submit. An empty select is "not stated" (null).
 */
export type YesNo = '' | 'yes' | 'no';

export interface IncidentFormValues {
  survivorReference: string;
  ageBand: string;
  birthYear: string;
  gender: string;
  citizenship: string;
  yearsInItaly: string;
  language: string;
  interpreterNeeded: YesNo;
  interpreterUsed: YesNo;
  incidentMonth: string;
  municipality: string;
  classification: Record<TClassificationKey, YesNo>;
  forms: string[];
  stalking: boolean;
  childrenPresent: boolean;
  childrenWitnessed: boolean;
  authorRelationship: string;
  riskIndicators: string[];
  harmfulPractice: boolean;
  firstContact: string;
  referredTo: string[];
  servicesProvided: string[];
  consentReporting: boolean;
}

/** Form fields a server error can name directly (classification errors are shown by the helper). */
export const FORM_FIELDS = [
  'survivorReference',
  'ageBand',
  'birthYear',
  'gender',
  'citizenship',
  'yearsInItaly',
  'language',
  'interpreterNeeded',
  'interpreterUsed',
  'incidentMonth',
  'municipality',
  'forms',
  'stalking',
  'childrenPresent',
  'childrenWitnessed',
  'authorRelationship',
  'riskIndicators',
  'harmfulPractice',
  'firstContact',
  'referredTo',
  'servicesProvided',
  'consentReporting',
] as const;

/** The element of each field, where the error summary's link moves focus (the sections' ids). */
export const FIELD_ELEMENT_IDS: Record<(typeof FORM_FIELDS)[number], string> = {
  survivorReference: 'incident-survivor-reference',
  ageBand: 'incident-age-band',
  birthYear: 'incident-birth-year',
  gender: 'incident-gender',
  citizenship: 'incident-citizenship',
  yearsInItaly: 'incident-years-in-italy',
  language: 'incident-language',
  interpreterNeeded: 'incident-interpreter-needed',
  interpreterUsed: 'incident-interpreter-used',
  incidentMonth: 'incident-month',
  municipality: 'incident-municipality',
  forms: 'incident-forms',
  stalking: 'incident-stalking',
  childrenPresent: 'incident-children-present',
  childrenWitnessed: 'incident-children-witnessed',
  authorRelationship: 'incident-author-relationship',
  riskIndicators: 'incident-risk',
  harmfulPractice: 'incident-harmful-practice',
  firstContact: 'incident-first-contact',
  referredTo: 'incident-referred-to',
  servicesProvided: 'incident-services-provided',
  consentReporting: 'incident-consent',
};

const NO_ANSWERS = Object.fromEntries(CLASSIFICATION_QUESTIONS.map((q) => [q.key, ''])) as Record<
  TClassificationKey,
  YesNo
>;

const yesNo = (value: boolean | null | undefined): YesNo =>
  value === true ? 'yes' : value === false ? 'no' : '';
const flag = (value: YesNo): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);
const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

/**
 * A new incident assumes nothing: the month and the gender, like every other answer, are chosen
 * by the person recording it (a value filled in for them would be counted unchecked).
 */
export function newIncidentValues(): IncidentFormValues {
  return {
    survivorReference: '',
    ageBand: '',
    birthYear: '',
    gender: '',
    citizenship: '',
    yearsInItaly: '',
    language: '',
    interpreterNeeded: '',
    interpreterUsed: '',
    incidentMonth: '',
    municipality: '',
    classification: { ...NO_ANSWERS },
    forms: [],
    stalking: false,
    childrenPresent: false,
    childrenWitnessed: false,
    authorRelationship: '',
    riskIndicators: [],
    harmfulPractice: false,
    firstContact: '',
    referredTo: [],
    servicesProvided: [],
    consentReporting: false,
  };
}

/** A stored incident as form values; its type is shown as the answers that lead to it. */
export function incidentToValues(incident: TIncident): IncidentFormValues {
  const answers = incident.coreType ? answersFor(incident.coreType) : {};
  return {
    survivorReference: '',
    ageBand: incident.ageBand ?? '',
    birthYear: incident.birthYear === null ? '' : String(incident.birthYear),
    gender: incident.gender ?? '',
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
    forms: [...incident.forms],
    stalking: incident.stalking,
    childrenPresent: incident.childrenPresent,
    childrenWitnessed: incident.childrenWitnessed,
    authorRelationship: incident.authorRelationship ?? '',
    riskIndicators: [...incident.riskIndicators],
    harmfulPractice: incident.harmfulPractice,
    firstContact: incident.firstContact ?? '',
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

/**
 * The request body. Codes arrive as the form's strings and the server validates every one, so
 * the casts only narrow what the select options already limit.
 */
export function valuesToInput(values: IncidentFormValues, status: 'draft' | 'recorded'): TIncidentInput {
  const classification = answeredClassification(values.classification);
  const interpreterNeeded = flag(values.interpreterNeeded);
  const reference = values.survivorReference.trim();
  const birthYear = values.birthYear.trim();
  const input = {
    status,
    ...(reference ? { survivorReference: reference } : {}),
    incidentMonth: orNull(values.incidentMonth),
    ageBand: orNull(values.ageBand),
    birthYear: birthYear === '' ? null : Number(birthYear),
    gender: orNull(values.gender),
    citizenship: orNull(values.citizenship),
    yearsInItaly: orNull(values.yearsInItaly),
    language: orNull(values.language),
    interpreterNeeded,
    interpreterUsed: interpreterNeeded ? flag(values.interpreterUsed) : null,
    municipality: orNull(values.municipality),
    ...(Object.keys(classification).length > 0 ? { classification } : {}),
    forms: values.forms,
    stalking: values.stalking,
    // Children who witnessed the violence were there.
    childrenPresent: values.childrenPresent || values.childrenWitnessed,
    childrenWitnessed: values.childrenWitnessed,
    authorRelationship: orNull(values.authorRelationship),
    riskIndicators: values.riskIndicators,
    harmfulPractice: values.harmfulPractice,
    firstContact: orNull(values.firstContact),
    referredTo: values.referredTo,
    servicesProvided: values.servicesProvided,
    consentReporting: values.consentReporting,
  };
  return input as TIncidentInput;
}
