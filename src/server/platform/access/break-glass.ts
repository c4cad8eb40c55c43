import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import type { AccessContext } from './access-context.js';

export const BREAK_GLASS_DEFAULT_HOURS = 4;

/** The SQL condition "an active break-the-glass grant of this user opens this record". */
export function activeGrantFilter({
  ctx,
  recordType,
  idColumn,
}: {
  ctx: AccessContext;
  recordType: string;
  idColumn: AnyPgColumn;
}): SQL {
  return sql`exists (select 1 from break_glass_grants g where g.user_id = ${ctx.userId}
    and g.record_type = ${recordType} and g.record_id = ${idColumn} and g.revoked_at is null and g.expires_at > now())`;
}

/**
 * A module's own rule for an emergency grant into one of its records, asked inside the grant's
 * transaction with the grant already written: it throws an HttpProblem to refuse (all rolled back).
 */
export type GrantCheck = (args: { tx: Tx; recordId: string; userId: string }) => Promise<void>;

let grantChecks: Readonly<Record<string, GrantCheck>> = {};

/** The composition root hands over every module's grant checks once, at start-up. */
export function registerGrantChecks(checks: Readonly<Record<string, GrantCheck>>) {
  grantChecks = checks;
}

/** The check of the record type's module, if it has one. */
export async function checkGrant({
  tx,
  recordType,
  recordId,
  userId,
}: {
  tx: Tx;
  recordType: string;
  recordId: string;
  userId: string;
}) {
  await grantChecks[recordType]?.({ tx, recordId, userId });
}
