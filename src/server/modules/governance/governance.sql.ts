import { sql } from 'drizzle-orm';
import {
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ACTION_STATUSES,
  ATTENDANCE_STATES,
  COMMITTEE_KINDS,
  COMMITTEE_ROLES,
  MEETING_STATUSES,
  MINUTES_STATUSES,
} from '../../../contracts/governance-codes.js';
import { inList } from '../../platform/db/in-list.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Committees of the partnership (WP6, issue 21): the steering committee, the follow-up unit and
 * working groups, their meetings, minutes, numbered decisions and actions. Row-level security in
 * 0045_governance_rls: a committee's records are read by its members; the secretary drafts, the
 * chair approves. No table here references a household, a person or a case.
 */

export const governanceCommittees = pgTable(
  'governance_committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** How many members must be present for the meeting to decide. */
    quorum: smallint('quorum').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_committees_kind_check', inList(t.kind, COMMITTEE_KINDS)),
    check('governance_committees_quorum_check', sql`${t.quorum} >= 1`),
  ],
);

/**
 * A member: a person with an account (`user_id`), or an external member with a name, an
 * organisation and an address for the invitations. `until` ends a membership without losing who
 * sat on the committee when.
 */
export const governanceMembers = pgTable(
  'governance_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => governanceCommittees.id),
    userId: uuid('user_id').references(() => users.id),
    externalName: text('external_name'),
    externalOrganisation: text('external_organisation'),
    externalEmail: text('external_email'),
    role: text('role').notNull(),
    since: date('since').notNull(),
    until: date('until'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_members_role_check', inList(t.role, COMMITTEE_ROLES)),
    check('governance_members_who_check', sql`(${t.userId} is null) <> (${t.externalName} is null)`),
    // Chair and secretary approve and draft as themselves: they hold an account.
    check('governance_members_officer_check', sql`${t.role} = 'member' or ${t.userId} is not null`),
    index('governance_members_committee_idx').on(t.committeeId),
    index('governance_members_user_idx').on(t.userId),
  ],
);

export const governanceMeetings = pgTable(
  'governance_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => governanceCommittees.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    place: text('place'),
    link: text('link'),
    status: text('status').notNull().default('planned'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_meetings_status_check', inList(t.status, MEETING_STATUSES)),
    check('governance_meetings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    index('governance_meetings_committee_idx').on(t.committeeId, t.startsAt),
  ],
);

/** An agenda item, with its presenter; its documents are stored files of record type `governance_agenda_item`. */
export const governanceAgendaItems = pgTable(
  'governance_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeetings.id),
    position: smallint('position').notNull(),
    title: text('title').notNull(),
    presenterMemberId: uuid('presenter_member_id').references(() => governanceMembers.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('governance_agenda_items_position_idx').on(t.meetingId, t.position)],
);

export const governanceAttendance = pgTable(
  'governance_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeetings.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => governanceMembers.id),
    state: text('state').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    check('governance_attendance_state_check', inList(t.state, ATTENDANCE_STATES)),
  ],
);

/**
 * One version of a meeting's minutes, drafted per agenda item (`items`: [{ agendaItemId, text }]).
 * An approved version is frozen (a trigger refuses any change); a correction is a new version
 * with its reason. `approved_at_meeting_id` is the meeting where the chair approved it.
 */
export const governanceMinutes = pgTable(
  'governance_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeetings.id),
    version: smallint('version').notNull(),
    status: text('status').notNull().default('draft'),
    items: jsonb('items').notNull(),
    correctionReason: text('correction_reason'),
    draftedBy: uuid('drafted_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    circulatedAt: ts('circulated_at'),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAtMeetingId: uuid('approved_at_meeting_id').references(() => governanceMeetings.id),
  },
  (t) => [
    check('governance_minutes_status_check', inList(t.status, MINUTES_STATUSES)),
    check(
      'governance_minutes_approved_check',
      sql`(${t.status} = 'approved') = (${t.approvedAt} is not null and ${t.approvedBy} is not null)`,
    ),
    check('governance_minutes_correction_check', sql`${t.version} = 1 or ${t.correctionReason} is not null`),
    uniqueIndex('governance_minutes_version_idx').on(t.meetingId, t.version),
  ],
);

/** The last decision number given per committee and year: taken with one upsert, never reused. */
export const governanceDecisionNumbers = pgTable(
  'governance_decision_numbers',
  {
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => governanceCommittees.id),
    year: smallint('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year] })],
);

/** A decision, numbered per committee and year ("3/2026"), and the indicator it is meant to move. */
export const governanceDecisions = pgTable(
  'governance_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => governanceCommittees.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeetings.id),
    agendaItemId: uuid('agenda_item_id').references(() => governanceAgendaItems.id),
    year: smallint('year').notNull(),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    /** An indicator key of a module (`platform/indicators`), e.g. `community.events_held`. */
    indicatorKey: text('indicator_key'),
    decidedOn: date('decided_on').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('governance_decisions_number_idx').on(t.committeeId, t.year, t.number),
    index('governance_decisions_meeting_idx').on(t.meetingId),
  ],
);

/** An action: its owner (an account), due date, status, and the decision it comes from. */
export const governanceActions = pgTable(
  'governance_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => governanceCommittees.id),
    decisionId: uuid('decision_id').references(() => governanceDecisions.id),
    title: text('title').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    closingNote: text('closing_note'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('governance_actions_status_check', inList(t.status, ACTION_STATUSES)),
    check(
      'governance_actions_closed_check',
      sql`(${t.status} in ('done', 'cancelled')) = (${t.closedAt} is not null)`,
    ),
    index('governance_actions_owner_idx').on(t.ownerId, t.dueOn),
    index('governance_actions_committee_idx').on(t.committeeId, t.dueOn),
  ],
);
