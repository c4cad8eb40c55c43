import {
  ABDUCTION_STATUSES,
  AGE_BANDS,
  AUTHOR_ADDICTIONS,
  AUTHOR_RELATIONSHIPS,
  GENDERS,
  HARMFUL_PRACTICE_TYPES,
  HELP_SOURCES,
  INCIDENT_TYPES,
  LEGACY_RISK_INDICATORS,
  NON_GBV_REASONS,
  PATHWAY_SERVICES,
  PROTECTION_ORDERS,
  REFERRERS,
  REQUIRED_WHEN_RECORDED,
  RISK_FACTORS,
  SERVICES_PROVIDED,
  VIOLENCE_FORMS,
  YEARS_IN_ITALY,
  YES_NO_UNKNOWN,
} from '../../../contracts/observatory.js';
import type { ColumnKind, ColumnRequirement } from './observatory.import-vocabulary.js';

/** The register's own number for the incident (optional column), see observatory.import.ts. */
export const ENTRY_COLUMN = 'registerEntry';

/** The register's columns (observatory.import-vocabulary.ts reads them into ImportColumn): the table and its requirements. */
const choice = (group: string, codes: readonly string[]): ColumnKind => ({ type: 'choice', group, codes });
const list = (group: string, codes: readonly string[]): ColumnKind => ({ type: 'list', group, codes });

/**
 * The six columns of the risk assessment (ZRiskAssessmentSchema: each factor present, possibly
 * present or absent, now and in the past): one list of factors per level and period. A factor in
 * none of a period's three columns was not assessed for that period.
 */
export const RISK_COLUMNS = [
  { field: 'riskPresentNow', when: 'now', level: 'present' },
  { field: 'riskPossibleNow', when: 'now', level: 'possible' },
  { field: 'riskAbsentNow', when: 'now', level: 'absent' },
  { field: 'riskPresentPast', when: 'past', level: 'present' },
  { field: 'riskPossiblePast', when: 'past', level: 'possible' },
  { field: 'riskAbsentPast', when: 'past', level: 'absent' },
] as const;

/** The old single risk list (read into the assessment) and the old "first contact" (read into whom she turned to). */
export const LEGACY_RISK_COLUMN = 'riskIndicators';
export const LEGACY_FIRST_CONTACT_COLUMN = 'firstContact';

export interface ColumnSpec {
  field: string;
  kind: ColumnKind;
  /** The form's label key (under `incidents.`); without it, or when the form has none, the import's own. */
  label?: string;
  aliases?: string[];
  /** The form's hint key; without it, or when the form has none, the import's own, if any. */
  hint?: string;
  /** The import's own hint (`incidentImport.hints.`), when the form's does not say what a register needs. */
  ownHint?: string;
  legacy?: true;
}

/**
 * The columns in the form's order. `label` is the form's label key; the core type has no field of
 * its own in the form (the classification helper gives it), so it takes the list's column title.
 */
