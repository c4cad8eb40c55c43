import { sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { TRegistrationInput } from '../../../contracts/community.js';
import { decryptField, encryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { randomTypedCode, systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import { confirmPlace, endPlace, hashToken, takePlace } from '../../platform/gatherings/places.js';
import { HttpProblem } from '../../platform/http/problem.js';

/**
 * One registration to a community event, however it comes (the resident's public page, an
 * operator or a community holder on someone's behalf, a walk-in at the door): a place through the
 * gathering's capacity and waiting list (ADR 0019), and beside it the community side — resident
 * or professional, named or anonymous, name and phone encrypted, the phone's keyed hash to
 * recognise the same person, and a ticket code whose hash is kept. The ticket is reused across the
 * sessions of a series, so a resident counts once however many sessions they attend.
 */

export type RefusalCode = 'phone_invalid' | 'already_registered' | 'closed' | 'not_found';

/** A refusal the public page words in the resident's language and the API in Italian and English. */
export class RegistrationRefusal extends Error {
  constructor(readonly code: RefusalCode) {
    super(code);
  }
}

const API_WORDS: Record<RefusalCode, { status: number; it: [string, string]; en: [string, string] }> = {
  phone_invalid: {
    status: 400,
    it: [
      'Numero di telefono non valido',
      'Il numero di telefono non è valido: scrivilo con il prefisso, per esempio +39 333 1234567.',
    ],
    en: [
      'Invalid phone number',
      'The phone number is not valid: write it with its prefix, for example +39 333 1234567.',
    ],
  },
  already_registered: {
    status: 409,
    it: ['Già iscritto', 'Questo numero di telefono ha già un’iscrizione attiva a questo evento.'],
    en: ['Already registered', 'This phone number already has an active registration for this event.'],
  },
  closed: {
    status: 409,
    it: ['Iscrizioni chiuse', 'Le iscrizioni a questo evento sono chiuse o l’evento è stato annullato.'],
    en: ['Registration closed', 'Registration for this event is closed or the event was cancelled.'],
  },
  not_found: {
    status: 404,
    it: ['Non trovato', 'Evento non trovato.'],
    en: ['Not found', 'Event not found.'],
  },
};

export function refusalProblem(refusal: RegistrationRefusal) {
  const w = API_WORDS[refusal.code];
  return new HttpProblem(
    w.status,
    refusal.code.replace('_', '-'),
    { it: w.it[0], en: w.en[0] },
    { it: w.it[1], en: w.en[1] },
    refusal.code === 'phone_invalid'
      ? [{ field: 'phone', code: 'invalid', message: { it: w.it[1], en: w.en[1] } }]
      : undefined,
  );
}

/** The phone in E.164 (Italian numbers may omit +39), or a refusal naming it. */
export function normalisePhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone, 'IT');
  if (!parsed?.isValid()) throw new RegistrationRefusal('phone_invalid');
  return parsed.number;
}

export const PHONE_SCOPE = 'community-phone';

/** The keyed hash of a phone (E.164): recognises the same person without holding the number. */
export async function phoneHasher({ tx, keyring }: { tx: Tx; keyring: Keyring }) {
  return unsafeAsSystem(tx, (sys) =>
    systemPseudonymiser({ tx: sys, keyring, scope: PHONE_SCOPE, prefix: 'F' }),
  );
}

/** A ticket code: eight characters of the alphabet without look-alikes (TICKET_CODE_PATTERN). */
export const newTicketCode = () => randomTypedCode('T', 8).slice(2);

export type RegisteredVia = 'public_form' | 'operator' | 'holder' | 'walk_in';

export interface Registered {
  placeId: string;
  status: string;
  ticketCode: string;
}

/**
 * Registers someone to an event. The caller has judged who may register (the public page: anyone,
 * rate-limited; the API: the event's organisers); this writes as the owner, inside the caller's
 * transaction. The same phone registering twice is refused (the unique index, so two at once
 * cannot both pass).
 */
export async function registerToEvent({
  tx,
  keyring,
  eventId,
  input,
  via,
  requestedBy,
}: {
  tx: Tx;
  keyring: Keyring;
  eventId: string;
  input: TRegistrationInput;
  via: RegisteredVia;
  requestedBy: string | null;
}): Promise<Registered> {
  const phone = input.anonymous || !input.phone ? null : normalisePhone(input.phone);
  const phoneHash = phone ? (await phoneHasher({ tx, keyring }))(phone) : null;
  return unsafeAsSystem(tx, async (sys) => {
    const [event] = await queryRows<{ gathering_id: string; status: string }>(
      sys,
      sql`select gathering_id, status from community_events where id = ${eventId}`,
    );
    if (!event) throw new RegistrationRefusal('not_found');
    if (event.status !== 'planned') throw new RegistrationRefusal('closed');
    if (phoneHash) {
      const same = await queryRows<{ place_id: string }>(
        sys,
        sql`select place_id from community_registrations where event_id = ${eventId} and phone_hash = ${phoneHash} and live`,
      );
      if (same.length > 0) throw new RegistrationRefusal('already_registered');
    }
    let place: Awaited<ReturnType<typeof takePlace>>;
    try {
      place = await takePlace({
        tx: sys,
        gatheringId: event.gathering_id,
        participant: {
          userId: null,
          external: null,
          profession: 'other',
          serviceId: null,
          organisationId: null,
        },
        requestedBy,
        needsApproval: false,
        linkExpiresAt: null,
      });
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 409) throw new RegistrationRefusal('closed');
      throw error;
    }
    const ticketCode = newTicketCode();
    const encrypt = (value: string | null, column: 'name' | 'phone') =>
      value
        ? encryptField({
            keyring,
            plaintext: value,
            context: `community_registrations.${column}:${place.id}`,
          })
        : null;
    try {
      await sys.execute(sql`insert into community_registrations (place_id, event_id, participant, anonymous,
            name_encrypted, phone_encrypted, phone_hash, gender, age_band, citizenship_group, language, ticket_hash,
            registered_via, via_holder_id)
          values (${place.id}, ${eventId}, ${input.participant}, ${input.anonymous},
            ${encrypt(input.anonymous ? null : input.name, 'name')}, ${encrypt(phone, 'phone')}, ${phoneHash},
            ${input.gender}, ${input.ageBand}, ${input.citizenshipGroup}, ${input.language}, ${hashToken(ticketCode)},
            ${via}, ${input.viaHolderId})`);
    } catch (error) {
      if (pgErrorCode(error) === '23505') throw new RegistrationRefusal('already_registered');
      throw error;
    }
    return { placeId: place.id, status: place.status, ticketCode };
  });
}

