import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TSessionDetail,
  ZAttendanceInputSchema,
  ZCheckinCodeSchema,
  ZCheckinResultSchema,
  ZHeadCountInputSchema,
  ZHeadCountSchema,
} from '../../../contracts/community.js';
import { CHECKIN_OPENS_MINUTES_BEFORE } from '../../../contracts/gatherings.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import {
  checkinCodeFor,
  checkinCoder,
  checkinTiming,
  checkinWindow,
  windowEnds,
} from '../../platform/gatherings/checkin-code.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import { requireManagedSession, type SessionRow } from './community.policy.js';
import { headCountOf, sessionDetailOf } from './community-participants.service.js';
import { nameOf, placeOfTicket } from './community-registration.js';

/**
 * Check-in and counting at a community event (issue 19 §6), the organisers' side: the walk-in QR
 * of a session, a person's ticket scanned, the list ticked, and head counts for single-session
 * events only (a series counts people by their ticket, so each counts once). Attendance is
 * written as the organiser (RLS lets the managers of a gathering write its attendance); only the
 * removal of a mark, which the request role may not do, runs as the owner after the judgement.
 */

type TCheckinCode = z.infer<typeof ZCheckinCodeSchema>;
type TCheckinResult = z.infer<typeof ZCheckinResultSchema>;
type TAttendanceInput = z.infer<typeof ZAttendanceInputSchema>;
type THeadCountInput = z.infer<typeof ZHeadCountInputSchema>;
type THeadCount = z.infer<typeof ZHeadCountSchema>;

const inRome = (at: Date, locale: 'it-IT' | 'en-GB') =>
  at.toLocaleString(locale, { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'short' });

/** Check-in refused by the clock, saying when it opens or when the session ended. */
function notNow(session: SessionRow, timing: 'before' | 'ended') {
  if (timing === 'before') {
    const opens = new Date(new Date(session.starts_at).getTime() - CHECKIN_OPENS_MINUTES_BEFORE * 60_000);
    return new HttpProblem(
      409,
      'checkin-not-open',
      { it: 'Presenze non ancora aperte', en: 'Check-in not open yet' },
      {
        it: `Le presenze di questo incontro si registrano dal ${inRome(opens, 'it-IT')}, ${CHECKIN_OPENS_MINUTES_BEFORE} minuti prima dell’inizio.`,
        en: `Check-in for this session opens on ${inRome(opens, 'en-GB')}, ${CHECKIN_OPENS_MINUTES_BEFORE} minutes before it starts.`,
      },
    );
  }
  const ended = new Date(session.ends_at);
  return new HttpProblem(
    409,
    'session-ended',
    { it: 'Incontro terminato', en: 'Session ended' },
    {
      it: `L’incontro è terminato il ${inRome(ended, 'it-IT')}: il codice per chi arriva non si mostra più; le presenze si segnano dall’elenco.`,
      en: `The session ended on ${inRome(ended, 'en-GB')}: the walk-in code is no longer shown; mark attendance from the list.`,
    },
  );
}

const eventCancelled = () =>
  problems.conflict({
    it: 'L’evento è stato annullato: non si registrano presenze né conteggi.',
    en: 'The event was cancelled: no attendance or head counts are recorded.',
  });

/** The session the caller organises, of an event not cancelled. */
async function workableSession(tx: Tx, sessionId: string) {
  const session = await requireManagedSession({ tx, sessionId });
  if (session.event_status === 'cancelled') throw eventCancelled();
  return session;
}

export async function getSession({
  deps,
  ctx,
  sessionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) =>
      sessionDetailOf({
        tx,
        ctx,
        keyring: deps.keyring,
        session: await requireManagedSession({ tx, sessionId }),
      }),
  });
}

/**
 * The walk-in QR of a session while its check-in is open: the public check-in page's address with
 * the current window's code (it changes every few seconds; a photographed code soon stops working).
 */
export async function getCheckinCode({
  deps,
  ctx,
  sessionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
}): Promise<TCheckinCode> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const session = await workableSession(tx, sessionId);
      const now = new Date();
      const timing = checkinTiming({
        startsAt: new Date(session.starts_at),
        endsAt: new Date(session.ends_at),
        now,
      });
      if (timing !== 'open') throw notNow(session, timing);
      const window = checkinWindow(now);
      const code = checkinCodeFor(await checkinCoder({ tx, keyring: deps.keyring }), session.id, window);
      return {
        code,
        url: `${deps.config.publicUrl}/eventi/presenza/${session.id}?c=${encodeURIComponent(code)}`,
        expiresAt: isoTime(windowEnds(window))!,
      };
    },
  });
}

const invalidTicket = () =>
  new HttpProblem(
    404,
    'ticket-unknown',
    { it: 'Biglietto non valido per questo evento', en: 'Ticket not valid for this event' },
    {
      it: 'Biglietto non valido per questo evento: controlla il codice, o cerca la persona nell’elenco.',
      en: 'Ticket not valid for this event: check the code, or find the person in the list.',
    },
  );

const cancelledTicket = () =>
  problems.conflict({
    it: 'Questa iscrizione è stata annullata: il biglietto non vale più. La persona può iscriversi di nuovo.',
    en: 'This registration was cancelled: the ticket is no longer valid. The person may register again.',
  });

