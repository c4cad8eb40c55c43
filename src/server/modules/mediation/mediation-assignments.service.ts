import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZHoursLogInputSchema } from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireCoordinatedRequest, requireMyMediator } from './mediation.policy.js';
import { bookMediator, linkSession, releaseAssignment, requireStillSuitable } from './mediation-booking.js';
import { mediationCost } from './mediation-cost.js';
import { loadRequest } from './mediation-requests.repository.js';
import { matchesFor } from './mediation-requests.service.js';

/** The coordinator assigns one mediator; the mediator then confirms or declines. */
export async function assignMediator({
  deps,
  ctx,
  requestId,
  mediatorId,
}: {
  deps: Deps;
  ctx: AccessContext;
  requestId: string;
  mediatorId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCoordinatedRequest({ tx, id: requestId });
      const assignmentId = await bookMediator({
        tx,
        requestId,
        mediatorId,
        status: 'assigned',
        assignedBy: ctx.userId,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.assigned', recordType: 'mediation_assignment', recordId: assignmentId },
      });
      return loadRequest({ tx, keyring: deps.keyring, id: requestId });
    },
  });
}

/** The coordinator offers the request to some of the suitable mediators: the first to accept gets it. */
export async function offerRequest({
  deps,
  ctx,
  requestId,
  mediatorIds,
}: {
  deps: Deps;
  ctx: AccessContext;
  requestId: string;
  mediatorIds: readonly string[];
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const request = await requireCoordinatedRequest({ tx, id: requestId, lock: true });
      if (!['open', 'offered'].includes(request.status))
        throw problems.conflict({
          it: 'La richiesta è già assegnata, conclusa o annullata.',
          en: 'The request is already assigned, completed or cancelled.',
        });
      const [own] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string }>(sys, sql`select id from mediators where user_id = ${ctx.userId}`),
      );
      const suitable = new Set(
        (await matchesFor(tx, requestId)).map((m) => m.mediatorId).filter((id) => id !== own?.id),
      );
      const wrong = mediatorIds.findIndex((id) => !suitable.has(id));
      if (wrong >= 0)
        throw problems.field(`mediatorIds.${wrong}`, 'unsuitable', {
          it: 'Questo mediatore non è tra quelli adatti alla richiesta.',
          en: 'This mediator is not among those suitable for the request.',
        });
      await unsafeAsSystem(tx, async (sys) => {
        for (const mediatorId of new Set(mediatorIds))
          await sys.execute(
            sql`insert into mediation_offers (request_id, mediator_id) values (${requestId}, ${mediatorId})
                on conflict (request_id, mediator_id) do update set status = 'pending', offered_at = now(), answered_at = null`,
          );
        await sys.execute(
          sql`update mediation_requests set status = 'offered', updated_at = now() where id = ${requestId}`,
        );
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.offered',
          recordType: 'mediation_request',
          recordId: requestId,
          details: { count: mediatorIds.length },
        },
      });
      return loadRequest({ tx, keyring: deps.keyring, id: requestId });
    },
  });
}

/** A pending offer to the acting mediator; the audited 404 for anyone else's. */
async function requirePendingOffer(tx: Tx, requestId: string) {
  const mediatorId = await requireMyMediator(tx);
  const [offer] = await queryRows<{ status: string }>(
    tx,
    sql`select status from mediation_offers where request_id = ${requestId} and mediator_id = ${mediatorId}`,
  );
  if (!offer) throw new OutOfScope('mediation_request', requestId);
  return { mediatorId, pending: offer.status === 'pending' };
}

export async function answerOffer({
  deps,
  ctx,
  requestId,
  accept,
}: {
  deps: Deps;
  ctx: AccessContext;
  requestId: string;
  accept: boolean;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { mediatorId, pending } = await requirePendingOffer(tx, requestId);
      if (!pending)
        throw problems.conflict({
          it: 'L’offerta non è più aperta: un altro mediatore l’ha presa o è stata ritirata.',
          en: 'The offer is no longer open: another mediator took it or it was withdrawn.',
        });
      if (accept) {
        const assignmentId = await bookMediator({
          tx,
          requestId,
          mediatorId,
          status: 'confirmed',
          assignedBy: ctx.userId,
        });
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'mediation.offer_accepted',
            recordType: 'mediation_assignment',
            recordId: assignmentId,
          },
        });
        return { assignmentId };
      }
      await unsafeAsSystem(tx, (sys) =>
        sys.execute(
          sql`update mediation_offers set status = 'declined', answered_at = now()
               where request_id = ${requestId} and mediator_id = ${mediatorId}`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.offer_declined', recordType: 'mediation_request', recordId: requestId },
      });
      return { assignmentId: null };
    },
  });
}

interface MyAssignment {
  id: string;
  request_id: string;
  mediator_id: string;
  status: string;
  user_id: string;
  session_id: string | null;
  ends_at: Date;
  mode: string;
  organisation_id: string;
  starts_at: Date;
}

