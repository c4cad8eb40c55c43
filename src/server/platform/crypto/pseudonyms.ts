import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.js';
import { unsafeAsSystem } from '../db/context.js';
import { decryptField, encryptField, type Keyring } from './field-crypto.js';

/** The symbols of Trama's typed codes: 32 of them, none read for another (no 0/O, 1/I). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random typed code (`N-…`, `C-…`, `M-…`): readable aloud, says nothing about volume or person. */
export function randomTypedCode(prefix: string, length: number) {
  let code = '';
  for (const b of randomBytes(length)) code += CODE_ALPHABET[b % 32];
  return `${prefix}-${code}`;
}

/**
 * Keyed, non-reversible codes within `scope` (e.g. one service's survivors): the same value gives
 * the same code in that scope and an unrelated one elsewhere. The scope's random key is created
 * on first use and stored encrypted; the request's role cannot read it. Returns a coder, so an
 * import reads the key once.
 */
export function pseudonymiser(options: { tx: Tx; keyring: Keyring; scope: string; prefix: string }) {
  return unsafeAsSystem(options.tx, (sys) => systemPseudonymiser({ ...options, tx: sys }));
}

/** The same, in a transaction that already runs as the owner (seeding, jobs). */
export async function systemPseudonymiser({
  tx,
  keyring,
  scope,
  prefix,
}: {
  tx: Tx;
  keyring: Keyring;
  scope: string;
  prefix: string;
}) {
  const key = await scopeKey({ tx, keyring, scope });
  return (value: string) => {
    const digest = createHmac('sha256', key).update(value, 'utf8').digest();
    // 10 symbols of 5 bits: 50 bits, no collision in any service's lifetime of records.
    let code = '';
    for (let i = 0; i < 10; i += 1) code += CODE_ALPHABET[digest[i]! % 32];
    return `${prefix}-${code.slice(0, 5)}-${code.slice(5)}`;
  };
}

async function scopeKey({ tx, keyring, scope }: { tx: Tx; keyring: Keyring; scope: string }) {
  const context = `pseudonym_keys:${scope}`;
  const fresh = encryptField({ keyring, plaintext: randomBytes(32).toString('base64'), context });
  // Insert-if-absent, then read: two first uses at once agree on one key.
  await tx.execute(
    sql`insert into pseudonym_keys (scope, key_encrypted) values (${scope}, ${fresh}) on conflict (scope) do nothing`,
  );
  const [row] = await queryRows<{ key_encrypted: string }>(
    tx,
    sql`select key_encrypted from pseudonym_keys where scope = ${scope}`,
  );
  return Buffer.from(decryptField({ keyring, value: row!.key_encrypted, context }), 'base64');
}
