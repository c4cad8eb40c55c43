import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { calendarOf, sessionsOfGatherings, sessionsOfUser } from '../../platform/gatherings/calendar.js';
import { hashToken } from '../../platform/gatherings/places.js';
import { problems } from '../../platform/http/problem.js';
import { requireEdition } from './training.policy.js';

/**
 * Calendars: a member's personal feed (every gathering where their place is confirmed or
 * offered), fetched by a calendar app with a token in its address and no login, and an edition's
 * sessions as a file. The feed's token is kept hashed; making a new link revokes the old one.
 */

/** A feed's file name: the token and `.ics`. */
export const FEED_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

/** Makes (or remakes, revoking the old) the member's personal calendar link. */
export async function makeCalendarLink({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const token = randomBytes(24).toString('base64url');
      // The hash's column is out of the request role's reach: written as the owner, for this user only.
      await unsafeAsSystem(tx, (sys) =>
        sys.execute(
          sql`insert into calendar_feeds (user_id, token_hash) values (${ctx.userId}, ${hashToken(token)})
              on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.calendar_link_made', recordType: 'user', recordId: ctx.userId },
      });
      return { url: `${deps.config.publicUrl}/api/calendar/${token}.ics` };
    },
  });
}

/** The feed a calendar app fetches; an unknown token, a revoked one or a disabled account: 404. */
export async function personalFeed({ deps, file }: { deps: Deps; file: string }) {
  const token = FEED_FILE.exec(file)?.[1];
  if (!token) throw problems.notFound();
  return systemTransaction(deps.db, async (sys) => {
    const [feed] = await queryRows<{ user_id: string }>(
      sys,
      sql`select f.user_id from calendar_feeds f join users u on u.id = f.user_id
           where f.token_hash = ${hashToken(token)} and u.disabled_at is null`,
    );
    if (!feed) throw problems.notFound();
    return calendarOf({ name: 'Trama', sessions: await sessionsOfUser({ tx: sys, userId: feed.user_id }) });
  });
}

/** An edition's sessions as a calendar file (the catalogue is open to every member). */
export async function editionCalendar({
  deps,
  ctx,
  editionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireEdition({ tx, editionId });
      return calendarOf({
        name: edition.course_title,
        sessions: await sessionsOfGatherings({ tx, gatheringIds: [edition.gathering_id] }),
      });
    },
  });
}
