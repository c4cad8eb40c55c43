import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TRegistrationInput,
  TSessionDetail,
  TTicketLookup,
  ZHeadCountSchema,
  ZRegistrationSchema,
} from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { isoTime, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { hashToken } from '../../platform/gatherings/places.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { isCommunityWorker, requireManagedEvent, type SessionRow } from './community.policy.js';
import { holderExists, requireReferences } from './community-holders.repository.js';
import {
  endRegistration,
  nameOf,
  phoneOf,
  RegistrationRefusal,
  refusalProblem,
  registerToEvent,
} from './community-registration.js';

/**
 * Who registered to an event and who came to a session: read by the event's organisers only (the
 * policy's 404 for anyone else, RLS beneath), names and phones decrypted here and nowhere else,
 * every read audited with its count. Registering on someone's behalf and cancelling are theirs too.
 */

type TRegistration = z.infer<typeof ZRegistrationSchema>;
type THeadCount = z.infer<typeof ZHeadCountSchema>;

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
      // Named before the seat is taken: the database's foreign key would be a 500 that names no field.
      await requireReferences(tx, [{ field: 'viaHolderId', exists: holderExists(input.viaHolderId) }]);
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

interface RegistrationDbRow {
  place_id: string;
  participant: TRegistration['participant'];
  anonymous: boolean;
  name_encrypted: string | null;
  phone_encrypted: string | null;
  gender: TRegistration['gender'];
  age_band: TRegistration['ageBand'];
  citizenship_group: TRegistration['citizenshipGroup'];
  language: TRegistration['language'];
  status: string;
  registered_via: TRegistration['registeredVia'];
  sessions_attended: number;
}

/** The event's registrations in the order they came, cancelled ones included (with their status). */
async function registrationsOf(tx: Tx, keyring: Keyring, eventId: string): Promise<TRegistration[]> {
  const rows = await queryRows<RegistrationDbRow>(
    tx,
    sql`select r.place_id, r.participant, r.anonymous, r.name_encrypted, r.phone_encrypted, r.gender, r.age_band,
               r.citizenship_group, r.language, p.status, r.registered_via,
               (select count(*)::int from gathering_attendance a where a.place_id = r.place_id
                   and a.status in ('present', 'late')) as sessions_attended
          from community_registrations r join gathering_places p on p.id = r.place_id
         where r.event_id = ${eventId} order by p.queued_seq`,
  );
  return rows.map((r) => ({
    placeId: r.place_id,
    participant: r.participant,
    anonymous: r.anonymous,
    name: nameOf(keyring, r),
    phone: phoneOf(keyring, r),
    gender: r.gender,
    ageBand: r.age_band,
    citizenshipGroup: r.citizenship_group,
    language: r.language,
    status: r.status,
    registeredVia: r.registered_via,
    sessionsAttended: r.sessions_attended,
  }));
}

export async function listRegistrations({
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
      const items = await registrationsOf(tx, deps.keyring, eventId);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.participants_listed',
          recordType: 'community_event',
          recordId: eventId,
          details: { count: items.length },
        },
      });
      return { items };
    },
  });
}

/**
 * The organisers cancel someone's registration (the person phoned, or asked at the door): the
 * place ends, the seat goes to the first person waiting, the registration stays for the record.
 */
export async function cancelRegistration({
  deps,
  ctx,
  eventId,
  placeId,
}: {
  deps: Deps;
  ctx: AccessContext;
  eventId: string;
  placeId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireManagedEvent({ tx, eventId });
      const [mine] = await queryRows<{ place_id: string }>(
        tx,
        sql`select place_id from community_registrations where place_id = ${placeId} and event_id = ${eventId}`,
      );
      if (!mine) throw new OutOfScope('community_registration', placeId);
      const { promotedPlaceId } = await endRegistration({ tx, placeId, decidedBy: ctx.userId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.registration_cancelled',
          recordType: 'community_registration',
          recordId: placeId,
          details: { promotedFromWaitingList: promotedPlaceId !== null },
        },
      });
    },
  });
}

export const headCountOf = (r: {
  id: string;
  session_id: string;
  participant: THeadCount['participant'];
  gender: THeadCount['gender'];
  age_band: THeadCount['ageBand'];
  citizenship_group: THeadCount['citizenshipGroup'];
  count: number;
}): THeadCount => ({
  id: r.id,
  sessionId: r.session_id,
  participant: r.participant,
  gender: r.gender,
  ageBand: r.age_band,
  citizenshipGroup: r.citizenship_group,
  count: r.count,
});

/**
 * A session as its organisers work it: the live registrations with who is marked present, and
 * the head counts. Reading it is reading a participant list: audited with its count.
 */
