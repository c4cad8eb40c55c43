import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TPlaceStatus, TProfession } from '../../../contracts/gatherings.js';
import { queryRows, type Tx } from '../db/client.js';
import { unsafeAsSystem } from '../db/context.js';
import { HttpProblem, problems } from '../http/problem.js';

/**
 * Capacity and the waiting list (ADR 0019). Every move of a gathering's seats first locks the
 * gathering's row, so requests, cancellations, approvals and lapsed offers of one gathering take
 * turns: a seat is taken only while one is free (`seats_taken < capacity`, checked and counted
 * in the same statement), and a seat given back goes to the first person waiting before anyone
 * new can take it. The counter and other people's registrations are moved as the owner, inside
 * the request's transaction, after the caller has judged who may do what.
 */

export const OFFER_LAPSE_JOB = 'gatherings.offer-lapse';

export interface Participant {
  userId: string | null;
  external: { name: string; organisation: string; email: string } | null;
  profession: TProfession;
  serviceId: string | null;
  organisationId: string | null;
}

export interface TakenPlace {
  id: string;
  status: TPlaceStatus;
  /** An external participant's personal link token (its hash is stored), only when just made. */
  personalToken: string | null;
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const closed = () =>
  new HttpProblem(
    409,
    'registration-closed',
    { it: 'Iscrizioni chiuse', en: 'Registration closed' },
    {
      it: 'Le iscrizioni a questa edizione non sono aperte in questo momento.',
      en: 'Registration for this edition is not open at the moment.',
    },
  );

const already = () =>
  new HttpProblem(
    409,
    'already-registered',
    { it: 'Già iscritto', en: 'Already registered' },
    {
      it: 'Questa persona ha già un’iscrizione attiva a questa edizione.',
      en: 'This person already has an active registration for this edition.',
    },
  );

/**
 * Registers a participant: a seat when one is free (confirmed, or awaiting approval when
 * `needsApproval`), the waiting list otherwise. Never over capacity, whatever runs at once.
 */
export async function takePlace({
  tx,
  gatheringId,
  participant,
  requestedBy,
  needsApproval,
  linkExpiresAt,
}: {
  tx: Tx;
  gatheringId: string;
  participant: Participant;
  /** Null for a person registering themself on a public page (no account). */
  requestedBy: string | null;
  needsApproval: boolean;
  linkExpiresAt: Date | null;
}): Promise<TakenPlace> {
  return unsafeAsSystem(tx, async (sys) => {
    // The gathering's lock first (seat moves of one gathering take turns), then one conditional
    // statement that checks a free seat and counts it: re-checked on the row's latest version.
    const [seat] = await queryRows<{ open: boolean }>(
      sys,
      sql`select now() between registration_opens_at and registration_closes_at as open
            from gatherings where id = ${gatheringId} for update`,
    );
    if (!seat) throw problems.notFound();
    if (!seat.open) throw closed();
    const taken = await queryRows<{ id: string }>(
      sys,
      sql`update gatherings set seats_taken = seats_taken + 1
           where id = ${gatheringId} and seats_taken < capacity returning id`,
    );
    const live = await queryRows<{ id: string }>(
      sys,
      participant.userId
        ? sql`select id from gathering_places where gathering_id = ${gatheringId} and user_id = ${participant.userId}
                and status not in ('cancelled', 'refused', 'lapsed')`
        : sql`select id from gathering_places where gathering_id = ${gatheringId}
                and lower(external_email) = lower(${participant.external?.email ?? ''})
                and status not in ('cancelled', 'refused', 'lapsed')`,
    );
    if (live.length > 0) throw already();
    const status: TPlaceStatus =
      taken.length === 0 ? 'waitlisted' : needsApproval ? 'awaiting_approval' : 'confirmed';
    const personalToken = participant.external ? randomBytes(24).toString('base64url') : null;
    const [row] = await queryRows<{ id: string }>(
      sys,
      sql`insert into gathering_places (gathering_id, user_id, external_name, external_organisation, external_email,
            profession, participant_service_id, participant_organisation_id, status, link_token_hash, link_expires_at,
            requested_by)
          values (${gatheringId}, ${participant.userId}, ${participant.external?.name ?? null},
            ${participant.external?.organisation ?? null}, ${participant.external?.email ?? null},
            ${participant.profession}, ${participant.serviceId}, ${participant.organisationId}, ${status},
            ${personalToken ? hashToken(personalToken) : null}, ${linkExpiresAt}, ${requestedBy})
          returning id`,
    );
    return { id: row!.id, status, personalToken };
  });
}

export interface Promotion {
  placeId: string;
  offerExpiresAt: Date;
}

/**
 * Ends a registration (`cancelled`, `refused`, `lapsed`) and, if it held a seat, gives the seat
 * to the first person waiting as an offer to confirm by the deadline, or frees it. Returns the
 * promotion, if any, for the caller to notify and to queue the offer's lapse.
 */
export async function endPlace({
  tx,
  placeId,
  status,
  decidedBy,
  onlyFrom,
}: {
  tx: Tx;
  placeId: string;
  status: 'cancelled' | 'refused' | 'lapsed';
  decidedBy: string | null;
  /** The statuses the place may be ended from (the caller's rule); others are a conflict. */
  onlyFrom: readonly TPlaceStatus[];
}): Promise<Promotion | null> {
  return unsafeAsSystem(tx, async (sys) => {
    const [place] = await queryRows<{ gathering_id: string }>(
      sys,
      sql`select gathering_id from gathering_places where id = ${placeId}`,
    );
    if (!place) throw problems.notFound();
    // The gathering's lock first, as takePlace: seat moves of one gathering take turns.
    await sys.execute(sql`select 1 from gatherings where id = ${place.gathering_id} for update`);
    const [ended] = await queryRows<{ held: boolean }>(
      sys,
      sql`with old as (select id, status from gathering_places where id = ${placeId} for update)
          update gathering_places p set status = ${status}, decided_by = ${decidedBy}, offer_expires_at = null,
                 updated_at = now()
            from old where p.id = old.id and old.status in (${sql.join(
              onlyFrom.map((s) => sql`${s}`),
              sql`, `,
            )})
          returning old.status in ('awaiting_approval', 'offered', 'confirmed') as held`,
    );
    if (!ended) throw notNow();
    if (!ended.held) return null;
    return giveSeat({ sys, gatheringId: place.gathering_id });
  });
}

/** A freed seat: offered to the first person waiting while the gathering has not ended, else freed. */
async function giveSeat({ sys, gatheringId }: { sys: Tx; gatheringId: string }): Promise<Promotion | null> {
  const [offer] = await queryRows<{ id: string; offer_expires_at: Date }>(
    sys,
    sql`update gathering_places p set status = 'offered', updated_at = now(),
           offer_expires_at = now() + make_interval(hours => g.confirm_within_hours)
          from gatherings g
         where g.id = ${gatheringId} and p.id = (
           select w.id from gathering_places w where w.gathering_id = ${gatheringId} and w.status = 'waitlisted'
              and now() < coalesce((select max(s.ends_at) from gathering_sessions s where s.gathering_id = w.gathering_id),
                                   'infinity')
            order by w.queued_seq limit 1)
        returning p.id, p.offer_expires_at`,
  );
  if (offer) return { placeId: offer.id, offerExpiresAt: new Date(offer.offer_expires_at) };
  await sys.execute(sql`update gatherings set seats_taken = seats_taken - 1 where id = ${gatheringId}`);
  return null;
}

/** An offered place confirmed in time, or an awaiting one approved: it keeps its seat. */
export async function confirmPlace({
  tx,
  placeId,
  from,
  decidedBy,
}: {
  tx: Tx;
  placeId: string;
  from: 'offered' | 'awaiting_approval';
  decidedBy: string | null;
}) {
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string }>(
      sys,
      sql`update gathering_places set status = 'confirmed', offer_expires_at = null, decided_by = ${decidedBy},
             updated_at = now()
           where id = ${placeId} and status = ${from}
             and (${from} <> 'offered' or offer_expires_at > now())
           returning id`,
    ),
  );
  if (rows.length === 0) throw notNow();
}

export const notNow = () =>
  new HttpProblem(
    409,
    'place-state',
    { it: 'Operazione non più possibile', en: 'No longer possible' },
    {
      it: 'L’iscrizione non è più nello stato che permette questa operazione (forse è scaduta o è già stata decisa): ricarica la pagina.',
      en: 'The registration is no longer in a state that allows this (it may have lapsed or been decided already): reload the page.',
    },
  );
