import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  DOCUMENT_ATTACHED_KINDS,
  DOCUMENT_CLASSES,
  HANDOVER_STATUSES,
} from '../../../contracts/case-documents.js';
import { storedFiles } from '../../platform/storage/storage.sql.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { cases, households, inList } from './cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A document on the platform's file storage attached to a household, a case or a session. The
 * household and (for a case or a session) the case are kept beside the attached record, so that
 * row-level security and the access rule read them without a join per kind.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    attachedKind: text('attached_kind').notNull(),
    attachedId: uuid('attached_id').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** Null for a household's document. */
    caseId: uuid('case_id').references(() => cases.id),
    documentClass: text('document_class').notNull(),
    title: text('title').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by').references(() => users.id),
  },
  (t) => [
    index('case_documents_attached_idx').on(t.attachedKind, t.attachedId),
    index('case_documents_case_idx').on(t.caseId),
    index('case_documents_household_idx').on(t.householdId),
    index('case_documents_file_idx').on(t.fileId),
    check('case_documents_attached_kind_check', inList(t.attachedKind, DOCUMENT_ATTACHED_KINDS)),
    check('case_documents_class_check', inList(t.documentClass, DOCUMENT_CLASSES)),
  ],
);

/** The lead proposes handing the case to a colleague of the same service, who accepts or declines. */
export const caseHandovers = pgTable(
  'case_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    stayAsMember: boolean('stay_as_member').notNull(),
    status: text('status').notNull().default('proposed'),
    proposedAt: ts('proposed_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('case_handovers_case_idx').on(t.caseId, t.status),
    index('case_handovers_to_idx').on(t.toUserId, t.status),
    check('case_handovers_status_check', inList(t.status, HANDOVER_STATUSES)),
  ],
);
