import { sql } from 'drizzle-orm';
import { idempotencyClaimFor } from '../http/idempotency.js';
import type { Db, Tx } from './client.js';
import { literal, poolOf, runRequestTransaction } from './request-transaction.js';

/** What the database must know about the request for row-level security (trama_* SQL functions). */
export interface DbContext {
  userId: string;
  role: string;
  organisationId: string | null;
  serviceId: string | null;
}

/**
 * Runs `work` in one transaction as the non-superuser trama_app role with the request context
 * set transaction-locally, so RLS applies and nothing leaks to the next user of the connection.
 * When the request carries an Idempotency-Key that none of its committed transactions has claimed,
 * this transaction claims it before the work: the key then exists exactly when the work committed,
 * and a key already claimed stops the work (platform/http/idempotency.ts).
 */
export async function withDbContext<T>(db: Db, context: DbContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const idempotency = idempotencyClaimFor(context.userId);
  const claimedWork = async (tx: Tx) => {
    await idempotency?.claim(tx);
    return work(tx);
  };
  let committed = false;
  try {
    const pool = poolOf(db);
    const result = pool
      ? await runRequestTransaction(
          pool,
          { userId: context.userId, setContextSql: setContextSql(context) },
          claimedWork,
        )
      : await db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('role', 'trama_app', true),
            set_config('trama.user_id', ${context.userId}, true),
            set_config('trama.role', ${context.role}, true),
            set_config('trama.organisation_id', ${context.organisationId ?? ''}, true),
            set_config('trama.service_id', ${context.serviceId ?? ''}, true)`);
          return claimedWork(tx as Tx);
        });
    committed = true;
    return result;
  } finally {
    idempotency?.settled(committed);
  }
}

/** The same context as literals, so it travels with `begin` in one round trip (request-transaction.ts). */
function setContextSql(context: DbContext) {
  return `select set_config('role', 'trama_app', true),
    set_config('trama.user_id', ${literal(context.userId)}, true),
    set_config('trama.role', ${literal(context.role)}, true),
    set_config('trama.organisation_id', ${literal(context.organisationId ?? '')}, true),
    set_config('trama.service_id', ${literal(context.serviceId ?? '')}, true)`;
}

/**
 * Runs `work` in one transaction as the owner role, outside row-level security. Only the
 * platform's own machinery uses it (session lookup, login, the audit sealer, jobs, seeding);
 * the name says so at every call site.
 */
export async function systemTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => work(tx as Tx));
}

/**
 * Inside a request transaction, runs `work` as the owner and then returns to trama_app. For the
 * few platform writes a request causes in tables trama_app has no grant on (an invitation token,
 * a session's acting membership); the name marks every such call for review.
 */
export async function unsafeAsSystem<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  // Called from a system transaction too (a job's), which must stay the owner afterwards.
  const result = (await tx.execute(sql`select current_setting('role') as role`)) as unknown as {
    rows: { role: string }[];
  };
  const role = result.rows[0]?.role ?? 'none';
  if (role === 'none') return work(tx);
  await tx.execute(sql`reset role`);
  const restore = () => tx.execute(sql`select set_config('role', ${role}, true)`);
  let outcome: T;
  try {
    outcome = await work(tx);
  } catch (error) {
    // A failed statement aborts the transaction, and then the restore fails too: the work's own
    // error is the one to report (the transaction rolls back either way).
    await restore().catch(() => undefined);
    throw error;
  }
  await restore();
  return outcome;
}
