import { sql } from 'drizzle-orm';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';

/** Today's date in Rome, as the periods and the committees' terms count days. */
export const romeToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

/**
 * Whether `userId` chairs an active steering committee today (governance's members, read on the
 * owner's connection: who chairs is not the reader's to see through their own row security).
 */
export async function chairsSteering(tx: Tx, userId: string): Promise<boolean> {
  const today = romeToday();
  const found = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ chair: boolean }>(
      sys,
      sql`select exists (
            select 1 from governance_members m join governance_committees c on c.id = m.committee_id
             where c.kind = 'steering' and c.active and m.role = 'chair' and m.user_id = ${userId}
               and m.since <= ${today} and (m.until is null or m.until >= ${today})) as chair`,
    ),
  );
  return found[0]?.chair === true;
}

/**
 * The names of the coordinators and chairs who acted on periods and reports: they sign the
 * partnership's reports by name, and users' row security shows a coordinator only their own
 * organisation's accounts.
 */
export async function displayNames(tx: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; name: string }>(
      sys,
      sql`select id, display_name as name from users where id in (${uuidList(wanted)})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
