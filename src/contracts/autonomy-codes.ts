import type { THolderKind } from './community-codes.js';

/**
 * The codes and limits of autonomy paths and protected housing (WP5, issue 20), shared by the
 * plans' (`autonomy.ts`) and the housing's (`housing.ts`) contracts and by the database's checks.
 */

/** Modular offers of the partners: what a person may be enrolled in. */
export const OFFER_KINDS = ['course', 'workshop', 'counselling', 'internship'] as const;
export const OFFER_TOPICS = [
  'italian_language',
  'digital_literacy',
  'driving_licence',
  'vocational',
  'job_search',
  'financial_literacy',
  'other',
] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'dropped'] as const;

/** The areas of an autonomy plan's goals. */
export const GOAL_AREAS = ['language', 'work', 'housing', 'documents', 'income', 'childcare'] as const;
export const AUTONOMY_GOAL_STATUSES = ['open', 'in_progress', 'met', 'dropped'] as const;
export const AUTONOMY_PLAN_STATUSES = ['active', 'closed'] as const;
export type TPlanStatus = (typeof AUTONOMY_PLAN_STATUSES)[number];
export const PLAN_EXIT_REASONS = ['autonomy_reached', 'moved', 'dropped'] as const;
/** Where a plan comes from: a case of the household, a referral, or the autonomy service itself. */
export const PLAN_ORIGINS = ['case', 'referral', 'direct'] as const;
export const TUTORING_MEETING_KINDS = ['tutoring', 'orientation', 'review'] as const;

/** The skills balance (bilancio di competenze). */
export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'degree',
] as const;
export const EDUCATION_RECOGNITION = ['recognised', 'in_progress', 'not_recognised', 'not_needed'] as const;
export const DRIVING_LICENCES = [
  'none',
  'italian',
  'foreign_convertible',
  'foreign_not_convertible',
  'learning',
] as const;
export const CEFR_LEVELS = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'native'] as const;

/** Job placements: the kind of contract, where it stands, the monthly pay band. */
export const JOB_PLACEMENT_KINDS = ['tirocinio', 'fixed_term', 'open_ended'] as const;
export type TJobPlacementKind = (typeof JOB_PLACEMENT_KINDS)[number];
export const JOB_PLACEMENT_STATUSES = ['proposed', 'active', 'ended', 'not_started'] as const;
export type TJobPlacementStatus = (typeof JOB_PLACEMENT_STATUSES)[number];
export const WAGE_BANDS = ['unpaid', 'under_600', '600_899', '900_1199', '1200_1499', '1500_plus'] as const;
/** Where the person stands 6 and 12 months after a placement began. */
export const FOLLOW_UP_MONTHS = [6, 12] as const;
export const FOLLOW_UP_OUTCOMES = [
  'employed_same',
  'employed_other',
  'in_training',
  'unemployed',
  'unknown',
] as const;

/** Social enterprises the project creates or strengthens. */
export const INITIATIVE_STAGES = ['idea', 'business_plan', 'start_up', 'running'] as const;
export type TInitiativeStage = (typeof INITIATIVE_STAGES)[number];
/** The kinds of community holder an autonomy worker adds to the registry: employers and social enterprises. */
export const EMPLOYER_KINDS = ['employer', 'social_enterprise'] as const satisfies readonly THolderKind[];

/** Protected apartments. */
export const UNIT_ACCESSIBILITY = ['step_free', 'lift', 'adapted_bathroom', 'ground_floor'] as const;
export const OCCUPANCY_EXIT_REASONS = [
  'autonomy_reached',
  'moved',
  'returned_to_network',
  'dropped',
  'other',
] as const;
export const ADDRESS_REQUEST_STATUSES = ['pending', 'approved', 'refused'] as const;
/** How long an approved request lets its requester see the address once. */
export const ADDRESS_APPROVAL_HOURS = 48;

/** Rent support. */
export const RENT_REQUEST_STATUSES = ['requested', 'approved', 'refused', 'paid', 'cancelled'] as const;
export type TRentRequestStatus = (typeof RENT_REQUEST_STATUSES)[number];
/** Normally the partner that manages the apartment; a private landlord's details are safety fields. */
export const PAYEE_KINDS = ['partner', 'landlord'] as const;
export const LEDGER_ENTRY_KINDS = ['payment', 'reversal'] as const;
export type TLedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export const AUTONOMY_LIMITS = {
  title: 200,
  description: 2000,
  schedule: 300,
  note: 4000,
  shortText: 200,
  places: 500,
  costCents: 100_000_000,
  amountCents: 10_000_000_00,
  goalsPerPlan: 30,
  stepsPerGoal: 30,
  unitCapacity: 30,
  pageSize: 50,
  minutes: 600,
  hoursPerWeek: 60,
  jobsCreated: 1000,
} as const;

/** Monthly and project targets (MISSION.md): 25 adults in job orientation and placed, 7 families housed. */
export const AUTONOMY_TARGETS = {
  jobOrientation: 25,
  placedInSocialEnterprises: 25,
  familiesHosted: 7,
} as const;
