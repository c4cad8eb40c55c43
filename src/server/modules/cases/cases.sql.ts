import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { SESSION_STATUSES } from '../../../contracts/case-services.js';
import { CASE_ORIGINS, REPORTER_KINDS } from '../../../contracts/tutela.js';
import { inList } from '../../platform/db/in-list.js';
import { districts, municipalities, services, users } from '../../platform/tenancy/tenancy.sql.js';

export { inList };

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Case management (WP2, WP4). Row-level security for every table is in migration 0005_cases_rls;
 * field classes in platform/access/field-classes.ts. Clinical content lives in case_files and
 * session_notes, apart from the case row a referrer may read, so "status only" is structural.
 */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A random code for lists and conversations: never a name, never a sequence. */
    code: text('code').notNull().unique(),
    ownerServiceId: uuid('owner_service_id')
      .notNull()
      .references(() => services.id),
    municipality: text('municipality')
      .notNull()
      .references(() => municipalities.istatCode),
    districtId: uuid('district_id').references(() => districts.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** When the retention run anonymised it (issue 23): names, notes and contacts gone, counts kept. */
    anonymisedAt: ts('anonymised_at'),
  },
  (t) => [index('households_owner_idx').on(t.ownerServiceId, t.createdAt)],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** Order of entry within the household: members are listed as they were registered. */
    position: smallint('position').notNull().default(0),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    relationship: text('relationship').notNull(),
    caseRole: text('case_role').notNull(),
    birthYear: smallint('birth_year'),
    birthDate: date('birth_date'),
    gender: text('gender').notNull(),
    citizenship: text('citizenship'),
    languages: text('languages').array().notNull().default(sql`'{}'`),
    preferredLanguage: text('preferred_language'),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    preferredMediatorGender: text('preferred_mediator_gender').notNull().default('any'),
    /** Marked at risk from the household's perpetrator: protected from his followers like a victim (0007). */
    atRisk: boolean('at_risk').notNull().default(false),
    /** A relative or significant adult of the family network who lives elsewhere (issue 15). */
    livesInHousehold: boolean('lives_in_household').notNull().default(true),
    municipality: text('municipality').references(() => municipalities.istatCode),
    identifierType: text('identifier_type').notNull().default('none'),
    identifier: text('identifier'),
    /** Address, phone, shelter (safety, encrypted with the row id as context). */
    contactEncrypted: text('contact_encrypted'),
    /** Safe-contact rules: channels, times, code word, never-write-to (safety, encrypted). */
    safeContactEncrypted: text('safe_contact_encrypted'),
    /** A duplicate record merged into another (person-merges.service.ts): kept, read-only, reversible. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => people.id),
    /**
     * Processing restricted at the person's request (GDPR art. 18), set and lifted by the DPO: the
     * record is kept but not changed, nor brought into a new referral or session (migration 0052).
     */
    processingRestrictedAt: ts('processing_restricted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('people_household_idx').on(t.householdId),
    check('people_case_role_check', sql`${t.caseRole} in ('victim', 'perpetrator', 'child', 'other')`),
  ],
);

/**
 * Who changed what in a person's record, field by field (from, to): the record's own history,
 * readable with the person (row-level security in migration 0014). Safety details and the at-risk
 * mark have their own audited routes and never appear here.
 */
export const personChanges = pgTable(
  'person_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
    changes: jsonb('changes').notNull(),
  },
  (t) => [index('person_changes_person_idx').on(t.personId, t.changedAt)],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    givenBy: text('given_by').notNull(),
    representativeName: text('representative_name'),
    purpose: text('purpose').notNull(),
    recipientServiceId: uuid('recipient_service_id').references(() => services.id),
    sections: text('sections').array().notNull().default(sql`'{}'`),
    givenOn: date('given_on').notNull(),
    expiresOn: date('expires_on'),
    method: text('method').notNull(),
    witnessName: text('witness_name'),
    courtOrderReference: text('court_order_reference'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    revokedAt: ts('revoked_at'),
    revocationReason: text('revocation_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consents_person_idx').on(t.personId)],
);