export async function sessionDetailOf({
  tx,
  ctx,
  keyring,
  session,
}: {
  tx: Tx;
  ctx: AccessContext;
  keyring: Keyring;
  session: SessionRow;
}): Promise<TSessionDetail> {
  const [about] = await queryRows<{ title: string; place: string | null }>(
    tx,
    sql`select g.title, s.place from gathering_sessions s join gatherings g on g.id = s.gathering_id
         where s.id = ${session.id}`,
  );
  const people = await queryRows<{
    place_id: string;
    participant: TSessionDetail['participants'][number]['participant'];
    anonymous: boolean;
    name_encrypted: string | null;
    status: string;
    present: boolean;
  }>(
    tx,
    sql`select r.place_id, r.participant, r.anonymous, r.name_encrypted, p.status,
               exists (select 1 from gathering_attendance a where a.place_id = r.place_id and a.session_id = ${session.id}
                         and a.status in ('present', 'late')) as present
          from community_registrations r join gathering_places p on p.id = r.place_id
         where r.event_id = ${session.event_id} and r.live order by p.queued_seq`,
  );
  const counts = await queryRows<Parameters<typeof headCountOf>[0]>(
    tx,
    sql`select id, session_id, participant, gender, age_band, citizenship_group, count
          from community_head_counts where session_id = ${session.id} order by recorded_at, id`,
  );
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action: 'community.participants_listed',
      recordType: 'community_session',
      recordId: session.id,
      details: { count: people.length },
    },
  });
  return {
    id: session.id,
    eventId: session.event_id,
    eventTitle: about!.title,
    eventKind: session.kind as TSessionDetail['eventKind'],
    startsAt: isoTime(session.starts_at)!,
    endsAt: isoTime(session.ends_at)!,
    place: about!.place,
    headCountAllowed: session.sessions_in_event === 1,
    participants: people.map((p) => ({
      placeId: p.place_id,
      participant: p.participant,
      anonymous: p.anonymous,
      name: nameOf(keyring, p),
      status: p.status,
      present: p.present,
    })),
    headCounts: counts.map(headCountOf),
  };
}

const ticketNotOurs = () =>
  new HttpProblem(
    404,
    'ticket-unknown',
    { it: 'Biglietto non valido', en: 'Ticket not valid' },
    {
      it: 'Biglietto non valido per gli eventi del tuo servizio: controlla il codice.',
      en: 'Ticket not valid for your service’s events: check the code.',
    },
  );

/**
 * A ticket scanned outside a session page: the caller's service's event it belongs to, with
 * today's sessions, so the organiser can check the person in. Anyone who organises nothing, or
 * a ticket of another service's event, gets the same 404 as an unknown code.
 */
export async function lookupTicket({
  deps,
  ctx,
  ticketCode,
}: {
  deps: Deps;
  ctx: AccessContext;
  ticketCode: string;
}): Promise<TTicketLookup> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [managed] = await queryRows<{ ids: string[] }>(tx, sql`select trama_managed_gatherings() as ids`);
      if (!(await isCommunityWorker(tx)) || !managed?.ids.length) throw ticketNotOurs();
      // The ticket's hash is out of the request role's reach: matched as the owner, within the caller's events.
      const rows = await unsafeAsSystem(tx, (sys) =>
        queryRows<{
          place_id: string;
          event_id: string;
          gathering_id: string;
          title: string;
          kind: TTicketLookup['items'][number]['eventKind'];
          event_status: TTicketLookup['items'][number]['eventStatus'];
          anonymous: boolean;
          name_encrypted: string | null;
          status: string;
          live: boolean;
        }>(
          sys,
          sql`select r.place_id, e.id as event_id, e.gathering_id, g.title, e.kind, e.status as event_status,
                     r.anonymous, r.name_encrypted, p.status, r.live
                from community_registrations r join community_events e on e.id = r.event_id
                join gatherings g on g.id = e.gathering_id join gathering_places p on p.id = r.place_id
               where r.ticket_hash = ${hashToken(ticketCode.trim().toUpperCase())}
                 and e.gathering_id = any (${sqlArray(managed.ids, 'uuid')})`,
        ),
      );
      if (rows.length === 0) throw ticketNotOurs();
      const items: TTicketLookup['items'] = [];
      for (const r of rows) {
        const sessions = await queryRows<{
          id: string;
          starts_at: Date;
          ends_at: Date;
          place: string | null;
          present: boolean;
        }>(
          tx,
          sql`select s.id, s.starts_at, s.ends_at, s.place,
                     exists (select 1 from gathering_attendance a where a.session_id = s.id and a.place_id = ${r.place_id}
                               and a.status in ('present', 'late')) as present
                from gathering_sessions s
               where s.gathering_id = ${r.gathering_id}
                 and (s.starts_at at time zone 'Europe/Rome')::date = (now() at time zone 'Europe/Rome')::date
               order by s.starts_at`,
        );
        items.push({
          placeId: r.place_id,
          eventId: r.event_id,
          eventTitle: r.title,
          eventKind: r.kind,
          eventStatus: r.event_status,
          anonymous: r.anonymous,
          name: nameOf(deps.keyring, r),
          status: r.status,
          live: r.live,
          sessionsToday: sessions.map((s) => ({
            id: s.id,
            startsAt: isoTime(s.starts_at)!,
            endsAt: isoTime(s.ends_at)!,
            place: s.place,
            present: s.present,
          })),
        });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.ticket_looked_up',
          recordType: 'community_registration',
          recordId: rows[0]!.place_id,
        },
      });
      return { items };
    },
  });
}
