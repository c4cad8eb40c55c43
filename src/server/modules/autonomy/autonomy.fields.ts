import type { FieldClass } from '../../platform/access/field-classes.js';
import type { EncryptedColumn } from '../../platform/crypto/encrypted-columns.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

const internal = (...columns: string[]) =>
  Object.fromEntries(columns.map((c) => [c, 'internal'])) as Record<string, FieldClass>;

/**
 * Every column of autonomy's tables, classed (platform/access/field-classes.ts). What a plan holds
 * about a person is personal data of someone in care ('special' where it tells of health, violence
 * or origin); the address of a protected apartment and a private landlord's details are 'safety'.
 */
export const AUTONOMY_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  autonomy_offers: internal(
    'id',
    'service_id',
    'title',
    'kind',
    'topic',
    'description',
    'provider_organisation_id',
    'provider_holder_id',
    'languages',
    'schedule',
    'municipality',
    'places',
    'enrolled',
    'prerequisites',
    'cost_cents',
    'starts_on',
    'ends_on',
    'active',
    'created_by',
    'created_at',
    'updated_at',
  ),
  autonomy_plans: {
    ...internal(
      'id',
      'code',
      'service_id',
      'tutor_user_id',
      'origin',
      'origin_case_id',
      'origin_referral_id',
      'status',
      'started_on',
      'next_review_on',
      'created_by',
      'created_at',
      'updated_at',
    ),
    person_id: 'identifying',
    household_id: 'identifying',
    exit_reason: 'identifying',
    exit_on: 'identifying',
    exit_note: 'special',
  },
  autonomy_goals: {
    ...internal('id', 'plan_id', 'area', 'target_on', 'status', 'created_at', 'updated_at'),
    description: 'special',
  },
  autonomy_steps: {
    ...internal('id', 'goal_id', 'plan_id', 'due_on', 'done_on', 'created_at'),
    description: 'special',
  },
  autonomy_enrolments: internal(
    'id',
    'plan_id',
    'offer_id',
    'status',
    'certificate',
    'enrolled_on',
    'outcome_on',
    'enrolled_by',
  ),
  autonomy_meetings: {
    ...internal('id', 'plan_id', 'kind', 'held_on', 'minutes', 'sealed', 'author_id', 'created_at'),
    note_encrypted: 'special',
  },
  autonomy_sealed_notes: {
    ...internal('meeting_id', 'plan_id', 'author_id'),
    note_encrypted: 'special',
  },
  autonomy_skills: {
    ...internal(
      'plan_id',
      'education_level',
      'education_recognition',
      'driving_licence',
      'updated_by',
      'updated_at',
    ),
    languages: 'identifying',
    // Where one studied says where one comes from.
    education_country: 'special',
    work_history: 'identifying',
    notes: 'special',
  },
  autonomy_initiatives: internal(
    'id',
    'service_id',
    'name',
    'holder_id',
    'partner_organisation_id',
    'stage',
    'jobs_created',
    'description',
    'created_by',
    'created_at',
    'updated_at',
  ),
  autonomy_initiative_stages: internal('id', 'initiative_id', 'stage', 'changed_on', 'changed_by'),
  autonomy_job_placements: {
    ...internal(
      'id',
      'plan_id',
      'employer_holder_id',
      'initiative_id',
      'kind',
      'status',
      'starts_on',
      'ends_on',
      'hours_per_week',
      'wage_band',
      'created_by',
      'created_at',
      'updated_at',
    ),
    employer_tutor_name: 'identifying',
    end_note: 'special',
  },
  autonomy_placement_follow_ups: internal('placement_id', 'months', 'outcome', 'recorded_on', 'recorded_by'),
  housing_units: {
    ...internal(
      'id',
      'service_id',
      'label',
      'managing_organisation_id',
      'capacity',
      'accessibility',
      'district_id',
      'notes',
      'active',
      'created_by',
      'created_at',
      'updated_at',
    ),
    address_encrypted: 'safety',
  },
  housing_occupancies: {
    ...internal('id', 'unit_id', 'people', 'exit_reason', 'created_by', 'ended_by', 'created_at'),
    household_id: 'identifying',
    starts_on: 'identifying',
    ends_on: 'identifying',
  },
  housing_address_requests: internal(
    'id',
    'unit_id',
    'requested_by',
    'reason',
    'status',
    'decided_by',
    'decided_at',
    'decision_note',
    'usable_until',
    'used_at',
    'created_at',
  ),
  housing_messages: {
    ...internal('id', 'occupancy_id', 'channel', 'not_before', 'status', 'created_at'),
    person_id: 'identifying',
  },
  rent_budgets: internal(
    'id',
    'service_id',
    'year',
    'funding_line',
    'amount_cents',
    'committed_cents',
    'created_by',
    'created_at',
  ),
  rent_requests: {
    ...internal(
      'id',
      'code',
      'service_id',
      'budget_id',
      'unit_id',
      'amount_cents',
      'period_from',
      'period_to',
      'payee_kind',
      'payee_organisation_id',
      'status',
      'requested_by',
      'requested_at',
      'approved_by',
      'approved_at',
      'refused_by',
      'refusal_reason',
      'paid_on',
      'payment_reference',
      'paid_by',
      'updated_at',
    ),
    household_id: 'identifying',
    note: 'special',
    landlord_encrypted: 'safety',
  },
  rent_request_files: internal('request_id', 'file_id', 'added_by', 'added_at'),
  rent_ledger_entries: {
    ...internal(
      'id',
      'budget_id',
      'request_id',
      'kind',
      'amount_cents',
      'entry_on',
      'reference',
      'reason',
      'recorded_by',
      'created_at',
    ),
    household_id: 'identifying',
  },
};

const column = (table: string, name: string, contextColumn = 'id'): EncryptedColumn => ({
  table,
  keyColumn: contextColumn,
  column: name,
  contextColumn,
  contextPrefix: `${table}.${name.replace(/_encrypted$/, '')}`,
});

/** Encryption contexts: `<table>.<column without _encrypted>:<id>` (see `autonomyContext`). */
export const AUTONOMY_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  column('housing_units', 'address_encrypted'),
  column('rent_requests', 'landlord_encrypted'),
  column('autonomy_meetings', 'note_encrypted'),
  column('autonomy_sealed_notes', 'note_encrypted', 'meeting_id'),
];

/** The associated data of an encrypted autonomy column, as its writer and `keys:rotate` compute it. */
export const autonomyContext = (
  table:
    | 'housing_units.address'
    | 'rent_requests.landlord'
    | 'autonomy_meetings.note'
    | 'autonomy_sealed_notes.note',
  id: string,
) => `${table}:${id}`;

/** Plans, placements and housing follow the case record; money follows the accounting period. */
export const AUTONOMY_RETENTION: Readonly<Record<string, RetentionClass>> = {
  autonomy_offers: 'reference',
  autonomy_initiatives: 'reference',
  autonomy_initiative_stages: 'reference',
  autonomy_plans: 'case_record',
  autonomy_goals: 'case_record',
  autonomy_steps: 'case_record',
  autonomy_enrolments: 'case_record',
  autonomy_meetings: 'case_record',
  autonomy_sealed_notes: 'case_record',
  autonomy_skills: 'case_record',
  autonomy_job_placements: 'case_record',
  autonomy_placement_follow_ups: 'case_record',
  housing_units: 'reference',
  housing_occupancies: 'case_record',
  housing_address_requests: 'access_grant',
  housing_messages: 'technical',
  rent_budgets: 'service_record',
  rent_requests: 'service_record',
  rent_request_files: 'service_record',
  rent_ledger_entries: 'service_record',
};
