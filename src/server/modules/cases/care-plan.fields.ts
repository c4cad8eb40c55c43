import type { FieldClass } from '../../platform/access/field-classes.js';
import type { EncryptedColumn } from '../../platform/crypto/encrypted-columns.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/**
 * Assessments, the versioned plan and its reviews (issue 22, items 1-2): every column classed
 * (platform/access/field-classes.ts). What the team writes about a child and a family, and what a
 * child says, is clinical: `special`. None of it is a safety address, so nothing here is encrypted.
 */
export const CARE_PLAN_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  case_assessments: {
    id: 'internal',
    case_id: 'internal',
    person_id: 'internal',
    stage: 'internal',
    assessed_on: 'internal',
    child_needs: 'special',
    parent_responses: 'special',
    family_environment: 'special',
    strengths: 'special',
    risks: 'special',
    risk_level: 'special',
    concerns: 'special',
    child_voice: 'special',
    child_assent: 'special',
    assent_reason: 'special',
    corrects_id: 'internal',
    author_id: 'internal',
    created_at: 'internal',
  },
  case_plan_versions: {
    id: 'internal',
    case_id: 'internal',
    number: 'internal',
    status: 'internal',
    based_on_id: 'internal',
    created_by: 'internal',
    created_at: 'internal',
    submitted_by: 'internal',
    submitted_at: 'internal',
    decided_by: 'internal',
    decided_at: 'internal',
    decision_comment: 'special',
    frozen_goals: 'special',
  },
  case_plan_goals: {
    id: 'internal',
    version_id: 'internal',
    origin_goal_id: 'internal',
    person_id: 'internal',
    dimension: 'internal',
    text: 'special',
    responsible_kind: 'internal',
    responsible_user_id: 'internal',
    responsible_service: 'special',
    responsible_person_id: 'internal',
    indicator: 'special',
    due_on: 'internal',
    position: 'internal',
    progress: 'special',
    progress_note: 'special',
    progress_at: 'internal',
    progress_by: 'internal',
  },
  case_plan_progress: {
    id: 'internal',
    goal_id: 'internal',
    status: 'special',
    note: 'special',
    recorded_by: 'internal',
    recorded_at: 'internal',
  },
  case_plan_reviews: {
    id: 'internal',
    case_id: 'internal',
    version_id: 'internal',
    held_on: 'internal',
    case_conference: 'internal',
    // Names of outside professionals and of who attended from the family.
    participants: 'special',
    outcomes: 'special',
    summary: 'special',
    next_review_on: 'internal',
    recorded_by: 'internal',
    created_at: 'internal',
  },
};
export const CARE_PLAN_ENCRYPTED_COLUMNS: EncryptedColumn[] = [];
export const CARE_PLAN_RETENTION: Readonly<Record<string, RetentionClass>> = {
  case_assessments: 'case_record',
  case_plan_versions: 'case_record',
  case_plan_goals: 'case_record',
  case_plan_progress: 'case_record',
  case_plan_reviews: 'case_record',
};
