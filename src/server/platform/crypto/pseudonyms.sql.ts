import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A random key per scope (a service's survivor codes, a study's research codes), stored
 * encrypted with the data keyring. Keyed codes stay stable for the scope and cannot be reversed
 * or linked across scopes; trama_app can never read the key (class `secret`).
 */
export const pseudonymKeys = pgTable('pseudonym_keys', {
  scope: text('scope').primaryKey(),
  keyEncrypted: text('key_encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
