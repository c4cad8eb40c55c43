import type { Database } from '../../src/server/platform/db/client.js';

/**
 * Rows of every table of every schema Trama owns (public, pgboss, drizzle's journal), by
 * `schema.table`: two copies of a database compare equal when nothing was lost or added. Read as
 * the connecting role, which on PostgreSQL must bypass row-level security to see every row.
 */
export async function rowCountsOf(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ name: string }>(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
       from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${name}`);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}
