import { sql } from 'drizzle-orm';
import type {
  TAttendance,
  TAttendanceInput,
  TMeeting,
  TMeetingInput,
  TMeetingSummary,
  TMeetingUpdate,
} from '../../../contracts/governance-committees.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import {
  type MeetingAccess,
  requireCommittee,
  requireCommitteeRole,
  requireMeeting,
} from './governance.policy.js';
import { membersOf } from './governance-committees-members.js';
import { agendaOf } from './governance-meetings-agenda.js';

/**
 * Meetings (issue 21, item 1): planned, edited and cancelled by the committee's chair or secretary
 * (RLS: trama_governance_committees), read by its members; attendance per member, and whether the
 * quorum was reached. Reading a meeting shows members' names: the read is audited.
 */

const OFFICERS = ['chair', 'secretary'] as const;

interface MeetingDbRow {
  id: string;
  committee_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  place: string | null;
  link: string | null;
  status: TMeetingSummary['status'];
}

const MEETING_COLUMNS = sql`id, committee_id, starts_at, ends_at, place, link, status`;

const toSummary = (r: MeetingDbRow): TMeetingSummary => ({
  id: r.id,
  committeeId: r.committee_id,
  startsAt: isoTime(r.starts_at)!,
  endsAt: isoTime(r.ends_at)!,
  place: r.place,
  link: r.link,
  status: r.status,
});

export async function meetingRow(tx: Tx, meetingId: string): Promise<TMeetingSummary> {
  const [row] = await queryRows<MeetingDbRow>(
    tx,
    sql`select ${MEETING_COLUMNS} from governance_meetings where id = ${meetingId}`,
  );
  return toSummary(row!);
}

/** A committee's meetings, newest first. */
export async function listMeetings({
  deps,
  ctx,
  committeeId,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommittee({ tx, committeeId });
      const rows = await queryRows<MeetingDbRow>(
        tx,
        sql`select ${MEETING_COLUMNS} from governance_meetings where committee_id = ${committeeId}
             order by starts_at desc, id limit 500`,
      );
      return { items: rows.map(toSummary) };
    },
  });
}

const wherePlaceOrLink = (input: { place: string | null; link: string | null }) => {
  if (!input.place && !input.link)
    throw problems.fields([
      {
        field: 'place',
        code: 'required',
        message: { it: 'Indica un luogo o un collegamento video.', en: 'Give a place or a video link.' },
      },
    ]);
};

const audit = (tx: Tx, ctx: AccessContext, meetingId: string, details?: Record<string, unknown>) =>
  writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action: 'governance.meeting_saved',
      recordType: 'governance_meeting',
      recordId: meetingId,
      ...(details ? { details } : {}),
    },
  });

