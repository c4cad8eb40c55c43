import { type SQL, sql } from 'drizzle-orm';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type CalendarSession, calendarOf } from '../../platform/gatherings/calendar.js';

/**
 * Calendars (ICS) of community events, one event per session (platform/gatherings/calendar.ts:
 * stable UIDs, so a calendar app updates rather than duplicates): the public feed of published,
 * planned events, and the members' feed of every planned event. Title, place and comune only —
 * never who registered. Sessions ended more than CALENDAR_PAST_DAYS ago are left out, so the feed
 * stays small as the years pass.
 */

export const CALENDAR_PAST_DAYS = 90;

async function communitySessions(on: Tx, where: SQL): Promise<CalendarSession[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    starts_at: Date;
    ends_at: Date;
    place: string | null;
    municipality: string;
    online_link: string | null;
  }>(
    on,
    sql`select s.id, g.title, s.starts_at, s.ends_at, s.place, m.name as municipality, s.online_link
          from gathering_sessions s join gatherings g on g.id = s.gathering_id
          join community_events e on e.gathering_id = g.id join municipalities m on m.istat_code = e.municipality
         where e.status = 'planned' and s.ends_at > now() - make_interval(days => ${CALENDAR_PAST_DAYS}) and ${where}
         order by s.starts_at, s.id limit 2000`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    // The comune always, after the room when there is one: a resident needs the town first.
    place: r.place ? `${r.place}, ${r.municipality}` : r.municipality,
    onlineLink: r.online_link,
  }));
}

/** The public calendar: published, planned events (read as the owner: there is no caller). */
export async function publicCalendar({ deps }: { deps: Deps }) {
  return systemTransaction(deps.db, async (sys) =>
    calendarOf({ name: 'Eventi di comunità', sessions: await communitySessions(sys, sql`e.published`) }),
  );
}

/** Every planned event a member may see, published or not (read as the caller). */
export async function membersCalendar({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) =>
      calendarOf({ name: 'Eventi di comunità (Trama)', sessions: await communitySessions(tx, sql`true`) }),
  });
}