/** Marks a registration present at a session; false when it already was. Written as the organiser. */
async function markPresent(
  tx: Tx,
  session: SessionRow,
  placeId: string,
  source: 'qr' | 'organiser',
  userId: string,
) {
  const written = await queryRows<{ place_id: string }>(
    tx,
    sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
        values (${session.id}, ${placeId}, 'present', ${source}, ${userId})
        on conflict (session_id, place_id) do update
           set status = 'present', source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = now()
         where gathering_attendance.status not in ('present', 'late')
        returning place_id`,
  );
  return written.length > 0;
}

/** The organiser scans a person's ticket (printed or on their phone) at the session. */
export async function checkInTicket({
  deps,
  ctx,
  sessionId,
  ticketCode,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  ticketCode: string;
}): Promise<TCheckinResult> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const session = await workableSession(tx, sessionId);
      const timing = checkinTiming({
        startsAt: new Date(session.starts_at),
        endsAt: new Date(session.ends_at),
        now: new Date(),
      });
      // After the end a scan is still the organiser's record of who came (tickets collected at the door).
      if (timing === 'before') throw notNow(session, timing);
      const ticket = await placeOfTicket({ tx, eventId: session.event_id, ticketCode, includeEnded: true });
      if (!ticket) throw invalidTicket();
      if (!ticket.live || ['cancelled', 'refused', 'lapsed'].includes(ticket.status)) throw cancelledTicket();
      const marked = await markPresent(tx, session, ticket.place_id, 'qr', ctx.userId);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.checked_in',
          recordType: 'community_registration',
          recordId: ticket.place_id,
          details: { sessionId: session.id, already: !marked },
        },
      });
      return {
        placeId: ticket.place_id,
        anonymous: ticket.anonymous,
        name: nameOf(deps.keyring, ticket),
        already: !marked,
      };
    },
  });
}

/** The organiser ticks the list: present is marked (a scan's mark is kept), not present is unmarked. */
export async function recordAttendance({
  deps,
  ctx,
  sessionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  input: TAttendanceInput;
}): Promise<TSessionDetail> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const session = await workableSession(tx, sessionId);
      const live = new Set(
        (
          await queryRows<{ place_id: string }>(
            tx,
            sql`select place_id from community_registrations where event_id = ${session.event_id} and live`,
          )
        ).map((r) => r.place_id),
      );
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      input.marks.forEach((m, i) => {
        if (!live.has(m.placeId) || seen.has(m.placeId))
          errors.push({
            field: `marks.${i}.placeId`,
            code: live.has(m.placeId) ? 'duplicate' : 'not_registered',
            message: live.has(m.placeId)
              ? { it: 'Questa persona è già segnata più sopra.', en: 'This person is already marked above.' }
              : {
                  it: 'Questa persona non ha un’iscrizione valida a questo evento.',
                  en: 'This person has no valid registration for this event.',
                },
          });
        seen.add(m.placeId);
      });
      if (errors.length) throw problems.fields(errors);
      const present = input.marks.filter((m) => m.present).map((m) => m.placeId);
      const absent = input.marks.filter((m) => !m.present).map((m) => m.placeId);
      for (const placeId of present) await markPresent(tx, session, placeId, 'organiser', ctx.userId);
      if (absent.length > 0)
        // The request role may not delete attendance: as the owner, only this session's marks of
        // registrations just checked to be this event's.
        await unsafeAsSystem(tx, (sys) =>
          sys.execute(
            sql`delete from gathering_attendance where session_id = ${session.id}
                 and place_id = any (${sqlArray(absent, 'uuid')})`,
          ),
        );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.attendance_ticked',
          recordType: 'community_session',
          recordId: session.id,
          details: { present: present.length, absent: absent.length },
        },
      });
      return sessionDetailOf({ tx, ctx, keyring: deps.keyring, session });
    },
  });
}

const seriesCountsByTicket = () =>
  problems.conflict({
    it: 'Il conteggio dei presenti vale solo per gli eventi di un solo incontro: una serie conta i suoi partecipanti con il biglietto, così ciascuno conta una volta.',
    en: 'Head counts are for single-session events only: a series counts its participants by ticket, so each counts once.',
  });

/** A head count (no identities, not de-duplicated): single-session events only. */
export async function addHeadCount({
  deps,
  ctx,
  sessionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  input: THeadCountInput;
}): Promise<THeadCount> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const session = await workableSession(tx, sessionId);
      if (session.sessions_in_event !== 1) throw seriesCountsByTicket();
      const [row] = await queryRows<Parameters<typeof headCountOf>[0]>(
        tx,
        sql`insert into community_head_counts (session_id, participant, gender, age_band, citizenship_group, count, recorded_by)
            values (${session.id}, ${input.participant}, ${input.gender}, ${input.ageBand}, ${input.citizenshipGroup},
              ${input.count}, ${ctx.userId})
            returning id, session_id, participant, gender, age_band, citizenship_group, count`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.head_count_recorded',
          recordType: 'community_session',
          recordId: session.id,
          details: { count: input.count },
        },
      });
      return headCountOf(row!);
    },
  });
}

/** A head count recorded by mistake is removed by the organisers (its session's 404 for others). */
export async function removeHeadCount({
  deps,
  ctx,
  headCountId,
}: {
  deps: Deps;
  ctx: AccessContext;
  headCountId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Its session looked up as the owner, then judged as the caller: an outsider's refusal names the session.
      const [count] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ session_id: string }>(
          sys,
          sql`select session_id from community_head_counts where id = ${headCountId}`,
        ),
      );
      if (!count) throw new OutOfScope('community_session', headCountId);
      const session = await requireManagedSession({ tx, sessionId: count.session_id });
      await tx.execute(sql`delete from community_head_counts where id = ${headCountId}`);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.head_count_removed',
          recordType: 'community_session',
          recordId: session.id,
          details: { headCountId },
        },
      });
    },
  });
}
