import { sql } from 'drizzle-orm';
import type { TEventKind, TPublicLanguage } from '../../../../contracts/community.js';
import { queryRows, sqlArray, type Tx } from '../../../platform/db/client.js';

/**
 * What the public pages read, as the owner (there is no signed-in person): published events only,
 * and of them only what a poster would say — never who registered, never how many did beyond
 * whether a place is free.
 */

export interface PublicSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
}

export interface PublicEvent {
  id: string;
  slug: string;
  kind: TEventKind;
  title: string;
  description: string | null;
  municipalityName: string;
  languages: TPublicLanguage[];
  status: 'planned' | 'cancelled';
  /** The organisation of the organising service: the privacy notice's controller. */
  organisation: string;
  serviceName: string;
  registrationOpen: boolean;
  seatsFree: boolean;
  sessions: PublicSession[];
}

interface EventRow {
  id: string;
  gathering_id: string;
  public_slug: string;
  kind: TEventKind;
  title: string;
  description: string | null;
  municipality_name: string;
  languages: TPublicLanguage[];
  status: 'planned' | 'cancelled';
  organisation: string;
  service_name: string;
  registration_open: boolean;
  seats_free: boolean;
}

const EVENT_COLUMNS = sql`select e.id, e.gathering_id, e.public_slug, e.kind, g.title, e.description,
       m.name as municipality_name, e.languages, e.status, o.name as organisation, sv.name as service_name,
       now() between g.registration_opens_at and g.registration_closes_at as registration_open,
       g.seats_taken < g.capacity as seats_free
  from community_events e join gatherings g on g.id = e.gathering_id
  join municipalities m on m.istat_code = e.municipality
  join services sv on sv.id = e.owner_service_id
  join organisations o on o.id = sv.organisation_id`;

async function withSessions(sys: Tx, rows: EventRow[]): Promise<PublicEvent[]> {
  if (rows.length === 0) return [];
  const sessions = await queryRows<{
    id: string;
    gathering_id: string;
    starts_at: Date;
    ends_at: Date;
    place: string | null;
  }>(
    sys,
    sql`select id, gathering_id, starts_at, ends_at, place from gathering_sessions
         where gathering_id = any (${sqlArray(
           rows.map((r) => r.gathering_id),
           'uuid',
         )}) order by starts_at, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.public_slug,
    kind: r.kind,
    title: r.title,
    description: r.description,
    municipalityName: r.municipality_name,
    languages: r.languages,
    status: r.status,
    organisation: r.organisation,
    serviceName: r.service_name,
    registrationOpen: r.registration_open,
    seatsFree: r.seats_free,
    sessions: sessions
      .filter((s) => s.gathering_id === r.gathering_id)
      .map((s) => ({
        id: s.id,
        startsAt: new Date(s.starts_at),
        endsAt: new Date(s.ends_at),
        place: s.place,
      })),
  }));
}

/** The public calendar: published, planned events with a session still to come, soonest first. */
export async function upcomingEvents(sys: Tx): Promise<PublicEvent[]> {
  const rows = await queryRows<EventRow>(
    sys,
    sql`${EVENT_COLUMNS}
         where e.published and e.status = 'planned'
           and exists (select 1 from gathering_sessions s where s.gathering_id = e.gathering_id and s.ends_at > now())
         order by (select min(s.starts_at) from gathering_sessions s
                    where s.gathering_id = e.gathering_id and s.ends_at > now()), e.id
         limit 200`,
  );
  return withSessions(sys, rows);
}

/**
 * An event by its public address: published ones for the event page (a cancelled one too: its
 * page says so); any, for the pages its registrants reach with their ticket (cancel, feedback),
 * which must keep working when the organisers take the event off the calendar.
 */
export async function eventBySlug(sys: Tx, slug: string, { publishedOnly }: { publishedOnly: boolean }) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(slug)) return null;
  const rows = await queryRows<EventRow>(
    sys,
    sql`${EVENT_COLUMNS} where e.public_slug = ${slug} and (e.published or not ${publishedOnly})`,
  );
  const [event] = await withSessions(sys, rows);
  return event ?? null;
}

/** An event by its id (the website's conference pages keep the id): published ones only when asked. */
export async function eventById(sys: Tx, id: string, { publishedOnly }: { publishedOnly: boolean }) {
  const rows = await queryRows<EventRow>(
    sys,
    sql`${EVENT_COLUMNS} where e.id = ${id} and (e.published or not ${publishedOnly})`,
  );
  const [event] = await withSessions(sys, rows);
  return event ?? null;
}

/** Published events, the latest first: those a conference page of the website may be. */
export async function publishedEvents(sys: Tx, limit: number) {
  const rows = await queryRows<EventRow>(
    sys,
    sql`${EVENT_COLUMNS} where e.published
         order by (select max(s.starts_at) from gathering_sessions s where s.gathering_id = e.gathering_id) desc nulls last, e.id
         limit ${limit}`,
  );
  return withSessions(sys, rows);
}

export const publishedEvent = (sys: Tx, slug: string) => eventBySlug(sys, slug, { publishedOnly: true });

/** A session with its community event, for the walk-in page (published or not: the QR is the proof). */
export async function sessionWithEvent(sys: Tx, sessionId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId)) return null;
  const rows = await queryRows<EventRow>(
    sys,
    sql`${EVENT_COLUMNS} where e.gathering_id = (select gathering_id from gathering_sessions where id = ${sessionId})`,
  );
  const [event] = await withSessions(sys, rows);
  const session = event?.sessions.find((s) => s.id === sessionId);
  return event && session ? { event, session } : null;
}

export const isOver = (event: PublicEvent, now: Date) =>
  event.sessions.every((s) => s.endsAt.getTime() <= now.getTime());

export const hasStarted = (event: PublicEvent, now: Date) =>
  event.sessions.some((s) => s.startsAt.getTime() <= now.getTime());
