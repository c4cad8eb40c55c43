/**
 * An encrypted column, so `npm run keys:rotate` re-encrypts them all. The platform lists its own
 * here; a module lists its own in its descriptor (TramaModule.encryptedColumns). The context
 * (associated data) must match its writer's.
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

/** The platform's own encrypted columns. */
export const PLATFORM_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
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
];

export function mfaSecretContext(userId: string) {
  return `users.mfa_secret:${userId}`;
}
