import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { PERIOD_ACTIONS, PERIOD_KINDS, PERIOD_STATUSES } from '../../../contracts/impact-periods.js';
import { inList } from '../../platform/db/in-list.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Reporting periods and their locks (issue 25, item 3). A row exists once a period is first
 * submitted; an absent row is an open period. Coordinators write them (0058_impact_periods).
 */
export const impactPeriods = pgTable(
  'impact_periods',
  {
    key: text('key').primaryKey(),
    kind: text('kind').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').notNull().default('open'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    lockedBy: uuid('locked_by').references(() => users.id),
    lockedAt: ts('locked_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('impact_periods_kind_check', inList(t.kind, PERIOD_KINDS)),
    check('impact_periods_status_check', inList(t.status, PERIOD_STATUSES)),
    check('impact_periods_dates_check', sql`${t.startsOn} <= ${t.endsOn}`),
    // The chair who locks is never the coordinator who submitted: a second person.
    check(
      'impact_periods_lock_check',
      sql`(${t.status} = 'locked') = (${t.lockedBy} is not null)
          and (${t.lockedBy} is null or ${t.lockedBy} <> ${t.submittedBy})`,
    ),
  ],
);

/** What happened to a period, by whom and why: append-only. */
export const impactPeriodEvents = pgTable(
  'impact_period_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodKey: text('period_key')
      .notNull()
      .references(() => impactPeriods.key),
    action: text('action').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    check('impact_period_events_action_check', inList(t.action, PERIOD_ACTIONS)),
    check(
      'impact_period_events_reason_check',
      // The length rule is the API's (PERIOD_REASON_MIN, counted as the user sees it); here: some text.
      sql`${t.action} not in ('returned', 'unlocked') or length(trim(${t.reason})) > 0`,
    ),
    index('impact_period_events_period_idx').on(t.periodKey, t.at),
  ],
);

/**
 * The values a lock froze: what every report of the locked period shows, whatever is recorded
 * later. Dropped only by an unlock, which the period's events explain.
 */
export const impactPeriodValues = pgTable(
  'impact_period_values',
  {
    periodKey: text('period_key')
      .notNull()
      .references(() => impactPeriods.key),
    indicatorKey: text('indicator_key').notNull(),
    formulaVersion: integer('formula_version').notNull(),
    value: doublePrecision('value'),
    cumulative: doublePrecision('cumulative'),
    error: text('error'),
    /** Records counted within the period and up to its end: an average over fewer than k is hidden. */
    records: integer('records').notNull(),
    cumulativeRecords: integer('cumulative_records').notNull(),
    /** Records of the previous period of the same kind entered after its lock, as this lock found them. */
    afterLock: doublePrecision('after_lock'),
    afterLockPeriod: text('after_lock_period'),
    /** The module's pseudonymous codes of the records the value counts: for the drill-down. */
    recordCodes: text('record_codes').array().notNull(),
    frozenAt: ts('frozen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodKey, t.indicatorKey] })],
);

/**
 * Frozen reports (issue 25, item 4): the content as canonical JSON, its SHA-256 and its Ed25519
 * signature by the platform's signing key. Never updated, never deleted (a trigger refuses both).
 */
export const impactReports = pgTable(
  'impact_reports',
  {
    id: uuid('id').primaryKey(),
    periodKey: text('period_key').notNull(),
    final: boolean('final').notNull(),
    content: text('content').notNull(),
    contentHash: text('content_hash').notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('impact_reports_hash_check', sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
    index('impact_reports_period_idx').on(t.periodKey, t.createdAt),
  ],
);
