/**
 * How the observatory's statistics read, on screen and in the exported files alike: the order of
 * the tables and where each dimension's codes find their words.
 */

/**
 * The dashboard's sections in reading order, with their tables: the screen and the exported
 * files list the tables in this one order. A table not named here comes last ("other").
 */
export const STATISTICS_GROUPS = [
  { key: 'types', tables: ['forms', 'contexts', 'stalking', 'risk'] },
  {
    key: 'people',
    tables: [
      'survivors',
      'age-by-gender',
      'country',
      'citizenship',
      'years-in-italy',
      'disability',
      'relationship',
      'author',
      'children',
    ],
  },
  { key: 'territory', tables: ['type-by-district', 'recording-service'] },
  { key: 'interpreters', tables: ['interpreter-by-district', 'language-by-interpreter'] },
  { key: 'pathways', tables: ['sought-help', 'referred-by', 'referred-to', 'provided'] },
  { key: 'trend', tables: ['trend'] },
] as const;

/**
 * Where the codes of a table dimension are named, as a key of the operator app's catalogues (a
 * code list in `enums`, or the observatory's messages), so the screen and the files say the same.
 * A dimension whose codes come from two lists names both, looked up in order (who sent her here:
 * herself or her relatives in `referrer`, the services in `pathwayService`).
 * Districts, countries and languages are data (their names come in `labels`); months are dates.
 */
export const DIMENSION_CODE_LABELS: Readonly<Record<string, string | readonly string[]>> = {
  coreType: 'enums.coreType',
  ageBand: 'enums.ageBand',
  survivors: 'observatory.survivorsRows',
  people: 'observatory.people',
  gender: 'enums.gender',
  citizenshipGroup: 'enums.citizenshipGroup',
  yearsInItaly: 'enums.yearsInItaly',
  disability: 'enums.yesNoUnknown',
  authorRelationship: 'enums.authorRelationship',
  author: 'observatory.author',
  helpSource: 'enums.helpSource',
  referredBy: ['enums.referrer', 'enums.pathwayService'],
  referredTo: 'enums.pathwayService',
  recordingService: 'enums.serviceKind',
  interpreter: 'enums.interpreterStatus',
  form: 'enums.violenceForm',
  context: 'enums.context',
  childrenPresent: 'observatory.childrenPresent',
  childrenWitnessed: 'observatory.childrenWitnessed',
  stalking: 'observatory.stalking',
  riskFactor: 'enums.riskFactor',
  serviceProvided: 'enums.serviceProvided',
};

/** The catalogue keys that may name a code of a dimension, in the order to try them. */
export function codeLabelKeys(dimension: string, code: string): string[] {
  const prefixes = DIMENSION_CODE_LABELS[dimension];
  if (prefixes === undefined) return [];
  return (typeof prefixes === 'string' ? [prefixes] : prefixes).map((prefix) => `${prefix}.${code}`);
}

/** Dimensions whose codes are reference data, named by the statistics' `labels` (`country:MA`). */
export const LABELLED_DIMENSIONS: Readonly<Record<string, string>> = {
  district: 'district',
  country: 'country',
  language: 'language',
};
