import type { FieldClass } from '../../platform/access/field-classes.js';
import type { EncryptedColumn } from '../../platform/crypto/encrypted-columns.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/** Documents, duplicates, hand-over and printing (issue 22, items 6-7): every column classed (platform/access/field-classes.ts). */
export const CASE_DOCUMENTS_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  case_documents: {
    id: 'internal',
    file_id: 'internal',
    attached_kind: 'internal',
    attached_id: 'internal',
    household_id: 'internal',
    case_id: 'internal',
    document_class: 'internal',
    // "Certificato medico neuropsichiatria": a title may say as much as the document.
    title: 'special',
    uploaded_by: 'internal',
    uploaded_at: 'internal',
    deleted_at: 'internal',
    deleted_by: 'internal',
  },
  person_merges: {
    id: 'internal',
    kept_person_id: 'internal',
    merged_person_id: 'internal',
    // Why two records are one person: may say as much as the records.
    reason: 'special',
    // The kept record's former details (birth date, citizenship, identifier, at-risk mark).
    filled: 'special',
    merged_by: 'internal',
    merged_at: 'internal',
    reverted_by: 'internal',
    reverted_at: 'internal',
    revert_reason: 'special',
  },
  case_handovers: {
    id: 'internal',
    case_id: 'internal',
    from_user_id: 'internal',
    to_user_id: 'internal',
    // Free text between clinicians about the case.
    note: 'special',
    stay_as_member: 'internal',
    status: 'internal',
    proposed_at: 'internal',
    decided_at: 'internal',
  },
};
export const CASE_DOCUMENTS_ENCRYPTED_COLUMNS: EncryptedColumn[] = [];
export const CASE_DOCUMENTS_RETENTION: Readonly<Record<string, RetentionClass>> = {
  case_documents: 'case_record',
  person_merges: 'case_record',
  case_handovers: 'case_record',
};
