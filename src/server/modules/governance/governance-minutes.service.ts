import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TLocalizedText } from '../../../contracts/common.js';
import type { TCommitteeRole } from '../../../contracts/governance-codes.js';
import {
  type TMeetingMinutes,
  type TMinutesItem,
  type TMinutesVersion,
  ZMinutesDraftInputSchema,
  ZMinutesEditInputSchema,
} from '../../../contracts/governance-minutes.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { type MeetingAccess, requireCommitteeRole, requireMeeting } from './governance.policy.js';
import {
  audit,
  changeMeeting,
  citesRecordId,
  conflict,
  NO_RECORD_IDS,
  namesOf,
  personOf,
} from './governance-minutes-shared.js';

/**
 * A meeting's minutes (issue 21, item 2): the secretary drafts one text per agenda item (or one
 * general text), edits the draft and circulates it; the chair approves a circulated version. An
 * approved version is frozen (trigger governance_minutes_frozen); a correction is a new version with
 * its reason, circulated and approved again. Row-level security hides drafts from the members.
 */

interface MinutesRow {
  id: string;
  meeting_id: string;
  version: number;
  status: TMinutesVersion['status'];
  items: TMinutesItem[];
  correction_reason: string | null;
  drafted_by: string;
  created_at: string;
  updated_at: string;
  circulated_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approved_at_meeting_id: string | null;
  approved_at_meeting_starts: string | null;
}

/**
 * Drafts are the chair's and the secretary's. Row-level security says so too, but its policy's
 * unqualified `status` resolves to the meeting's status in its subquery (0045_governance_rls): until
 * that is fixed, the service holds the line.
 */
const isOfficer = (meeting: MeetingAccess) =>
  meeting.committee.role === 'chair' || meeting.committee.role === 'secretary';

async function versionsOf(tx: Tx, meeting: MeetingAccess): Promise<TMinutesVersion[]> {
  const rows = await queryRows<MinutesRow>(
    tx,
    sql`select m.id, m.meeting_id, m.version, m.status, m.items, m.correction_reason, m.drafted_by, m.created_at,
               m.updated_at, m.circulated_at, m.approved_at, m.approved_by, m.approved_at_meeting_id,
               am.starts_at as approved_at_meeting_starts
          from governance_minutes m left join governance_meetings am on am.id = m.approved_at_meeting_id
         where m.meeting_id = ${meeting.id} ${isOfficer(meeting) ? sql`` : sql`and m.status <> 'draft'`}
         order by m.version desc`,
  );
  const names = await namesOf(
    tx,
    rows.flatMap((r) => [r.drafted_by, r.approved_by]),
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    items: r.items,
    correctionReason: r.correction_reason,
    draftedBy: personOf(names, r.drafted_by),
    createdAt: isoTime(r.created_at)!,
    updatedAt: isoTime(r.updated_at)!,
    circulatedAt: isoTime(r.circulated_at),
    approvedAt: isoTime(r.approved_at),
    approvedBy: r.approved_by ? personOf(names, r.approved_by) : null,
    approvedAtMeeting:
      r.approved_at_meeting_id && r.approved_at_meeting_starts
        ? { id: r.approved_at_meeting_id, startsAt: isoTime(r.approved_at_meeting_starts)! }
        : null,
  }));
}

export const agendaOf = (tx: Tx, meetingId: string) =>
  queryRows<{ id: string; position: number; title: string }>(
    tx,
    sql`select id, position, title from governance_agenda_items where meeting_id = ${meetingId} order by position`,
  );

