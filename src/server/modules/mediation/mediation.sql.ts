import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
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
  ASSIGNMENT_STATUSES,
  CONFLICT_KINDS,
  FEEDBACK_ANSWERS,
  GENDER_PREFERENCES,
  LANGUAGE_LEVELS,
  MEDIATION_MODES,
  MEDIATION_PURPOSES,
  MEDIATION_URGENCIES,
  MEDIATOR_GENDERS_OF_RECORD,
  OFFER_STATUSES,
  REQUEST_STATUSES,
  WORK_PACKAGES,
} from '../../../contracts/mediation.js';
import { inList } from '../../platform/db/in-list.js';
import {
  languages,
  municipalities,
  organisations,
  services,
  users,
} from '../../platform/tenancy/tenancy.sql.js';
import { caseSessions, cases, households, people } from '../cases/cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const codes = (values: readonly string[]) =>
  sql.raw(`array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`);

/**
 * Mediation (issue 18). A mediator is a user with the mediator role and a row here: what they
 * speak, where and when they work, who employs them. Row-level security in 0034_mediation_rls.
 */
export const mediators = pgTable(
  'mediators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    gender: text('gender').notNull(),
    modes: text('modes').array().notNull(),
    countries: text('countries').array().notNull().default(sql`'{}'`),
    /** The mediator's own community: read only by the mediation coordinator. */
    ownCommunity: text('own_community'),
    districtIds: uuid('district_ids').array().notNull().default(sql`'{}'`),
    municipalities: text('municipalities').array().notNull().default(sql`'{}'`),
    baseMunicipality: text('base_municipality')
      .notNull()
      .references(() => municipalities.istatCode),
    certifications: text('certifications').array().notNull().default(sql`'{}'`),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('mediators_gender_check', inList(t.gender, MEDIATOR_GENDERS_OF_RECORD)),
    check(
      'mediators_modes_check',
      sql`${t.modes} <@ ${codes(MEDIATION_MODES)} and cardinality(${t.modes}) > 0`,
    ),
    index('mediators_organisation_idx').on(t.organisationId),
  ],
);

export const mediatorLanguages = pgTable(
  'mediator_languages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    language: text('language')
      .notNull()
      .references(() => languages.code),
    dialect: text('dialect'),
    level: text('level').notNull(),
    written: boolean('written').notNull().default(false),
  },
  (t) => [
    check('mediator_languages_level_check', inList(t.level, LANGUAGE_LEVELS)),
    index('mediator_languages_language_idx').on(t.language, t.mediatorId),
    index('mediator_languages_mediator_idx').on(t.mediatorId),
  ],
);

/** Weekly hours, in minutes from midnight, Europe/Rome. */
export const mediatorAvailability = pgTable(
  'mediator_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    fromMinute: smallint('from_minute').notNull(),
    toMinute: smallint('to_minute').notNull(),
  },
  (t) => [
    check(
      'mediator_availability_check',
      sql`${t.weekday} between 1 and 7 and ${t.fromMinute} < ${t.toMinute}`,
    ),
    index('mediator_availability_mediator_idx').on(t.mediatorId),
  ],
);

export const mediatorAbsences = pgTable(
  'mediator_absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
  },
  (t) => [
    check('mediator_absences_check', sql`${t.fromDate} <= ${t.toDate}`),
    index('mediator_absences_mediator_idx').on(t.mediatorId, t.toDate),
  ],
);

/**
 * What a mediator must never be assigned to: a person or a household of the case records (by
 * reference), or a community (country). Read only by the mediation coordinator and the matching.
 */
export const mediatorConflicts = pgTable(
  'mediator_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    householdId: uuid('household_id').references(() => households.id),
    country: text('country'),
    /** Why, in the coordinator's words (safety, encrypted with the row id as context). */
    noteEncrypted: text('note_encrypted'),
    declaredBy: uuid('declared_by')
      .notNull()
      .references(() => users.id),
    declaredAt: ts('declared_at').notNull().defaultNow(),
  },
  (t) => [
    check('mediator_conflicts_kind_check', inList(t.kind, CONFLICT_KINDS)),
    check(
      'mediator_conflicts_subject_check',
      sql`(${t.kind} = 'person' and ${t.personId} is not null) or (${t.kind} = 'household' and ${t.householdId} is not null)
          or (${t.kind} = 'community' and ${t.country} is not null)`,
    ),
    index('mediator_conflicts_mediator_idx').on(t.mediatorId),
  ],
);

/** A cooperative's hourly rates from a date; a logged assignment keeps the rate it was paid at. */
export const mediationRates = pgTable(
  'mediation_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inPersonCents: integer('in_person_cents').notNull(),
    remoteCents: integer('remote_cents').notNull(),
    travelCentsPerKm: integer('travel_cents_per_km').notNull(),
    validFrom: date('valid_from').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mediation_rates_org_from_idx').on(t.organisationId, t.validFrom)],
);

