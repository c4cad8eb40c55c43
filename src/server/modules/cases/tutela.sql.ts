import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COURT_ORDER_KINDS,
  COURT_REPORT_STATUSES,
  DEADLINE_KINDS,
  LEGAL_ROLES,
  LIVING_ARRANGEMENTS,
  PERMIT_TYPES,
  PLACEMENT_KINDS,
  RELATION_KINDS,
  RESIDENCE_STATUSES,
  STATUS_CHANGE_KINDS,
  TRANSFER_BASES,
  TRANSFER_STATUSES,
} from '../../../contracts/tutela.js';
import { storedFiles } from '../../platform/storage/storage.sql.js';
import { services, users } from '../../platform/tenancy/tenancy.sql.js';
import { cases, consents, households, inList, people } from './cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Tutela Minori's own cases and the court (issue 15, ADR 0017). Row-level security in migration
 * 0021_tutela_rls; field classes and retention in cases.fields.ts.
 */

/** A court order on a case: what the Tribunale per i Minorenni (or the public authority, art. 403) decided. */
export const courtOrders = pgTable(
  'court_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    court: text('court').notNull(),
    docketNumber: text('docket_number').notNull(),
    kind: text('kind').notNull(),
    decidedOn: date('decided_on').notNull(),
    removalAt: ts('removal_at'),
    livingArrangement: text('living_arrangement'),
    provisions: text('provisions'),
    durationMonths: smallint('duration_months'),
    endsOn: date('ends_on'),
    reportEveryMonths: smallint('report_every_months'),
    curatoreSpeciale: text('curatore_speciale'),
    tutore: text('tutore'),
    addressProtected: boolean('address_protected').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('court_orders_case_idx').on(t.caseId, t.decidedOn),
    check('court_orders_kind_check', inList(t.kind, COURT_ORDER_KINDS)),
    check('court_orders_living_check', inList(t.livingArrangement, LIVING_ARRANGEMENTS)),
  ],
);

/** Why an order changed and what changed (field names, from, to): deadlines never move silently. */
export const courtOrderChanges = pgTable(
  'court_order_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => courtOrders.id),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
    reason: text('reason').notNull(),
    changes: text('changes').notNull(),
  },
  (t) => [index('court_order_changes_order_idx').on(t.orderId, t.changedAt)],
);

/**
 * The deadlines an order sets, written when it is recorded. A change of the order supersedes the
 * open ones (kept, with the change that moved them) and writes the new ones.
 */
export const courtDeadlines = pgTable(
  'court_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => courtOrders.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    dueAt: ts('due_at').notNull(),
    metAt: ts('met_at'),
    metBy: uuid('met_by').references(() => users.id),
    supersededAt: ts('superseded_at'),
    supersededBy: uuid('superseded_by').references(() => courtOrderChanges.id),
    /** When the lead and the supervising coordinators were told it is late (once; the job's marker). */
    escalatedAt: ts('escalated_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('court_deadlines_case_idx').on(t.caseId, t.dueAt),
    index('court_deadlines_open_idx')
      .on(t.dueAt)
      .where(sql`${t.metAt} is null and ${t.supersededAt} is null`),
    check('court_deadlines_kind_check', inList(t.kind, DEADLINE_KINDS)),
  ],
);

/** A report to the court: drafted by the worker, approved by the coordinator, sent with a protocol number. */
export const courtReports = pgTable(
  'court_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => courtOrders.id),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    content: text('content').notNull(),
    status: text('status').notNull().default('draft'),
    draftedBy: uuid('drafted_by')
      .notNull()
      .references(() => users.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: ts('approved_at'),
    returnReason: text('return_reason'),
    sentOn: date('sent_on'),
    protocolNumber: text('protocol_number'),
    sentBy: uuid('sent_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('court_reports_case_idx').on(t.caseId, t.periodTo),
    check('court_reports_status_check', inList(t.status, COURT_REPORT_STATUSES)),
    check('court_reports_period_check', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** Documents attached to a report to the court (stored encrypted by platform/storage, ADR 0010). */
export const courtReportFiles = pgTable(
  'court_report_files',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => courtReports.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.fileId] }), index('court_report_files_file_idx').on(t.fileId)],
);

