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
    tables: ['age-by-gender', 'country', 'citizenship', 'years-in-italy', 'relationship', 'children'],
  },
  { key: 'territory', tables: ['type-by-district', 'recording-service'] },
  { key: 'interpreters', tables: ['interpreter-by-district', 'language-by-interpreter'] },
  { key: 'pathways', tables: ['first-contact', 'flows', 'provided'] },
  { key: 'trend', tables: ['trend'] },
] as const;

/**
 * Where the codes of a table dimension are named, as a key of the operator app's catalogues (a
 * code list in `enums`, or the observatory's messages), so the screen and the files say the same.
 * Districts, countries and languages are data (their names come in `labels`); months are dates.
 */
export const DIMENSION_CODE_LABELS: Readonly<Record<string, string>> = {
  coreType: 'enums.coreType',
  ageBand: 'enums.ageBand',
  gender: 'enums.gender',
  citizenshipGroup: 'enums.citizenshipGroup',
  yearsInItaly: 'enums.yearsInItaly',
  authorRelationship: 'enums.authorRelationship',
  firstContact: 'enums.pathwayService',
  referredTo: 'enums.pathwayService',
  recordingService: 'enums.serviceKind',
  interpreter: 'enums.interpreterStatus',
  form: 'enums.violenceForm',
  context: 'enums.context',
  children: 'observatory.children',
  stalking: 'observatory.stalking',
  riskIndicator: 'enums.riskIndicator',
  serviceProvided: 'enums.serviceProvided',
};
/** Dimensions whose codes are reference data, named by the statistics' `labels` (`country:MA`). */
export const LABELLED_DIMENSIONS: Readonly<Record<string, string>> = {
  district: 'district',
  country: 'country',
  language: 'language',
};
