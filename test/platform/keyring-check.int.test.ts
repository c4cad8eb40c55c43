import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeySpec, parseKeyring } from '../../src/server/platform/crypto/field-crypto.js';
import { assertKeyringOpensDatabase } from '../../src/server/platform/crypto/keyring-check.js';
import { StartupError } from '../../src/server/platform/db/open.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Start-up refuses a data key that cannot open the database's encrypted fields (another instance's
// own demo key, a restored copy without its key), instead of running and writing unreadable fields.
describe('the data key is checked against the database at start-up', () => {
  it('passes with the key the data was written with', async () => {
    await expect(assertKeyringOpensDatabase({ database: t.database, keyring: t.deps.keyring })).resolves.toBe(
      undefined,
    );
  });

  it('refuses another key, even one with the same key id', async () => {
    const sameId = t.deps.keyring.current.id;
    for (const spec of [generateKeySpec(sameId), generateKeySpec('other1')]) {
      await expect(
        assertKeyringOpensDatabase({ database: t.database, keyring: parseKeyring(spec) }),
      ).rejects.toBeInstanceOf(StartupError);
    }
  });
});
