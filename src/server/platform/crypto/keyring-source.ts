import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { generateKeySpec, type Keyring, parseKeyring } from './field-crypto.js';

/**
 * Production reads the key from TRAMA_DATA_KEY only. The embedded demo generates a key file in
 * the data directory so a first run works, and says loudly that this is not for real data.
 */
export function loadKeyring({ config, warn }: { config: Config; warn: (message: string) => void }): Keyring {
  if (config.dataKey) return parseKeyring(config.dataKey);
  const file = join(config.dataDir, 'data-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${generateKeySpec('demo1')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  warn(`field encryption uses the demo key file ${file}: set TRAMA_DATA_KEY for real data`);
  return parseKeyring(readFileSync(file, 'utf8').trim());
}
