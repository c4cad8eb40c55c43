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
    table: 'identity_providers',
    keyColumn: 'id',
    column: 'client_secret_encrypted',
    contextColumn: 'id',
    contextPrefix: 'identity_providers.client_secret',
  },
  {
    table: 'pseudonym_keys',
    keyColumn: 'scope',
    column: 'key_encrypted',
    contextColumn: 'scope',
    contextPrefix: 'pseudonym_keys',
  },
  {
    // The key is (user_id, key); the ciphertext itself (a random IV in each) names its row.
    table: 'idempotency_keys',
    keyColumn: 'response_body',
    column: 'response_body',
    contextColumn: 'user_id',
    contextPrefix: 'idempotency_keys.response_body',
  },
  {
    table: 'stored_files',
    keyColumn: 'id',
    column: 'name_sealed',
    contextColumn: 'id',
    contextPrefix: 'stored_files.name_sealed',
  },
  {
    // A file's own data key: rotating re-seals 32 bytes, never the file (ADR 0010).
    table: 'stored_files',
    keyColumn: 'id',
    column: 'data_key_sealed',
    contextColumn: 'id',
    contextPrefix: 'stored_files.data_key_sealed',
  },
];

export function mfaSecretContext(userId: string) {
  return `users.mfa_secret:${userId}`;
}
