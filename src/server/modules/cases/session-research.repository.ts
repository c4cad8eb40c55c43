import { sql } from 'drizzle-orm';
import type { TSessionPractice } from '../../../contracts/case-services.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';

/**
 * Reads for researchers in sessions (issue 22, item 4). A researcher reaches no case: what they
 * need of a session they took part in (when, what kind, held or not, the family's names to replace
 * in their notes) is read as the owner, for the sessions trama_research_sessions() gives them, and
 * never leaves the server but as dates, codes and their own pseudonymised notes.
 */

/** Researchers who may take part in the case's sessions: every person of the case consented (migration 0050). */
export async function researchersFor({
  tx,
  caseId,
}: {
  tx: Tx;
  caseId: string;
}): Promise<TSessionPractice['researchers']> {
  // Read as the owner: researchers belong to another organisation's service, which the team cannot list.
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; display_name: string }>(
      sys,
      sql`select distinct u.id, u.display_name from users u join memberships m on m.user_id = u.id and m.role = 'researcher'
          where u.disabled_at is null and trama_research_consented(${caseId}::uuid, u.id)
          order by u.display_name, u.id`,
    ),
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** The researcher's organisation as recorded beside their name on the session. */
export async function researchServiceName({ tx, userId }: { tx: Tx; userId: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ name: string }>(
      sys,
      sql`select s.name from memberships m join services s on s.id = m.service_id
          where m.user_id = ${userId} and m.role = 'researcher' order by s.name limit 1`,
    ),
  );
  return row?.name ?? null;
}

export interface ResearchSessionRow {
  id: string;
  case_id: string;
  kind: string;
  starts_at: Date;
  status: 'scheduled' | 'held' | 'cancelled' | 'missed';
  consented: boolean;
}

/** The sessions the acting researcher took part in (all, or one), newest first. */
export async function researchSessionsOfMine({
  tx,
  userId,
  sessionId,
}: {
  tx: Tx;
  userId: string;
  sessionId?: string;
}) {
  const ids = (await queryRows<{ id: string }>(tx, sql`select unnest(trama_research_sessions()) as id`)).map(
    (r) => r.id,
  );
  const wanted = sessionId ? ids.filter((id) => id === sessionId) : ids;
  if (wanted.length === 0) return [];
  return unsafeAsSystem(tx, (sys) =>
    queryRows<ResearchSessionRow>(
      sys,
      sql`select s.id, s.case_id, s.kind, s.starts_at, s.status,
            trama_research_consented(s.case_id, ${userId}::uuid) as consented
          from case_sessions s where s.id in (${uuidList(wanted)}) order by s.starts_at desc, s.id`,
    ),
  );
}

/** The family of the session's case by name, to be replaced in a note (never returned to the researcher). */
export async function familyOfCase({ tx, caseId }: { tx: Tx; caseId: string }) {
  return unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; given_name: string; family_name: string }>(
      sys,
      sql`select p.id, p.given_name, p.family_name from cases c join people p on p.household_id = c.household_id
          where c.id = ${caseId} order by p.position, p.id`,
    ),
  );
}
