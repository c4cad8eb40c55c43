import { drizzle } from 'drizzle-orm/node-postgres';
import type { PoolClient } from 'pg';
import pg from 'pg';
import type { Db, Tx } from './client.js';

/**
 * The request's transaction on PostgreSQL, in as few round trips as node-postgres allows (it sends
 * one statement at a time): `begin` and the row-level security context travel together, the
 * request's work runs, and statements deferred to the end (the audit events) travel with `commit`.
 * An audited read is then four round trips instead of six: the session lookup, begin + context,
 * the read, the audit insert + commit. Each of those is a costly socket write on this machine
 * (bench/README.md). The guarantees are the ones of any transaction: the context is
 * transaction-local, the audit event commits with the read or not at all.
 */

/** Statements to run just before `commit`, keyed by the transaction they belong to. */
const commitTails = new WeakMap<object, { userId: string; statements: string[] }>();

export function poolOf(db: Db): pg.Pool | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

/**
 * Queues a statement (already a literal SQL string) to run with this transaction's commit, as the
 * request's user. False when the transaction cannot defer (PGlite, a system transaction) or the
 * statement is another user's (row-level security would judge it as the request's): run it now.
 */
export function deferToCommit(tx: Tx, asUserId: string | null, statement: () => string): boolean {
  const tail = commitTails.get(tx);
  if (!tail || tail.userId !== asUserId) return false;
  tail.statements.push(statement());
  return true;
}

/** A SQL literal for a text value (NULL for null), escaped by the driver's own rule. */
export function literal(value: string | null | undefined): string {
  return value == null ? 'NULL' : pg.Client.prototype.escapeLiteral(value);
}

export async function runRequestTransaction<T>(
  pool: pg.Pool,
  context: { userId: string; setContextSql: string },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const lease = leaseOf(client);
  const tx = lease.builder;
  const tail = { userId: context.userId, statements: [] as string[] };
  let broken: Error | undefined;
  try {
    await client.query(`begin; ${context.setContextSql}`);
    commitTails.set(tx, tail);
    const result = await work(tx as unknown as Tx);
    const { statements } = tail;
    await client.query(statements.length ? `${statements.join(';\n')};\ncommit` : 'commit');
    return result;
  } catch (error) {
    // After a failed statement the transaction is aborted; after a failed commit it has ended and
    // this rollback only warns. A connection that cannot even roll back is not handed out again.
    await client.query('rollback').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    commitTails.delete(tx);
    lease.end();
    client.release(broken);
  }
}

/**
 * The transaction's query builder, on a stand-in for the connection that refuses to run anything
 * once the transaction has ended (a query left running by a handler would otherwise run in the next
 * request's transaction, as its user) and refuses a nested `begin` (Drizzle's `tx.transaction()`
 * would commit the request's work early).
 */
function leaseOf(client: PoolClient) {
  let ended = false;
  const guarded = {
    query(...args: unknown[]) {
      if (ended) throw new Error('a query ran after its request transaction ended');
      const [config] = args;
      const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
      if (text && /^\s*(begin|start\s+transaction)\b/i.test(text))
        throw new Error('a request transaction cannot open another transaction inside itself');
      return (client.query as (...a: unknown[]) => unknown)(...args);
    },
  };
  return {
    builder: drizzle({ client: guarded as unknown as PoolClient }) as unknown as Db,
    end: () => {
      ended = true;
    },
  };
}
