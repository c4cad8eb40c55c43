import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The PostgreSQL address, for work that needs its own connection (migrations under a lock). */
  url?: string;
  /** Raw parameterised SQL, for migrations, benchmarks and the audit sealer's bulk updates. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Distinct statements one connection keeps prepared; beyond it, statements are planned each time. */
const PREPARED_PER_CONNECTION = 300;
const statementNames = new Map<string, string>();

/**
 * A connection that prepares every parameterised statement once, by the hash of its text, and
 * then only binds and executes it: the planner no longer runs on every request (the audited read's
 * scoped SELECT spent half its server time planning its row-level security). PostgreSQL re-plans a
 * prepared statement itself when a table changes or the role differs (RLS plans depend on it).
 */
class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const prepared = new Set<string>();
    const send = super.query.bind(this) as (...args: unknown[]) => unknown;
    // Assigned per instance: the typings of Client.query's many overloads cannot be overridden.
    (this as { query: unknown }).query = (...args: unknown[]) => {
      const [config, values] = args;
      if (isUnnamedStatement(config, values)) {
        const name = statementNameOf(config.text);
        if (prepared.has(name) || prepared.size < PREPARED_PER_CONNECTION) {
          prepared.add(name);
          args[0] = { ...config, name };
        }
      }
      return send(...args);
    };
  }
}

function isUnnamedStatement(config: unknown, values: unknown): config is { text: string } {
  if (!config || typeof config !== 'object') return false;
  const { text, name } = config as { text?: unknown; name?: unknown; values?: unknown };
  const params = values ?? (config as { values?: unknown }).values;
  // Statements without parameters go by the simple protocol (BEGIN, COMMIT, migrations' scripts).
  return typeof text === 'string' && !name && Array.isArray(params) && params.length > 0;
}

function statementNameOf(text: string) {
  let name = statementNames.get(text);
  if (!name) {
    name = `trama_${createHash('sha1').update(text).digest('base64url')}`;
    // Texts are few (the code's queries); the cap keeps a pathological caller from growing it.
    if (statementNames.size < 5000) statementNames.set(text, name);
  }
  return name;
}

export async function openPostgres({
  url,
  poolSize = 10,
}: {
  url: string;
  poolSize?: number;
}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    Client: PreparingClient,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    kind: 'postgres',
    url,
    db: drizzlePg({ client: pool }) as unknown as Db,
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite in a data directory, in memory (no `dataDir`), or loaded from a dump of an
 * already-migrated database (the test snapshot).
 */
export async function openPglite({ dataDir, dump }: { dataDir?: string; dump?: Blob }): Promise<Database> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(dump ? { loadDataDir: dump } : {}),
  });
  return {
    kind: 'pglite',
    db: drizzlePglite({ client }) as unknown as Db,
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never;
    },
    async close() {
      // A checkpoint writes everything to the data directory before the process ends.
      await client.exec('CHECKPOINT');
      await client.close();
    },
  };
}

export async function dumpPglite(
  database: Database,
  compression: 'none' | 'gzip' = 'none',
): Promise<File | Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir(compression);
}

/** The rows of a raw SQL query, on either driver (both answer with `{ rows }`). */
export async function queryRows<T>(on: Queryable, query: SQL): Promise<T[]> {
  return ((await on.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The number of a `count(*)::int as n` query. */
export async function countOf(on: Queryable, query: SQL): Promise<number> {
  return Number((await queryRows<{ n: number }>(on, query))[0]?.n ?? 0);
}

/** A timestamp of a raw query's row (a Date, or a string on some drivers) as ISO 8601, or null. */
export function isoTime(value: Date | string | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

/**
 * A list of ids for `in (…)`. Drizzle would expand a bare JS array into a tuple without casts,
 * and `= any(${array})` is not what it sends either; this is the one way the modules spell it.
 */
export function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** A list as a PostgreSQL array, one parameter per item (Drizzle would send a bare JS array as a tuple). */
export function sqlArray(values: readonly string[], type: 'text' | 'uuid' = 'text'): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
}
