import type { Database } from '../db/client.js';
import { StartupError } from '../db/open.js';
import { mfaSecretContext } from './encrypted-columns.js';
import { decryptField, type Keyring } from './field-crypto.js';

/**
 * Refuses to start with a data key that cannot open what the database already holds. The key is
 * configuration, not data: a second instance started without the deployment's TRAMA_DATA_KEY
 * (a demo key file of its own in its own data directory), or a restored database started without
 * its key, would otherwise run and write fields nobody else can read. One enrolled two-factor
 * secret is enough to tell; an empty database has none and passes.
 */
export async function assertKeyringOpensDatabase({
  database,
  keyring,
}: {
  database: Database;
  keyring: Keyring;
}) {
  const [sample] = await database.query<{ id: string; secret: string }>(
    `select id::text, mfa_secret as secret from users where mfa_secret is not null order by created_at limit 1`,
  );
  if (!sample) return;
  try {
    decryptField({ keyring, value: sample.secret, context: mfaSecretContext(sample.id) });
  } catch {
    throw new StartupError(
      'the data key cannot decrypt the data already in this database: every Trama process on one database, and a restored copy, needs the same TRAMA_DATA_KEY (or the data-key file of the data directory it was made with)',
    );
  }
}
