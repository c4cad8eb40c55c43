import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TEvent,
  TEventInput,
  ZEventListQuerySchema,
  ZEventPageSchema,
} from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { countOf, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { requireCommunityWorker, requireEvent } from './community.policy.js';
import { requestEventMediator } from './community-event-mediation.js';
import { municipalityExists, requireReferences } from './community-holders.repository.js';

type TEventPage = z.infer<typeof ZEventPageSchema>;

/**
 * Community events: an awareness meeting, a workshop or a citizenship lab, created by a community
 * worker for their service, with its gathering (capacity, waiting list, sessions) beside it.
 */

interface EventDbRow {
  id: string;
  gathering_id: string;
  kind: TEvent['kind'];
  title: string;
  description: string | null;
  municipality: string;
  municipality_name: string;
  languages: TEvent['languages'];
  topics: TEvent['topics'];
  capacity: number;
  seats_taken: number;
  mediator_language: string | null;
  mediation_request_id: string | null;
  status: TEvent['status'];
  published: boolean;
  public_slug: string;
  owner_service_name: string;
  managed: boolean;
}

export const EVENT_SELECT = sql`select e.id, e.gathering_id, e.kind, g.title, e.description, e.municipality,
       m.name as municipality_name, e.languages, e.topics, g.capacity, g.seats_taken, e.mediator_language,
       e.mediation_request_id, e.status, e.published, e.public_slug, sv.name as owner_service_name,
       e.gathering_id = any (trama_managed_gatherings()) as managed
  from community_events e join gatherings g on g.id = e.gathering_id
  join municipalities m on m.istat_code = e.municipality
  join services sv on sv.id = e.owner_service_id`;

const iso = (d: Date | string) => new Date(d).toISOString();

/** Events as the contract gives them, with their sessions and co-organisers. */
export async function eventsOf(tx: Tx, rows: EventDbRow[]): Promise<TEvent[]> {
  if (rows.length === 0) return [];
  const ids = sqlArray(
    rows.map((r) => r.id),
    'uuid',
  );
  const gatheringIds = sqlArray(
    rows.map((r) => r.gathering_id),
    'uuid',
  );
  const sessions = await queryRows<{
    id: string;
    gathering_id: string;
    starts_at: Date;
    ends_at: Date;
    place: string | null;
  }>(
    tx,
    sql`select id, gathering_id, starts_at, ends_at, place from gathering_sessions
         where gathering_id = any (${gatheringIds}) order by starts_at, id`,
  );
  const holders = await queryRows<{ event_id: string; id: string; name: string }>(
    tx,
    sql`select eh.event_id, h.id, h.name from community_event_holders eh join community_holders h on h.id = eh.holder_id
         where eh.event_id = any (${ids}) order by h.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    gatheringId: r.gathering_id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    municipality: r.municipality,
    municipalityName: r.municipality_name,
    languages: r.languages,
    topics: r.topics,
    capacity: r.capacity,
    seatsTaken: r.seats_taken,
    mediatorLanguage: r.mediator_language,
    mediationRequestId: r.mediation_request_id,
    coOrganisers: holders.filter((h) => h.event_id === r.id).map((h) => ({ id: h.id, name: h.name })),
    sessions: sessions
      .filter((s) => s.gathering_id === r.gathering_id)
      .map((s) => ({ id: s.id, startsAt: iso(s.starts_at), endsAt: iso(s.ends_at), place: s.place })),
    status: r.status,
    published: r.published,
    publicPath: `/eventi/${r.public_slug}`,
    ownerServiceName: r.owner_service_name,
    canManage: r.managed,
  }));
}

export async function loadEvent(tx: Tx, eventId: string): Promise<TEvent> {
  await requireEvent({ tx, eventId });
  const rows = await queryRows<EventDbRow>(tx, sql`${EVENT_SELECT} where e.id = ${eventId}`);
  const [event] = await eventsOf(tx, rows);
  return event!;
}

const sessionsOrdered = () =>
  new HttpProblem(
    400,
    'invalid-sessions',
    { it: 'Incontri non validi', en: 'Invalid sessions' },
    { it: 'Ogni incontro deve finire dopo il suo inizio.', en: 'Every session must end after it starts.' },
    [
      {
        field: 'sessions',
        code: 'order',
        message: {
          it: 'Ogni incontro deve finire dopo il suo inizio.',
          en: 'Every session must end after it starts.',
        },
      },
    ],
  );

const unknownHolder = () =>
  problems.field('coOrganiserIds', 'unknown', {
    it: 'Una delle realtà co-organizzatrici non è nel registro.',
    en: 'One of the co-organising holders is not in the registry.',
  });

/**
 * Links co-organising holders to an event; each newly linked one gets an `event_coorganised` line
 * on its engagement timeline, dated on the event's first session.
 */
export async function addCoOrganisers({
  tx,
  eventId,
  holderIds,
  title,
  userId,
}: {
  tx: Tx;
  eventId: string;
  holderIds: readonly string[];
  title: string;
  userId: string;
}) {
  const ids = [...new Set(holderIds)];
  if (ids.length === 0) return;
  const known = await queryRows<{ id: string }>(
    tx,
    sql`select id from community_holders where id = any (${sqlArray(ids, 'uuid')})`,
  );
  if (known.length !== ids.length) throw unknownHolder();
  const [first] = await queryRows<{ day: string }>(
    tx,
    sql`select to_char(min(s.starts_at) at time zone 'Europe/Rome', 'YYYY-MM-DD') as day
          from gathering_sessions s join community_events e on e.gathering_id = s.gathering_id where e.id = ${eventId}`,
  );
  for (const holderId of ids) {
    await tx.execute(
      sql`insert into community_event_holders (event_id, holder_id) values (${eventId}, ${holderId})`,
    );
    await tx.execute(sql`insert into community_engagements (holder_id, kind, happened_on, summary, event_id, recorded_by)
      values (${holderId}, 'event_coorganised', ${first!.day}, ${title}, ${eventId}, ${userId})`);
  }
}

/** A new event of the worker's service: the gathering, its sessions, the event and its co-organisers. */
export async function createEvent({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TEventInput;
}) {
  if (input.sessions.some((s) => new Date(s.endsAt) <= new Date(s.startsAt))) throw sessionsOrdered();
  const created = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommunityWorker(tx);
      // Named before the insert: the database's foreign key would be a 500 that names no field.
      await requireReferences(tx, [
        { field: 'municipality', exists: municipalityExists(input.municipality) },
      ]);
      const lastEnd = new Date(Math.max(...input.sessions.map((s) => new Date(s.endsAt).getTime())));
      const [gathering] = await queryRows<{ id: string }>(
        tx,
        sql`insert into gatherings (module, title, owner_service_id, capacity, registration_opens_at,
              registration_closes_at, created_by)
            values ('community', ${input.title}, ${ctx.serviceId}, ${input.capacity}, now(), ${lastEnd}, ${ctx.userId})
            returning id`,
      );
      for (const s of input.sessions)
        await tx.execute(sql`insert into gathering_sessions (gathering_id, starts_at, ends_at, place, online_link)
          values (${gathering!.id}, ${s.startsAt}, ${s.endsAt}, ${s.place}, ${s.onlineLink})`);
      const [event] = await queryRows<{ id: string }>(
        tx,
        sql`insert into community_events (gathering_id, kind, description, municipality, languages, topics,
              mediator_language, public_slug, published, owner_service_id, created_by)
            values (${gathering!.id}, ${input.kind}, ${input.description}, ${input.municipality},
              ${sqlArray(input.languages)}, ${sqlArray(input.topics)}, ${input.mediatorLanguage},
              ${randomBytes(9).toString('base64url')}, ${input.published}, ${ctx.serviceId}, ${ctx.userId})
            returning id`,
      );
      await addCoOrganisers({
        tx,
        eventId: event!.id,
        holderIds: input.coOrganiserIds,
        title: input.title,
        userId: ctx.userId,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'community.event_saved', recordType: 'community_event', recordId: event!.id },
      });
      return loadEvent(tx, event!.id);
    },
  });
  const mediationRequestId = await requestEventMediator({ deps, ctx, eventId: created.id, input });
  return mediationRequestId ? { ...created, mediationRequestId } : created;
}

export async function getEvent({ deps, ctx, eventId }: { deps: Deps; ctx: AccessContext; eventId: string }) {
  return scoped({ db: deps.db, ctx, work: (tx) => loadEvent(tx, eventId) });
}

/** Each event's first start and last end: what the list orders by. */
const EVENT_SPAN = sql`select gathering_id, min(starts_at) as first_start, max(ends_at) as last_end
  from gathering_sessions group by gathering_id`;

/**
 * Events every member may see (the calendar of the territory), cancelled ones with their status.
 * Ordered for planning: events not yet over first, soonest first; then past ones, latest first.
 * `from`/`to` keep events with a session on those days (Italian time, both included).
 */
export async function listEvents({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.infer<typeof ZEventListQuerySchema>;
}): Promise<TEventPage> {
  const day = sql`(s.starts_at at time zone 'Europe/Rome')::date`;
  const filters = [
    sql`true`,
    ...(query.kind ? [sql`e.kind = ${query.kind}`] : []),
    ...(query.municipality ? [sql`e.municipality = ${query.municipality}`] : []),
    ...(query.from || query.to
      ? [
          sql`exists (select 1 from gathering_sessions s where s.gathering_id = e.gathering_id
                 and (${query.from ?? null}::date is null or ${day} >= ${query.from ?? null}::date)
                 and (${query.to ?? null}::date is null or ${day} <= ${query.to ?? null}::date))`,
        ]
      : []),
  ];
  const where = sql.join(filters, sql` and `);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<EventDbRow>(
        tx,
        sql`with span as (${EVENT_SPAN}) ${EVENT_SELECT} join span on span.gathering_id = e.gathering_id
             where ${where}
             order by span.last_end < now(), case when span.last_end >= now() then span.first_start end,
                      span.first_start desc, e.id
             limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
      );
      const total = await countOf(tx, sql`select count(*)::int as n from community_events e where ${where}`);
      return { items: await eventsOf(tx, rows), total };
    },
  });
}
