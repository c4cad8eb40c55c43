import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  ENGAGEMENT_KINDS,
  EVENT_KINDS,
  EVENT_STATUSES,
  GENDERS,
  HOLDER_KINDS,
  HOLDER_LINK_KINDS,
  LEGAL_FORMS,
  NEED_SOURCES,
  NEED_TOPICS,
  PARTICIPANT_KINDS,
  PUBLIC_LANGUAGES,
  REGISTERED_VIA,
  RESOURCE_KINDS,
  RESOURCE_SOURCE_KINDS,
  RESOURCE_UNITS,
  SIZE_BANDS,
  VALUATION_RULES,
} from '../../../contracts/community.js';
import { inList } from '../../platform/db/in-list.js';
import { gatheringPlaces, gatheringSessions, gatherings } from '../../platform/gatherings/gatherings.sql.js';
import { municipalities, organisations, services, users } from '../../platform/tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Community holders: the organisations of the territory (associations, clubs, parishes, schools,
 * police…). Organisations, not people: their contacts are public-facing. Row-level security in
 * 0038_community_rls: every practitioner reads the directory; the engagement service writes.
 */
export const communityHolders = pgTable(
  'community_holders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    municipality: text('municipality')
      .notNull()
      .references(() => municipalities.istatCode),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    communities: text('communities').array().notNull().default(sql`'{}'::text[]`),
    size: text('size'),
    legalForm: text('legal_form'),
    keeperOrganisationId: uuid('keeper_organisation_id').references(() => organisations.id),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('community_holders_kind_check', inList(t.kind, HOLDER_KINDS)),
    check('community_holders_size_check', sql`${t.size} is null or ${inList(t.size, SIZE_BANDS)}`),
    check(
      'community_holders_legal_form_check',
      sql`${t.legalForm} is null or ${inList(t.legalForm, LEGAL_FORMS)}`,
    ),
    index('community_holders_municipality_idx').on(t.municipality, t.kind),
    index('community_holders_name_idx').on(t.name, t.id),
  ],
);

/** A holder's reference people (personal data: name and contacts), opinion leaders among them. */
export const communityHolderPeople = pgTable(
  'community_holder_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => communityHolders.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    roleTitle: text('role_title'),
    phone: text('phone'),
    email: text('email'),
    opinionLeader: boolean('opinion_leader').notNull().default(false),
    influenceTopics: text('influence_topics').array().notNull().default(sql`'{}'::text[]`),
    influenceCommunity: text('influence_community'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('community_holder_people_holder_idx').on(t.holderId)],
);

/** Consent to be contacted, as data: purpose, channel, date, withdrawal (never deleted). */
export const communityConsents = pgTable(
  'community_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => communityHolderPeople.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    channel: text('channel').notNull(),
    givenOn: date('given_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('community_consents_purpose_check', inList(t.purpose, CONSENT_PURPOSES)),
    check('community_consents_channel_check', inList(t.channel, CONSENT_CHANNELS)),
    check(
      'community_consents_order_check',
      sql`${t.withdrawnOn} is null or ${t.withdrawnOn} >= ${t.givenOn}`,
    ),
    index('community_consents_person_idx').on(t.personId),
  ],
);

export const communityHolderLinks = pgTable(
  'community_holder_links',
  {
    fromHolderId: uuid('from_holder_id')
      .notNull()
      .references(() => communityHolders.id, { onDelete: 'cascade' }),
    toHolderId: uuid('to_holder_id')
      .notNull()
      .references(() => communityHolders.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.fromHolderId, t.toHolderId, t.kind] }),
    check('community_holder_links_kind_check', inList(t.kind, HOLDER_LINK_KINDS)),
    check('community_holder_links_self_check', sql`${t.fromHolderId} <> ${t.toHolderId}`),
    index('community_holder_links_to_idx').on(t.toHolderId),
  ],
);

/** What a holder's community asked for (from meetings and surveys), and what was answered. */
export const communityNeeds = pgTable(
  'community_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => communityHolders.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    community: text('community'),
    source: text('source').notNull(),
    recordedOn: date('recorded_on').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('community_needs_topic_check', inList(t.topic, NEED_TOPICS)),
    check('community_needs_source_check', inList(t.source, NEED_SOURCES)),
    index('community_needs_holder_idx').on(t.holderId, t.recordedOn),
    index('community_needs_topic_idx').on(t.topic),
  ],
);

