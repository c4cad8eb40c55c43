import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZEventUpdateSchema } from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireManagedEvent } from './community.policy.js';
import { addCoOrganisers, loadEvent } from './community-events.service.js';
import { seatTheWaiting } from './community-registration.js';

/**
 * What the organisers change of an event after creating it: its text, capacity, publication and
 * co-organisers, or its cancellation (the event and its registrations stay for the record).
 */

type TEventUpdate = z.infer<typeof ZEventUpdateSchema>;

const cancelledEvent = () =>
  problems.conflict({
    it: 'L’evento è stato annullato: non si può più modificare.',
    en: 'The event was cancelled: it can no longer be changed.',
  });

const belowTaken = (taken: number) =>
  problems.field(
    'capacity',
    'below_taken',
    {
      it: `La capienza non può scendere sotto i posti già occupati (${taken}): annulla prima qualche iscrizione.`,
      en: `The capacity cannot go below the seats already taken (${taken}): cancel some registrations first.`,
    },
    409,
  );

/**
 * The organisers change an event: its text, languages, topics, capacity (never below the seats
 * taken, checked in the update itself; seats it adds go to the people waiting), publication and
 * co-organisers (replaced; the newly added get a line on their timeline).
 */
export async function updateEvent({
  deps,
  ctx,
  eventId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  eventId: string;
  input: TEventUpdate;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const event = await requireManagedEvent({ tx, eventId });
      if (event.status === 'cancelled') throw cancelledEvent();
      const resized = await queryRows<{ id: string }>(
        tx,
        sql`update gatherings set title = ${input.title}, capacity = ${input.capacity}
             where id = ${event.gathering_id} and seats_taken <= ${input.capacity} returning id`,
      );
      if (resized.length === 0) {
        const [g] = await queryRows<{ seats_taken: number }>(
          tx,
          sql`select seats_taken from gatherings where id = ${event.gathering_id}`,
        );
        throw belowTaken(g?.seats_taken ?? 0);
      }
      await tx.execute(
        sql`update community_events set description = ${input.description}, languages = ${sqlArray(input.languages)},
              topics = ${sqlArray(input.topics)}, published = ${input.published} where id = ${eventId}`,
      );
      const before = await queryRows<{ holder_id: string }>(
        tx,
        sql`select holder_id from community_event_holders where event_id = ${eventId}`,
      );
      const kept = new Set(input.coOrganiserIds);
      await tx.execute(
        sql`delete from community_event_holders where event_id = ${eventId}
             and not (holder_id = any (${sqlArray([...kept], 'uuid')}))`,
      );
      const had = new Set(before.map((b) => b.holder_id));
      await addCoOrganisers({
        tx,
        eventId,
        holderIds: [...kept].filter((id) => !had.has(id)),
        title: input.title,
        userId: ctx.userId,
      });
      const seated = await seatTheWaiting({ tx, gatheringId: event.gathering_id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.event_saved',
          recordType: 'community_event',
          recordId: eventId,
          details: { seatedFromWaitingList: seated },
        },
      });
      return loadEvent(tx, eventId);
    },
  });
}

/** The organisers cancel an event: it stays, with its registrations, for the record and the counts. */
export async function cancelEvent({
  deps,
  ctx,
  eventId,
}: {
  deps: Deps;
  ctx: AccessContext;
  eventId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireManagedEvent({ tx, eventId });
      const changed = await queryRows<{ id: string }>(
        tx,
        sql`update community_events set status = 'cancelled' where id = ${eventId} and status = 'planned' returning id`,
      );
      if (changed.length > 0)
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: { action: 'community.event_cancelled', recordType: 'community_event', recordId: eventId },
        });
      return loadEvent(tx, eventId);
    },
  });
}
