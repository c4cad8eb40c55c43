import { sql } from 'drizzle-orm';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { HttpProblem } from '../../platform/http/problem.js';

/**
 * Who may do what in community engagement (RLS: 0038_community_rls; the same rules here). A
 * community worker — a practitioner or coordinator of a community_engagement service — keeps the
 * registry and organises events; an event is managed by the workers of the service that owns it;
 * participants' details are read by its managers only. Every practitioner reads the directory.
 */

export async function isCommunityWorker(tx: Tx): Promise<boolean> {
  const [row] = await queryRows<{ yes: boolean }>(tx, sql`select trama_is_community_worker() as yes`);
  return row?.yes === true;
}

export const notCommunityWorker = () =>
  new HttpProblem(
    403,
    'not-community-worker',
    { it: 'Solo per il servizio di partecipazione', en: 'Community engagement service only' },
    {
      it: 'Il registro e gli eventi sono curati dagli operatori di un servizio di partecipazione e comunità.',
      en: 'The registry and the events are kept by the workers of a community engagement service.',
    },
  );

export async function requireCommunityWorker(tx: Tx) {
  if (!(await isCommunityWorker(tx))) throw notCommunityWorker();
}

export interface EventRow {
  id: string;
  gathering_id: string;
  kind: string;
  status: string;
  owner_service_id: string;
  managed: boolean;
}

/** An event the reader may see (every signed-in member sees events); 404 otherwise. */
export async function requireEvent({ tx, eventId }: { tx: Tx; eventId: string }): Promise<EventRow> {
  const [row] = await queryRows<EventRow>(
    tx,
    sql`select e.id, e.gathering_id, e.kind, e.status, e.owner_service_id,
               e.gathering_id = any (trama_managed_gatherings()) as managed
          from community_events e where e.id = ${eventId}`,
  );
  if (!row) throw new OutOfScope('community_event', eventId);
  return row;
}

/** An event the caller organises; anyone else gets the audited 404. */
export async function requireManagedEvent({ tx, eventId }: { tx: Tx; eventId: string }): Promise<EventRow> {
  const row = await requireEvent({ tx, eventId });
  if (!row.managed) throw new OutOfScope('community_event', eventId);
  return row;
}

export interface SessionRow {
  id: string;
  gathering_id: string;
  event_id: string;
  kind: string;
  /** The event's status: a cancelled event's sessions take no check-in or count. */
  event_status: string;
  starts_at: Date;
  ends_at: Date;
  sessions_in_event: number;
}

/** A session of an event the caller organises; anyone else gets the audited 404. */
export async function requireManagedSession({
  tx,
  sessionId,
}: {
  tx: Tx;
  sessionId: string;
}): Promise<SessionRow> {
  const [row] = await queryRows<SessionRow>(
    tx,
    sql`select s.id, s.gathering_id, e.id as event_id, e.kind, e.status as event_status, s.starts_at, s.ends_at,
               (select count(*)::int from gathering_sessions x where x.gathering_id = s.gathering_id) as sessions_in_event
          from gathering_sessions s join community_events e on e.gathering_id = s.gathering_id
         where s.id = ${sessionId} and s.gathering_id = any (trama_managed_gatherings())`,
  );
  if (!row) throw new OutOfScope('community_session', sessionId);
  return row;
}
