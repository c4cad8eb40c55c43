import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.js';
import type { Deps } from '../deps.js';
import { NotInStore, newStorageKey } from '../storage/file-store.js';
import { fileStoreOf } from '../storage/store-registry.js';
import { decryptField, encryptField } from './field-crypto.js';

/**
 * Crypto-shredding (ADR 0026). Each household's notes are encrypted with a key of its own; the key
 * is sealed with the data keyring and kept in the key vault (the platform's file store), never in
 * the database. Destroying it makes the ciphertext unreadable everywhere it was copied: in every
 * database backup, old or new, since none of them ever held the key.
 *
 * Value format: `r1.<record key id>.<iv b64url>.<ciphertext+tag b64url>`, with the column and
 * record bound in as associated data, as `v1` values of field-crypto.
 */
export type RecordKeyScope = 'household';

export class RecordKeyShredded extends Error {
  constructor(readonly recordKeyId: string) {
    super(`record key ${recordKeyId} was destroyed: the data it encrypted cannot be read`);
  }
}

const sealContext = (id: string) => `record_keys.key:${id}`;

/** Unsealed keys this process has read, by record key id: bounded, oldest dropped first. */
const caches = new WeakMap<Deps, Map<string, Buffer>>();
const CACHE_LIMIT = 2000;

function cacheOf(deps: Deps) {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  return cache;
}

function remember(deps: Deps, id: string, key: Buffer) {
  const cache = cacheOf(deps);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(id, key);
}

async function writeSealed({ deps, id, key }: { deps: Deps; id: string; key: Buffer }) {
  const vaultKey = newStorageKey();
  const sealed = encryptField({
    keyring: deps.keyring,
    plaintext: key.toString('base64'),
    context: sealContext(id),
  });
  await fileStoreOf(deps).put(vaultKey, Readable.from([Buffer.from(sealed)]));
  return vaultKey;
}

/**
 * The key of a household, made on first use. Runs in the caller's transaction: the vault is
 * written first, so a rolled-back transaction leaves at most an orphan sealed key, never a row
 * pointing at nothing; two first uses at once agree on one key (the unique scope).
 */
export async function recordKeyFor({
  deps,
  tx,
  scope,
  scopeId,
}: {
  deps: Deps;
  tx: Tx;
  scope: RecordKeyScope;
  scopeId: string;
}): Promise<{ id: string; key: Buffer }> {
  const [existing] = await queryRows<{ id: string; shredded: boolean }>(
    tx,
    sql`select id, shredded_at is not null as shredded from record_keys where scope = ${scope} and scope_id = ${scopeId}`,
  );
  if (existing) {
    if (existing.shredded) throw new RecordKeyShredded(existing.id);
    return { id: existing.id, key: await unsealedKey({ deps, tx, id: existing.id }) };
  }
  const [{ id }] = (await queryRows<{ id: string }>(tx, sql`select gen_random_uuid()::text as id`)) as [
    { id: string },
  ];
  const key = randomBytes(32);
  const vaultKey = await writeSealed({ deps, id, key });
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`insert into record_keys (id, scope, scope_id, vault_key) values (${id}, ${scope}, ${scopeId}, ${vaultKey})
        on conflict (scope, scope_id) do nothing returning id`,
  );
  if (inserted.length === 0) {
    await fileStoreOf(deps).delete(vaultKey);
    return recordKeyFor({ deps, tx, scope, scopeId });
  }
  remember(deps, id, key);
  return { id, key };
}

async function unsealedKey({ deps, tx, id }: { deps: Deps; tx: Tx; id: string }): Promise<Buffer> {
  const cached = cacheOf(deps).get(id);
  if (cached) return cached;
  const [row] = await queryRows<{ vault_key: string; shredded: boolean }>(
    tx,
    sql`select vault_key, shredded_at is not null as shredded from record_keys where id = ${id}`,
  );
  if (!row || row.shredded) throw new RecordKeyShredded(id);
  let sealed: string;
  try {
    sealed = await text(await fileStoreOf(deps).get(row.vault_key));
  } catch (error) {
    if (error instanceof NotInStore) throw new RecordKeyShredded(id);
    throw error;
  }
  const key = Buffer.from(
    decryptField({ keyring: deps.keyring, value: sealed, context: sealContext(id) }),
    'base64',
  );
  remember(deps, id, key);
  return key;
}

export function sealWithRecordKey({
  recordKey,
  plaintext,
  context,
}: {
  recordKey: { id: string; key: Buffer };
  plaintext: string;
  context: string;
}) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', recordKey.key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `r1.${recordKey.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** Opens a value sealed with a record key (`r1`) or, for values written before them, the keyring (`v1`). */
export async function openRecordField({
  deps,
  tx,
  value,
  context,
}: {
  deps: Deps;
  tx: Tx;
  value: string;
  context: string;
}): Promise<string> {
  if (!value.startsWith('r1.')) return decryptField({ keyring: deps.keyring, value, context });
  const [, id, ivText, bodyText] = value.split('.');
  if (!id || !ivText || !bodyText) throw new Error('not a record-key value');
  const key = await unsealedKey({ deps, tx, id });
  const body = Buffer.from(bodyText, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

/**
 * Destroys a record's key, in the transaction that anonymises the record (the retention job, as the
 * system): the row says it is gone and no process may read it from then on. Its sealed material
 * leaves the vault after the commit (`clearShreddedKeys`): a crash in between leaves a row the next
 * sweep clears, never a record anonymised with a readable key nobody is going to remove.
 */
export async function shredRecordKey({
  deps,
  tx,
  scope,
  scopeId,
}: {
  deps: Deps;
  tx: Tx;
  scope: RecordKeyScope;
  scopeId: string;
}) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update record_keys set shredded_at = coalesce(shredded_at, now())
         where scope = ${scope} and scope_id = ${scopeId} returning id`,
  );
  for (const row of rows) cacheOf(deps).delete(row.id);
  return rows.length;
}

/** Removes from the vault the material of every destroyed key still there; safe to repeat. */
export async function clearShreddedKeys({ deps, tx }: { deps: Deps; tx: Tx }) {
  const rows = await queryRows<{ id: string; vault_key: string }>(
    tx,
    sql`select id, vault_key from record_keys where shredded_at is not null and vault_key <> '' for update skip locked`,
  );
  for (const row of rows) {
    cacheOf(deps).delete(row.id);
    await fileStoreOf(deps).delete(row.vault_key);
    await tx.execute(sql`update record_keys set vault_key = '' where id = ${row.id}`);
  }
  return rows.length;
}

/** `keys:rotate`: seals every live record key again with the current data key (new vault place, old one removed). */
export async function resealRecordKeys({ deps, tx }: { deps: Deps; tx: Tx }) {
  const rows = await queryRows<{ id: string; vault_key: string }>(
    tx,
    sql`select id, vault_key from record_keys where shredded_at is null for update`,
  );
  let resealed = 0;
  for (const row of rows) {
    const key = await unsealedKey({ deps, tx, id: row.id });
    const vaultKey = await writeSealed({ deps, id: row.id, key });
    await tx.execute(sql`update record_keys set vault_key = ${vaultKey} where id = ${row.id}`);
    await fileStoreOf(deps).delete(row.vault_key);
    resealed += 1;
  }
  return resealed;
}
