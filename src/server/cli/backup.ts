import { join } from 'node:path';
import { loadConfig } from '../platform/config/config.js';
import { backupPglite } from '../platform/db/pglite-backup.js';
import { exitOnStartupError } from './cli-common.js';

/**
 * `npm run backup [-- FILE]`: a consistent dump of the embedded database while Trama is stopped,
 * to FILE or `$TRAMA_DATA_DIR/backups/trama-<time>.tar.gz`. Restore with `npm run restore -- FILE`.
 */
try {
  const config = loadConfig();
  const file = process.argv[2];
  const done = await backupPglite({ config, ...(file ? { file } : {}) });
  console.log(`Trama: backup written to ${done.file} (${Math.ceil(done.bytes / 1024)} KiB)`);
  // The keys are configuration, not data: a backup alone cannot decrypt the encrypted fields.
  console.log(
    `Trama: the data key is not in the backup: keep ${config.dataKey ? 'TRAMA_DATA_KEY' : join(config.dataDir, 'data-key')} safe apart from it (docs/operations.md)`,
  );
} catch (error) {
  exitOnStartupError(error);
}
