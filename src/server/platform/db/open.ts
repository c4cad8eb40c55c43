import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Config } from '../config/config.js';
import { type Database, openPglite, openPostgres } from './client.js';

export class StartupError extends Error {}

/**
 * Opens the configured database. PGlite must never be opened by two processes (it has no lock of
 * its own, electric-sql/pglite#1106): the data directory is locked first, and the lock is
 * released by `close`.
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
  const dir = resolve(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { realpath: false, stale: 15_000, update: 5_000 });
  } catch {
    throw new StartupError(
      `the data directory ${config.dataDir} is in use by another Trama process (PGlite is single-process; stop it, or use DATABASE_URL)`,
    );
  }
  const database = await openPglite({ dataDir: dir });
  return {
    ...database,
    async close() {
      await database.close();
      await release();
    },
  };
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
