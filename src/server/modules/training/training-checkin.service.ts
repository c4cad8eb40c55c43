import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { TAttendanceStatus, TCheckinCode, TPlaceStatus } from '../../../contracts/gatherings.js';
import { CHECKIN_OPENS_MINUTES_BEFORE } from '../../../contracts/gatherings.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit, writeAuditApart } from '../../platform/audit/audit-writer.js';
import { countOf, isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import {
  acceptsCheckinCode,
  type CheckinCoder,
  checkinCodeFor,
  checkinCoder,
  checkinTiming,
  checkinWindow,
  scanStatus,
  windowEnds,
} from '../../platform/gatherings/checkin-code.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { requireManagedSession } from './training.policy.js';
import { linkActor, placeByToken } from './training-personal.service.js';

/**
 * Check-in with the rotating QR code (issue 17 §3): the trainer's screen shows the session's code,
 * the participant scans it with their phone, signed in or through their personal link. The
 * service judges the scan (the session's window, the code's age, a confirmed place in that
 * edition) and then writes the attendance as the owner: a participant has no right to write
 * attendance themselves. A refusal is audited in its own transaction, since the request's
 * rolls back.
 */

type Refusal = 'not_open' | 'ended' | 'code' | 'not_enrolled';

class CheckinRefused extends Error {
  constructor(
    readonly reason: Refusal,
    readonly problem: HttpProblem,
  ) {
    super(problem.message);
  }
}

const notOpen = () =>
  new HttpProblem(
    409,
    'checkin-not-open',
    { it: 'Registrazione presenze non ancora aperta', en: 'Check-in not open yet' },
    {
      it: `La registrazione delle presenze apre ${CHECKIN_OPENS_MINUTES_BEFORE} minuti prima dell’inizio della sessione.`,
      en: `Check-in opens ${CHECKIN_OPENS_MINUTES_BEFORE} minutes before the session starts.`,
    },
  );
const ended = () =>
  new HttpProblem(
    409,
    'session-ended',
    { it: 'La sessione è terminata', en: 'The session has ended' },
    {
      it: 'La sessione è terminata: la presenza non si può più registrare con il codice. Rivolgiti al formatore.',
      en: 'The session has ended: attendance can no longer be recorded with the code. Ask the trainer.',
    },
  );
const refusals: Record<Refusal, () => HttpProblem> = {
  not_open: notOpen,
  ended,
  // Not a form's field error: the person scanned a code, there is no field to correct.
  code: () =>
    new HttpProblem(
      409,
      'checkin-code',
      { it: 'Codice scaduto o non valido', en: 'Code expired or not valid' },
      {
        it: 'Il codice è scaduto o non è valido: inquadra di nuovo il codice QR sullo schermo del formatore.',
        en: 'The code has expired or is not valid: scan the QR code on the trainer’s screen again.',
      },
    ),
  not_enrolled: () =>
    new HttpProblem(
      409,
      'not-enrolled',
      { it: 'Non risulti iscritto/a', en: 'You are not registered' },
      {
        it: 'Non risulti iscritto/a a questa edizione con un posto confermato: rivolgiti al formatore.',
        en: 'You do not have a confirmed place in this edition: ask the trainer.',
      },
    ),
};
const refuse = (reason: Refusal) => new CheckinRefused(reason, refusals[reason]());

/** The code the trainer's screen shows now, its QR, and how many have checked in. */
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
      const session = await requireManagedSession({ tx, ctx, sessionId });
      const now = new Date();
      const timing = checkinTiming({
        startsAt: new Date(session.starts_at),
        endsAt: new Date(session.ends_at),
        now,
      });
      if (timing !== 'open') throw timing === 'before' ? notOpen() : ended();
      const coder = await checkinCoder({ tx, keyring: deps.keyring });
      const window = checkinWindow(now);
      const code = checkinCodeFor(coder, session.id, window);
      const url = `${deps.config.publicUrl}/presenza/${session.id}?c=${encodeURIComponent(code)}`;
      const confirmed = await countOf(
        tx,
        sql`select count(*)::int as n from gathering_places
             where gathering_id = ${session.gathering_id} and status = 'confirmed'`,
      );
      const checkedIn = await countOf(
        tx,
        sql`select count(*)::int as n from gathering_attendance a join gathering_places p on p.id = a.place_id
             where a.session_id = ${session.id} and p.status = 'confirmed' and a.status in ('present', 'late')`,
      );
      return {
        sessionId: session.id,
        code,
        url,
        qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
        validUntil: isoTime(windowEnds(window))!,
        checkedIn,
        confirmed,
      };
    },
  });
}

interface ScanSession {
  id: string;
  gathering_id: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
}

/**
 * Judges a scan and records it: the window first (before it or after the end), then the code,
 * then the place (confirmed, in the session's edition). A repeat scan keeps the first time; a
 * scan replaces only a trainer's earlier "absent".
 */
