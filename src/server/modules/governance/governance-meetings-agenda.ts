import { sql } from 'drizzle-orm';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import type { TAgendaItem, TAgendaItemInput } from '../../../contracts/governance-committees.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { type MeetingAccess, requireCommitteeRole, requireMeeting } from './governance.policy.js';
import { filesOfAgenda } from './governance-agenda-files.js';
import { membersOf } from './governance-committees-members.js';

/**
 * A meeting's agenda (issue 21, item 1): ordered items, each with a presenter chosen among the
 * committee's members and its documents. Kept by the chair and the secretary; items are never
 * deleted (the minutes are drafted per item), they are renamed or moved.
 */

const OFFICERS = ['chair', 'secretary'] as const;

/** The agenda in order, with presenters' names and the documents' names. */
export async function agendaOf({
  deps,
  tx,
  meetingId,
}: {
  deps: Deps;
  tx: Tx;
  meetingId: string;
}): Promise<TAgendaItem[]> {
  const rows = await queryRows<{
    id: string;
    position: number;
    title: string;
    presenter_member_id: string | null;
    committee_id: string;
  }>(
    tx,
    sql`select a.id, a.position, a.title, a.presenter_member_id, g.committee_id
          from governance_agenda_items a join governance_meetings g on g.id = a.meeting_id
         where a.meeting_id = ${meetingId} order by a.position, a.id`,
  );
  if (rows.length === 0) return [];
  const members = new Map(
    (await membersOf({ tx, committeeId: rows[0]!.committee_id })).map((m) => [m.id, m.name]),
  );
  const files = await filesOfAgenda({
    deps,
    tx,
    itemIds: rows.map((r) => r.id),
  });
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    presenterMemberId: r.presenter_member_id,
    presenterName: r.presenter_member_id ? (members.get(r.presenter_member_id) ?? null) : null,
    files: files.get(r.id) ?? [],
  }));
}

/** The agenda is the officers' while the meeting is not cancelled. */
export async function requireAgendaKeeper(tx: Tx, meetingId: string): Promise<MeetingAccess> {
  const meeting = await requireMeeting({ tx, meetingId });
  requireCommitteeRole(meeting.committee, OFFICERS);
  if (meeting.status === 'cancelled')
    throw problems.conflict({
      it: 'La riunione è stata annullata: l’ordine del giorno non cambia più.',
      en: 'The meeting was cancelled: its agenda no longer changes.',
    });
  return meeting;
}

async function requirePresenter(tx: Tx, meeting: MeetingAccess, presenterMemberId: string | null) {
  if (!presenterMemberId) return;
  const members = await membersOf({ tx, committeeId: meeting.committeeId, onlyCurrent: true });
  if (!members.some((m) => m.id === presenterMemberId))
    throw problems.fields([
      {
        field: 'presenterMemberId',
        code: 'unknown',
        message: {
          it: 'Chi presenta va scelto fra i componenti del comitato.',
          en: 'The presenter is chosen among the committee’s members.',
        },
      },
    ]);
}

const audit = (tx: Tx, ctx: AccessContext, meetingId: string, details: Record<string, unknown>) =>
  writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action: 'governance.agenda_saved',
      recordType: 'governance_meeting',
      recordId: meetingId,
      details,
    },
  });

export async function addAgendaItem({
  deps,
  ctx,
  meetingId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  input: TAgendaItemInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireAgendaKeeper(tx, meetingId);
      await requirePresenter(tx, meeting, input.presenterMemberId);
      // The next position and the limit in the insert itself: two officers adding at once never pass it.
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_agenda_items (meeting_id, position, title, presenter_member_id)
            select ${meetingId}, coalesce(max(position), 0) + 1, ${input.title}, ${input.presenterMemberId}
              from governance_agenda_items where meeting_id = ${meetingId}
            having count(*) < ${GOVERNANCE_LIMITS.agendaItems}
            returning id`,
      );
      if (!row)
        throw problems.conflict({
          it: `Un ordine del giorno ha al massimo ${GOVERNANCE_LIMITS.agendaItems} punti.`,
          en: `An agenda has at most ${GOVERNANCE_LIMITS.agendaItems} items.`,
        });
      await audit(tx, ctx, meetingId, { itemId: row.id, added: true });
      return agendaOf({ deps, tx, meetingId });
    },
  });
}

async function requireItem(tx: Tx, meetingId: string, itemId: string) {
  const [item] = await queryRows<{ position: number }>(
    tx,
    sql`select position from governance_agenda_items where id = ${itemId} and meeting_id = ${meetingId}`,
  );
  if (!item) throw new OutOfScope('governance_meeting', meetingId);
  return item;
}

export async function updateAgendaItem({
  deps,
  ctx,
  meetingId,
  itemId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  itemId: string;
  input: TAgendaItemInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireAgendaKeeper(tx, meetingId);
      await requireItem(tx, meetingId, itemId);
      await requirePresenter(tx, meeting, input.presenterMemberId);
      await tx.execute(
        sql`update governance_agenda_items set title = ${input.title}, presenter_member_id = ${input.presenterMemberId}
             where id = ${itemId}`,
      );
      await audit(tx, ctx, meetingId, { itemId });
      return agendaOf({ deps, tx, meetingId });
    },
  });
}

/** Swaps an item with its neighbour; through a free position, as (meeting, position) is unique. */
export async function moveAgendaItem({
  deps,
  ctx,
  meetingId,
  itemId,
  direction,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  itemId: string;
  direction: 'up' | 'down';
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireAgendaKeeper(tx, meetingId);
      const item = await requireItem(tx, meetingId, itemId);
      const [neighbour] = await queryRows<{ id: string; position: number }>(
        tx,
        direction === 'up'
          ? sql`select id, position from governance_agenda_items where meeting_id = ${meetingId}
                  and position < ${item.position} order by position desc limit 1`
          : sql`select id, position from governance_agenda_items where meeting_id = ${meetingId}
                  and position > ${item.position} order by position limit 1`,
      );
      if (neighbour) {
        await tx.execute(sql`update governance_agenda_items set position = -1 where id = ${itemId}`);
        await tx.execute(
          sql`update governance_agenda_items set position = ${item.position} where id = ${neighbour.id}`,
        );
        await tx.execute(
          sql`update governance_agenda_items set position = ${neighbour.position} where id = ${itemId}`,
        );
        await audit(tx, ctx, meetingId, { itemId, moved: direction });
      }
      return agendaOf({ deps, tx, meetingId });
    },
  });
}
