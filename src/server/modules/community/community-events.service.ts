import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TEvent, TEventInput, TRegistrationInput } from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { requireCommunityWorker, requireEvent, requireManagedEvent } from './community.policy.js';
import { RegistrationRefusal, refusalProblem, registerToEvent } from './community-registration.js';

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
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommunityWorker(tx);
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
      const firstDay = input.sessions
        .map((s) => s.startsAt)
        .sort()[0]!
        .slice(0, 10);
      for (const holderId of new Set(input.coOrganiserIds)) {
        await tx.execute(
          sql`insert into community_event_holders (event_id, holder_id) values (${event!.id}, ${holderId})`,
        );
        await tx.execute(sql`insert into community_engagements (holder_id, kind, happened_on, summary, event_id, recorded_by)
          values (${holderId}, 'event_coorganised', ${firstDay}, ${input.title}, ${event!.id}, ${ctx.userId})`);
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'community.event_saved', recordType: 'community_event', recordId: event!.id },
      });
      return loadEvent(tx, event!.id);
    },
  });
}

export async function getEvent({ deps, ctx, eventId }: { deps: Deps; ctx: AccessContext; eventId: string }) {
  return scoped({ db: deps.db, ctx, work: (tx) => loadEvent(tx, eventId) });
}

/** An organiser registers someone on their behalf (at a desk, by phone, through a community holder). */
export async function registerOnBehalf({
  deps,
  ctx,
  eventId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  eventId: string;
  input: TRegistrationInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireManagedEvent({ tx, eventId });
      try {
        const registered = await registerToEvent({
          tx,
          keyring: deps.keyring,
          eventId,
          input,
          via: input.viaHolderId ? 'holder' : 'operator',
          requestedBy: ctx.userId,
        });
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'community.registered',
            recordType: 'community_registration',
            recordId: registered.placeId,
          },
        });
        return registered;
      } catch (error) {
        if (error instanceof RegistrationRefusal) throw refusalProblem(error);
        throw error;
      }
    },
  });
}
