import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AUTONOMY_GOAL_STATUSES,
  AUTONOMY_PLAN_STATUSES,
  DRIVING_LICENCES,
  EDUCATION_LEVELS,
  EDUCATION_RECOGNITION,
  ENROLMENT_STATUSES,
  FOLLOW_UP_OUTCOMES,
  GOAL_AREAS,
  INITIATIVE_STAGES,
  JOB_PLACEMENT_KINDS,
  JOB_PLACEMENT_STATUSES,
  OFFER_KINDS,
  OFFER_TOPICS,
  PLAN_EXIT_REASONS,
  PLAN_ORIGINS,
  TUTORING_MEETING_KINDS,
  WAGE_BANDS,
} from '../../../contracts/autonomy-codes.js';
import { inList } from '../../platform/db/in-list.js';
import { municipalities, organisations, services, users } from '../../platform/tenancy/tenancy.sql.js';
import { cases, households, people, referrals } from '../cases/cases.sql.js';
import { communityHolders } from '../community/community.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Autonomy paths (WP5, issue 20). Row-level security in 0041_autonomy_rls: the catalogue and the
 * initiatives are kept by the autonomy workers of an autonomy_housing service; a plan is read by
 * the household's team and its tutor, written by the team that works the household and the tutor.
 */

/** The partners' modular offers; `enrolled` counts live enrolments (conditional update). */
export const autonomyOffers = pgTable(
  'autonomy_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    description: text('description'),
    providerOrganisationId: uuid('provider_organisation_id').references(() => organisations.id),
    providerHolderId: uuid('provider_holder_id').references(() => communityHolders.id),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    schedule: text('schedule'),
    municipality: text('municipality').references(() => municipalities.istatCode),
    places: integer('places').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    prerequisites: text('prerequisites'),
    costCents: integer('cost_cents').notNull().default(0),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('autonomy_offers_kind_check', inList(t.kind, OFFER_KINDS)),
    check('autonomy_offers_topic_check', inList(t.topic, OFFER_TOPICS)),
    check('autonomy_offers_places_check', sql`${t.enrolled} >= 0 and ${t.enrolled} <= ${t.places}`),
    check(
      'autonomy_offers_provider_check',
      sql`(${t.providerOrganisationId} is null) <> (${t.providerHolderId} is null)`,
    ),
    index('autonomy_offers_title_idx').on(t.active, t.title, t.id),
  ],
);

/** A person's autonomy plan: one active plan per person. */
export const autonomyPlans = pgTable(
  'autonomy_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The service of the team that opened it. */
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    tutorUserId: uuid('tutor_user_id')
      .notNull()
      .references(() => users.id),
    origin: text('origin').notNull(),
    originCaseId: uuid('origin_case_id').references(() => cases.id),
    originReferralId: uuid('origin_referral_id').references(() => referrals.id),
    status: text('status').notNull().default('active'),
    startedOn: date('started_on').notNull(),
    nextReviewOn: date('next_review_on'),
    exitReason: text('exit_reason'),
    exitOn: date('exit_on'),
    exitNote: text('exit_note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('autonomy_plans_status_check', inList(t.status, AUTONOMY_PLAN_STATUSES)),
    check('autonomy_plans_origin_check', inList(t.origin, PLAN_ORIGINS)),
    check(
      'autonomy_plans_exit_check',
      sql`(${t.status} = 'active' and ${t.exitReason} is null and ${t.exitOn} is null)
          or (${t.status} = 'closed' and ${t.exitOn} is not null and ${inList(t.exitReason, PLAN_EXIT_REASONS)})`,
    ),
    uniqueIndex('autonomy_plans_one_active_idx').on(t.personId).where(sql`${t.status} = 'active'`),
    index('autonomy_plans_review_idx').on(t.nextReviewOn, t.startedOn, t.id),
    index('autonomy_plans_household_idx').on(t.householdId),
    index('autonomy_plans_tutor_idx').on(t.tutorUserId),
  ],
);

export const autonomyGoals = pgTable(
  'autonomy_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => autonomyPlans.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    description: text('description').notNull(),
    targetOn: date('target_on'),
    status: text('status').notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('autonomy_goals_area_check', inList(t.area, GOAL_AREAS)),
    check('autonomy_goals_status_check', inList(t.status, AUTONOMY_GOAL_STATUSES)),
    index('autonomy_goals_plan_idx').on(t.planId),
  ],
);

export const autonomySteps = pgTable(
  'autonomy_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => autonomyGoals.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => autonomyPlans.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    dueOn: date('due_on'),
    doneOn: date('done_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('autonomy_steps_goal_idx').on(t.goalId)],
);

/** A person's enrolment in an offer, with its outcome. */
export const autonomyEnrolments = pgTable(
  'autonomy_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => autonomyPlans.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => autonomyOffers.id),
    status: text('status').notNull().default('enrolled'),
    certificate: boolean('certificate').notNull().default(false),
    enrolledOn: date('enrolled_on').notNull().defaultNow(),
    outcomeOn: date('outcome_on'),
    enrolledBy: uuid('enrolled_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('autonomy_enrolments_status_check', inList(t.status, ENROLMENT_STATUSES)),
    uniqueIndex('autonomy_enrolments_live_idx').on(t.planId, t.offerId).where(sql`${t.status} = 'enrolled'`),
    index('autonomy_enrolments_offer_idx').on(t.offerId),
  ],
);

/**
 * Tutoring, orientation and review meetings. A note is encrypted; a clinician's note is sealed and
 * kept apart (`autonomy_sealed_notes`), readable by its author and the clinicians who follow the plan.
 */
export const autonomyMeetings = pgTable(
  'autonomy_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => autonomyPlans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    heldOn: date('held_on').notNull(),
    minutes: smallint('minutes').notNull(),
    noteEncrypted: text('note_encrypted'),
    sealed: boolean('sealed').notNull().default(false),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('autonomy_meetings_kind_check', inList(t.kind, TUTORING_MEETING_KINDS)),
    check('autonomy_meetings_sealed_check', sql`not (${t.sealed} and ${t.noteEncrypted} is not null)`),
    index('autonomy_meetings_plan_idx').on(t.planId, t.heldOn),
  ],
);

