import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { type Database, openPglite, openPostgres } from './client.js';
import { DataDirInUse, lockDataDir } from './data-dir-lock.js';

export class StartupError extends Error {}

/**
 * Opens the configured database. PGlite must never be opened by two processes (it has no lock of
 * its own, electric-sql/pglite#1106): the data directory is locked first (data-dir-lock.ts), and
 * the lock is released by `close`. A lock left by a process that is gone (`kill -9`, a crash) is
 * taken over at once, saying so.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    try {
      return await openPostgres({ url: config.databaseUrl });
    } catch (error) {
      throw new StartupError(
        `database unreachable at ${redact(config.databaseUrl)}: ${(error as Error).message}`,
      );
    }
  }
  const dir = pgliteDirOf(config);
  mkdirSync(dir, { recursive: true });
  const release = await lockPgliteDir({ config });
  let database: Database;
  try {
    database = await openPglite({ dataDir: dir });
  } catch (error) {
    await release();
    throw error;
  }
  return {
    ...database,
    async close() {
      await database.close();
      await release();
    },
  };
}

/** Where PGlite keeps its files inside the data directory. */
export const pgliteDirOf = (config: Pick<Config, 'dataDir'>) => resolve(config.dataDir, 'pglite');

/** Takes the data directory's lock (for `npm start`, the commands, backup and restore). */
export async function lockPgliteDir({
  config,
  notice = (message: string) => console.warn(`Trama: ${message}`),
}: {
  config: Pick<Config, 'dataDir'>;
  notice?: (message: string) => void;
}) {
  try {
    return await lockDataDir({
      dir: pgliteDirOf(config),
      onDeadOwner: (owner) =>
        notice(`the previous run did not stop cleanly (process ${owner.pid} is gone); starting`),
    });
  } catch (error) {
    if (!(error instanceof DataDirInUse)) throw error;
    throw new StartupError(
      `the data directory ${config.dataDir} is in use by another Trama process (PGlite is single-process; stop it, or use DATABASE_URL)`,
    );
  }
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
