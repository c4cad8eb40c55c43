import { sql } from 'drizzle-orm';
import type { TExternalParticipant, TPlace, TProfession } from '../../../contracts/gatherings.js';
import type { TMyTraining } from '../../../contracts/training.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { attendedHoursOf } from '../../platform/gatherings/hours.js';
import { confirmPlace, endPlace, type Participant, takePlace } from '../../platform/gatherings/places.js';
import { problems } from '../../platform/http/problem.js';
import {
  type EditionRow,
  managesService,
  requireEdition,
  requireManagedEdition,
  requireVisiblePlace,
} from './training.policy.js';
import { loadPlaces } from './training.repository.js';
import { announcePromotion, externalWelcome } from './training-offers.js';

/** How long an external participant's personal link lives after the edition's last session. */
const LINK_DAYS_AFTER_END = 60;

async function linkExpiry(tx: Tx, gatheringId: string) {
  const [row] = await queryRows<{ ends: Date | null }>(
    tx,
    sql`select max(ends_at) as ends from gathering_sessions where gathering_id = ${gatheringId}`,
  );
  const end = row?.ends ? new Date(row.ends) : new Date();
  return new Date(end.getTime() + LINK_DAYS_AFTER_END * 86_400_000);
}

async function placeView(tx: Tx, placeId: string): Promise<TPlace> {
  const [place] = await loadPlaces({ tx, placeIds: [placeId] });
  if (!place) throw new OutOfScope('training_place', placeId);
  return place;
}

async function enrol({
  deps,
  ctx,
  tx,
  edition,
  participant,
  needsApproval,
  action,
}: {
  deps: Deps;
  ctx: AccessContext;
  tx: Tx;
  edition: EditionRow;
  participant: Participant;
  needsApproval: boolean;
  action: 'training.place_requested' | 'training.place_enrolled' | 'training.place_external_enrolled';
}) {
  const taken = await takePlace({
    tx,
    gatheringId: edition.gathering_id,
    participant,
    requestedBy: ctx.userId,
    needsApproval,
    linkExpiresAt: participant.external ? await linkExpiry(tx, edition.gathering_id) : null,
  });
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action, recordType: 'training_place', recordId: taken.id, details: { status: taken.status } },
  });
  const personalLink = taken.personalToken
    ? `${deps.config.publicUrl}/partecipa/${taken.personalToken}`
    : null;
  if (personalLink && participant.external)
    await externalWelcome({
      deps,
      tx,
      placeId: taken.id,
      email: participant.external.email,
      link: personalLink,
      edition,
    });
  return { place: await placeView(tx, taken.id), personalLink };
}

/** A member asks for a place for themselves, as their acting membership. */
export async function requestOwnPlace({
  deps,
  ctx,
  editionId,
  profession,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
  profession: TProfession;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireEdition({ tx, editionId });
      return enrol({
        deps,
        ctx,
        tx,
        edition,
        participant: {
          userId: ctx.userId,
          external: null,
          profession,
          serviceId: ctx.serviceId,
          organisationId: ctx.organisationId,
        },
        // A coordinator of the participant's organisation approves when the course asks for it;
        // the trainers of the course need no one's approval to attend their own.
        needsApproval: edition.approval_required && !managesService(ctx, edition.owner_service_id),
        action: 'training.place_requested',
      });
    },
  });
}

/** A coordinator enrols a member of their organisation: no further approval. */
export async function enrolStaff({
  deps,
  ctx,
  editionId,
  userId,
  profession,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
  userId: string;
  profession: TProfession;
}) {
  if (ctx.role !== 'coordinator' || !ctx.organisationId) throw problems.forbidden();
  // A coordinator's own place goes through a request like anyone's: nobody approves themselves.
  if (userId === ctx.userId)
    throw problems.field('userId', 'self', {
      it: 'Per te stessa o te stesso chiedi un posto dalla pagina dell’edizione.',
      en: 'For yourself, ask for a place from the edition’s page.',
    });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireEdition({ tx, editionId });
      // The person must hold an active membership in the coordinator's organisation.
      const [member] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ service_id: string | null }>(
          sys,
          sql`select m.service_id from memberships m join users u on u.id = m.user_id
               left join services s on s.id = m.service_id
               where m.user_id = ${userId} and u.disabled_at is null
                 and coalesce(m.organisation_id, s.organisation_id) = ${ctx.organisationId}
               order by m.service_id nulls last limit 1`,
        ),
      );
      if (!member)
        throw problems.field('userId', 'not_staff', {
          it: 'Questa persona non fa parte del tuo ente.',
          en: 'This person is not a member of your organisation.',
        });
      return enrol({
        deps,
        ctx,
        tx,
        edition,
        participant: {
          userId,
          external: null,
          profession,
          serviceId: member.service_id,
          organisationId: ctx.organisationId,
        },
        needsApproval: false,
        action: 'training.place_enrolled',
      });
    },
  });
}

/** A trainer enrols someone without a Trama account; they get a personal, expiring link. */
export async function enrolExternal({
  deps,
  ctx,
  editionId,
  person,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
  person: TExternalParticipant;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireManagedEdition({ tx, ctx, editionId });
      return enrol({
        deps,
        ctx,
        tx,
        edition,
        participant: {
          userId: null,
          external: { name: person.name, organisation: person.organisation, email: person.email },
          profession: person.profession,
          serviceId: null,
          organisationId: null,
        },
        needsApproval: false,
        action: 'training.place_external_enrolled',
      });
    },
  });
}

