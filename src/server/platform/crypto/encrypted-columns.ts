/**
 * Every encrypted column, so `npm run keys:rotate` re-encrypts them all. A module that adds an
 * encrypted column registers it here; the context (associated data) must match its writer's.
 */
export interface EncryptedColumn {
  table: string;
  /** The row's primary key, used to write the re-encrypted value back. */
  keyColumn: string;
  column: string;
  /** The column whose value, after the prefix, forms the associated data. */
  contextColumn: string;
  contextPrefix: string;
}

export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  {
    table: 'users',
    keyColumn: 'id',
    column: 'mfa_secret',
    contextColumn: 'id',
    contextPrefix: 'users.mfa_secret',
  },
  {
    table: 'sessions',
    keyColumn: 'id',
    column: 'pending_mfa_secret',
    contextColumn: 'user_id',
    contextPrefix: 'users.mfa_secret',
  },
  {
    table: 'pseudonym_keys',
    keyColumn: 'scope',
    column: 'key_encrypted',
    contextColumn: 'scope',
    contextPrefix: 'pseudonym_keys',
  },
  {
    table: 'people',
    keyColumn: 'id',
    column: 'contact_encrypted',
    contextColumn: 'id',
    contextPrefix: 'people.contact',
  },
  {
    table: 'people',
    keyColumn: 'id',
    column: 'safe_contact_encrypted',
    contextColumn: 'id',
    contextPrefix: 'people.safe_contact',
  },
  {
    table: 'session_notes',
    keyColumn: 'id',
    column: 'body_encrypted',
    contextColumn: 'id',
    contextPrefix: 'session_notes.body',
  },
];

export function mfaSecretContext(userId: string) {
  return `users.mfa_secret:${userId}`;
}
