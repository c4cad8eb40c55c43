import { ConfigError, loadConfig } from '../platform/config/config.js';
import { KeyringError } from '../platform/crypto/field-crypto.js';
import { openConfiguredDatabase, StartupError } from '../platform/db/open.js';
import { loggedError } from '../platform/http/log-serializers.js';

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
  // A bug to report, logged as the server logs errors: kinds, codes and stack frames, never a
  // message (a failed query's message carries its parameters: password hashes, names).
  console.error('Trama did not start: unexpected error', JSON.stringify(loggedError(error), null, 2));
  process.exit(1);
}

// Whatever escapes the server or a command (a rejected top-level await, an error in a callback)
// ends the same way, never through Node's default printer, which would show a query's parameters.
process.on('uncaughtException', exitOnStartupError);
process.on('unhandledRejection', exitOnStartupError);

/** Opens the configured database for a command, with the same errors as `npm start`. */
export async function openForCli() {
  try {
    const config = loadConfig();
    return { config, database: await openConfiguredDatabase(config) };
  } catch (error) {
    exitOnStartupError(error);
  }
}
