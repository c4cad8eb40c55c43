import { sql } from 'drizzle-orm';
import type { TAttendanceInput, TAttendanceRow, TPlace } from '../../../contracts/gatherings.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { requireEdition, requireManagedSession, type SessionRow } from './training.policy.js';
import { loadPlaces } from './training.repository.js';
import { signatureSheetPdf } from './training-signature-sheet.js';

/**
 * A session's attendance as its trainers see and record it: one row per confirmed place of the
 * edition, marked present, late, absent or excused by the trainer or copied from the signed
 * sheet. Only confirmed places are marked; hours follow from the marks (platform/gatherings/hours).
 */

/** The edition's confirmed places, named as the registrations list names them. */
const confirmedPlaces = async (tx: Tx, session: SessionRow): Promise<TPlace[]> =>
  (await loadPlaces({ tx, gatheringId: session.gathering_id })).filter((p) => p.status === 'confirmed');

async function attendanceRows(tx: Tx, session: SessionRow): Promise<TAttendanceRow[]> {
  const places = await confirmedPlaces(tx, session);
  const marks = await queryRows<{
    place_id: string;
    status: TAttendanceRow['status'];
    source: TAttendanceRow['source'];
    recorded_at: Date;
  }>(
    tx,
    sql`select place_id, status, source, recorded_at from gathering_attendance where session_id = ${session.id}`,
  );
  const byPlace = new Map(marks.map((m) => [m.place_id, m]));
  return places
    .map((p) => {
      const mark = byPlace.get(p.id);
      return {
        placeId: p.id,
        participantName: p.participantName,
        status: mark?.status ?? null,
        source: mark?.source ?? null,
        recordedAt: isoTime(mark?.recorded_at ?? null),
      };
    })
    .sort((a, b) => a.participantName.localeCompare(b.participantName, 'it', { sensitivity: 'base' }));
}

export async function getAttendance({
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
    work: async (tx) => {
      const session = await requireManagedSession({ tx, ctx, sessionId });
      const rows = await attendanceRows(tx, session);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.attendance_read',
          recordType: 'training_session',
          recordId: session.id,
          details: { count: rows.length },
        },
      });
      return rows;
    },
  });
}

/** The trainer's marks (or the signed sheet's), one per confirmed place; a later mark replaces an earlier one. */
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
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const session = await requireManagedSession({ tx, ctx, sessionId });
      const confirmed = new Set((await confirmedPlaces(tx, session)).map((p) => p.id));
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      input.marks.forEach((m, i) => {
        if (!confirmed.has(m.placeId))
          errors.push({
            field: `marks.${i}.placeId`,
            code: 'not_confirmed',
            message: {
              it: 'Questa persona non ha un posto confermato in questa edizione.',
              en: 'This person has no confirmed place in this edition.',
            },
          });
        else if (seen.has(m.placeId))
          errors.push({
            field: `marks.${i}.placeId`,
            code: 'duplicate',
            message: {
              it: 'Questa persona è già segnata più sopra.',
              en: 'This person is already marked above.',
            },
          });
        seen.add(m.placeId);
      });
      if (errors.length) throw problems.fields(errors);
      // As the trainer: RLS lets a manager write the attendance of their own gatherings' sessions.
      await tx.execute(
        sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
            values ${sql.join(
              input.marks.map(
                (m) => sql`(${session.id}, ${m.placeId}, ${m.status}, ${input.source}, ${ctx.userId})`,
              ),
              sql`, `,
            )}
            on conflict (session_id, place_id) do update set status = excluded.status, source = excluded.source,
               recorded_by = excluded.recorded_by, recorded_at = now()`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.attendance_recorded',
          recordType: 'training_session',
          recordId: session.id,
          details: { count: input.marks.length, source: input.source },
        },
      });
      return attendanceRows(tx, session);
    },
  });
}

/** The session's signature sheet as a PDF (audited). */
export async function printSignatureSheet({
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
    work: async (tx) => {
      const session = await requireManagedSession({ tx, ctx, sessionId });
      const edition = await requireEdition({ tx, editionId: session.edition_id });
      const [detail] = await queryRows<{ place: string | null; online_link: string | null; service: string }>(
        tx,
        sql`select s.place, s.online_link, sv.name as service from gathering_sessions s
              join gatherings g on g.id = s.gathering_id join services sv on sv.id = g.owner_service_id
             where s.id = ${session.id}`,
      );
      const places = await confirmedPlaces(tx, session);
      const body = await signatureSheetPdf({
        courseTitle: edition.course_title,
        serviceName: detail?.service ?? '',
        session: {
          startsAt: new Date(session.starts_at),
          endsAt: new Date(session.ends_at),
          place: detail?.place ?? null,
          onlineLink: detail?.online_link ?? null,
        },
        participants: places.map((p) => ({ name: p.participantName, organisation: p.organisation })),
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.signature_sheet_printed',
          recordType: 'training_session',
          recordId: session.id,
          details: { count: places.length },
        },
      });
      const date = new Date(session.starts_at).toISOString().slice(0, 10);
      return { body, filename: `foglio-firme-${date}.pdf` };
    },
  });
}
