import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ADDRESS_REQUEST_STATUSES,
  LEDGER_ENTRY_KINDS,
  OCCUPANCY_EXIT_REASONS,
  PAYEE_KINDS,
  RENT_REQUEST_STATUSES,
} from '../../../contracts/autonomy-codes.js';
import { inList } from '../../platform/db/in-list.js';
import { storedFiles } from '../../platform/storage/storage.sql.js';
import { districts, organisations, services, users } from '../../platform/tenancy/tenancy.sql.js';
import { households, people } from '../cases/cases.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Protected apartments and rent support (WP5, issue 20). Row-level security in 0041_autonomy_rls:
 * the housing team of an autonomy_housing service (its coordinators and practitioners) reads its
 * units and occupancy, its coordinators write them; its finance officers approve and pay. The
 * address and a private landlord's details are encrypted and out of the request role's reach.
 */

export const housingUnits = pgTable(
  'housing_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    label: text('label').notNull(),
    managingOrganisationId: uuid('managing_organisation_id')
      .notNull()
      .references(() => organisations.id),
    capacity: smallint('capacity').notNull(),
    accessibility: text('accessibility').array().notNull().default(sql`'{}'::text[]`),
    /** The district, never the comune or the street: what lists may show. */
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    addressEncrypted: text('address_encrypted').notNull(),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('housing_units_capacity_check', sql`${t.capacity} between 1 and 30`),
    index('housing_units_service_idx').on(t.serviceId, t.label),
  ],
);

/** Who lived in a unit, from when to when; the unit's row is locked while seats are counted. */
export const housingOccupancies = pgTable(
  'housing_occupancies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => housingUnits.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    people: smallint('people').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    exitReason: text('exit_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    endedBy: uuid('ended_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('housing_occupancies_people_check', sql`${t.people} >= 1`),
    check('housing_occupancies_dates_check', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
    check(
      'housing_occupancies_exit_check',
      sql`${t.exitReason} is null or ${inList(t.exitReason, OCCUPANCY_EXIT_REASONS)}`,
    ),
    index('housing_occupancies_unit_idx').on(t.unitId, t.startsOn),
    index('housing_occupancies_household_idx').on(t.householdId),
  ],
);

/** Someone outside the housing team asks to see an address; a housing coordinator who did not ask decides. */
export const housingAddressRequests = pgTable(
  'housing_address_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => housingUnits.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    usableUntil: ts('usable_until'),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('housing_address_requests_status_check', inList(t.status, ADDRESS_REQUEST_STATUSES)),
    // The second person: never the one who asked (four eyes, in the database).
    check(
      'housing_address_requests_second_person_check',
      sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`,
    ),
    index('housing_address_requests_unit_idx').on(t.unitId, t.status),
    index('housing_address_requests_requester_idx').on(t.requestedBy),
  ],
);

/** Messages to a hosted household about its placement, planned under its safe-contact rules. */
export const housingMessages = pgTable(
  'housing_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occupancyId: uuid('occupancy_id')
      .notNull()
      .references(() => housingOccupancies.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    channel: text('channel').notNull(),
    notBefore: ts('not_before').notNull(),
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('housing_messages_occupancy_idx').on(t.occupancyId)],
);

/** A budget per year and funding line; `committed_cents` moves only by conditional updates. */
export const rentBudgets = pgTable(
  'rent_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    year: smallint('year').notNull(),
    fundingLine: text('funding_line').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    committedCents: bigint('committed_cents', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('rent_budgets_amount_check', sql`${t.amountCents} > 0`),
    check(
      'rent_budgets_committed_check',
      sql`${t.committedCents} >= 0 and ${t.committedCents} <= ${t.amountCents}`,
    ),
    uniqueIndex('rent_budgets_line_idx').on(t.serviceId, t.year, t.fundingLine),
  ],
);

/**
 * A request for rent support and, once approved, its payment order. Approved by a second person
 * (a CHECK, whatever path writes it); once paid the row is frozen by a trigger (0041): a mistake
 * is undone by a reversal in the ledger, never by editing.
 */
export const rentRequests = pgTable(
  'rent_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => rentBudgets.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    unitId: uuid('unit_id').references(() => housingUnits.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    payeeKind: text('payee_kind').notNull(),
    payeeOrganisationId: uuid('payee_organisation_id').references(() => organisations.id),
    /** A private landlord's name, tax code, IBAN and lease note (JSON, encrypted): safety. */
    landlordEncrypted: text('landlord_encrypted'),
    note: text('note'),
    status: text('status').notNull().default('requested'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: ts('approved_at'),
    refusedBy: uuid('refused_by').references(() => users.id),
    refusalReason: text('refusal_reason'),
    paidOn: date('paid_on'),
    paymentReference: text('payment_reference'),
    paidBy: uuid('paid_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('rent_requests_status_check', inList(t.status, RENT_REQUEST_STATUSES)),
    check('rent_requests_payee_check', inList(t.payeeKind, PAYEE_KINDS)),
    check('rent_requests_amount_check', sql`${t.amountCents} > 0`),
    check('rent_requests_period_check', sql`${t.periodTo} >= ${t.periodFrom}`),
    check(
      'rent_requests_payee_details_check',
      sql`(${t.payeeKind} = 'partner' and ${t.payeeOrganisationId} is not null)
          or (${t.payeeKind} = 'landlord' and ${t.landlordEncrypted} is not null)`,
    ),
    // Four eyes: whoever approves, refuses or pays is not who asked.
    check(
      'rent_requests_four_eyes_check',
      sql`(${t.approvedBy} is null or ${t.approvedBy} <> ${t.requestedBy})
          and (${t.refusedBy} is null or ${t.refusedBy} <> ${t.requestedBy})
          and (${t.paidBy} is null or ${t.paidBy} <> ${t.requestedBy})`,
    ),
    check(
      'rent_requests_approved_check',
      sql`${t.status} not in ('approved', 'paid') or (${t.approvedBy} is not null and ${t.approvedAt} is not null)`,
    ),
    check(
      'rent_requests_paid_check',
      sql`${t.status} <> 'paid' or (${t.paidOn} is not null and ${t.paymentReference} is not null and ${t.paidBy} is not null)`,
    ),
    index('rent_requests_service_idx').on(t.serviceId, t.status, t.requestedAt),
    index('rent_requests_budget_idx').on(t.budgetId),
    index('rent_requests_household_idx').on(t.householdId),
  ],
);

export const rentRequestFiles = pgTable(
  'rent_request_files',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => rentRequests.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.fileId] })],
);

/** The ledger: payments and their reversals, append-only (a trigger refuses UPDATE and DELETE). */
export const rentLedgerEntries = pgTable(
  'rent_ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => rentBudgets.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => rentRequests.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    entryOn: date('entry_on').notNull(),
    reference: text('reference'),
    reason: text('reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('rent_ledger_entries_kind_check', inList(t.kind, LEDGER_ENTRY_KINDS)),
    check(
      'rent_ledger_entries_sign_check',
      sql`(${t.kind} = 'payment' and ${t.amountCents} > 0) or (${t.kind} = 'reversal' and ${t.amountCents} < 0)`,
    ),
    // One payment and at most one reversal per order.
    uniqueIndex('rent_ledger_entries_once_idx').on(t.requestId, t.kind),
    index('rent_ledger_entries_budget_idx').on(t.budgetId, t.entryOn),
    index('rent_ledger_entries_household_idx').on(t.householdId),
  ],
);
