import { ConfigError, loadConfig } from '../platform/config/config.js';
import { KeyringError } from '../platform/crypto/field-crypto.js';
import { openConfiguredDatabase, StartupError } from '../platform/db/open.js';

export function failCli(message: string): never {
  console.error(`Trama: ${message}`);
  process.exit(1);
}

/** Opens the configured database for a command; clear one-line errors as for `npm start`. */
export async function openForCli() {
  try {
    const config = loadConfig();
    return { config, database: await openConfiguredDatabase(config) };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError || error instanceof KeyringError)
      failCli(error.message);
    throw error;
  }
}
