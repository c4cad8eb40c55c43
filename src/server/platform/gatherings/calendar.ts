import { sql } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import { queryRows, type Tx, uuidList } from '../db/client.js';

/**
 * Calendars (ICS) of gathering sessions, for any module that holds gatherings: an event per
 * session with a UID that stays the same while the session exists, so a calendar app that
 * fetches the feed again updates the event instead of adding a copy.
 */

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export interface CalendarSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineLink: string | null;
}

/** The UID of a session's event: stable, and the same in every feed that carries it. */
export const sessionUid = (sessionId: string) => `${sessionId}@trama.gatherings`;

/** An ICS calendar of the given sessions (an empty calendar when there are none). */
export function calendarOf({ name, sessions }: { name: string; sessions: readonly CalendarSession[] }) {
  const events: EventAttributes[] = sessions.map((s) => ({
    uid: sessionUid(s.id),
    title: s.title,
    start: s.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: s.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(s.place ? { location: s.place } : s.onlineLink ? { location: s.onlineLink } : {}),
    ...(s.onlineLink ? { url: s.onlineLink } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  }));
  const { error, value } = createEvents(events, { productId: 'trama', method: 'PUBLISH', calName: name });
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}

interface SessionRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_link: string | null;
}

const toSession = (r: SessionRow): CalendarSession => ({
  id: r.id,
  title: r.title,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  place: r.place,
  onlineLink: r.online_link,
});

/** The sessions of the given gatherings, titled with their gathering, in time order. Reads as the caller. */
export async function sessionsOfGatherings({
  tx,
  gatheringIds,
}: {
  tx: Tx;
  gatheringIds: readonly string[];
}): Promise<CalendarSession[]> {
  if (gatheringIds.length === 0) return [];
  const rows = await queryRows<SessionRow>(
    tx,
    sql`select s.id, g.title, s.starts_at, s.ends_at, s.place, s.online_link
          from gathering_sessions s join gatherings g on g.id = s.gathering_id
         where s.gathering_id in (${uuidList(gatheringIds)}) order by s.starts_at, s.id limit 2000`,
  );
  return rows.map(toSession);
}

/**
 * A user's sessions: of every gathering, of any module, where their place is confirmed or
 * offered. Reads as the caller (a system transaction for a feed fetched by its token).
 */
export async function sessionsOfUser({ tx, userId }: { tx: Tx; userId: string }): Promise<CalendarSession[]> {
  const rows = await queryRows<SessionRow>(
    tx,
    sql`select s.id, g.title, s.starts_at, s.ends_at, s.place, s.online_link
          from gathering_sessions s join gatherings g on g.id = s.gathering_id
         where s.gathering_id in (select p.gathering_id from gathering_places p
                                   where p.user_id = ${userId} and p.status in ('confirmed', 'offered'))
         order by s.starts_at, s.id limit 2000`,
  );
  return rows.map(toSession);
}