/** One of the acting mediator's own assignments, in one of the given states; the audited 404 otherwise. */
async function requireMyAssignment(tx: Tx, id: string, statuses: readonly string[]) {
  const mediatorId = await requireMyMediator(tx);
  // The request's row first, then the assignment's: the order every path takes (ADR 0020), so a
  // confirmation and a removal or a cancellation at once take turns instead of deadlocking.
  const [row] = await unsafeAsSystem(tx, async (sys) => {
    await sys.execute(
      sql`select r.id from mediation_requests r join mediation_assignments a on a.request_id = r.id
           where a.id = ${id} and a.mediator_id = ${mediatorId} for update of r`,
    );
    return queryRows<MyAssignment>(
      sys,
      sql`select a.id, a.request_id, a.mediator_id, a.status, m.user_id, r.session_id, a.starts_at, a.ends_at, r.mode,
                 m.organisation_id
            from mediation_assignments a join mediators m on m.id = a.mediator_id and m.active
            join mediation_requests r on r.id = a.request_id
           where a.id = ${id} and a.mediator_id = ${mediatorId} for update of a`,
    );
  });
  // A declined, removed or cancelled assignment is no longer the mediator's: as if it never was.
  if (!row || ['declined', 'removed', 'cancelled'].includes(row.status))
    throw new OutOfScope('mediation_assignment', id);
  if (!statuses.includes(row.status))
    throw problems.conflict({
      it: 'L’incarico non è in uno stato che lo consente.',
      en: 'The assignment is not in a state that allows this.',
    });
  return row;
}

export async function answerAssignment({
  deps,
  ctx,
  id,
  confirm,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  confirm: boolean;
  reason: string | null;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const assignment = await requireMyAssignment(tx, id, ['assigned']);
      // Judged again: a conflict declared, an absence or the perpetrator rule since the assignment.
      if (confirm) {
        await requireStillSuitable(tx, assignment.request_id, assignment.mediator_id);
        await unsafeAsSystem(tx, async (sys) => {
          await sys.execute(
            sql`update mediation_assignments set status = 'confirmed', answered_at = now() where id = ${id}`,
          );
          await sys.execute(
            sql`update mediation_requests set status = 'confirmed', updated_at = now() where id = ${assignment.request_id}`,
          );
          await linkSession(sys, assignment.session_id, assignment.user_id);
        });
      } else await releaseAssignment({ tx, requestId: assignment.request_id, to: 'declined', reason });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: confirm ? 'mediation.assignment_confirmed' : 'mediation.assignment_declined',
          recordType: 'mediation_assignment',
          recordId: id,
        },
      });
      return { status: confirm ? 'confirmed' : 'declined' };
    },
  });
}

/** The coordinator takes a mediator off a request: their access ends at once, the request is open again. */
export async function removeMediator({
  deps,
  ctx,
  requestId,
}: {
  deps: Deps;
  ctx: AccessContext;
  requestId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const request = await requireCoordinatedRequest({ tx, id: requestId, lock: true });
      if (!['assigned', 'confirmed'].includes(request.status))
        throw problems.conflict({
          it: 'Nessun mediatore da togliere: la richiesta non è assegnata.',
          en: 'No mediator to remove: the request is not assigned.',
        });
      await releaseAssignment({ tx, requestId, to: 'removed', reason: null });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.assignment_removed',
          recordType: 'mediation_request',
          recordId: requestId,
        },
      });
      return loadRequest({ tx, keyring: deps.keyring, id: requestId });
    },
  });
}

/**
 * The mediator logs what happened: minutes, travel, or that the person did not come. The cost is
 * fixed now at the cooperative's rate in force on the day (a later rate never rewrites it).
 */
export async function logHours({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZHoursLogInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const assignment = await requireMyAssignment(tx, id, ['confirmed']);
      if (new Date(assignment.starts_at).getTime() > Date.now())
        throw problems.field('actualMinutes', 'not_yet', {
          it: 'Le ore si registrano dopo l’inizio della mediazione.',
          en: 'Hours are logged once the mediation has started.',
        });
      await unsafeAsSystem(tx, async (sys) => {
        const [rate] = await queryRows<{ hourly: number; per_km: number }>(
          sys,
          sql`select case when ${assignment.mode} = 'in_person' then in_person_cents else remote_cents end as hourly,
                     travel_cents_per_km as per_km
                from mediation_rates where organisation_id = ${assignment.organisation_id}
                 and valid_from <= (${assignment.starts_at}::timestamptz at time zone 'Europe/Rome')::date
               order by valid_from desc limit 1`,
        );
        // Never a mediation at no cost by mistake: without a rate in force, the coordinator sets one first.
        if (!rate)
          throw problems.conflict({
            it: 'La cooperativa non ha una tariffa in vigore per quel giorno: chiedi al coordinamento della mediazione di inserirla.',
            en: 'The cooperative has no rate in force for that day: ask the mediation coordinator to enter it.',
          });
        const hourly = rate.hourly;
        const perKm = rate.per_km;
        const { km, costCents: cost } = mediationCost({
          minutes: input.actualMinutes,
          travelMinutes: input.travelMinutes,
          travelKm: input.travelKm,
          hourlyCents: hourly,
          centsPerKm: perKm,
        });
        const status = input.noShow ? 'no_show' : 'completed';
        await sys.execute(
          sql`update mediation_assignments set status = ${status}, actual_minutes = ${input.actualMinutes},
                     travel_minutes = ${input.travelMinutes}, travel_km = ${km}, hourly_cents = ${hourly},
                     travel_cents_per_km = ${perKm}, cost_cents = ${cost}, logged_at = now()
               where id = ${id}`,
        );
        await sys.execute(
          sql`update mediation_requests set status = 'completed', updated_at = now() where id = ${assignment.request_id}`,
        );
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.hours_logged',
          recordType: 'mediation_assignment',
          recordId: id,
          details: { minutes: input.actualMinutes, noShow: input.noShow },
        },
      });
      return { status: input.noShow ? 'no_show' : 'completed' };
    },
  });
}