/** Conflict-of-interest locks: this user never reaches a case of this person. */
export const personExclusions = pgTable(
  'person_exclusions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('person_exclusions_unique').on(t.personId, t.userId),
    index('person_exclusions_user_idx').on(t.userId),
  ],
);

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromServiceId: uuid('from_service_id')
      .notNull()
      .references(() => services.id),
    toServiceId: uuid('to_service_id')
      .notNull()
      .references(() => services.id),
    purpose: text('purpose').notNull(),
    /**
     * `service`: one service refers to another. Otherwise the mandated service records how its own
     * case came to it (a court decree, a report, the family's request): sender and recipient are it.
     */
    origin: text('origin').notNull().default('service'),
    reporterKind: text('reporter_kind'),
    /** The case this referral was sent from (a Tutela Minori case asking the ethnoclinical team). */
    parentCaseId: uuid('parent_case_id').references((): AnyPgColumn => cases.id),
    courtInvestigation: boolean('court_investigation').notNull().default(false),
    urgency: text('urgency').notNull(),
    sections: text('sections').array().notNull().default(sql`'{}'`),
    message: text('message').notNull(),
    status: text('status').notNull().default('draft'),
    legalBasis: text('legal_basis'),
    consentOverrideReason: text('consent_override_reason'),
    /** The legal basis in force (consents or a court order): recomputed when a consent changes. */
    basisExpiresOn: date('basis_expires_on'),
    basisLapsedAt: ts('basis_lapsed_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    sentAt: ts('sent_at'),
    dueBy: ts('due_by'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
    declineReason: text('decline_reason'),
    closedAt: ts('closed_at'),
    revokedAt: ts('revoked_at'),
    revocationReason: text('revocation_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('referrals_to_idx').on(t.toServiceId, t.status, t.sentAt),
    index('referrals_from_idx').on(t.fromServiceId, t.status, t.createdAt),
    check(
      'referrals_status_check',
      sql`${t.status} in ('draft', 'sent', 'accepted', 'declined', 'closed', 'revoked')`,
    ),
    check('referrals_not_to_self', sql`${t.fromServiceId} <> ${t.toServiceId} or ${t.origin} <> 'service'`),
    check('referrals_origin_check', inList(t.origin, CASE_ORIGINS)),
    check('referrals_reporter_kind_check', inList(t.reporterKind, REPORTER_KINDS)),
    index('referrals_parent_case_idx').on(t.parentCaseId),
  ],
);

/** The people a referral (and the case opened from it) concerns. */
export const referralPeople = pgTable(
  'referral_people',
  {
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.referralId, t.personId] }),
    index('referral_people_person_idx').on(t.personId),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    districtId: uuid('district_id').references(() => districts.id),
    leadUserId: uuid('lead_user_id').references(() => users.id),
    status: text('status').notNull().default('open'),
    openedAt: ts('opened_at').notNull().defaultNow(),
    referralSentAt: ts('referral_sent_at'),
    firstSessionAt: ts('first_session_at'),
    planStatus: text('plan_status').notNull().default('none'),
    planApprovedAt: ts('plan_approved_at'),
    planApprovedBy: uuid('plan_approved_by').references(() => users.id),
    planSubmittedBy: uuid('plan_submitted_by').references(() => users.id),
    closureOutcome: text('closure_outcome'),
    closureRequestedAt: ts('closure_requested_at'),
    closureRequestedBy: uuid('closure_requested_by').references(() => users.id),
    closedAt: ts('closed_at'),
    closureApprovedBy: uuid('closure_approved_by').references(() => users.id),
    /** Where the case went (closure "transferred to"), in words: another Ambito, a service elsewhere. */
    transferredTo: text('transferred_to'),
    /** After-care: the date the team looks at the family again after closing. */
    afterCareOn: date('after_care_on'),
    /** Copied from the referral (and kept in step by the consents trigger): no basis, no access. */
    basisExpiresOn: date('basis_expires_on'),
    basisLapsedAt: ts('basis_lapsed_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('cases_referral_unique').on(t.referralId),
    index('cases_service_idx').on(t.serviceId, t.status, t.openedAt),
    index('cases_district_idx').on(t.districtId, t.status, t.openedAt),
    index('cases_household_idx').on(t.householdId),
    check('cases_status_check', sql`${t.status} in ('open', 'closing', 'closed')`),
  ],
);

/** The clinical content of a case: never readable by the referrer or a mediator (RLS). */
export const caseFiles = pgTable('case_files', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  intake: jsonb('intake'),
  assessment: jsonb('assessment'),
  plan: jsonb('plan'),
  closureReason: text('closure_reason'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

export const caseTeam = pgTable(
  'case_team',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamRole: text('team_role').notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.userId] }),
    index('case_team_user_idx').on(t.userId, t.teamRole),
    check('case_team_role_check', sql`${t.teamRole} in ('lead', 'member', 'mediator', 'referrer')`),
  ],
);

export const caseSessions = pgTable(
  'case_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    startsAt: ts('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull(),
    language: text('language'),
    mediatorId: uuid('mediator_id').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** As it happened (issue 22): scheduled, held, cancelled or missed; a reason for the last two. */
    status: text('status').notNull().default('scheduled'),
    statusReason: text('status_reason'),
    heldAt: ts('held_at'),
  },
  (t) => [
    check('case_sessions_status_check', inList(t.status, SESSION_STATUSES)),
    index('case_sessions_case_idx').on(t.caseId, t.startsAt),
    index('case_sessions_mediator_idx').on(t.mediatorId, t.startsAt),
  ],
);

export const sessionStaff = pgTable(
  'session_staff',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => caseSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const sessionPeople = pgTable(
  'session_people',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => caseSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);

/** Sealed note sections, encrypted; who may read which section is in migration 0005 and the policy. */
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => caseSessions.id),
    section: text('section').notNull(),
    bodyEncrypted: text('body_encrypted').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The last edit (issue 22); the text before it is in session_note_versions. */
    editedAt: ts('edited_at'),
    editedBy: uuid('edited_by').references(() => users.id),
  },
  (t) => [
    unique('session_notes_section_unique').on(t.sessionId, t.section),
    check('session_notes_section_check', sql`${t.section} in ('psychological', 'social', 'mediation')`),
  ],
);

/** Messages to a person (session reminders), planned under their safe-contact rules. */
export const personMessages = pgTable('person_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id),
  sessionId: uuid('session_id').references(() => caseSessions.id),
  /** email, or a task for the practitioner (call or tell in person) when no written channel is allowed. */
  channel: text('channel').notNull(),
  notBefore: ts('not_before').notNull(),
  status: text('status').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const studies = pgTable('studies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  researchServiceId: uuid('research_service_id')
    .notNull()
    .references(() => services.id),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
});

export const researchExports = pgTable('research_exports', {
  id: uuid('id').primaryKey().defaultRandom(),
  studyId: uuid('study_id')
    .notNull()
    .references(() => studies.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  format: text('format').notNull(),
  rowCount: integer('row_count').notNull(),
  exportedAt: ts('exported_at').notNull().defaultNow(),
});
