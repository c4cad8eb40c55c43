import { ConfigError, loadConfig } from '../platform/config/config.js';
import { KeyringError } from '../platform/crypto/field-crypto.js';
import { openConfiguredDatabase, StartupError } from '../platform/db/open.js';

export function failCli(message: string): never {
  console.error(`Trama: ${message}`);
  process.exit(1);
}

/**
 * Ends the process on a start-up error: the ones a user can fix (configuration, data key,
 * database, port) as one line; anything else with its stack, since that is a bug to report.
 */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof KeyringError) failCli(`bad data key: ${error.message}`);
  if (error instanceof ConfigError || error instanceof StartupError) failCli(error.message);
  console.error(error);
  process.exit(1);
}

/** Opens the configured database for a command, with the same errors as `npm start`. */
export async function openForCli() {
  try {
    const config = loadConfig();
    return { config, database: await openConfiguredDatabase(config) };
  } catch (error) {
    exitOnStartupError(error);
  }
}
