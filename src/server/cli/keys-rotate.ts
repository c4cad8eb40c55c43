import { sql } from 'drizzle-orm';
import { MODULES } from '../app.js';
import { decryptField, encryptField, keyIdOf } from '../platform/crypto/field-crypto.js';
import { loadKeyring } from '../platform/crypto/keyring-source.js';
import { resealRecordKeys } from '../platform/crypto/record-keys.js';
import { queryRows } from '../platform/db/client.js';
import { runMigrations } from '../platform/db/migrate.js';
import type { Deps } from '../platform/deps.js';
import { encryptedColumnsOf } from '../platform/module.js';
import { openForCli } from './cli-common.js';

/**
 * Re-encrypts every encrypted column with the current key (the first in TRAMA_DATA_KEY). Put the
 * new key first, keep the old ones after it, run this, then drop the old keys.
 */
const { config, database } = await openForCli();
const keyring = loadKeyring({ config, warn: (m) => console.warn(`Trama: warning: ${m}`) });
await runMigrations(database);
let rotated = 0;
for (const column of encryptedColumnsOf(MODULES)) {
  await database.db.transaction(async (tx) => {
    const rows = await queryRows<{ key: string; ctx: string; value: string }>(
      tx as never,
      sql`select ${sql.identifier(column.keyColumn)}::text as key, ${sql.identifier(column.contextColumn)}::text as ctx,
          ${sql.identifier(column.column)} as value from ${sql.identifier(column.table)}
          where ${sql.identifier(column.column)} is not null for update`,
    );
    for (const row of rows) {
      // r1 values are under a record key (ADR 0026): the key is resealed below, the value stays.
      if (row.value.startsWith('r1.') || keyIdOf(row.value) === keyring.current.id) continue;
      const context = `${column.contextPrefix}:${row.ctx}`;
      const plaintext = decryptField({ keyring, value: row.value, context });
      await tx.execute(
        sql`update ${sql.identifier(column.table)} set ${sql.identifier(column.column)} = ${encryptField({ keyring, plaintext, context })}
            where ${sql.identifier(column.keyColumn)}::text = ${row.key}`,
      );
      rotated += 1;
    }
  });
}
// The record keys' deps: the vault is the configured file store; nothing here sends mail or queues jobs.
const vaultDeps = { config, keyring } as unknown as Deps;
const resealed = await database.db.transaction((tx) =>
  resealRecordKeys({ deps: vaultDeps, tx: tx as never }),
);
await database.close();
console.log(
  `re-encrypted ${rotated} values and resealed ${resealed} record keys with key ${keyring.current.id}`,
);
