import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import type { TMediationMode, TMediationPurpose } from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { hashToken } from '../../platform/gatherings/places.js';
import { problems } from '../../platform/http/problem.js';
import { appMessage } from '../../platform/i18n/enum-labels.js';
import { requireMyMediator } from './mediation.policy.js';

/**
 * A mediator's calendar feed (issue 18, item 4): their assigned and confirmed assignments, fetched
 * by a calendar app with a token in its address and no login. A calendar app's servers keep what
 * they fetch, so an event says only when, the language, the purpose and the comune (or "Telefono",
 * "Video"): never the address, which may be a shelter, never the case, the person or who asked.
 * The token is kept hashed; a new link revokes the old one. An assignment declined, removed or
 * cancelled leaves the feed at the next fetch.
 */

/** The UID of an assignment's event: the same at every fetch, so the app updates it instead of copying it. */
export const assignmentUid = (assignmentId: string) => `${assignmentId}@trama.mediation`;

const MODE_PLACE: Record<Exclude<TMediationMode, 'in_person'>, string> = {
  phone: 'Telefono',
  video: 'Video',
};

/** Makes (or remakes, revoking the old) the acting mediator's calendar link. */
export async function makeMediatorCalendarLink({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const mediatorId = await requireMyMediator(tx);
      const token = randomBytes(24).toString('base64url');
      // The hash's column is out of the request role's reach: written as the owner, for this user only.
      await unsafeAsSystem(tx, (sys) =>
        sys.execute(
          sql`insert into mediation_calendar_feeds (user_id, token_hash) values (${ctx.userId}, ${hashToken(token)})
              on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.calendar_link_made', recordType: 'mediator', recordId: mediatorId },
      });
      return { url: `${deps.config.publicUrl}/api/mediation/calendar/${token}` };
    },
  });
}

interface FeedRow {
  id: string;
  status: 'assigned' | 'confirmed';
  starts_at: Date;
  ends_at: Date;
  mode: TMediationMode;
  purpose: TMediationPurpose;
  language_name: string;
  municipality_name: string | null;
}

/** "Mediazione — Arabo — Colloquio", in the words of the operator app's catalogue. */
function titleOf(row: FeedRow) {
  const purpose = appMessage({ key: `mediationWords.purpose.${row.purpose}`, feature: 'mediation' });
  return ['Mediazione', row.language_name, ...(purpose ? [purpose] : [])].join(' — ');
}

/**
 * The feed a calendar app fetches. An unknown or revoked token, a disabled account or one that is
 * no longer a mediator: 404. Read as the owner, for the one mediator the token names.
 */
export async function mediatorFeed({ deps, token }: { deps: Deps; token: string }) {
  return systemTransaction(deps.db, async (sys) => {
    const [feed] = await queryRows<{ mediator_id: string }>(
      sys,
      sql`select m.id as mediator_id
            from mediation_calendar_feeds f join users u on u.id = f.user_id join mediators m on m.user_id = f.user_id
           where f.token_hash = ${hashToken(token)} and u.disabled_at is null and m.active
             and exists (select 1 from memberships ms where ms.user_id = f.user_id and ms.role = 'mediator')`,
    );
    if (!feed) throw problems.notFound();
    const rows = await queryRows<FeedRow>(
      sys,
      sql`select a.id, a.status, a.starts_at, a.ends_at, r.mode, r.purpose, l.name_it as language_name,
                 mu.name as municipality_name
            from mediation_assignments a join mediation_requests r on r.id = a.request_id
            join languages l on l.code = r.language
            left join municipalities mu on mu.istat_code = r.municipality
           where a.mediator_id = ${feed.mediator_id} and a.status in ('assigned', 'confirmed')
           order by a.starts_at, a.id limit 1000`,
    );
    const events: EventAttributes[] = rows.map((row) => {
      const location = row.mode === 'in_person' ? row.municipality_name : MODE_PLACE[row.mode];
      return {
        uid: assignmentUid(row.id),
        title: titleOf(row),
        start: new Date(row.starts_at).getTime(),
        startInputType: 'utc',
        startOutputType: 'utc',
        end: new Date(row.ends_at).getTime(),
        endInputType: 'utc',
        endOutputType: 'utc',
        ...(location ? { location } : {}),
        // Assigned but not yet confirmed by the mediator: in the calendar, but as tentative.
        status: row.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
        busyStatus: 'BUSY',
      };
    });
    const { error, value } = createEvents(events, {
      productId: 'trama',
      method: 'PUBLISH',
      calName: 'Trama — mediazioni',
    });
    if (error || value === undefined) throw error ?? new Error('calendar not built');
    return value;
  });
}
