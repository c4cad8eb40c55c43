import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

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
 */
export async function withDbContext<T>(db: Db, context: DbContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'trama_app', true),
      set_config('trama.user_id', ${context.userId}, true),
      set_config('trama.role', ${context.role}, true),
      set_config('trama.organisation_id', ${context.organisationId ?? ''}, true),
      set_config('trama.service_id', ${context.serviceId ?? ''}, true)`);
    return work(tx as Tx);
  });
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
  await tx.execute(sql`reset role`);
  try {
    return await work(tx);
  } finally {
    await tx.execute(sql`select set_config('role', 'trama_app', true)`);
  }
}
