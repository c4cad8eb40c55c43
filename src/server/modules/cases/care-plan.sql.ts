import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_STAGES,
  CHILD_ASSENTS,
  GOAL_PROGRESS,
  PLAN_VERSION_STATUSES,
  RESPONSIBLE_KINDS,
  RISK_LEVELS,
} from '../../../contracts/care-plan.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { cases, inList, people } from './cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Dated structured assessments, the versioned plan and its reviews (issue 22, items 1-2). Row-level
 * security, grants and the trigger that freezes a decided version in db/migrations-wip/1-care-plan.sql
 * (migration 0047); field classes and retention in care-plan.fields.ts.
 */

/** One assessment of one child at one stage: never overwritten (a correction names what it corrects). */
export const caseAssessments = pgTable(
  'case_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    stage: text('stage').notNull(),
    assessedOn: date('assessed_on').notNull(),
    childNeeds: text('child_needs').notNull(),
    parentResponses: text('parent_responses').notNull(),
    familyEnvironment: text('family_environment').notNull(),
    strengths: text('strengths'),
    risks: text('risks'),
    riskLevel: text('risk_level').notNull(),
    concerns: text('concerns').array().notNull().default(sql`'{}'`),
    childVoice: text('child_voice'),
    childAssent: text('child_assent').notNull(),
    assentReason: text('assent_reason'),
    correctsId: uuid('corrects_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('case_assessments_case_idx').on(t.caseId, t.personId, t.assessedOn),
    check('case_assessments_stage_check', inList(t.stage, ASSESSMENT_STAGES)),
    check('case_assessments_risk_check', inList(t.riskLevel, RISK_LEVELS)),
    check('case_assessments_assent_check', inList(t.childAssent, CHILD_ASSENTS)),
  ],
);

/** One version of the plan: drafted by the team, decided by a supervisor; approved ones frozen. */
export const casePlanVersions = pgTable(
  'case_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    number: integer('number').notNull(),
    status: text('status').notNull().default('draft'),
    basedOnId: uuid('based_on_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionComment: text('decision_comment'),
    /** The goals as approved, frozen: what the supervisor signed, whatever happens later. */
    frozenGoals: jsonb('frozen_goals'),
  },
  (t) => [
    unique('case_plan_versions_number_unique').on(t.caseId, t.number),
    // One version being worked on and one in force per case, at most.
    uniqueIndex('case_plan_versions_open_unique')
      .on(t.caseId)
      .where(sql`status in ('draft', 'submitted', 'returned')`),
    uniqueIndex('case_plan_versions_approved_unique').on(t.caseId).where(sql`status = 'approved'`),
    check('case_plan_versions_status_check', inList(t.status, PLAN_VERSION_STATUSES)),
    check(
      'case_plan_versions_return_comment_check',
      sql`${t.status} <> 'returned' or ${t.decisionComment} is not null`,
    ),
  ],
);

/** A goal of one version, for one child, on one side of the triangle, with who answers for it. */
export const casePlanGoals = pgTable(
  'case_plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => casePlanVersions.id),
    /** The goal this one was copied from (the previous version's), so progress and reviews follow it. */
    originGoalId: uuid('origin_goal_id'),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    dimension: text('dimension').notNull(),
    text: text('text').notNull(),
    responsibleKind: text('responsible_kind').notNull(),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    responsibleService: text('responsible_service'),
    responsiblePersonId: uuid('responsible_person_id').references(() => people.id),
    indicator: text('indicator').notNull(),
    dueOn: date('due_on'),
    position: integer('position').notNull().default(0),
    progress: text('progress').notNull().default('not_started'),
    progressNote: text('progress_note'),
    progressAt: ts('progress_at'),
    progressBy: uuid('progress_by').references(() => users.id),
  },
  (t) => [
    index('case_plan_goals_version_idx').on(t.versionId, t.position),
    check('case_plan_goals_dimension_check', inList(t.dimension, ASSESSMENT_DIMENSIONS)),
    check('case_plan_goals_responsible_check', inList(t.responsibleKind, RESPONSIBLE_KINDS)),
    check('case_plan_goals_progress_check', inList(t.progress, GOAL_PROGRESS)),
  ],
);

/** Every progress update of a goal: the approved version stays approved, the log keeps the steps. */
export const casePlanProgress = pgTable(
  'case_plan_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => casePlanGoals.id),
    status: text('status').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('case_plan_progress_goal_idx').on(t.goalId, t.recordedAt),
    check('case_plan_progress_status_check', inList(t.status, GOAL_PROGRESS)),
  ],
);

/** A review of the plan in force (verifica), or a case conference with outside services. */
export const casePlanReviews = pgTable(
  'case_plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => casePlanVersions.id),
    heldOn: date('held_on').notNull(),
    caseConference: boolean('case_conference').notNull().default(false),
    participants: jsonb('participants').notNull(),
    outcomes: jsonb('outcomes').notNull(),
    summary: text('summary').notNull(),
    nextReviewOn: date('next_review_on'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_plan_reviews_case_idx').on(t.caseId, t.heldOn)],
);