/**
 * Community events: an awareness meeting, a workshop or a citizenship lab (a series of sessions),
 * beside its gathering (capacity, waiting list, sessions, attendance: ADR 0019).
 */
export const communityEvents = pgTable(
  'community_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gatheringId: uuid('gathering_id')
      .notNull()
      .unique()
      .references(() => gatherings.id),
    kind: text('kind').notNull(),
    description: text('description'),
    municipality: text('municipality')
      .notNull()
      .references(() => municipalities.istatCode),
    languages: text('languages').array().notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    mediatorLanguage: text('mediator_language'),
    mediationRequestId: uuid('mediation_request_id'),
    /** The public page's address: random, so events cannot be walked by guessing. */
    publicSlug: text('public_slug').notNull().unique(),
    published: boolean('published').notNull().default(true),
    status: text('status').notNull().default('planned'),
    ownerServiceId: uuid('owner_service_id')
      .notNull()
      .references(() => services.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('community_events_kind_check', inList(t.kind, EVENT_KINDS)),
    check('community_events_status_check', inList(t.status, EVENT_STATUSES)),
    check(
      'community_events_languages_check',
      sql`${t.languages} <@ array[${sql.raw(PUBLIC_LANGUAGES.map((l) => `'${l}'`).join(', '))}]::text[] and cardinality(${t.languages}) > 0`,
    ),
    index('community_events_owner_idx').on(t.ownerServiceId),
    index('community_events_municipality_idx').on(t.municipality),
  ],
);

export const communityEventHolders = pgTable(
  'community_event_holders',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => communityEvents.id, { onDelete: 'cascade' }),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => communityHolders.id),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.holderId] }),
    index('community_event_holders_holder_idx').on(t.holderId),
  ],
);

/**
 * A registration's community side, beside its gathering place: resident or professional, named
 * or anonymous. Name and phone are encrypted (a list of who came to a meeting on violence is
 * itself sensitive); the phone's keyed hash recognises the same person registering twice and the
 * same resident across events. The ticket code (its hash) is the person's check-in and is reused
 * across the sessions of a series, so an anonymous resident counts once.
 */
export const communityRegistrations = pgTable(
  'community_registrations',
  {
    placeId: uuid('place_id')
      .primaryKey()
      .references(() => gatheringPlaces.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => communityEvents.id, { onDelete: 'cascade' }),
    participant: text('participant').notNull(),
    anonymous: boolean('anonymous').notNull(),
    nameEncrypted: text('name_encrypted'),
    phoneEncrypted: text('phone_encrypted'),
    phoneHash: text('phone_hash'),
    gender: text('gender').notNull(),
    ageBand: text('age_band').notNull(),
    citizenshipGroup: text('citizenship_group').notNull(),
    language: text('language').notNull(),
    ticketHash: text('ticket_hash').notNull().unique(),
    registeredVia: text('registered_via').notNull(),
    viaHolderId: uuid('via_holder_id').references(() => communityHolders.id),
    live: boolean('live').notNull().default(true),
    /** Feedback given with this ticket (once); the answer itself is kept apart, unlinked. */
    feedbackGiven: boolean('feedback_given').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('community_registrations_participant_check', inList(t.participant, PARTICIPANT_KINDS)),
    check('community_registrations_gender_check', inList(t.gender, GENDERS)),
    check('community_registrations_age_check', inList(t.ageBand, AGE_BANDS)),
    check('community_registrations_citizenship_check', inList(t.citizenshipGroup, CITIZENSHIP_GROUPS)),
    check('community_registrations_language_check', inList(t.language, PUBLIC_LANGUAGES)),
    check('community_registrations_via_check', inList(t.registeredVia, REGISTERED_VIA)),
    check(
      'community_registrations_anonymous_check',
      sql`not ${t.anonymous} or (${t.nameEncrypted} is null and ${t.phoneEncrypted} is null and ${t.phoneHash} is null)`,
    ),
    index('community_registrations_event_idx').on(t.eventId),
    // The same phone registers once per event while the registration lives.
    uniqueIndex('community_registrations_phone_live_idx')
      .on(t.eventId, t.phoneHash)
      .where(sql`phone_hash is not null and live`),
  ],
);