/** The registrations of an edition the caller may see: all for its managers, their staff's for a coordinator. */
export async function listPlaces({
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
      const places = await loadPlaces({ tx, gatheringId: edition.gathering_id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.places_listed',
          recordType: 'training_edition',
          recordId: editionId,
          details: { count: places.length },
        },
      });
      return { places };
    },
  });
}

/**
 * Cancels a registration: the participant their own, a coordinator their staff's, a manager any
 * of the edition's. A seat it held goes to the first person waiting.
 */
export async function cancelPlace({
  deps,
  ctx,
  placeId,
}: {
  deps: Deps;
  ctx: AccessContext;
  placeId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Only a registration the caller may see (RLS: own, the edition's trainers, the coordinator).
      await requireVisiblePlace({ tx, placeId });
      const promotion = await endPlace({
        tx,
        placeId,
        status: 'cancelled',
        decidedBy: ctx.userId,
        onlyFrom: ['awaiting_approval', 'confirmed', 'waitlisted', 'offered'],
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.place_cancelled', recordType: 'training_place', recordId: placeId },
      });
      if (promotion) await announcePromotion({ deps, tx, promotion });
      return placeView(tx, placeId);
    },
  });
}

/** The participant confirms a place offered from the waiting list, before its deadline. */
export async function confirmOffer({
  deps,
  ctx,
  placeId,
}: {
  deps: Deps;
  ctx: AccessContext;
  placeId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const place = await requireVisiblePlace({ tx, placeId });
      if (place.user_id !== ctx.userId) throw new OutOfScope('training_place', placeId);
      await confirmPlace({ tx, placeId, from: 'offered', decidedBy: ctx.userId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.place_confirmed', recordType: 'training_place', recordId: placeId },
      });
      return placeView(tx, placeId);
    },
  });
}

/** A coordinator of the participant's organisation approves or refuses a request awaiting approval. */
export async function decidePlace({
  deps,
  ctx,
  placeId,
  approve,
}: {
  deps: Deps;
  ctx: AccessContext;
  placeId: string;
  approve: boolean;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const place = await requireVisiblePlace({ tx, placeId });
      if (ctx.role !== 'coordinator' || place.participant_organisation_id !== ctx.organisationId)
        throw new OutOfScope('training_place', placeId);
      if (place.user_id === ctx.userId) throw problems.forbidden();
      let promotion = null;
      if (approve) await confirmPlace({ tx, placeId, from: 'awaiting_approval', decidedBy: ctx.userId });
      else
        promotion = await endPlace({
          tx,
          placeId,
          status: 'refused',
          decidedBy: ctx.userId,
          onlyFrom: ['awaiting_approval'],
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.place_decided',
          recordType: 'training_place',
          recordId: placeId,
          details: { approved: approve },
        },
      });
      if (promotion) await announcePromotion({ deps, tx, promotion });
      return placeView(tx, placeId);
    },
  });
}

/** The signed-in person's own registrations, with hours and certificates. */
export async function myTraining({ deps, ctx }: { deps: Deps; ctx: AccessContext }): Promise<TMyTraining> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        place_id: string;
        edition_id: string;
        course_title: string;
        status: TMyTraining['places'][number]['status'];
        offer_expires_at: Date | null;
        starts_at: Date | null;
        ends_at: Date | null;
        hours: string | number | null;
        certificate_id: string | null;
      }>(
        tx,
        sql`select p.id as place_id, e.id as edition_id, c.title as course_title, p.status, p.offer_expires_at,
                   (select min(s.starts_at) from gathering_sessions s where s.gathering_id = p.gathering_id) as starts_at,
                   (select max(s.ends_at) from gathering_sessions s where s.gathering_id = p.gathering_id) as ends_at,
                   (select sum(extract(epoch from (s.ends_at - s.starts_at)) / 3600.0) from gathering_sessions s
                     where s.gathering_id = p.gathering_id) as hours,
                   (select t.id from training_certificates t where t.place_id = p.id and t.revoked_at is null) as certificate_id
              from gathering_places p join training_editions e on e.gathering_id = p.gathering_id
              join training_courses c on c.id = e.course_id
             where p.user_id = ${ctx.userId}
             order by starts_at desc nulls last, p.id limit 200`,
      );
      const hours = await attendedHoursOf({ tx, placeIds: rows.map((r) => r.place_id) });
      const [feed] = await queryRows<{ user_id: string }>(
        tx,
        sql`select user_id from calendar_feeds where user_id = ${ctx.userId}`,
      );
      return {
        places: rows.map((r) => ({
          placeId: r.place_id,
          editionId: r.edition_id,
          courseTitle: r.course_title,
          status: r.status,
          offerExpiresAt: isoTime(r.offer_expires_at),
          startsAt: isoTime(r.starts_at) ?? '',
          endsAt: isoTime(r.ends_at) ?? '',
          attendedHours: hours.get(r.place_id) ?? 0,
          hours: Math.round(Number(r.hours ?? 0) * 100) / 100,
          certificateId: r.certificate_id,
        })),
        hasCalendarLink: Boolean(feed),
      };
    },
  });
}