async function judgeAndRecord({
  tx,
  coder,
  session,
  place,
  code,
  recordedBy,
  actor,
}: {
  tx: Tx;
  coder: CheckinCoder;
  session: ScanSession | undefined;
  place: { id: string; gathering_id: string; status: TPlaceStatus } | undefined;
  code: string;
  recordedBy: string | null;
  actor: AuditActor;
}) {
  if (!session || !place || place.gathering_id !== session.gathering_id) throw refuse('not_enrolled');
  const now = new Date();
  const startsAt = new Date(session.starts_at);
  const timing = checkinTiming({ startsAt, endsAt: new Date(session.ends_at), now });
  if (timing === 'before') throw refuse('not_open');
  if (timing === 'ended') throw refuse('ended');
  if (!acceptsCheckinCode({ coder, sessionId: session.id, code, now })) throw refuse('code');
  if (place.status !== 'confirmed') throw refuse('not_enrolled');
  const status = scanStatus({ startsAt, now });
  const [row] = await unsafeAsSystem(tx, async (sys) => {
    await sys.execute(
      sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
          values (${session.id}, ${place.id}, ${status}, 'qr', ${recordedBy})
          on conflict (session_id, place_id) do update
             set status = excluded.status, source = excluded.source, recorded_by = excluded.recorded_by,
                 recorded_at = now()
           where gathering_attendance.status = 'absent' and gathering_attendance.source = 'trainer'`,
    );
    return queryRows<{ status: TAttendanceStatus }>(
      sys,
      sql`select status from gathering_attendance where session_id = ${session.id} and place_id = ${place.id}`,
    );
  });
  await writeAudit({
    tx,
    actor,
    event: {
      action: 'training.checked_in',
      recordType: 'training_place',
      recordId: place.id,
      details: { sessionId: session.id, status: row!.status },
    },
  });
  return { status: row!.status, title: session.title, startsAt: isoTime(session.starts_at)! };
}

/** Runs a scan; a refusal is audited apart (the scan's transaction rolls back) and answered. */
async function auditedScan<T>({
  deps,
  actor,
  sessionId,
  run,
}: {
  deps: Deps;
  actor: AuditActor;
  sessionId: string;
  run: () => Promise<T>;
}): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CheckinRefused)) throw error;
    await writeAuditApart({
      db: deps.db,
      actor,
      event: {
        action: 'training.checkin_refused',
        outcome: 'denied',
        recordType: 'training_session',
        recordId: sessionId,
        details: { reason: error.reason },
      },
    });
    throw error.problem;
  }
}

const sessionForScan = async (tx: Tx, sessionId: string) =>
  (
    await queryRows<ScanSession>(
      tx,
      sql`select s.id, s.gathering_id, s.starts_at, s.ends_at, g.title from gathering_sessions s
            join gatherings g on g.id = s.gathering_id join training_editions e on e.gathering_id = g.id
           where s.id = ${sessionId}`,
    )
  )[0];

/** A signed-in member scans the session's code. */
export async function checkInMember({
  deps,
  ctx,
  sessionId,
  code,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  code: string;
}) {
  return auditedScan({
    deps,
    actor: actorOf(ctx),
    sessionId,
    run: () =>
      scoped({
        db: deps.db,
        ctx,
        work: async (tx) => {
          const session = await sessionForScan(tx, sessionId);
          // Their own registration (RLS: a participant reads their own places), the latest live one.
          const [place] = session
            ? await queryRows<{ id: string; gathering_id: string; status: TPlaceStatus }>(
                tx,
                sql`select id, gathering_id, status from gathering_places
                     where gathering_id = ${session.gathering_id} and user_id = ${ctx.userId}
                     order by (status = 'confirmed') desc, requested_at desc limit 1`,
              )
            : [];
          const coder = await checkinCoder({ tx, keyring: deps.keyring });
          return judgeAndRecord({
            tx,
            coder,
            session,
            place,
            code,
            recordedBy: ctx.userId,
            actor: actorOf(ctx),
          });
        },
      }),
  });
}

/** An external participant scans the code with their personal link open. */
export async function checkInExternal({
  deps,
  token,
  sessionId,
  code,
  clientIp,
}: {
  deps: Deps;
  token: string;
  sessionId: string;
  code: string;
  clientIp: string | null;
}) {
  const actor = linkActor(clientIp);
  return auditedScan({
    deps,
    actor,
    sessionId,
    run: () =>
      systemTransaction(deps.db, async (sys) => {
        const place = await placeByToken(sys, token);
        const session = await sessionForScan(sys, sessionId);
        const coder = await checkinCoder({ tx: sys, keyring: deps.keyring });
        return judgeAndRecord({ tx: sys, coder, session, place, code, recordedBy: null, actor });
      }),
  });
}
