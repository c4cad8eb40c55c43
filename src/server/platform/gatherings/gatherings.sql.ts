import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ATTENDANCE_SOURCES,
  ATTENDANCE_STATUSES,
  PLACE_STATUSES,
  PROFESSIONS,
} from '../../../contracts/gatherings.js';
import { inList } from '../db/in-list.js';
import { organisations, services, users } from '../tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A gathering: what a training edition, a community event or a committee meeting shares (ADR
 * 0019). `seats_taken` is the capacity counter, moved only by conditional updates
 * (`… where seats_taken < capacity`), so two requests at once never overfill it. Row-level
 * security in migration 0027_gatherings_rls.
 */
export const gatherings = pgTable(
  'gatherings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The module whose record this is (`training`, later `community`, `governance`). */
    module: text('module').notNull(),
    title: text('title').notNull(),
    ownerServiceId: uuid('owner_service_id')
      .notNull()
      .references(() => services.id),
    capacity: integer('capacity').notNull(),
    seatsTaken: integer('seats_taken').notNull().default(0),
    registrationOpensAt: ts('registration_opens_at').notNull(),
    registrationClosesAt: ts('registration_closes_at').notNull(),
    confirmWithinHours: integer('confirm_within_hours').notNull().default(48),
    approvalRequired: boolean('approval_required').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('gatherings_seats_check', sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity}`),
    check('gatherings_module_check', sql`${t.module} ~ '^[a-z]+$'`),
    index('gatherings_owner_idx').on(t.ownerServiceId),
  ],
);

export const gatheringSessions = pgTable(
  'gathering_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    place: text('place'),
    onlineLink: text('online_link'),
  },
  (t) => [
    check('gathering_sessions_order_check', sql`${t.endsAt} > ${t.startsAt}`),
    index('gathering_sessions_gathering_idx').on(t.gatheringId, t.startsAt),
  ],
);

/**
 * A registration: a Trama user (user_id) or an external participant (name, organisation, e-mail)
 * reached by a personal link whose hash is kept. `queued_seq` orders the waiting list.
 */
export const gatheringPlaces = pgTable(
  'gathering_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    externalName: text('external_name'),
    externalOrganisation: text('external_organisation'),
    externalEmail: text('external_email'),
    profession: text('profession').notNull(),
    /** The participant's service and organisation when enrolled (a coordinator's scope; the dashboard). */
    participantServiceId: uuid('participant_service_id').references(() => services.id),
    participantOrganisationId: uuid('participant_organisation_id').references(() => organisations.id),
    status: text('status').notNull(),
    queuedSeq: bigserial('queued_seq', { mode: 'number' }).notNull(),
    offerExpiresAt: ts('offer_expires_at'),
    linkTokenHash: text('link_token_hash'),
    linkExpiresAt: ts('link_expires_at'),
    /** Who asked for the place; null when the person registered themself on a public page. */
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('gathering_places_status_check', inList(t.status, PLACE_STATUSES)),
    check('gathering_places_profession_check', inList(t.profession, PROFESSIONS)),
    check(
      'gathering_places_who_check',
      // A user, or an external person with name and e-mail, or (community events) a resident
      // whose details the community module keeps beside the place, possibly none at all.
      sql`not (${t.userId} is not null and ${t.externalName} is not null) and (${t.externalName} is null) = (${t.externalEmail} is null)`,
    ),
    index('gathering_places_gathering_idx').on(t.gatheringId, t.status, t.queuedSeq),
    index('gathering_places_org_idx').on(t.participantOrganisationId),
    uniqueIndex('gathering_places_link_idx').on(t.linkTokenHash),
    // One live registration per user and gathering (a cancelled one may be followed by a new one).
    uniqueIndex('gathering_places_user_live_idx')
      .on(t.gatheringId, t.userId)
      .where(sql`user_id is not null and status not in ('cancelled', 'refused', 'lapsed')`),
    uniqueIndex('gathering_places_email_live_idx')
      .on(t.gatheringId, sql`lower(external_email)`)
      .where(sql`external_email is not null and status not in ('cancelled', 'refused', 'lapsed')`),
  ],
);

export const gatheringAttendance = pgTable(
  'gathering_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => gatheringSessions.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => gatheringPlaces.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.placeId] }),
    check('gathering_attendance_status_check', inList(t.status, ATTENDANCE_STATUSES)),
    check('gathering_attendance_source_check', inList(t.source, ATTENDANCE_SOURCES)),
    index('gathering_attendance_place_idx').on(t.placeId),
  ],
);

/** A personal calendar feed: a calendar app fetches it with the token in the address, no login. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
