import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { exclusionOf } from './matching.js';
import {
  loadCandidates,
  matchRequestOf,
  REQUEST_ROW_COLUMNS,
  type RequestRow,
  requestRowOf,
} from './mediation-candidates.js';

/**
 * Booking a mediator for a request, the one place that writes an assignment. Runs as the owner
 * after the service judged the caller, and takes two row locks in a fixed order — the request,
 * then the mediator — so two accepts of one request take turns (the second finds it taken), and
 * two bookings of one mediator take turns (the second sees the first's time and is refused):
 * double booking is impossible under concurrency, not only unlikely (test/mediation/booking.int.test.ts).
 */

export const overlapProblem = () =>
  new HttpProblem(
    409,
    'overlap',
    { it: 'Mediatore già impegnato', en: 'Mediator already booked' },
    {
      it: 'Il mediatore ha già un incarico che si sovrappone a questo orario.',
      en: 'The mediator already has an assignment overlapping this time.',
    },
  );

const takenProblem = () =>
  new HttpProblem(
    409,
    'taken',
    { it: 'Richiesta già assegnata', en: 'Request already assigned' },
    {
      it: 'Un altro mediatore ha già preso questa richiesta, oppure è stata annullata.',
      en: 'Another mediator has already taken this request, or it was cancelled.',
    },
  );

const unsuitableProblem = () =>
  problems.field('mediatorId', 'unsuitable', {
    it: 'Questo mediatore non può essere assegnato a questa richiesta.',
    en: 'This mediator cannot be assigned to this request.',
  });

export async function bookMediator({
  tx,
  requestId,
  mediatorId,
  status,
  assignedBy,
}: {
  tx: Tx;
  requestId: string;
  mediatorId: string;
  /** `assigned` by the coordinator (the mediator confirms), `confirmed` when the mediator accepted an offer. */
  status: 'assigned' | 'confirmed';
  assignedBy: string;
}): Promise<string> {
  return unsafeAsSystem(tx, async (sys) => {
    const [request] = await queryRows<RequestRow & { status: string; session_id: string | null }>(
      sys,
      sql`select ${REQUEST_ROW_COLUMNS}, status, session_id from mediation_requests where id = ${requestId} for update`,
    );
    if (!request || !['open', 'offered'].includes(request.status)) throw takenProblem();
    const [mediator] = await queryRows<{ id: string; user_id: string }>(
      sys,
      sql`select id, user_id from mediators where id = ${mediatorId} and active for update`,
    );
    if (!mediator) throw unsuitableProblem();
    // Nobody books themselves (a coordinator who also mediates): their hours are paid.
    if (status === 'assigned' && mediator.user_id === assignedBy)
      throw problems.field('mediatorId', 'self', {
        it: 'Non puoi assegnare una mediazione a te stessa o te stesso.',
        en: 'You cannot assign a mediation to yourself.',
      });
    // Judged again inside the locks: a booking committed meanwhile is seen now.
    const [candidate] = await loadCandidates({ sys, request, onlyMediatorIds: [mediatorId] });
    const why = candidate ? exclusionOf(await matchRequestOf(sys, request), candidate) : 'language';
    if (why === 'busy') throw overlapProblem();
    if (why !== null) throw unsuitableProblem();
    const [row] = await queryRows<{ id: string }>(
      sys,
      sql`insert into mediation_assignments (request_id, mediator_id, status, starts_at, ends_at, assigned_by, answered_at)
          values (${requestId}, ${mediatorId}, ${status}, ${request.starts_at}, ${request.ends_at}, ${assignedBy},
                  ${status === 'confirmed' ? sql`now()` : null})
          returning id`,
    );
    await sys.execute(
      sql`update mediation_requests set status = ${status}, updated_at = now() where id = ${requestId}`,
    );
    await sys.execute(
      sql`update mediation_offers set status = case when mediator_id = ${mediatorId} then 'accepted' else 'withdrawn' end,
                 answered_at = now()
           where request_id = ${requestId} and status = 'pending'`,
    );
    if (status === 'confirmed') await linkSession(sys, request.session_id, mediator.user_id);
    return row!.id;
  });
}

