import type { FieldClass } from '../../platform/access/field-classes.js';
import type { EncryptedColumn } from '../../platform/crypto/encrypted-columns.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/**
 * Ethnoclinical consultations for first-line services (issue 22, item 5): every column classed
 * (platform/access/field-classes.ts). What the family says and what the team thinks of it is
 * clinical (`special`); none of it is a safety detail, so nothing here is encrypted.
 */
export const CONSULTATIONS_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  consultations: {
    id: 'internal',
    code: 'internal',
    referral_id: 'internal',
    household_id: 'internal',
    requesting_service_id: 'internal',
    service_id: 'internal',
    // That the court investigates a family is itself sensitive.
    kind: 'special',
    requesting_authority: 'special',
    request_reference: 'special',
    request_date: 'special',
    covers_team_involvement: 'internal',
    status: 'internal',
    lead_user_id: 'internal',
    opinion_due_on: 'internal',
    reason: 'special',
    presentation_summary: 'special',
    axes: 'special',
    case_id: 'internal',
    created_by: 'internal',
    created_at: 'internal',
    updated_at: 'internal',
  },
  consultation_sessions: {
    id: 'internal',
    consultation_id: 'internal',
    held_on: 'special',
    duration_minutes: 'internal',
    place: 'special',
    family_explanation: 'special',
    hypotheses: 'special',
    feedback: 'special',
    next_appointment_on: 'special',
    created_by: 'internal',
    created_at: 'internal',
  },
  consultation_attendance: {
    id: 'internal',
    session_id: 'internal',
    role: 'internal',
    user_id: 'internal',
    person_id: 'internal',
    name: 'identifying',
    profession: 'internal',
    language: 'special',
    professional_role: 'internal',
    organisation: 'internal',
  },
  consultation_opinions: {
    id: 'internal',
    consultation_id: 'internal',
    version: 'internal',
    text: 'special',
    status: 'internal',
    created_by: 'internal',
    created_at: 'internal',
    updated_at: 'internal',
    approved_by: 'internal',
    approved_at: 'internal',
  },
};
export const CONSULTATIONS_ENCRYPTED_COLUMNS: EncryptedColumn[] = [];
export const CONSULTATIONS_RETENTION: Readonly<Record<string, RetentionClass>> = {
  consultations: 'case_record',
  consultation_sessions: 'case_record',
  consultation_attendance: 'case_record',
  consultation_opinions: 'case_record',
};
