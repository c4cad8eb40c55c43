import { sql } from 'drizzle-orm';
import type { TApprovals } from '../../../contracts/training.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { loadPlaces } from './training.repository.js';

/**
 * The requests of a coordinator's organisation awaiting their approval, in every edition (Home
 * counts them; this is where they are decided). Never the coordinator's own: nobody approves themselves.
 */
export async function approvalsToDecide({
  deps,
  ctx,
}: {
  deps: Deps;
  ctx: AccessContext;
}): Promise<TApprovals> {
  if (ctx.role !== 'coordinator' || !ctx.organisationId) throw problems.forbidden();
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        id: string;
        edition_id: string;
        course_title: string;
        starts_at: Date | null;
      }>(
        tx,
        sql`select p.id, e.id as edition_id, c.title as course_title,
                   (select min(s.starts_at) from gathering_sessions s where s.gathering_id = p.gathering_id) as starts_at
              from gathering_places p join training_editions e on e.gathering_id = p.gathering_id
              join training_courses c on c.id = e.course_id
             where p.status = 'awaiting_approval' and p.participant_organisation_id = ${ctx.organisationId}
               and p.user_id <> ${ctx.userId}
             order by p.queued_seq limit 500`,
      );
      const places = new Map(
        (await loadPlaces({ tx, placeIds: rows.map((r) => r.id) })).map((p) => [p.id, p]),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.places_listed', details: { count: rows.length, awaitingApproval: true } },
      });
      return rows.flatMap((r) => {
        const place = places.get(r.id);
        return place
          ? [{ editionId: r.edition_id, courseTitle: r.course_title, startsAt: isoTime(r.starts_at), place }]
          : [];
      });
    },
  });
}
