import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  RETENTION_ITEM_STATUSES,
  RETENTION_RULE_CLASSES,
  RETENTION_RUN_STATUSES,
} from '../../../contracts/privacy.js';
import { inList } from '../../platform/db/in-list.js';
import { organisations, users } from '../../platform/tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** The DPO's retention period for a class in one organisation; absent, the class's default applies. */
export const privacyRetentionPolicies = pgTable(
  'privacy_retention_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    retentionClass: text('retention_class').notNull(),
    periodMonths: integer('period_months').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('privacy_retention_policies_class').on(t.organisationId, t.retentionClass),
    check('privacy_retention_policies_class_known', inList(t.retentionClass, RETENTION_RULE_CLASSES)),
  ],
);

/** A legal hold: a proceeding or an authority's request that suspends retention for one household. */
export const privacyLegalHolds = pgTable(
  'privacy_legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id').notNull(),
    reason: text('reason').notNull(),
    reference: text('reference').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    liftedAt: ts('lifted_at'),
    liftedBy: uuid('lifted_by').references(() => users.id),
    liftReason: text('lift_reason'),
  },
  (t) => [
    index('privacy_legal_holds_household').on(t.householdId),
    check('privacy_legal_holds_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A retention run: the dry run's report, then its approval and execution. */
export const privacyRetentionRuns = pgTable(
  'privacy_retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('proposed'),
    asOf: date('as_of').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: ts('approved_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    check('privacy_retention_runs_status', inList(t.status, RETENTION_RUN_STATUSES)),
    // One run in hand at a time: two approved runs would race for the same households.
    uniqueIndex('privacy_retention_runs_one_open')
      .on(sql`(true)`)
      .where(sql`${t.status} in ('proposed', 'approved')`),
  ],
);

/** One household of a run: what the dry run found, and what became of it. */
export const privacyRetentionItems = pgTable(
  'privacy_retention_items',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => privacyRetentionRuns.id),
    householdId: uuid('household_id').notNull(),
    householdCode: text('household_code').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    lastClosedOn: date('last_closed_on').notNull(),
    dueOn: date('due_on').notNull(),
    cases: integer('cases').notNull(),
    people: integer('people').notNull(),
    notes: integer('notes').notNull(),
    documents: integer('documents').notNull(),
    status: text('status').notNull(),
    holdId: uuid('hold_id').references(() => privacyLegalHolds.id),
    doneAt: ts('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.householdId] }),
    check('privacy_retention_items_status', inList(t.status, RETENTION_ITEM_STATUSES)),
  ],
);
