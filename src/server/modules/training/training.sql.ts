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
import { PROFESSIONS } from '../../../contracts/gatherings.js';
import { CREDIT_SCHEMES, STRANDS } from '../../../contracts/training.js';
import { inList } from '../../platform/db/in-list.js';
import { gatheringPlaces, gatherings } from '../../platform/gatherings/gatherings.sql.js';
import { services, users } from '../../platform/tenancy/tenancy.sql.js';
import { cases } from '../cases/cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Training (issue 17, ADR 0019). A course belongs to the training service that runs it; an
 * edition is a gathering (platform/gatherings) with the course beside it. Row-level security in
 * migration 0027_gatherings_rls.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerServiceId: uuid('owner_service_id')
      .notNull()
      .references(() => services.id),
    title: text('title').notNull(),
    strand: text('strand').notNull(),
    targetServiceKinds: text('target_service_kinds').array().notNull().default(sql`'{}'`),
    targetProfessions: text('target_professions').array().notNull().default(sql`'{}'`),
    objectives: text('objectives').notNull(),
    hours: numeric('hours', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    trainers: text('trainers').notNull(),
    attendanceThreshold: smallint('attendance_threshold').notNull().default(75),
    approvalRequired: boolean('approval_required').notNull().default(false),
    creditScheme: text('credit_scheme'),
    credits: numeric('credits', { precision: 5, scale: 1, mode: 'number' }),
    accreditationRef: text('accreditation_ref'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('training_courses_strand_check', inList(t.strand, STRANDS)),
    check('training_courses_credit_check', inList(t.creditScheme, CREDIT_SCHEMES)),
    check('training_courses_threshold_check', sql`${t.attendanceThreshold} between 1 and 100`),
    check(
      'training_courses_professions_check',
      sql`${t.targetProfessions} <@ array[${sql.raw(PROFESSIONS.map((p) => `'${p}'`).join(', '))}]::text[]`,
    ),
    index('training_courses_owner_idx').on(t.ownerServiceId, t.createdAt),
  ],
);

/** A finding of the observatory's training report that a course answers, with the number it cited. */
export const trainingCourseFindings = pgTable(
  'training_course_findings',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    subject: text('subject').notNull(),
    /** The report's year, value and share when the link was made (null: not in that year's report). */
    reportYear: smallint('report_year'),
    value: integer('value'),
    share: numeric('share', { precision: 5, scale: 1, mode: 'number' }),
    label: jsonb('label').$type<{ it: string; en: string }>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.topic, t.subject] })],
);

export const trainingEditions = pgTable(
  'training_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    gatheringId: uuid('gathering_id')
      .notNull()
      .unique()
      .references(() => gatherings.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('training_editions_course_idx').on(t.courseId, t.createdAt)],
);

/**
 * A certificate. The name, course and hours are copied when it is issued (what was certified
 * stays as it was); the verification code is random (80 bits), shown on the PDF and its QR.
 */
export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => trainingEditions.id),
    placeId: uuid('place_id')
      .notNull()
      .unique()
      .references(() => gatheringPlaces.id),
    verificationCode: text('verification_code').notNull(),
    holderName: text('holder_name').notNull(),
    courseTitle: text('course_title').notNull(),
    hours: numeric('hours', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until'),
    creditScheme: text('credit_scheme'),
    credits: numeric('credits', { precision: 5, scale: 1, mode: 'number' }),
    accreditationRef: text('accreditation_ref'),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    uniqueIndex('training_certificates_code_idx').on(t.verificationCode),
    index('training_certificates_edition_idx').on(t.editionId, t.id),
    check('training_certificates_credit_check', inList(t.creditScheme, CREDIT_SCHEMES)),
  ],
);

/**
 * A trainee's field log in experiential training (WP3). `case_id` only when the trainee is on the
 * case's team; the reflections are the trainee's own words, read by them and by the edition's
 * trainers (supervision), never by anyone else.
 */
export const trainingFieldLogs = pgTable(
  'training_field_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => gatheringPlaces.id),
    entryOn: date('entry_on').notNull(),
    hours: numeric('hours', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    activity: text('activity').notNull(),
    reflections: text('reflections').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    feedback: text('feedback'),
    feedbackBy: uuid('feedback_by').references(() => users.id),
    feedbackAt: ts('feedback_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('training_field_logs_hours_check', sql`${t.hours} > 0 and ${t.hours} <= 12`),
    index('training_field_logs_place_idx').on(t.placeId, t.entryOn),
  ],
);
