import { sql } from 'drizzle-orm';
import { writeAuditApart } from '../audit/audit-writer.js';
import { type Db, type Queryable, queryRows } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import { problems } from '../http/problem.js';
import { type AccessContext, actorOf } from './access-context.js';

/**
 * The tables behind each record type that a scoped lookup or a break-the-glass grant can name: the
 * platform's here; each module adds its own in its descriptor (`recordTables`) and to the
 * `RecordType` type by augmenting `ModuleRecordTypes` (declaration merging).
 */
export const PLATFORM_RECORD_TABLES = { user: 'users' } as const;

// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface ModuleRecordTypes {}
export type RecordType = keyof typeof PLATFORM_RECORD_TABLES | keyof ModuleRecordTypes;

let recordTables: Readonly<Record<string, string>> = PLATFORM_RECORD_TABLES;

/** The composition root hands over every module's record tables once, at start-up. */
export function registerRecordTables(tables: Readonly<Record<string, string>>) {
  recordTables = { ...PLATFORM_RECORD_TABLES, ...tables };
}

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
  const table = recordTables[recordType];
  if (!table) throw new Error(`no table registered for record type ${recordType}`);
  const rows = await queryRows(tx, sql`select 1 from ${sql.identifier(table)} where id = ${id}`);
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