/** Relations between people of a family network (not only to the household's reference person). */
export const personRelations = pgTable(
  'person_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromPersonId: uuid('from_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    toPersonId: uuid('to_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('person_relations_household_idx').on(t.householdId),
    check('person_relations_kind_check', inList(t.kind, RELATION_KINDS)),
    check('person_relations_not_self', sql`${t.fromPersonId} <> ${t.toPersonId}`),
  ],
);

/** Who holds parental responsibility, the tutore, the curatore speciale, a guardian ad litem. */
export const legalRoles = pgTable(
  'legal_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    holderPersonId: uuid('holder_person_id').references(() => people.id),
    holderName: text('holder_name'),
    holderOrganisation: text('holder_organisation'),
    orderId: uuid('order_id').references(() => courtOrders.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('legal_roles_person_idx').on(t.personId),
    check('legal_roles_role_check', inList(t.role, LEGAL_ROLES)),
    check('legal_roles_holder_check', sql`(${t.holderPersonId} is null) <> (${t.holderName} is null)`),
  ],
);

/** Alternative care: where a child lives by an order; the address is encrypted (safety when protected). */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').notNull(),
    providerName: text('provider_name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    orderId: uuid('order_id').references(() => courtOrders.id),
    addressEncrypted: text('address_encrypted'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('placements_case_idx').on(t.caseId, t.startsOn),
    check('placements_kind_check', inList(t.kind, PLACEMENT_KINDS)),
  ],
);

export const placementVisits = pgTable(
  'placement_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    visitedOn: date('visited_on').notNull(),
    note: text('note'),
    visitedBy: uuid('visited_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('placement_visits_placement_idx').on(t.placementId, t.visitedOn)],
);

/** A case handed to the service of another Ambito, on a basis: accepted there, the old team loses it at once. */
export const caseTransfers = pgTable(
  'case_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fromServiceId: uuid('from_service_id')
      .notNull()
      .references(() => services.id),
    toServiceId: uuid('to_service_id')
      .notNull()
      .references(() => services.id),
    basis: text('basis').notNull(),
    consentId: uuid('consent_id').references(() => consents.id),
    orderId: uuid('order_id').references(() => courtOrders.id),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('requested'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
    refusalReason: text('refusal_reason'),
  },
  (t) => [
    index('case_transfers_to_idx').on(t.toServiceId, t.status),
    index('case_transfers_case_idx').on(t.caseId),
    check('case_transfers_basis_check', inList(t.basis, TRANSFER_BASES)),
    check('case_transfers_status_check', inList(t.status, TRANSFER_STATUSES)),
    check('case_transfers_not_to_self', sql`${t.fromServiceId} <> ${t.toServiceId}`),
    check(
      'case_transfers_basis_record',
      sql`(${t.basis} = 'consent' and ${t.consentId} is not null) or (${t.basis} = 'court_order' and ${t.orderId} is not null)`,
    ),
  ],
);

/** Closure requests, refusals, returns, closings, reopenings and transfers: the case's status history. */
export const caseStatusChanges = pgTable(
  'case_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [
    index('case_status_changes_case_idx').on(t.caseId, t.changedAt),
    check('case_status_changes_kind_check', inList(t.kind, STATUS_CHANGE_KINDS)),
  ],
);

/** A person's residence status (special: never in lists; counted only through disclosure control). */
export const personResidence = pgTable(
  'person_residence',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    permitType: text('permit_type'),
    expiresOn: date('expires_on'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.personId] }),
    check('person_residence_status_check', inList(t.status, RESIDENCE_STATUSES)),
    check('person_residence_permit_check', inList(t.permitType, PERMIT_TYPES)),
  ],
);
