import { sql } from 'drizzle-orm';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { problems } from '../../platform/http/problem.js';
import type { RequestRow } from './mediation-candidates.js';

/**
 * Who may do what in mediation (the same rules as 0034_mediation_rls, which backs them). The
 * coordinator of a mediation service keeps the registry and assigns; a requester sees their own
 * requests; the coordinator of the requesting service sees their service's; a mediator sees only
 * their own offers and assignments, and of them only the minimum (mediation-jobs.service.ts).
 */

export async function isMediationCoordinator(tx: Tx): Promise<boolean> {
  const [row] = await queryRows<{ yes: boolean }>(tx, sql`select trama_is_mediation_coordinator() as yes`);
  return row?.yes ?? false;
}

/** The acting coordinator of a mediation service, or a 403. */
export async function requireMediationCoordinator(tx: Tx): Promise<void> {
  if (!(await isMediationCoordinator(tx))) throw problems.forbidden();
}

/** The acting mediator's registry row, or a 403 (a mediator account not yet in the registry). */
export async function requireMyMediator(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ id: string | null }>(tx, sql`select trama_my_mediator() as id`);
  if (!row?.id) throw problems.forbidden();
  return row.id;
}

export interface RequestAccessRow extends RequestRow {
  code: string;
  status: string;
  mediation_service_id: string;
  service_id: string;
  requester_id: string;
  session_id: string | null;
  duration_minutes: number;
}

/** A request the caller may see (RLS decides; the audited 404 otherwise). */
export async function requireRequest({ tx, id, lock = false }: { tx: Tx; id: string; lock?: boolean }) {
  const [row] = await queryRows<RequestAccessRow>(
    tx,
    sql`select id, code, status, mediation_service_id, service_id, requester_id, language, dialect, starts_at, ends_at,
               duration_minutes, mode, municipality, gender_preference, victim, victim_mediator_gender, community,
               avoid_same_community, case_id, session_id, person_id
          from mediation_requests where id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw new OutOfScope('mediation_request', id);
  return row;
}

/** A request addressed to the acting mediation coordinator's service; anyone else gets the audited 404. */
export async function requireCoordinatedRequest({
  tx,
  id,
  lock = false,
}: {
  tx: Tx;
  id: string;
  lock?: boolean;
}) {
  if (!(await isMediationCoordinator(tx))) throw new OutOfScope('mediation_request', id);
  const row = await requireRequest({ tx, id, lock });
  const [mine] = await queryRows<{ yes: boolean }>(
    tx,
    sql`select ${row.mediation_service_id}::uuid = trama_service() as yes`,
  );
  if (!mine?.yes) throw new OutOfScope('mediation_request', id);
  return row;
}