export const autonomySealedNotes = pgTable('autonomy_sealed_notes', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => autonomyMeetings.id, { onDelete: 'cascade' }),
  planId: uuid('plan_id')
    .notNull()
    .references(() => autonomyPlans.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id')
    .notNull()
    .references(() => users.id),
  noteEncrypted: text('note_encrypted').notNull(),
});

/** The skills balance: one per plan, rewritten as it is updated. */
export const autonomySkills = pgTable(
  'autonomy_skills',
  {
    planId: uuid('plan_id')
      .primaryKey()
      .references(() => autonomyPlans.id, { onDelete: 'cascade' }),
    languages: jsonb('languages').notNull().default(sql`'[]'::jsonb`),
    educationLevel: text('education_level'),
    educationCountry: text('education_country'),
    educationRecognition: text('education_recognition'),
    workHistory: text('work_history'),
    drivingLicence: text('driving_licence'),
    notes: text('notes'),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'autonomy_skills_education_check',
      sql`${t.educationLevel} is null or ${inList(t.educationLevel, EDUCATION_LEVELS)}`,
    ),
    check(
      'autonomy_skills_recognition_check',
      sql`${t.educationRecognition} is null or ${inList(t.educationRecognition, EDUCATION_RECOGNITION)}`,
    ),
    check(
      'autonomy_skills_licence_check',
      sql`${t.drivingLicence} is null or ${inList(t.drivingLicence, DRIVING_LICENCES)}`,
    ),
  ],
);

/** Social enterprises the project creates or strengthens. */
export const autonomyInitiatives = pgTable(
  'autonomy_initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    name: text('name').notNull(),
    holderId: uuid('holder_id').references(() => communityHolders.id),
    partnerOrganisationId: uuid('partner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    stage: text('stage').notNull(),
    jobsCreated: integer('jobs_created').notNull().default(0),
    description: text('description'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('autonomy_initiatives_stage_check', inList(t.stage, INITIATIVE_STAGES)),
    check('autonomy_initiatives_jobs_check', sql`${t.jobsCreated} >= 0`),
    index('autonomy_initiatives_name_idx').on(t.name),
  ],
);

/** Each stage an initiative reached, when (never rewritten). */
export const autonomyInitiativeStages = pgTable(
  'autonomy_initiative_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => autonomyInitiatives.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    changedOn: date('changed_on').notNull().defaultNow(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('autonomy_initiative_stages_stage_check', inList(t.stage, INITIATIVE_STAGES)),
    index('autonomy_initiative_stages_idx').on(t.initiativeId, t.changedOn),
  ],
);

/** A job placement of a plan's person with an employer or social enterprise of the registry. */
export const autonomyJobPlacements = pgTable(
  'autonomy_job_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => autonomyPlans.id, { onDelete: 'cascade' }),
    employerHolderId: uuid('employer_holder_id')
      .notNull()
      .references(() => communityHolders.id),
    initiativeId: uuid('initiative_id').references(() => autonomyInitiatives.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('proposed'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    hoursPerWeek: numeric('hours_per_week', { precision: 4, scale: 1 }).notNull(),
    wageBand: text('wage_band').notNull(),
    employerTutorName: text('employer_tutor_name'),
    endNote: text('end_note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('autonomy_job_placements_kind_check', inList(t.kind, JOB_PLACEMENT_KINDS)),
    check('autonomy_job_placements_status_check', inList(t.status, JOB_PLACEMENT_STATUSES)),
    check('autonomy_job_placements_wage_check', inList(t.wageBand, WAGE_BANDS)),
    check('autonomy_job_placements_dates_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index('autonomy_job_placements_plan_idx').on(t.planId, t.startsOn),
    index('autonomy_job_placements_initiative_idx').on(t.initiativeId),
  ],
);

/** Where the person stands 6 and 12 months after the placement began. */
export const autonomyPlacementFollowUps = pgTable(
  'autonomy_placement_follow_ups',
  {
    placementId: uuid('placement_id')
      .notNull()
      .references(() => autonomyJobPlacements.id, { onDelete: 'cascade' }),
    months: smallint('months').notNull(),
    outcome: text('outcome').notNull(),
    recordedOn: date('recorded_on').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.placementId, t.months] }),
    check('autonomy_follow_ups_months_check', sql`${t.months} in (6, 12)`),
    check('autonomy_follow_ups_outcome_check', inList(t.outcome, FOLLOW_UP_OUTCOMES)),
  ],
);
