/** The tabs of a case's page, in order; the URL names the current one (`?tab=`). */
export const CASE_TABS = [
  'overview',
  'team',
  'intake',
  'assessment',
  'plan',
  'sessions',
  'services',
  'court',
  'network',
  'placements',
  'documents',
  'timeline',
  'closure',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];