/** The committee's current members with an account: who may own an action. */
export async function ownersOf(tx: Tx, committeeId: string) {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select distinct user_id from governance_members
         where committee_id = ${committeeId} and user_id is not null
           and since <= (now() at time zone 'Europe/Rome')::date
           and (until is null or until >= (now() at time zone 'Europe/Rome')::date)`,
  );
  const names = await namesOf(
    tx,
    rows.map((r) => r.user_id),
  );
  return rows.map((r) => personOf(names, r.user_id)).sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

async function meetingMinutes(tx: Tx, ctx: AccessContext, meeting: MeetingAccess): Promise<TMeetingMinutes> {
  const versions = await versionsOf(tx, meeting);
  const officer = isOfficer(meeting);
  const owners = officer ? await ownersOf(tx, meeting.committeeId) : [];
  // Names of who drafted and approved, and of the members for the action form: an audited read.
  await audit(tx, ctx, 'governance.meeting_read', 'governance_meeting', meeting.id, {
    part: 'minutes',
    versions: versions.length,
    owners: owners.length,
  });
  const latest = versions[0];
  const [when] = await queryRows<{ starts_at: string }>(
    tx,
    sql`select starts_at from governance_meetings where id = ${meeting.id}`,
  );
  return {
    meetingId: meeting.id,
    committee: { id: meeting.committee.id, name: meeting.committee.name },
    startsAt: isoTime(when!.starts_at)!,
    agenda: await agendaOf(tx, meeting.id),
    approved: versions.find((v) => v.status === 'approved') ?? null,
    pending: latest && latest.status !== 'approved' ? latest : null,
    versions,
    can: {
      draft: meeting.committee.role === 'secretary',
      approve: meeting.committee.role === 'chair',
      record: officer,
    },
    owners,
  };
}

export async function getMinutes({
  deps,
  ctx,
  meetingId,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
}) {
  return changeMeeting({ deps, ctx, meetingId, work: (tx, meeting) => meetingMinutes(tx, ctx, meeting) });
}

/** Items name this meeting's agenda items, each once, plus at most one general item; no record ids. */
async function judgeItems(tx: Tx, meetingId: string, items: TMinutesItem[]) {
  const agenda = new Set((await agendaOf(tx, meetingId)).map((a) => a.id));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const key = item.agendaItemId ?? 'general';
    if (item.agendaItemId && !agenda.has(item.agendaItemId))
      errors.push({
        field: `items.${i}.agendaItemId`,
        code: 'unknown',
        message: { it: 'Punto non presente nell’ordine del giorno.', en: 'Not an item of the agenda.' },
      });
    else if (seen.has(key))
      errors.push({
        field: `items.${i}.agendaItemId`,
        code: 'repeated',
        message: { it: 'Questo punto è già nel verbale.', en: 'This item is already in the minutes.' },
      });
    seen.add(key);
    if (citesRecordId(item.text))
      errors.push({ field: `items.${i}.text`, code: 'record-id', message: NO_RECORD_IDS });
  });
  if (errors.length > 0) throw problems.fields(errors);
}

const FROZEN = {
  it: 'Questa versione del verbale è approvata e non si modifica più: registra una correzione con il suo motivo.',
  en: 'This version of the minutes is approved and no longer changes: record a correction with its reason.',
};

/**
 * A new version: the first, or a correction of the approved latest (its reason required). Two
 * drafts of the same version at once: the unique index keeps one, the other is told in words.
 */
export async function draftMinutes({
  deps,
  ctx,
  meetingId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  input: z.input<typeof ZMinutesDraftInputSchema>;
}) {
  const d = ZMinutesDraftInputSchema.parse(input);
  return changeMeeting({
    deps,
    ctx,
    meetingId,
    roles: ['secretary'],
    work: async (tx, meeting) => {
      const [latest] = await queryRows<{ version: number; status: string }>(
        tx,
        sql`select version, status from governance_minutes where meeting_id = ${meetingId} order by version desc limit 1`,
      );
      if (latest && latest.status !== 'approved')
        throw conflict('minutes-in-progress', {
          it: 'C’è già una versione del verbale in lavorazione: modifica quella.',
          en: 'A version of the minutes is already in progress: edit that one.',
        });
      if (latest && !d.reason)
        throw problems.field('reason', 'required', {
          it: 'Indica il motivo della correzione del verbale approvato.',
          en: 'Give the reason for correcting the approved minutes.',
        });
      await judgeItems(tx, meetingId, d.items);
      const version = (latest?.version ?? 0) + 1;
      let id: string;
      try {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into governance_minutes (meeting_id, version, status, items, correction_reason, drafted_by)
              values (${meetingId}, ${version}, 'draft', ${JSON.stringify(d.items)}::jsonb,
                      ${latest ? d.reason : null}, ${ctx.userId})
              returning id`,
        );
        id = row!.id;
      } catch (error) {
        if (pgErrorCode(error) === '23505')
          throw conflict('minutes-version-taken', {
            it: 'Un’altra persona ha appena iniziato questa versione del verbale: ricarica la pagina.',
            en: 'Someone else has just started this version of the minutes: reload the page.',
          });
        throw error;
      }
      await audit(
        tx,
        ctx,
        latest ? 'governance.minutes_corrected' : 'governance.minutes_drafted',
        'governance_minutes',
        id,
        { meetingId, version },
      );
      return meetingMinutes(tx, ctx, meeting);
    },
  });
}

/** The minutes version as the caller may read it, with its meeting, or the audited 404. */
async function requireVersion(tx: Tx, minutesId: string) {
  const [row] = await queryRows<{ meeting_id: string; status: string; version: number }>(
    tx,
    sql`select meeting_id, status, version from governance_minutes where id = ${minutesId}`,
  );
  if (!row) throw new OutOfScope('governance_minutes', minutesId);
  const meeting = await requireMeeting({ tx, meetingId: row.meeting_id });
  if (row.status === 'draft' && !isOfficer(meeting)) throw new OutOfScope('governance_minutes', minutesId);
  return { ...row, meeting };
}

type Version = Awaited<ReturnType<typeof requireVersion>>;