/** The case session the request was for gets its mediator from the confirmed assignment. */
export async function linkSession(sys: Tx, sessionId: string | null, mediatorUserId: string) {
  if (!sessionId) return;
  await sys.execute(sql`update case_sessions set mediator_id = ${mediatorUserId} where id = ${sessionId}`);
}

/**
 * Ends a request's live assignment (declined, removed, cancelled): the mediator's access ends with
 * it at once (every mediator read filters on a live status), and the session loses them. A declined
 * or removed mediator leaves the request open again for the coordinator; a cancelled one does not.
 */
export async function releaseAssignment({
  tx,
  requestId,
  to,
  reason,
}: {
  tx: Tx;
  requestId: string;
  to: 'declined' | 'removed' | 'cancelled';
  reason: string | null;
}) {
  await unsafeAsSystem(tx, async (sys) => {
    const ended = await queryRows<{ user_id: string; session_id: string | null }>(
      sys,
      sql`update mediation_assignments a set status = ${to}, decline_reason = ${reason}, answered_at = now()
            from mediators m, mediation_requests r
           where a.request_id = ${requestId} and a.status in ('assigned', 'confirmed')
             and m.id = a.mediator_id and r.id = a.request_id
          returning m.user_id, r.session_id`,
    );
    for (const e of ended)
      if (e.session_id)
        await sys.execute(
          sql`update case_sessions set mediator_id = null where id = ${e.session_id} and mediator_id = ${e.user_id}`,
        );
    if (to !== 'cancelled')
      await sys.execute(
        sql`update mediation_requests set status = 'open', updated_at = now() where id = ${requestId}`,
      );
  });
}

/**
 * The mediator is still suitable for the request (a conflict declared, an absence recorded, the
 * perpetrator rule met since they were assigned): asked again when they confirm.
 */
export async function requireStillSuitable(tx: Tx, requestId: string, mediatorId: string) {
  await unsafeAsSystem(tx, async (sys) => {
    const request = await requestRowOf(sys, requestId);
    const [candidate] = request ? await loadCandidates({ sys, request, onlyMediatorIds: [mediatorId] }) : [];
    if (!request || !candidate || exclusionOf(await matchRequestOf(sys, request), candidate) !== null)
      throw new HttpProblem(
        409,
        'no-longer-suitable',
        { it: 'Incarico non più possibile', en: 'Assignment no longer possible' },
        {
          it: 'Non puoi più svolgere questa mediazione: rifiutala, il coordinamento ne assegnerà un’altra persona.',
          en: 'You can no longer take this mediation: decline it, and the coordinator will assign someone else.',
        },
      );
  });
}

/**
 * After a conflict, an absence or a deactivation is recorded: the mediator's live assignments and
 * pending offers that the change makes unsuitable are released at once (the request goes back to
 * the coordinator's queue). Returns how many requests were released.
 */
export async function releaseUnsuitable(tx: Tx, mediatorId: string): Promise<number> {
  const held = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ request_id: string; kind: 'assignment' | 'offer' }>(
      sys,
      sql`select request_id, 'assignment' as kind from mediation_assignments
           where mediator_id = ${mediatorId} and status in ('assigned', 'confirmed') and ends_at > now()
          union all
          select request_id, 'offer' from mediation_offers where mediator_id = ${mediatorId} and status = 'pending'
          order by request_id`,
    ),
  );
  let released = 0;
  for (const { request_id: requestId, kind } of held) {
    const suitable = await requireStillSuitable(tx, requestId, mediatorId).then(
      () => true,
      (error: unknown) => {
        if (error instanceof HttpProblem && error.status === 409) return false;
        throw error;
      },
    );
    if (suitable) continue;
    released++;
    if (kind === 'assignment') {
      await releaseAssignment({ tx, requestId, to: 'removed', reason: null });
    } else
      await unsafeAsSystem(tx, (sys) =>
        sys.execute(
          sql`update mediation_offers set status = 'withdrawn', answered_at = now()
               where request_id = ${requestId} and mediator_id = ${mediatorId}`,
        ),
      );
  }
  return released;
}
