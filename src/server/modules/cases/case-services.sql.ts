import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { OUTSIDE_ROLES, SERVICE_STATUSES, SERVICE_TYPE_CODES } from '../../../contracts/case-services.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { caseSessions, cases, inList, people, sessionNotes } from './cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Services delivered, follow-ups, and what sessions need to be recorded as they happened (issue 22,
 * items 3-4). Row-level security, grants and the safety triggers in db/migrations-wip/2-case-services.sql
 * (migration 0047); field classes and retention in case-services.fields.ts.
 */

/** A service the case receives, from the national list (CISIS/ISTAT nomenclatore). */
export const caseServices = pgTable(
  'case_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personId: uuid('person_id').references(() => people.id),
    type: text('type').notNull(),
    providerUserId: uuid('provider_user_id').references(() => users.id),
    providerOrganisation: text('provider_organisation'),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    hours: integer('hours'),
    status: text('status').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('case_services_case_idx').on(t.caseId, t.startedOn),
    check('case_services_type_check', inList(t.type, SERVICE_TYPE_CODES)),
    check('case_services_status_check', inList(t.status, SERVICE_STATUSES)),
  ],
);

/** Something to check later, by a date, by someone of the team. */
export const caseFollowups = pgTable(
  'case_followups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    serviceId: uuid('service_id').references(() => caseServices.id),
    what: text('what').notNull(),
    dueOn: date('due_on').notNull(),
    assignedTo: uuid('assigned_to')
      .notNull()
      .references(() => users.id),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by').references(() => users.id),
    outcome: text('outcome'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('case_followups_case_idx').on(t.caseId, t.dueOn),
    index('case_followups_assignee_idx').on(t.assignedTo, t.dueOn),
  ],
);

/** The text a note section had before each edit (encrypted like the note), who changed it and when. */
export const sessionNoteVersions = pgTable(
  'session_note_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => sessionNotes.id),
    bodyEncrypted: text('body_encrypted').notNull(),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => users.id),
    editedAt: ts('edited_at').notNull().defaultNow(),
  },
  (t) => [index('session_note_versions_note_idx').on(t.noteId, t.editedAt)],
);

/** Professionals from outside the team who attended: recorded by role, never given the case. */
export const sessionOutsideParticipants = pgTable(
  'session_outside_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => caseSessions.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** The referring social worker, when they are a user (the referral's sender). */
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    organisation: text('organisation'),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    index('session_outside_participants_session_idx').on(t.sessionId),
    check('session_outside_participants_role_check', inList(t.role, OUTSIDE_ROLES)),
  ],
);

/**
 * A researcher's note on a session they took part in (issue 22, item 4): written only while every
 * person of the case has a research consent in force, stored pseudonymised (the family's names
 * replaced by research codes before encryption), read by its author only.
 */
export const sessionResearchNotes = pgTable(
  'session_research_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => caseSessions.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    bodyEncrypted: text('body_encrypted').notNull(),
    writtenAt: ts('written_at').notNull().defaultNow(),
  },
  (t) => [index('session_research_notes_author_idx').on(t.authorId, t.sessionId)],
);