export async function createMeeting({
  deps,
  ctx,
  committeeId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
  input: TMeetingInput;
}) {
  wherePlaceOrLink(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      requireCommitteeRole(await requireCommittee({ tx, committeeId }), OFFICERS);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_meetings (committee_id, starts_at, ends_at, place, link, created_by)
            values (${committeeId}, ${input.startsAt}, ${input.endsAt}, ${input.place}, ${input.link}, ${ctx.userId})
            returning id`,
      );
      await audit(tx, ctx, row!.id);
      return meetingRow(tx, row!.id);
    },
  });
}

/** A cancelled meeting stays as it was: a new date is a new meeting. */
function requireNotCancelled(meeting: MeetingAccess) {
  if (meeting.status === 'cancelled')
    throw problems.conflict({
      it: 'La riunione è stata annullata: non si modifica più.',
      en: 'The meeting was cancelled: it no longer changes.',
    });
}

export async function updateMeeting({
  deps,
  ctx,
  meetingId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  input: TMeetingUpdate;
}) {
  wherePlaceOrLink(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireMeeting({ tx, meetingId });
      requireCommitteeRole(meeting.committee, OFFICERS);
      requireNotCancelled(meeting);
      await tx.execute(
        sql`update governance_meetings set starts_at = ${input.startsAt}, ends_at = ${input.endsAt},
                   place = ${input.place}, link = ${input.link}, status = ${input.status} where id = ${meetingId}`,
      );
      await audit(tx, ctx, meetingId, { status: input.status });
      return meetingRow(tx, meetingId);
    },
  });
}

export async function cancelMeeting({
  deps,
  ctx,
  meetingId,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireMeeting({ tx, meetingId });
      requireCommitteeRole(meeting.committee, OFFICERS);
      requireNotCancelled(meeting);
      await tx.execute(sql`update governance_meetings set status = 'cancelled' where id = ${meetingId}`);
      await audit(tx, ctx, meetingId, { status: 'cancelled' });
      return meetingRow(tx, meetingId);
    },
  });
}

/** Who was there: every member on the day of the meeting, with what was recorded; the quorum in numbers. */
export async function attendanceOf(tx: Tx, meeting: MeetingAccess): Promise<TAttendance> {
  const day = meeting.startsAt.slice(0, 10);
  const members = (await membersOf({ tx, committeeId: meeting.committeeId })).filter(
    (m) => m.since <= day && (m.until === null || m.until >= day),
  );
  const recorded = await queryRows<{ member_id: string; state: TAttendance['entries'][number]['state'] }>(
    tx,
    sql`select member_id, state from governance_attendance where meeting_id = ${meeting.id}`,
  );
  const states = new Map(recorded.map((r) => [r.member_id, r.state]));
  const entries = members.map((m) => ({
    memberId: m.id,
    name: m.name,
    role: m.role,
    state: states.get(m.id) ?? null,
  }));
  const [committee] = await queryRows<{ quorum: number }>(
    tx,
    sql`select quorum from governance_committees where id = ${meeting.committeeId}`,
  );
  const presentCount = recorded.filter((r) => r.state === 'present').length;
  const quorum = committee!.quorum;
  return { entries, presentCount, quorum, quorumReached: presentCount >= quorum };
}

export async function getMeeting({
  deps,
  ctx,
  meetingId,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
}): Promise<TMeeting> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireMeeting({ tx, meetingId });
      const attendance = await attendanceOf(tx, meeting);
      const agenda = await agendaOf({ deps, tx, meetingId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.meeting_read',
          recordType: 'governance_meeting',
          recordId: meetingId,
          details: { members: attendance.entries.length },
        },
      });
      return {
        ...(await meetingRow(tx, meetingId)),
        committeeName: meeting.committee.name,
        myRole: meeting.committee.role,
        canManage: meeting.committee.role === 'chair' || meeting.committee.role === 'secretary',
        agenda,
        attendance,
      };
    },
  });
}

/** One upsert for the whole sheet; each member must sit on the meeting's committee. */
export async function recordAttendance({
  deps,
  ctx,
  meetingId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  input: TAttendanceInput;
}): Promise<TAttendance> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireMeeting({ tx, meetingId });
      requireCommitteeRole(meeting.committee, OFFICERS);
      requireNotCancelled(meeting);
      const members = new Set((await membersOf({ tx, committeeId: meeting.committeeId })).map((m) => m.id));
      const strangers = input.entries.flatMap((e, i) => (members.has(e.memberId) ? [] : [i]));
      if (strangers.length > 0)
        throw problems.fields(
          strangers.map((i) => ({
            field: `entries.${i}.memberId`,
            code: 'unknown',
            message: { it: 'Non fa parte del comitato.', en: 'Not a member of the committee.' },
          })),
        );
      const values = sql.join(
        input.entries.map(
          (e) => sql`(${meetingId}::uuid, ${e.memberId}::uuid, ${e.state}, ${ctx.userId}::uuid)`,
        ),
        sql`, `,
      );
      await tx.execute(
        sql`insert into governance_attendance (meeting_id, member_id, state, recorded_by) values ${values}
            on conflict (meeting_id, member_id)
            do update set state = excluded.state, recorded_by = excluded.recorded_by, recorded_at = now()`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.attendance_recorded',
          recordType: 'governance_meeting',
          recordId: meetingId,
          details: { count: input.entries.length },
        },
      });
      return attendanceOf(tx, meeting);
    },
  });
}
