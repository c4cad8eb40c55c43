import { sql } from 'drizzle-orm';
import { recordKeyFor } from '../../platform/crypto/record-keys.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';

/**
 * The household's own key (ADR 0026) for the notes of one of its cases: the retention job destroys
 * it when the household is anonymised, and every backup's copy of the notes goes dark with it.
 * Read as the writer: whoever writes a case's note reads the case.
 */
export async function householdKeyOfCase({ deps, tx, caseId }: { deps: Deps; tx: Tx; caseId: string }) {
  const [row] = await queryRows<{ household_id: string }>(
    tx,
    sql`select household_id from cases where id = ${caseId}`,
  );
  if (!row) throw new Error(`case ${caseId} not readable where its note is written`);
  return recordKeyFor({ deps, tx, scope: 'household', scopeId: row.household_id });
}