/**
 * The registration a ticket code belongs to, in this event (looked up as the owner: the ticket's
 * hash is out of the request role's reach). Live ones only, unless `includeEnded`: a check-in
 * then tells a cancelled ticket from one that never existed.
 */
export async function placeOfTicket({
  tx,
  eventId,
  ticketCode,
  includeEnded = false,
}: {
  tx: Tx;
  eventId: string;
  ticketCode: string;
  includeEnded?: boolean;
}) {
  return unsafeAsSystem(tx, async (sys) => {
    const [row] = await queryRows<{
      place_id: string;
      anonymous: boolean;
      name_encrypted: string | null;
      status: string;
      live: boolean;
    }>(
      sys,
      sql`select r.place_id, r.anonymous, r.name_encrypted, p.status, r.live
            from community_registrations r join gathering_places p on p.id = r.place_id
           where r.event_id = ${eventId} and r.ticket_hash = ${hashToken(ticketCode.trim().toUpperCase())}
             and (r.live or ${includeEnded})`,
    );
    return row ?? null;
  });
}

/** A registration's name in clear (null for an anonymous one), with the context it was encrypted in. */
export const nameOf = (keyring: Keyring, row: { place_id: string; name_encrypted: string | null }) =>
  row.name_encrypted
    ? decryptField({
        keyring,
        value: row.name_encrypted,
        context: `community_registrations.name:${row.place_id}`,
      })
    : null;

export const phoneOf = (keyring: Keyring, row: { place_id: string; phone_encrypted: string | null }) =>
  row.phone_encrypted
    ? decryptField({
        keyring,
        value: row.phone_encrypted,
        context: `community_registrations.phone:${row.place_id}`,
      })
    : null;

/**
 * Ends a registration (the organiser's cancel, or the resident's through their code): the place is
 * cancelled and the registration stops being live (the same phone may register again). A seat it
 * held goes to the first person waiting (endPlace); a community event has no offer to confirm —
 * the person asked to come, and nobody can confirm on a page they may never open — so the offer
 * is confirmed at once. The caller has judged who may cancel; this writes as the owner.
 */
export async function endRegistration({
  tx,
  placeId,
  decidedBy,
}: {
  tx: Tx;
  placeId: string;
  decidedBy: string | null;
}): Promise<{ promotedPlaceId: string | null }> {
  const promotion = await endPlace({
    tx,
    placeId,
    status: 'cancelled',
    decidedBy,
    onlyFrom: ['confirmed', 'waitlisted', 'offered'],
  });
  await unsafeAsSystem(tx, (sys) =>
    sys.execute(sql`update community_registrations set live = false where place_id = ${placeId}`),
  );
  if (promotion) await confirmPlace({ tx, placeId: promotion.placeId, from: 'offered', decidedBy });
  return { promotedPlaceId: promotion?.placeId ?? null };
}

/**
 * Seats freed by a larger capacity go to the people waiting, first come first served: each seat
 * is counted by the conditional update and given in the same statement, after the gathering's
 * lock (seat moves of one gathering take turns, as in platform/gatherings/places.ts). Confirmed
 * at once, as a promotion is (endRegistration). Returns how many were seated.
 */
export async function seatTheWaiting({ tx, gatheringId }: { tx: Tx; gatheringId: string }) {
  return unsafeAsSystem(tx, async (sys) => {
    await sys.execute(sql`select 1 from gatherings where id = ${gatheringId} for update`);
    let seated = 0;
    for (;;) {
      const rows = await queryRows<{ id: string }>(
        sys,
        sql`with next as (select id from gathering_places where gathering_id = ${gatheringId} and status = 'waitlisted'
                           order by queued_seq limit 1),
                 seat as (update gatherings set seats_taken = seats_taken + 1
                           where id = ${gatheringId} and seats_taken < capacity and exists (select 1 from next)
                           returning id)
            update gathering_places p set status = 'confirmed', updated_at = now()
              from next where p.id = next.id and exists (select 1 from seat) returning p.id`,
      );
      if (rows.length === 0) return seated;
      seated += 1;
    }
  });
}