export const mediationRequests = pgTable(
  'mediation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    /** The mediation service that handles the request (its coordinator assigns). */
    mediationServiceId: uuid('mediation_service_id')
      .notNull()
      .references(() => services.id),
    /** The requesting service, which the cost is charged to. */
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    language: text('language')
      .notNull()
      .references(() => languages.code),
    dialect: text('dialect'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    mode: text('mode').notNull(),
    municipality: text('municipality').references(() => municipalities.istatCode),
    placeEncrypted: text('place_encrypted'),
    purpose: text('purpose').notNull(),
    urgency: text('urgency').notNull(),
    genderPreference: text('gender_preference').notNull().default('any'),
    victim: boolean('victim').notNull().default(false),
    victimMediatorGender: text('victim_mediator_gender'),
    community: text('community'),
    avoidSameCommunity: boolean('avoid_same_community').notNull().default(false),
    workPackage: text('work_package').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    sessionId: uuid('session_id').references(() => caseSessions.id),
    personId: uuid('person_id').references(() => people.id),
    requesterContact: text('requester_contact').notNull(),
    notes: text('notes'),
    status: text('status').notNull().default('open'),
    /** Nobody suitable when asked: evidence for the training and fundraising plans. */
    unmatched: boolean('unmatched').notNull().default(false),
    cancelReason: text('cancel_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('mediation_requests_mode_check', inList(t.mode, MEDIATION_MODES)),
    check('mediation_requests_purpose_check', inList(t.purpose, MEDIATION_PURPOSES)),
    check('mediation_requests_urgency_check', inList(t.urgency, MEDIATION_URGENCIES)),
    check('mediation_requests_gender_check', inList(t.genderPreference, GENDER_PREFERENCES)),
    check(
      'mediation_requests_victim_gender_check',
      inList(t.victimMediatorGender, MEDIATOR_GENDERS_OF_RECORD),
    ),
    check('mediation_requests_wp_check', inList(t.workPackage, WORK_PACKAGES)),
    check('mediation_requests_status_check', inList(t.status, REQUEST_STATUSES)),
    check('mediation_requests_time_check', sql`${t.startsAt} < ${t.endsAt}`),
    index('mediation_requests_service_idx').on(t.mediationServiceId, t.startsAt),
    index('mediation_requests_requester_idx').on(t.requesterId, t.startsAt),
    index('mediation_requests_requesting_idx').on(t.serviceId, t.startsAt),
    index('mediation_requests_case_idx').on(t.caseId),
  ],
);

/** A request offered to the top candidates: the first to accept gets it. */
export const mediationOffers = pgTable(
  'mediation_offers',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => mediationRequests.id),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    status: text('status').notNull().default('pending'),
    offeredAt: ts('offered_at').notNull().defaultNow(),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.mediatorId] }),
    check('mediation_offers_status_check', inList(t.status, OFFER_STATUSES)),
    index('mediation_offers_mediator_idx').on(t.mediatorId, t.status),
  ],
);

export const mediationAssignments = pgTable(
  'mediation_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => mediationRequests.id),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    status: text('status').notNull(),
    /** The request's time, copied so the overlap check reads one indexed table. */
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
    answeredAt: ts('answered_at'),
    declineReason: text('decline_reason'),
    actualMinutes: smallint('actual_minutes'),
    travelMinutes: smallint('travel_minutes'),
    travelKm: numeric('travel_km', { precision: 6, scale: 1, mode: 'number' }),
    /** The rate paid, fixed when the hours are logged: a later rate change never rewrites a statement. */
    hourlyCents: integer('hourly_cents'),
    travelCentsPerKm: integer('travel_cents_per_km'),
    costCents: integer('cost_cents'),
    loggedAt: ts('logged_at'),
    feedbackTokenHash: text('feedback_token_hash').unique(),
    feedbackExpiresAt: ts('feedback_expires_at'),
    feedbackCount: smallint('feedback_count').notNull().default(0),
  },
  (t) => [
    check('mediation_assignments_status_check', inList(t.status, ASSIGNMENT_STATUSES)),
    // One live or logged assignment per request: a second assignment of the same request fails here.
    uniqueIndex('mediation_assignments_request_live_idx')
      .on(t.requestId)
      .where(sql`status in ('assigned', 'confirmed', 'completed', 'no_show')`),
    index('mediation_assignments_mediator_idx').on(t.mediatorId, t.startsAt),
    index('mediation_assignments_logged_idx').on(t.loggedAt),
  ],
);

/** The requester's rating of a mediation (one per assignment). */
export const mediationRatings = pgTable(
  'mediation_ratings',
  {
    assignmentId: uuid('assignment_id')
      .primaryKey()
      .references(() => mediationAssignments.id),
    ratedBy: uuid('rated_by')
      .notNull()
      .references(() => users.id),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [check('mediation_ratings_rating_check', sql`${t.rating} between 1 and 5`)],
);

/**
 * The person mediated, anonymous: three answers, the mediator they are about and the month. Not the
 * assignment (its request names the person, the time, the requester) and not the day: nothing that
 * says who answered or about which meeting.
 */
export const mediationPersonFeedback = pgTable(
  'mediation_person_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    understood: text('understood').notNull(),
    respected: text('respected').notNull(),
    again: text('again').notNull(),
    /** The first day of the month (Europe/Rome) the answer came in. */
    answeredMonth: date('answered_month').notNull(),
  },
  (t) => [
    check('mediation_person_feedback_understood_check', inList(t.understood, FEEDBACK_ANSWERS)),
    check('mediation_person_feedback_respected_check', inList(t.respected, FEEDBACK_ANSWERS)),
    check('mediation_person_feedback_again_check', inList(t.again, FEEDBACK_ANSWERS)),
    index('mediation_person_feedback_mediator_idx').on(t.mediatorId, t.answeredMonth),
  ],
);

/** A mediator's personal ICS feed: the token's hash; the feed carries their live assignments. */
export const mediationCalendarFeeds = pgTable('mediation_calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
