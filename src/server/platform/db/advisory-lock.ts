import pg from 'pg';
import type { Database } from './client.js';

/** Advisory lock keys Trama holds across instances (others: migrate.ts, audit-chain.ts, audit-retention.ts). */
export const QUEUE_DECLARATION_LOCK = 7_301_021;

/**
 * Runs `work` while this instance holds a PostgreSQL advisory lock on a connection of its own, for
 * start-up steps whose SQL is not ours to wrap in a transaction (pg-boss creating its queues: two
 * instances creating partitions together deadlock). The lock ends with the connection. PGlite has
 * one process, so nothing to wait for.
 */
export async function whileHoldingLock<T>({
  database,
  key,
  work,
}: {
  database: Database;
  key: number;
  work: () => Promise<T>;
}): Promise<T> {
  if (database.kind !== 'postgres' || !database.url) return work();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await client.end();
  }
}