/** changeMeeting for one version: the version as the caller may read it, and who may change it. */
function changeVersion<T>({
  deps,
  ctx,
  minutesId,
  roles,
  work,
}: {
  deps: Deps;
  ctx: AccessContext;
  minutesId: string;
  roles: readonly TCommitteeRole[];
  work: (tx: Tx, version: Version) => Promise<T>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const v = await requireVersion(tx, minutesId);
      requireCommitteeRole(v.meeting.committee, roles);
      return work(tx, v);
    },
  });
}

export async function editMinutes({
  deps,
  ctx,
  minutesId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  minutesId: string;
  input: z.input<typeof ZMinutesEditInputSchema>;
}) {
  const e = ZMinutesEditInputSchema.parse(input);
  return changeVersion({
    deps,
    ctx,
    minutesId,
    roles: ['secretary'],
    work: async (tx, v) => {
      if (v.status === 'approved') throw conflict('minutes-frozen', FROZEN);
      await judgeItems(tx, v.meeting_id, e.items);
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`update governance_minutes set items = ${JSON.stringify(e.items)}::jsonb, updated_at = now()
             where id = ${minutesId} and status = 'draft' returning id`,
      );
      if (updated.length === 0)
        throw conflict('minutes-circulated', {
          it: 'Il verbale è già stato fatto circolare: attendi l’approvazione, poi registra una correzione.',
          en: 'The minutes have already been circulated: wait for the approval, then record a correction.',
        });
      await audit(tx, ctx, 'governance.minutes_drafted', 'governance_minutes', minutesId, {
        meetingId: v.meeting_id,
        version: v.version,
      });
      return meetingMinutes(tx, ctx, v.meeting);
    },
  });
}

interface MinutesMove {
  from: 'draft' | 'circulated';
  to: 'circulated' | 'approved';
  who: readonly TCommitteeRole[];
  action: AuditAction;
  /** The columns the move sets besides status and updated_at. */
  stamps: (ctx: AccessContext, v: Version) => SQL;
  /** The 409 when the version is not in `from`. */
  refused: { code: string; words: TLocalizedText };
  /** Whether an approved version is answered as frozen (FROZEN) rather than with `refused`. */
  frozenFirst: boolean;
}

/**
 * The two moves of a version: the secretary circulates a draft to the members; the chair approves
 * a circulated version, at the committee's next meeting when it has begun (approved_at_meeting_id),
 * otherwise between meetings (null). Each is one conditional update, so two at once move it once.
 */
const MOVES = {
  circulate: {
    from: 'draft',
    to: 'circulated',
    who: ['secretary'],
    action: 'governance.minutes_circulated',
    stamps: () => sql`circulated_at = now()`,
    refused: {
      code: 'minutes-not-draft',
      words: {
        it: 'Questa versione del verbale è già stata fatta circolare.',
        en: 'This version of the minutes has already been circulated.',
      },
    },
    frozenFirst: false,
  },
  approve: {
    from: 'circulated',
    to: 'approved',
    who: ['chair'],
    action: 'governance.minutes_approved',
    stamps: (ctx, v) =>
      sql`approved_at = now(), approved_by = ${ctx.userId},
          approved_at_meeting_id = (
            select n.id from governance_meetings n
             where n.committee_id = ${v.meeting.committeeId} and n.status <> 'cancelled'
               and n.starts_at > ${v.meeting.startsAt}::timestamptz and n.starts_at <= now()
             order by n.starts_at limit 1)`,
    refused: {
      code: 'minutes-not-circulated',
      words: {
        it: 'Si approva solo un verbale fatto circolare ai componenti.',
        en: 'Only minutes circulated to the members can be approved.',
      },
    },
    frozenFirst: true,
  },
} satisfies Record<string, MinutesMove>;

export type MinutesMoveName = keyof typeof MOVES;

export async function moveMinutes({
  deps,
  ctx,
  minutesId,
  move,
}: {
  deps: Deps;
  ctx: AccessContext;
  minutesId: string;
  move: MinutesMoveName;
}) {
  const m: MinutesMove = MOVES[move];
  return changeVersion({
    deps,
    ctx,
    minutesId,
    roles: m.who,
    work: async (tx, v) => {
      if (m.frozenFirst && v.status === 'approved') throw conflict('minutes-frozen', FROZEN);
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`update governance_minutes set status = ${m.to}, ${m.stamps(ctx, v)}, updated_at = now()
             where id = ${minutesId} and status = ${m.from} returning id`,
      );
      if (updated.length === 0) throw conflict(m.refused.code, m.refused.words);
      await audit(tx, ctx, m.action, 'governance_minutes', minutesId, {
        meetingId: v.meeting_id,
        version: v.version,
      });
      return meetingMinutes(tx, ctx, v.meeting);
    },
  });
}
