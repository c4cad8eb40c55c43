import { z } from 'zod';
import { WORK_PACKAGES } from './governance-codes.js';

/**
 * Impact monitoring (issue 25), part one: the registry of the project's indicators — each module's
 * numbers, the work package they serve and, where the project promised one, the target quoted from
 * the project's text — and their live values over the project so far, computed by the modules'
 * own functions, never typed in.
 */

/**
 * The project's period. The start is the one every module counts from; the end follows from a
 * three-year project (MISSION.md: "a three-year project"), the funder's grant agreement not being
 * in the repository: one place to correct it.
 */
export const PROJECT_PERIOD = { from: '2026-01-01', to: '2028-12-31' } as const;

export const INDICATOR_KINDS = ['target', 'outcome', 'context'] as const;
export type TIndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface RegistryEntry {
  workPackage: (typeof WORK_PACKAGES)[number];
  kind: TIndicatorKind;
  /** The whole-project target, with the words of the project that promise it. */
  target?: { value: number; source: string };
}

/** The project's text the targets are quoted from (the IMPATTO seed, in Italian). */
const SEED = 'Progetto, sezione «Impatto»';

/** Every module indicator, placed; one a module adds later shows as context until placed here. */
export const IMPACT_REGISTRY: Readonly<Record<string, RegistryEntry>> = {
  'training.ethnoclinical_professionals': {
    workPackage: 'wp1',
    kind: 'target',
    target: {
      value: 97,
      source: `${SEED}: «saranno coinvolti nelle attività di formazione etnoclinica 97 operatori»`,
    },
  },
  'training.hours_delivered': { workPackage: 'wp1', kind: 'context' },
  'mediation.hours': { workPackage: 'wp1', kind: 'context' },
  'mediation.languages_covered': { workPackage: 'wp1', kind: 'context' },
  'mediation.unmatched_requests': { workPackage: 'wp1', kind: 'context' },
  'community.residents_workshops': {
    workPackage: 'wp3',
    kind: 'target',
    target: {
      value: 240,
      source: `${SEED}: «saranno coinvolti 240 residenti, italiani e stranieri, nei workshop»`,
    },
  },
  'community.residents_labs': {
    workPackage: 'wp3',
    kind: 'target',
    target: {
      value: 200,
      source: `${SEED}: «200 residenti, italiani e stranieri, nei laboratori di cittadinanza»`,
    },
  },
  'training.experiential_professionals': {
    workPackage: 'wp3',
    kind: 'target',
    target: {
      value: 15,
      source: `${SEED}: «Parteciperanno alla formazione esperienziale 15 operatori sociali impegnati in servizi di accoglienza»`,
    },
  },
  'community.holders_mapped': { workPackage: 'wp3', kind: 'context' },
  'community.opinion_leaders_engaged': { workPackage: 'wp3', kind: 'context' },
  'cases.families_in_ethnoclinical_care': {
    workPackage: 'wp4',
    kind: 'target',
    target: {
      value: 20,
      source: `${SEED}: «20 nuclei familiari vittime di violenza saranno presi in carico dall’équipe etnoclinica»`,
    },
  },
  'cases.days_referral_to_first_session': { workPackage: 'wp4', kind: 'outcome' },
  'cases.regular_third_country_nationals_in_care': { workPackage: 'wp4', kind: 'context' },
  'autonomy.families_hosted': {
    workPackage: 'wp5',
    kind: 'target',
    target: {
      value: 7,
      source: `${SEED}: «7 nuclei familiari beneficeranno dell’accoglienza in appartamenti protetti»`,
    },
  },
  'autonomy.job_orientation': {
    workPackage: 'wp5',
    kind: 'target',
    target: {
      value: 25,
      source: `${SEED}: «25 adulti stranieri beneficeranno di percorsi di orientamento lavorativo»`,
    },
  },
  'autonomy.placed_social_enterprises': {
    workPackage: 'wp5',
    kind: 'target',
    target: {
      value: 25,
      source: `${SEED}: «25 adulti stranieri beneficeranno di percorsi di orientamento lavorativo e saranno inseriti nelle attività imprenditoriali»`,
    },
  },
  'autonomy.exits_to_autonomy': { workPackage: 'wp5', kind: 'outcome' },
  'autonomy.rent_support_spent': { workPackage: 'wp5', kind: 'context' },
  'autonomy.jobs_created': { workPackage: 'wp5', kind: 'context' },
  'community.resources_value': { workPackage: 'wp6', kind: 'outcome' },
  'website.communication_actions_done': { workPackage: 'wp7', kind: 'context' },
  'website.communication_reach': { workPackage: 'wp7', kind: 'context' },
  'website.conference_survey_answers': { workPackage: 'wp7', kind: 'context' },
  'website.conference_usefulness': { workPackage: 'wp7', kind: 'outcome' },
  'website.conference_clarity': { workPackage: 'wp7', kind: 'outcome' },
};

export const INDICATOR_STATUSES = ['reached', 'on_track', 'late', 'no_target', 'not_available'] as const;
export type TIndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const INDICATOR_UNITS = ['people', 'households', 'records', 'days', 'hours', 'euro', 'score'] as const;

export const ZImpactRowSchema = z.object({
  key: z.string(),
  label: z.object({ it: z.string(), en: z.string() }),
  workPackage: z.enum(WORK_PACKAGES),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.enum(INDICATOR_UNITS),
  /** Null when the module's function failed (`error` says why) or had nothing to measure. */
  value: z.number().nullable(),
  /** The module's function failed: the value is not available, never zero. */
  error: z.string().nullable(),
  target: z.number().nullable(),
  targetSource: z.string().nullable(),
  /** value / target, 0–1 and beyond. */
  progress: z.number().nullable(),
  /** The value at the project's end if it keeps its pace so far (targets only). */
  projected: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  /** How many records the value counts (their pseudonymous codes stay on the server). */
  records: z.number().int(),
});
export type TImpactRow = z.infer<typeof ZImpactRowSchema>;

export const ZImpactDashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  projectEnd: z.string(),
  /** Share of the project's days gone, 0–1. */
  elapsed: z.number(),
  computedAt: z.string(),
  /** Late targets first, then the rest by work package. */
  rows: z.array(ZImpactRowSchema),
});
export type TImpactDashboard = z.infer<typeof ZImpactDashboardSchema>;
