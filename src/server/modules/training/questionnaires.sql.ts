import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  PHASES,
  PURPOSES,
  type TDomain,
  type TQuestionnaireItem,
} from '../../../contracts/questionnaires.js';
import { inList } from '../../platform/db/in-list.js';
import { services, users } from '../../platform/tenancy/tenancy.sql.js';
import { trainingCourses } from './training.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Questionnaires and their answers (issue 17 §5, ADR 0019). An answer is kept only as scores per
 * domain under a keyed hash of the participant's own code, with the day it came; who answered is
 * recorded apart (`training_response_marks`), in another transaction, without the answer. The
 * request role reaches neither table: results are computed as the owner, in aggregate, with at
 * least QUESTIONNAIRE_MIN_GROUP people behind every number. RLS in 0029_questionnaires_rls.
 */
export const trainingQuestionnaires = pgTable(
  'training_questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerServiceId: uuid('owner_service_id')
      .notNull()
      .references(() => services.id),
    courseId: uuid('course_id').references(() => trainingCourses.id),
    purpose: text('purpose').notNull(),
    title: text('title').notNull(),
    items: jsonb('items').$type<TQuestionnaireItem[]>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The services survey closes when its trainers say; a course's questionnaire with its edition. */
    closedAt: ts('closed_at'),
  },
  (t) => [
    check('training_questionnaires_purpose_check', inList(t.purpose, PURPOSES)),
    index('training_questionnaires_course_idx').on(t.courseId, t.createdAt),
  ],
);

export const trainingResponses = pgTable(
  'training_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => trainingQuestionnaires.id),
    /** The edition answered in (competence), or the questionnaire itself (the services survey). */
    scopeId: uuid('scope_id').notNull(),
    phase: text('phase').notNull(),
    respondentHash: text('respondent_hash').notNull(),
    scores: jsonb('scores').$type<Partial<Record<TDomain, number>>>().notNull(),
    submittedOn: date('submitted_on').notNull().default(sql`current_date`),
  },
  (t) => [
    check('training_responses_phase_check', inList(t.phase, PHASES)),
    uniqueIndex('training_responses_once_idx').on(t.questionnaireId, t.scopeId, t.phase, t.respondentHash),
  ],
);

/** Who has answered which phase (a registration, or a member for the survey): never what. */
export const trainingResponseMarks = pgTable(
  'training_response_marks',
  {
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => trainingQuestionnaires.id),
    scopeId: uuid('scope_id').notNull(),
    phase: text('phase').notNull(),
    /** The place id (competence) or the user id (survey). */
    respondentKey: uuid('respondent_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.questionnaireId, t.scopeId, t.phase, t.respondentKey] }),
    check('training_response_marks_phase_check', inList(t.phase, PHASES)),
  ],
);

/**
 * Answers waiting to join the others: sealed (encrypted with the field key), moved into
 * `training_responses` in batches — five or more of one questionnaire, scope and phase, or all of
 * a closed one — in one transaction and in shuffled order, so neither the order nor the
 * transaction of a stored answer tells whose it is.
 */
export const trainingResponseQueue = pgTable(
  'training_response_queue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => trainingQuestionnaires.id),
    scopeId: uuid('scope_id').notNull(),
    phase: text('phase').notNull(),
    sealed: text('sealed').notNull(),
  },
  (t) => [
    check('training_response_queue_phase_check', inList(t.phase, PHASES)),
    index('training_response_queue_scope_idx').on(t.questionnaireId, t.scopeId, t.phase),
  ],
);
