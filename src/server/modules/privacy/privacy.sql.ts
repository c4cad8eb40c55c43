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
import {
  BREACH_DECISIONS,
  BREACH_RECIPIENTS,
  BREACH_RISKS,
  BREACH_STATUSES,
} from '../../../contracts/privacy-breaches.js';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../../../contracts/privacy-requests.js';
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

/** A suspected or confirmed personal data breach (GDPR art. 33–34). */
export const privacyBreaches = pgTable(
  'privacy_breaches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    detectedAt: ts('detected_at').notNull(),
    detectedHow: text('detected_how').notNull(),
    occurredFrom: ts('occurred_from').notNull(),
    occurredTo: ts('occurred_to').notNull(),
    suspectedUserId: uuid('suspected_user_id').references(() => users.id),
    suspectedIp: text('suspected_ip'),
    status: text('status').notNull().default('suspected'),
    risk: text('risk'),
    garanteDecision: text('garante_decision'),
    garanteReasons: text('garante_reasons'),
    subjectsDecision: text('subjects_decision'),
    subjectsReasons: text('subjects_reasons'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('privacy_breaches_status', inList(t.status, BREACH_STATUSES)),
    check('privacy_breaches_risk', inList(t.risk, BREACH_RISKS)),
    check('privacy_breaches_garante', inList(t.garanteDecision, BREACH_DECISIONS)),
    check('privacy_breaches_subjects', inList(t.subjectsDecision, BREACH_DECISIONS)),
    check('privacy_breaches_window', sql`${t.occurredTo} >= ${t.occurredFrom}`),
  ],
);

/** A notification of a breach: to the Garante, the people concerned, a partner, the police. */
export const privacyBreachNotifications = pgTable(
  'privacy_breach_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    breachId: uuid('breach_id')
      .notNull()
      .references(() => privacyBreaches.id),
    recipient: text('recipient').notNull(),
    sentAt: ts('sent_at').notNull(),
    channel: text('channel').notNull(),
    reference: text('reference'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('privacy_breach_notifications_breach').on(t.breachId),
    check('privacy_breach_notifications_recipient', inList(t.recipient, BREACH_RECIPIENTS)),
  ],
);

/** What the DPO adds to a processing activity of the record of processing (art. 30). */
export const privacyProcessingEntries = pgTable('privacy_processing_entries', {
  activityKey: text('activity_key').primaryKey(),
  controller: text('controller'),
  processors: text('processors'),
  transfers: text('transfers'),
  notes: text('notes'),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A data subject's request (GDPR arts. 15–21), handled by the DPO. */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    householdId: uuid('household_id').notNull(),
    personId: uuid('person_id').notNull(),
    subjectName: text('subject_name').notNull(),
    identityCheck: text('identity_check').notNull(),
    receivedOn: date('received_on').notNull(),
    dueOn: date('due_on').notNull(),
    extendedTo: date('extended_to'),
    extensionReason: text('extension_reason'),
    details: text('details'),
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    answeredAt: ts('answered_at'),
    /** A restriction granted (art. 18) is lifted by the DPO with a reason, the person told first (18(3)). */
    restrictionLiftedAt: ts('restriction_lifted_at'),
    restrictionLiftReason: text('restriction_lift_reason'),
    /** The deadline each reminder was sent for: an extension moves it, and the reminders go again. */
    remindedDueSoonFor: date('reminded_due_soon_for'),
    remindedOverdueFor: date('reminded_overdue_for'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('privacy_requests_kind', inList(t.kind, REQUEST_KINDS)),
    check('privacy_requests_status', inList(t.status, REQUEST_STATUSES)),
    check('privacy_requests_extension', sql`${t.extendedTo} is null or ${t.extendedTo} > ${t.dueOn}`),
  ],
);
