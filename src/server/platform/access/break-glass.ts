import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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
