import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ATTENDANCE_ROLES,
  CO_THERAPIST_PROFESSIONS,
  CONSULTATION_KINDS,
  CONSULTATION_STATUSES,
  OPINION_STATUSES,
  REQUESTING_AUTHORITIES,
} from '../../../contracts/consultations.js';
import { services, users } from '../../platform/tenancy/tenancy.sql.js';
import { cases, households, inList, people, referrals } from './cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Ethnoclinical consultations (issue 22, item 5): a first-line service asks the ethnoclinical team to
 * consult without handing the family over. Row-level security in db/migrations-wip/3-consultations.sql
 * (migration 0047): the team and a supervising coordinator read everything; the requesting service
 * reads the consultation row and the approved opinions only. Field classes in consultations.fields.ts.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A random code for lists and conversations (K-…): never a name, never a sequence. */
    code: text('code').notNull().unique(),
    referralId: uuid('referral_id')
      .notNull()
      .unique()
      .references(() => referrals.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    requestingServiceId: uuid('requesting_service_id')
      .notNull()
      .references(() => services.id),
    /** The ethnoclinical team consulting. */
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    kind: text('kind').notNull(),
    /** The court's request (the legal basis of a court investigation). */
    requestingAuthority: text('requesting_authority'),
    requestReference: text('request_reference'),
    requestDate: date('request_date'),
    coversTeamInvolvement: boolean('covers_team_involvement'),
    status: text('status').notNull().default('requested'),
    leadUserId: uuid('lead_user_id').references(() => users.id),
    opinionDueOn: date('opinion_due_on'),
    /** The referral's reason, kept when the referral's content closes to the team. */
    reason: text('reason'),
    presentationSummary: text('presentation_summary'),
    axes: text('axes').array().notNull().default(sql`'{}'`),
    /** The case opened from it when the team took the family into care. */
    caseId: uuid('case_id').references(() => cases.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('consultations_service_idx').on(t.serviceId, t.status, t.opinionDueOn),
    index('consultations_requesting_idx').on(t.requestingServiceId, t.status, t.opinionDueOn),
    check('consultations_kind_check', inList(t.kind, CONSULTATION_KINDS)),
    check('consultations_status_check', inList(t.status, CONSULTATION_STATUSES)),
    check('consultations_authority_check', inList(t.requestingAuthority, REQUESTING_AUTHORITIES)),
    check('consultations_converted_case', sql`(${t.status} = 'converted') = (${t.caseId} is not null)`),
  ],
);

/** A session of the consultation as MISSION.md describes it. */
export const consultationSessions = pgTable(
  'consultation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    heldOn: date('held_on').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull(),
    familyExplanation: text('family_explanation'),
    hypotheses: text('hypotheses'),
    feedback: text('feedback'),
    nextAppointmentOn: date('next_appointment_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consultation_sessions_consultation_idx').on(t.consultationId, t.heldOn)],
);

/**
 * Who sat in the circle, in which role. A first-line professional is recorded (and may be a user of
 * the requesting service) without gaining any clinical access: attendance grants nothing.
 */
export const consultationAttendance = pgTable(
  'consultation_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => consultationSessions.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    userId: uuid('user_id').references(() => users.id),
    personId: uuid('person_id').references(() => people.id),
    name: text('name'),
    profession: text('profession'),
    language: text('language'),
    professionalRole: text('professional_role'),
    organisation: text('organisation'),
  },
  (t) => [
    index('consultation_attendance_session_idx').on(t.sessionId),
    check('consultation_attendance_role_check', inList(t.role, ATTENDANCE_ROLES)),
    check('consultation_attendance_profession_check', inList(t.profession, CO_THERAPIST_PROFESSIONS)),
    check(
      'consultation_attendance_who',
      sql`${t.userId} is not null or ${t.personId} is not null or ${t.name} is not null`,
    ),
  ],
);

/** The written opinion, versioned: an approved version is frozen (trigger in 3-consultations.sql). */
export const consultationOpinions = pgTable(
  'consultation_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: ts('approved_at'),
  },
  (t) => [
    unique('consultation_opinions_version').on(t.consultationId, t.version),
    check('consultation_opinions_status_check', inList(t.status, OPINION_STATUSES)),
  ],
);
