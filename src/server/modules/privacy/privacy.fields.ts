import type { FieldClass } from '../../platform/access/field-classes.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/** Every column of privacy operations' tables, classed. */
export const PRIVACY_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  privacy_retention_policies: {
    id: 'internal',
    organisation_id: 'internal',
    retention_class: 'internal',
    period_months: 'internal',
    updated_by: 'internal',
    updated_at: 'internal',
  },
  // A hold says a family is in a court proceeding or under an authority's request: special (art. 10).
  privacy_legal_holds: {
    id: 'internal',
    household_id: 'internal',
    reason: 'special',
    reference: 'special',
    starts_on: 'internal',
    ends_on: 'internal',
    created_by: 'internal',
    created_at: 'internal',
    lifted_at: 'internal',
    lifted_by: 'internal',
    lift_reason: 'special',
  },
  privacy_retention_runs: {
    id: 'internal',
    status: 'internal',
    as_of: 'internal',
    created_by: 'internal',
    created_at: 'internal',
    approved_by: 'internal',
    approved_at: 'internal',
    finished_at: 'internal',
  },
  // Codes and counts, never names; the household code still points at a family: identifying.
  privacy_retention_items: {
    run_id: 'internal',
    household_id: 'internal',
    household_code: 'identifying',
    organisation_id: 'internal',
    last_closed_on: 'internal',
    due_on: 'internal',
    cases: 'internal',
    people: 'internal',
    notes: 'internal',
    documents: 'internal',
    status: 'internal',
    hold_id: 'internal',
    done_at: 'internal',
  },
  // What a breach was can name the people it reached: special, like the records themselves.
  privacy_breaches: {
    id: 'internal',
    title: 'internal',
    description: 'special',
    detected_at: 'internal',
    detected_how: 'special',
    occurred_from: 'internal',
    occurred_to: 'internal',
    suspected_user_id: 'internal',
    suspected_ip: 'identifying',
    status: 'internal',
    risk: 'internal',
    garante_decision: 'internal',
    garante_reasons: 'special',
    subjects_decision: 'internal',
    subjects_reasons: 'special',
    decided_by: 'internal',
    decided_at: 'internal',
    created_by: 'internal',
    created_at: 'internal',
  },
  privacy_breach_notifications: {
    id: 'internal',
    breach_id: 'internal',
    recipient: 'internal',
    sent_at: 'internal',
    channel: 'internal',
    reference: 'internal',
    recorded_by: 'internal',
    recorded_at: 'internal',
  },
};

/** The DPO's accountability records: kept as the audit trail that cites them. */
export const PRIVACY_RETENTION: Readonly<Record<string, RetentionClass>> = {
  privacy_retention_policies: 'audit',
  privacy_legal_holds: 'audit',
  privacy_retention_runs: 'audit',
  privacy_retention_items: 'audit',
  privacy_breaches: 'audit',
  privacy_breach_notifications: 'audit',
};
