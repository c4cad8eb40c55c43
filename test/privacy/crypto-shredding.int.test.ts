import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CASES_ERASURE } from '../../src/server/modules/cases/cases.retention.js';
import { loadConfig } from '../../src/server/platform/config/config.js';
import { type Keyring, parseKeyring } from '../../src/server/platform/crypto/field-crypto.js';
import {
  clearShreddedKeys,
  openRecordField,
  RecordKeyShredded,
  recordKeyFor,
  sealWithRecordKey,
  shredRecordKey,
} from '../../src/server/platform/crypto/record-keys.js';
import { queryRows, type Tx } from '../../src/server/platform/db/client.js';
import { openConfiguredDatabase } from '../../src/server/platform/db/open.js';
import { backupPglite, restorePglite } from '../../src/server/platform/db/pglite-backup.js';
import type { Deps } from '../../src/server/platform/deps.js';
import { seededDataDir } from '../harness/trama-process.js';

/**
 * Crypto-shredding (issue 23, item 2; ADR 0026): a backup taken before a household is erased is
 * restored, and its copy of the household's note cannot be decrypted any more — the note's key
 * lived only in the vault, and the erasure destroyed it there.
 */
describe.skipIf(process.env.DATABASE_URL)('a backup taken before an erasure', () => {
  let dataDir: string;
  let elsewhere: string;
  let dataKey: string;
  let keyring: Keyring;

  /** The configuration of a data directory whose vault (file store) is the live one. */
  const configOf = (dir: string) => ({
    ...loadConfig({}),
    dataDir: dir,
    dataKey,
    fileStore: { kind: 'disk' as const, dir: join(elsewhere, 'vault') },
  });
  /** What the record keys need of the app: the configuration (its vault) and the keyring. */
  const depsOf = (dir: string) => ({ config: configOf(dir), keyring }) as unknown as Deps;

  async function withDatabase<T>(dir: string, work: (tx: Tx, deps: Deps) => Promise<T>) {
    const database = await openConfiguredDatabase(configOf(dir));
    const deps = depsOf(dir);
    try {
      return await database.db.transaction((tx) => work(tx as Tx, deps));
    } finally {
      await database.close();
    }
  }

  const readNote = (dir: string, noteId: string) =>
    withDatabase(dir, async (tx, deps) => {
      const [note] = await queryRows<{ body_encrypted: string }>(
        tx,
        sql`select body_encrypted from session_notes where id = ${noteId}`,
      );
      return openRecordField({
        deps,
        tx,
        value: note!.body_encrypted,
        context: `session_notes.body:${noteId}`,
      });
    });

  beforeAll(async () => {
    elsewhere = mkdtempSync(join(tmpdir(), 'trama-shred-'));
    dataDir = await seededDataDir(inject('fixtureDir'));
    dataKey = readFileSync(join(dataDir, 'data-key'), 'utf8').trim();
    keyring = parseKeyring(dataKey);
  }, 60_000);
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
  });

  it('cannot decrypt the erased household’s notes once restored', async () => {
    // A note of an old household, sealed with the household's own key.
    const { householdId, noteId } = await withDatabase(dataDir, async (tx, deps) => {
      const [row] = await queryRows<{ household_id: string; session_id: string }>(
        tx,
        sql`select c.household_id, s.id as session_id from households h join cases c on c.household_id = h.id
            join case_sessions s on s.case_id = c.id where h.code = 'N-ARCHIV1' limit 1`,
      );
      const recordKey = await recordKeyFor({ deps, tx, scope: 'household', scopeId: row!.household_id });
      const id = crypto.randomUUID();
      await tx.execute(sql`insert into session_notes (id, session_id, section, body_encrypted, author_id)
          select ${id}, ${row!.session_id}, 'social',
                 ${sealWithRecordKey({ recordKey, plaintext: 'Indirizzo della sorella a Lione', context: `session_notes.body:${id}` })},
                 author_id from session_notes where session_id = ${row!.session_id} limit 1`);
      return { householdId: row!.household_id, noteId: id };
    });

    const backup = join(elsewhere, 'before-erasure.tar.gz');
    await backupPglite({ config: configOf(dataDir), file: backup });
    // Restored before the erasure, the backup reads the note: the test would show a key that works.
    const control = join(elsewhere, 'control');
    await restorePglite({ config: configOf(control), file: backup });
    expect(await readNote(control, noteId)).toBe('Indirizzo della sorella a Lione');

    // The retention run's erasure: the household anonymised, its key destroyed, the vault cleared.
    await withDatabase(dataDir, async (tx, deps) => {
      await CASES_ERASURE.anonymise({ tx, recordId: householdId });
      expect(await shredRecordKey({ deps, tx, scope: 'household', scopeId: householdId })).toBe(1);
    });
    await withDatabase(dataDir, (tx, deps) => clearShreddedKeys({ deps, tx }));

    // The same backup, restored after the erasure, still holds the ciphertext and cannot open it.
    const restored = join(elsewhere, 'restored');
    await restorePglite({ config: configOf(restored), file: backup });
    const [copy] = await withDatabase(restored, (tx) =>
      queryRows<{ body_encrypted: string }>(
        tx,
        sql`select body_encrypted from session_notes where id = ${noteId}`,
      ),
    );
    expect(copy!.body_encrypted).toMatch(/^r1\./);
    await expect(readNote(restored, noteId)).rejects.toBeInstanceOf(RecordKeyShredded);
    await expect(readNote(control, noteId)).rejects.toBeInstanceOf(RecordKeyShredded);
  }, 120_000);
});
