import { sql } from 'drizzle-orm';
import type { AccessContext } from '../../platform/access/access-context.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

/**
 * Who may do what in training. The catalogue (courses, editions, sessions) is open to every
 * signed-in member; a course and its editions are managed by the trainers of the service that
 * owns it; a registration is seen by its participant, by the edition's managers and by a
 * coordinator of the participant's organisation (RLS: 0027_gatherings_rls; the same rule here).
 */

export const managesService = (ctx: AccessContext, serviceId: string) =>
  ctx.role === 'trainer' && ctx.serviceId === serviceId;

export interface EditionRow {
  id: string;
  course_id: string;
  gathering_id: string;
  owner_service_id: string;
  course_title: string;
  strand: string;
  approval_required: boolean;
  attendance_threshold: number;
}

/** An edition, with its course and gathering; 404 when it does not exist. */
export async function requireEdition({ tx, editionId }: { tx: Tx; editionId: string }): Promise<EditionRow> {
  const [row] = await queryRows<EditionRow>(
    tx,
    sql`select e.id, e.course_id, e.gathering_id, c.owner_service_id, c.title as course_title, c.strand,
               c.approval_required, c.attendance_threshold
          from training_editions e join training_courses c on c.id = e.course_id
         where e.id = ${editionId}`,
  );
  if (!row) throw new OutOfScope('training_edition', editionId);
  return row;
}

/** An edition the acting trainer manages; any other caller gets the audited 404. */
export async function requireManagedEdition({
  tx,
  ctx,
  editionId,
}: {
  tx: Tx;
  ctx: AccessContext;
  editionId: string;
}): Promise<EditionRow> {
  const edition = await requireEdition({ tx, editionId });
  if (!managesService(ctx, edition.owner_service_id)) throw new OutOfScope('training_edition', editionId);
  return edition;
}

export interface SessionRow {
  id: string;
  edition_id: string;
  gathering_id: string;
  owner_service_id: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
}

/** A session of an edition (any caller who may see the catalogue); 404 when it does not exist. */
export async function requireSession({ tx, sessionId }: { tx: Tx; sessionId: string }): Promise<SessionRow> {
  const [row] = await queryRows<SessionRow>(
    tx,
    sql`select s.id, e.id as edition_id, s.gathering_id, g.owner_service_id, s.starts_at, s.ends_at, g.title
          from gathering_sessions s join gatherings g on g.id = s.gathering_id
          join training_editions e on e.gathering_id = g.id
         where s.id = ${sessionId}`,
  );
  if (!row) throw new OutOfScope('training_session', sessionId);
  return row;
}

/** A session of an edition the acting trainer manages. */
export async function requireManagedSession({
  tx,
  ctx,
  sessionId,
}: {
  tx: Tx;
  ctx: AccessContext;
  sessionId: string;
}): Promise<SessionRow> {
  const session = await requireSession({ tx, sessionId });
  if (!managesService(ctx, session.owner_service_id)) throw new OutOfScope('training_session', sessionId);
  return session;
}

/** A registration the caller may see (RLS decides: participant, managers, coordinator). */
export async function requireVisiblePlace({ tx, placeId }: { tx: Tx; placeId: string }) {
  const [row] = await queryRows<{
    id: string;
    gathering_id: string;
    edition_id: string;
    user_id: string | null;
    status: string;
    participant_organisation_id: string | null;
  }>(
    tx,
    sql`select p.id, p.gathering_id, e.id as edition_id, p.user_id, p.status, p.participant_organisation_id
          from gathering_places p join training_editions e on e.gathering_id = p.gathering_id
         where p.id = ${placeId}`,
  );
  if (!row) throw new OutOfScope('training_place', placeId);
  return row;
}
