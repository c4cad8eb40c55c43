import type { FieldClass } from '../../platform/access/field-classes.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/**
 * Every column of impact's tables, classed. Nothing names a person counted: values are totals and
 * the records behind them the modules' pseudonymous codes; who submitted, locked or generated is
 * the partnership's internal record.
 */
export const IMPACT_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  impact_periods: {
    key: 'internal',
    kind: 'internal',
    starts_on: 'internal',
    ends_on: 'internal',
    status: 'internal',
    submitted_by: 'internal',
    submitted_at: 'internal',
    locked_by: 'internal',
    locked_at: 'internal',
    updated_at: 'internal',
  },
  impact_period_events: {
    id: 'internal',
    period_key: 'internal',
    action: 'internal',
    actor_id: 'internal',
    reason: 'internal',
    at: 'internal',
  },
  impact_period_values: {
    period_key: 'internal',
    indicator_key: 'internal',
    formula_version: 'internal',
    value: 'internal',
    cumulative: 'internal',
    error: 'internal',
    records: 'internal',
    cumulative_records: 'internal',
    after_lock: 'internal',
    after_lock_period: 'internal',
    // Pseudonymous codes are still personal data (GDPR recital 26): classed as identifying.
    record_codes: 'identifying',
    frozen_at: 'internal',
  },
  impact_reports: {
    id: 'internal',
    period_key: 'internal',
    final: 'internal',
    content: 'internal',
    content_hash: 'internal',
    key_id: 'internal',
    signature: 'internal',
    created_by: 'internal',
    created_at: 'internal',
  },
};

/** Reports to the funder: kept for the funders' audits like the partnership's record. */
export const IMPACT_RETENTION: Readonly<Record<string, RetentionClass>> = {
  impact_periods: 'partnership_record',
  impact_period_events: 'partnership_record',
  impact_period_values: 'partnership_record',
  impact_reports: 'partnership_record',
};