export const COLUMN_SPECS: ColumnSpec[] = [
  {
    field: 'survivorReference',
    kind: { type: 'text' },
    label: 'form.survivorReference',
    hint: 'form.survivorReferenceHint',
  },
  {
    field: ENTRY_COLUMN,
    kind: { type: 'text' },
    label: 'import.registerEntry',
    hint: 'import.registerEntryHint',
  },
  { field: 'age', kind: { type: 'number', min: 0, max: 120 }, label: 'form.age', ownHint: 'age' },
  { field: 'ageBand', kind: choice('ageBand', AGE_BANDS), label: 'form.ageBand', ownHint: 'ageBand' },
  { field: 'birthYear', kind: { type: 'year' }, label: 'form.birthYear', ownHint: 'birthYear' },
  { field: 'gender', kind: choice('gender', GENDERS), label: 'form.gender' },
  { field: 'citizenship', kind: { type: 'reference', list: 'countries' }, label: 'form.citizenship' },
  { field: 'yearsInItaly', kind: choice('yearsInItaly', YEARS_IN_ITALY), label: 'form.yearsInItaly' },
  { field: 'language', kind: { type: 'reference', list: 'languages' }, label: 'form.language' },
  { field: 'disability', kind: choice('yesNoUnknown', YES_NO_UNKNOWN), label: 'form.disability' },
  { field: 'interpreterNeeded', kind: { type: 'yesNo' }, label: 'form.interpreterNeeded' },
  { field: 'interpreterUsed', kind: { type: 'yesNo' }, label: 'form.interpreterUsed' },
  {
    field: 'incidentMonth',
    kind: { type: 'month' },
    label: 'form.incidentMonth',
    aliases: ['columns.month'],
  },
  {
    field: 'municipality',
    kind: { type: 'reference', list: 'municipalities' },
    label: 'form.municipality',
  },
  {
    field: 'coreType',
    kind: choice('coreType', INCIDENT_TYPES),
    label: 'columns.coreType',
    aliases: ['list.coreType'],
    ownHint: 'coreType',
  },
  {
    field: 'nonGbvReason',
    kind: choice('nonGbvReason', NON_GBV_REASONS),
    label: 'form.nonGbvReason',
    ownHint: 'nonGbvReason',
  },
  { field: 'forms', kind: list('violenceForm', VIOLENCE_FORMS), label: 'form.forms', ownHint: 'forms' },
  { field: 'stalking', kind: { type: 'flag' }, label: 'form.stalking' },
  {
    field: 'childrenPresent',
    kind: { type: 'flag' },
    label: 'form.childrenPresent',
    hint: 'form.childrenPresentHint',
    ownHint: 'childrenPresent',
  },
  {
    field: 'childrenWitnessed',
    kind: { type: 'flag' },
    label: 'form.childrenWitnessed',
    hint: 'form.childrenWitnessedHint',
    ownHint: 'childrenWitnessed',
  },
  { field: 'harmfulPractice', kind: { type: 'flag' }, label: 'form.harmfulPractice' },
  {
    field: 'harmfulPracticeType',
    kind: choice('harmfulPracticeType', HARMFUL_PRACTICE_TYPES),
    label: 'form.harmfulPracticeType',
    ownHint: 'harmfulPracticeType',
  },
  {
    field: 'moneyExchanged',
    kind: choice('yesNoUnknown', YES_NO_UNKNOWN),
    label: 'form.moneyExchanged',
    ownHint: 'moneyExchanged',
  },
  {
    field: 'abduction',
    kind: choice('abduction', ABDUCTION_STATUSES),
    label: 'form.abduction',
    ownHint: 'abduction',
  },
  {
    field: 'authorRelationship',
    kind: choice('authorRelationship', AUTHOR_RELATIONSHIPS),
    label: 'form.authorRelationship',
  },
  {
    field: 'authorAddictions',
    kind: list('authorAddiction', AUTHOR_ADDICTIONS),
    label: 'form.authorAddictions',
  },
  {
    field: 'authorPreviousComplaints',
    kind: choice('yesNoUnknown', YES_NO_UNKNOWN),
    label: 'form.authorPreviousComplaints',
  },
  {
    field: 'protectionOrders',
    kind: list('protectionOrder', PROTECTION_ORDERS),
    label: 'form.protectionOrders',
  },
  ...RISK_COLUMNS.map(
    ({ field }): ColumnSpec => ({ field, kind: list('riskFactor', RISK_FACTORS), ownHint: 'risk' }),
  ),
  { field: 'soughtHelpFrom', kind: list('helpSource', HELP_SOURCES), label: 'form.soughtHelpFrom' },
  { field: 'referredBy', kind: list('referrer', REFERRERS), label: 'form.referredBy' },
  {
    field: 'referredByServices',
    kind: list('pathwayService', PATHWAY_SERVICES),
    label: 'form.referredByServices',
  },
  { field: 'referredTo', kind: list('pathwayService', PATHWAY_SERVICES), label: 'form.referredTo' },
  {
    field: 'servicesProvided',
    kind: list('serviceProvided', SERVICES_PROVIDED),
    label: 'form.servicesProvided',
  },
  {
    field: 'consentReporting',
    kind: { type: 'flag' },
    label: 'form.consentReporting',
    aliases: ['columns.consent'],
    hint: 'form.consentHint',
  },
  {
    field: LEGACY_RISK_COLUMN,
    kind: list('riskIndicator', Object.keys(LEGACY_RISK_INDICATORS)),
    legacy: true,
  },
  { field: LEGACY_FIRST_CONTACT_COLUMN, kind: choice('pathwayService', PATHWAY_SERVICES), legacy: true },
];

/**
 * Headers of registers written before issue 16, for the columns whose label the form changed:
 * a register keeps the header it was written with. Read, never written.
 */
export const FORMER_HEADERS: Record<string, string[]> = {
  childrenPresent: ['Minori presenti', 'Children present'],
  childrenWitnessed: [
    'Minori testimoni della violenza (violenza assistita)',
    'Children witnessed the violence',
  ],
  harmfulPractice: [
    'Pratica tradizionale dannosa (ad esempio mutilazioni genitali femminili)',
    'Harmful traditional practice (for example female genital mutilation)',
    'Pratica tradizionale dannosa',
    'Harmful traditional practice',
  ],
};

/** Multi-answer lists where one answer stands alone ("Nessuno", "Nessuna dipendenza"): the legend says so. */
export const EXCLUSIVE_ANSWERS: Record<string, string> = {
  soughtHelpFrom: 'nobody',
  authorAddictions: 'none',
  protectionOrders: 'none',
};

/** Which columns' requirement is not the plain "always" or "no". */
export const REQUIREMENTS: Record<string, ColumnRequirement> = {
  age: 'ageOrBirthYear',
  birthYear: 'ageOrBirthYear',
  ageBand: 'unlessAge',
  forms: 'unlessNonGbv',
  interpreterUsed: 'ifInterpreter',
  nonGbvReason: 'ifNonGbv',
  harmfulPracticeType: 'ifHarmfulPractice',
  referredByServices: 'ifReferredByService',
};
/** Fields an imported (recorded) incident needs in every row: the contract's list and the ones it checks apart. */
export const ALWAYS = new Set<string>([
  ...REQUIRED_WHEN_RECORDED,
  'survivorReference',
  'coreType',
  'consentReporting',
  'referredBy',
]);
