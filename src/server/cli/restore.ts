import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../platform/config/config.js';
import { restorePglite } from '../platform/db/pglite-backup.js';
import { exitOnStartupError, failCli } from './cli-common.js';

/**
 * `npm run restore -- FILE`: loads a backup made by `npm run backup` into `$TRAMA_DATA_DIR`, which
 * must hold no database yet. Then `npm run audit:verify` checks the restored audit chain.
 */
const file = process.argv[2];
if (!file) failCli('usage: npm run restore -- <backup file> (into an empty TRAMA_DATA_DIR)');
try {
  const config = loadConfig();
  const restored = await restorePglite({ config, file });
  console.log(
    `Trama: restored ${file} into ${config.dataDir} (${restored.users} accounts, ${restored.auditEvents} audit events); check it with npm run audit:verify`,
  );
  if (!config.dataKey && !existsSync(join(config.dataDir, 'data-key')))
    console.warn(
      `Trama: warning: no data key for this database: set TRAMA_DATA_KEY or copy the data-key file of the backed-up directory into ${config.dataDir} before npm start — a new key would be made, and the encrypted fields (two-factor secrets, safety data) could not be read`,
    );
} catch (error) {
  exitOnStartupError(error);
}
