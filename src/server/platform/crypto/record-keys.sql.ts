import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * The per-record keys of crypto-shredding (ADR 0026): which key encrypts a household's notes and
 * where its sealed material lies in the key vault. The material itself is never in the database,
 * so a database backup alone holds ciphertext without its key; `shredded_at` says it was destroyed.
 */
export const recordKeys = pgTable(
  'record_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: text('scope').notNull(),
    scopeId: uuid('scope_id').notNull(),
    /** The key's place in the vault (a random storage key, saying nothing of the record). */
    vaultKey: text('vault_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    shreddedAt: timestamp('shredded_at', { withTimezone: true }),
  },
  (t) => [
    unique('record_keys_scope_unique').on(t.scope, t.scopeId),
    check('record_keys_scope', sql`${t.scope} in ('household')`),
  ],
);