/** A head count: single-session events only; no identity, not de-duplicated (flagged in the counts). */
export const communityHeadCounts = pgTable(
  'community_head_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => gatheringSessions.id, { onDelete: 'cascade' }),
    participant: text('participant').notNull(),
    gender: text('gender').notNull(),
    ageBand: text('age_band').notNull(),
    citizenshipGroup: text('citizenship_group').notNull(),
    count: integer('count').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    check('community_head_counts_participant_check', inList(t.participant, PARTICIPANT_KINDS)),
    check('community_head_counts_gender_check', inList(t.gender, GENDERS)),
    check('community_head_counts_age_check', inList(t.ageBand, AGE_BANDS)),
    check('community_head_counts_citizenship_check', inList(t.citizenshipGroup, CITIZENSHIP_GROUPS)),
    check('community_head_counts_count_check', sql`${t.count} > 0`),
    index('community_head_counts_session_idx').on(t.sessionId),
  ],
);

/** The engagement timeline of a holder: meetings, contacts, events co-organised, resources offered. */
export const communityEngagements = pgTable(
  'community_engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => communityHolders.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    happenedOn: date('happened_on').notNull(),
    summary: text('summary').notNull(),
    eventId: uuid('event_id').references(() => communityEvents.id),
    resourceId: uuid('resource_id'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('community_engagements_kind_check', inList(t.kind, ENGAGEMENT_KINDS)),
    index('community_engagements_holder_idx').on(t.holderId, t.happenedOn),
  ],
);

/**
 * The complementary-resources ledger (the impact module counts it; governance adds funders'
 * contributions): who gave what, its value in cents and the rule it was valued by. Lines are
 * never rewritten; a correction is a new line.
 */
export const communityResources = pgTable(
  'community_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceKind: text('source_kind').notNull(),
    holderId: uuid('holder_id').references(() => communityHolders.id),
    sourceName: text('source_name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 2 }).notNull(),
    unit: text('unit').notNull(),
    valueCents: bigint('value_cents', { mode: 'number' }).notNull(),
    valuationRule: text('valuation_rule').notNull(),
    offeredOn: date('offered_on').notNull(),
    eventId: uuid('event_id').references(() => communityEvents.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('community_resources_source_kind_check', inList(t.sourceKind, RESOURCE_SOURCE_KINDS)),
    check('community_resources_kind_check', inList(t.kind, RESOURCE_KINDS)),
    check('community_resources_unit_check', inList(t.unit, RESOURCE_UNITS)),
    check('community_resources_rule_check', inList(t.valuationRule, VALUATION_RULES)),
    check('community_resources_value_check', sql`${t.valueCents} >= 0 and ${t.quantity} > 0`),
    check(
      'community_resources_holder_check',
      sql`${t.sourceKind} <> 'community_holder' or ${t.holderId} is not null`,
    ),
    index('community_resources_offered_idx').on(t.offeredOn),
    index('community_resources_holder_idx').on(t.holderId),
  ],
);

/** Anonymous feedback after an event (two questions, 1–5, in the resident's language). */
export const communityFeedback = pgTable(
  'community_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => communityEvents.id, { onDelete: 'cascade' }),
    useful: integer('useful').notNull(),
    understood: integer('understood').notNull(),
    language: text('language').notNull(),
    /** The month only: an answer's time must not point to who gave it. */
    month: date('month').notNull(),
  },
  (t) => [
    check(
      'community_feedback_scale_check',
      sql`${t.useful} between 1 and 5 and ${t.understood} between 1 and 5`,
    ),
    check('community_feedback_language_check', inList(t.language, PUBLIC_LANGUAGES)),
    index('community_feedback_event_idx').on(t.eventId),
  ],
);

/**
 * Walk-in forms already sent: a walk-in form (served only with the organiser's current QR code)
 * registers one person once, so a photographed code cannot be replayed to inflate the count.
 */
export const communityWalkInUses = pgTable('community_walk_in_uses', {
  tokenHash: text('token_hash').primaryKey(),
  sessionId: uuid('session_id')
    .notNull()
    .references(() => gatheringSessions.id, { onDelete: 'cascade' }),
  usedAt: ts('used_at').notNull().defaultNow(),
});
