import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ensureJobSchema } from '../jobs/job-queue.js';
import type { Database } from './client.js';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '../../../../db/migrations');

// Two instances starting together must not both migrate: an advisory lock serialises them.
const MIGRATION_LOCK = 7_301_001;

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await ensureJobSchema(database);
    return;
  }
  // The lock is held by one dedicated connection for the whole run.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    await ensureJobSchema(database);
  } finally {
    await client.end();
  }
}
