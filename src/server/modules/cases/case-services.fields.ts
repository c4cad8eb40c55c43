import type { FieldClass } from '../../platform/access/field-classes.js';
import type { EncryptedColumn } from '../../platform/crypto/encrypted-columns.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/**
 * Services, follow-ups and sessions as they happened (issue 22, items 3-4): every column classed
 * (platform/access/field-classes.ts). The new columns of case_sessions and session_notes are classed
 * in cases.fields.ts beside the rest of those tables.
 */
export const CASE_SERVICES_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  case_services: {
    id: 'internal',
    case_id: 'internal',
    person_id: 'internal',
    // Which services a family receives says something about its health and circumstances.
    type: 'special',
    provider_user_id: 'internal',
    provider_organisation: 'special',
    started_on: 'special',
    ended_on: 'special',
    hours: 'special',
    status: 'internal',
    note: 'special',
    created_by: 'internal',
    created_at: 'internal',
    updated_at: 'internal',
  },
  case_followups: {
    id: 'internal',
    case_id: 'internal',
    service_id: 'internal',
    what: 'special',
    due_on: 'internal',
    assigned_to: 'internal',
    done_at: 'internal',
    done_by: 'internal',
    outcome: 'special',
    created_by: 'internal',
    created_at: 'internal',
  },
  session_note_versions: {
    id: 'internal',
    note_id: 'internal',
    body_encrypted: 'special',
    edited_by: 'internal',
    edited_at: 'internal',
  },
  session_outside_participants: {
    id: 'internal',
    session_id: 'internal',
    role: 'internal',
    user_id: 'internal',
    name: 'identifying',
    organisation: 'internal',
    added_by: 'internal',
    added_at: 'internal',
  },
  // A researcher's note, pseudonymised before it is stored: still about a family's life, so special.
  session_research_notes: {
    id: 'internal',
    session_id: 'internal',
    author_id: 'internal',
    body_encrypted: 'special',
    written_at: 'internal',
  },
};

/** Earlier texts of a note are as sealed as the note: encrypted, the version's id as context. */
export const CASE_SERVICES_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  {
    table: 'session_note_versions',
    keyColumn: 'id',
    column: 'body_encrypted',
    contextColumn: 'id',
    contextPrefix: 'session_note_versions.body',
  },
  {
    table: 'session_research_notes',
    keyColumn: 'id',
    column: 'body_encrypted',
    contextColumn: 'id',
    contextPrefix: 'session_research_notes.body',
  },
];

export const CASE_SERVICES_RETENTION: Readonly<Record<string, RetentionClass>> = {
  case_services: 'case_record',
  case_followups: 'case_record',
  session_research_notes: 'research',
  session_note_versions: 'case_record',
  session_outside_participants: 'case_record',
};
