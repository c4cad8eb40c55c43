import { sql } from 'drizzle-orm';
import { writeAuditApart } from '../audit/audit-writer.js';
import { type Db, type Queryable, queryRows } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import { problems } from '../http/problem.js';
import { type AccessContext, actorOf } from './access-context.js';

/** The tables behind each record type that a scoped lookup or a break-the-glass grant can name. */
export const RECORD_TABLES = {
  user: 'users',
  incident: 'incidents',
  household: 'households',
  person: 'people',
  consent: 'consents',
  referral: 'referrals',
  case: 'cases',
  session: 'case_sessions',
  study: 'studies',
} as const;
export type RecordType = keyof typeof RECORD_TABLES;

/** Whether a record exists at all, whoever may see it: callers run it outside the request's scope. */
export async function recordExists({
  tx,
  recordType,
  id,
}: {
  tx: Queryable;
  recordType: RecordType;
  id: string;
}) {
  const rows = await queryRows(
    tx,
    sql`select 1 from ${sql.identifier(RECORD_TABLES[recordType])} where id = ${id}`,
  );
  return rows.length > 0;
}

/**
 * Outsiders get 404, exactly like a missing record. When the record exists but was out of scope,
 * the refusal is still audited (ASVS 16.3.2), in its own transaction after the scoped lookup.
 */
export async function notFoundAudited({
  db,
  ctx,
  recordType,
  id,
}: {
  db: Db;
  ctx: AccessContext;
  recordType: RecordType;
  id: string;
}): Promise<never> {
  if (await systemTransaction(db, (tx) => recordExists({ tx, recordType, id }))) {
    await writeAuditApart({
      db,
      actor: actorOf(ctx),
      event: { action: 'access.denied', outcome: 'denied', recordType, recordId: id },
    });
  }
  throw problems.notFound();
}

/**
 * Thrown inside a scoped transaction when a record is not in the caller's scope. `scoped` lets the
 * transaction roll back first, then answers like `notFoundAudited`: the audit of the refusal needs
 * its own transaction, and one cannot be opened inside another on the embedded database.
 */
export class OutOfScope extends Error {
  constructor(
    readonly recordType: RecordType,
    readonly id: string,
  ) {
    super(`${recordType} ${id} is out of scope`);
  }
}
