import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TAction,
  ZActionInputSchema,
  ZActionMoveSchema,
} from '../../../contracts/governance-minutes.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import { requireCommittee, requireCommitteeRole } from './governance.policy.js';
import { decisionLabel } from './governance-decisions.service.js';
import { audit, conflict, namesOf, personOf, TODAY } from './governance-minutes-shared.js';

/**
 * The actions a committee gives (issue 21, item 2): set by its chair or secretary, owned by one
 * of its current members, moved open → in progress → done or cancelled by the owner or the
 * officers. A closed action does not move again. Read by the committee's members and the owner.
 */

const LIST_LIMIT = 200;

interface ActionRow {
  id: string;
  title: string;
  status: TAction['status'];
  owner_id: string;
  due_on: string;
  overdue: boolean;
  committee_id: string;
  committee_name: string;
  decision_id: string | null;
  decision_number: number | null;
  decision_year: number | null;
  decision_meeting_id: string | null;
  closing_note: string | null;
  closed_at: string | null;
  officer: boolean;
}

async function actionsWhere(tx: Tx, ctx: AccessContext, where: SQL, order: SQL): Promise<TAction[]> {
  const rows = await queryRows<ActionRow>(
    tx,
    sql`select a.id, a.title, a.status, a.owner_id, a.due_on::text,
               (a.status in ('open', 'in_progress') and a.due_on < ${TODAY}) as overdue,
               a.committee_id, c.name as committee_name, a.decision_id, d.number as decision_number,
               d.year as decision_year, d.meeting_id as decision_meeting_id, a.closing_note, a.closed_at,
               a.committee_id = any(trama_governance_committees(array['chair', 'secretary'])) as officer
          from governance_actions a
          left join governance_committees c on c.id = a.committee_id
          left join governance_decisions d on d.id = a.decision_id
         where ${where} order by ${order} limit ${LIST_LIMIT}`,
  );
  const names = await namesOf(
    tx,
    rows.map((r) => r.owner_id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    owner: personOf(names, r.owner_id),
    dueOn: r.due_on,
    overdue: r.overdue,
    // An owner who no longer sits on the committee still reads the action, not the committee.
    committee: { id: r.committee_id, name: r.committee_name ?? '' },
    decision:
      r.decision_id && r.decision_number && r.decision_year && r.decision_meeting_id
        ? {
            id: r.decision_id,
            label: decisionLabel(r.decision_number, r.decision_year),
            meetingId: r.decision_meeting_id,
          }
        : null,
    closingNote: r.closing_note,
    closedAt: isoTime(r.closed_at),
    canMove: (r.officer || r.owner_id === ctx.userId) && (r.status === 'open' || r.status === 'in_progress'),
  }));
}

const SOONEST = sql`a.due_on, a.created_at`;

/** The caller's open actions, soonest first. */
export async function myActions({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => ({
      items: await actionsWhere(
        tx,
        ctx,
        sql`a.owner_id = ${ctx.userId} and a.status in ('open', 'in_progress')`,
        SOONEST,
      ),
      canCreate: false,
    }),
  });
}

/** To a chair: the overdue actions of the committees they chair today, the longest overdue first. */
export async function chairedOverdueActions({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const items = await actionsWhere(
        tx,
        ctx,
        sql`a.status in ('open', 'in_progress') and a.due_on < ${TODAY}
            and a.committee_id = any(trama_governance_committees(array['chair']))`,
        SOONEST,
      );
      if (items.length > 0)
        await audit(tx, ctx, 'governance.members_listed', 'governance_committee', items[0]!.committee.id, {
          part: 'overdue_actions',
          count: items.length,
        });
      return { items, canCreate: false };
    },
  });
}

/** A committee's actions: open ones first (the chair sees the overdue first), then the closed. */
export async function committeeActions({
  deps,
  ctx,
  committeeId,
  meetingId,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
  meetingId?: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const committee = await requireCommittee({ tx, committeeId });
      const overdueFirst = committee.role === 'chair' ? sql`(a.due_on < ${TODAY}) desc,` : sql``;
      const items = await actionsWhere(
        tx,
        ctx,
        meetingId
          ? sql`a.committee_id = ${committeeId} and d.meeting_id = ${meetingId}`
          : sql`a.committee_id = ${committeeId}`,
        sql`(a.status in ('open', 'in_progress')) desc, ${overdueFirst} a.due_on, a.created_at`,
      );
      // Owners' names: a list audits its count.
      await audit(tx, ctx, 'governance.members_listed', 'governance_committee', committeeId, {
        part: 'actions',
        count: items.length,
      });
      return { items, canCreate: committee.role === 'chair' || committee.role === 'secretary' };
    },
  });
}

export async function getAction({
  deps,
  ctx,
  actionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  actionId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [action] = await actionsWhere(tx, ctx, sql`a.id = ${actionId}`, SOONEST);
      if (!action) throw new OutOfScope('governance_action', actionId);
      // The owner's name, when the reader is not the owner: an audited read.
      if (action.owner.id !== ctx.userId)
        await audit(tx, ctx, 'governance.members_listed', 'governance_action', actionId, {
          part: 'action',
          count: 1,
        });
      return action;
    },
  });
}

export async function createAction({
  deps,
  ctx,
  committeeId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
  input: z.input<typeof ZActionInputSchema>;
}) {
  const a = ZActionInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const committee = await requireCommittee({ tx, committeeId });
      requireCommitteeRole(committee, ['chair', 'secretary']);
      const [found] = await queryRows<{ owner: boolean; decision: boolean }>(
        tx,
        sql`select exists (select 1 from governance_members m where m.committee_id = ${committeeId}
                             and m.user_id = ${a.ownerId} and m.since <= ${TODAY}
                             and (m.until is null or m.until >= ${TODAY})) as owner,
                   exists (select 1 from governance_decisions d where d.id = ${a.decisionId}
                             and d.committee_id = ${committeeId}) as decision`,
      );
      const errors: FieldError[] = [];
      if (!found?.owner)
        errors.push({
          field: 'ownerId',
          code: 'not-member',
          message: {
            it: 'Chi si occupa dell’azione deve far parte del comitato.',
            en: 'The action’s owner must be a member of the committee.',
          },
        });
      if (a.decisionId && !found?.decision)
        errors.push({
          field: 'decisionId',
          code: 'unknown',
          message: { it: 'Delibera non di questo comitato.', en: 'Not a decision of this committee.' },
        });
      if (errors.length > 0) throw problems.fields(errors);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_actions (committee_id, decision_id, title, owner_id, due_on, created_by)
            values (${committeeId}, ${a.decisionId}, ${a.title}, ${a.ownerId}, ${a.dueOn}::date, ${ctx.userId})
            returning id`,
      );
      await audit(tx, ctx, 'governance.action_saved', 'governance_action', row!.id, { committeeId });
      const [action] = await actionsWhere(tx, ctx, sql`a.id = ${row!.id}`, SOONEST);
      return action!;
    },
  });
}

const FROM_STATUSES = {
  in_progress: sql`('open')`,
  done: sql`('open', 'in_progress')`,
  cancelled: sql`('open', 'in_progress')`,
};

/** The owner or the committee's officers move it on; closing sets who and when; closed stays closed. */
export async function moveAction({
  deps,
  ctx,
  actionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  actionId: string;
  input: z.input<typeof ZActionMoveSchema>;
}) {
  const m = ZActionMoveSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [current] = await actionsWhere(tx, ctx, sql`a.id = ${actionId}`, SOONEST);
      if (!current) throw new OutOfScope('governance_action', actionId);
      const closed = current.status === 'done' || current.status === 'cancelled';
      if (!current.canMove && !closed)
        throw new HttpProblem(
          403,
          'not-action-owner',
          { it: 'Non consentito', en: 'Not allowed' },
          {
            it: 'Un’azione la aggiorna chi se ne occupa, o la presidenza o la segreteria del comitato.',
            en: 'An action is updated by its owner, or by the committee’s chair or secretary.',
          },
        );
      const closing = m.status !== 'in_progress';
      const updated = await queryRows<{ id: string }>(
        tx,
        sql`update governance_actions
               set status = ${m.status}, updated_at = now(),
                   closing_note = ${closing ? m.note : null},
                   closed_at = ${closing ? sql`now()` : sql`null`},
                   closed_by = ${closing ? ctx.userId : null}
             where id = ${actionId} and status in ${FROM_STATUSES[m.status]} returning id`,
      );
      if (updated.length === 0)
        throw conflict(
          closed ? 'action-closed' : 'action-status',
          closed
            ? {
                it: 'L’azione è chiusa e non cambia più stato.',
                en: 'The action is closed and does not move again.',
              }
            : { it: 'L’azione è già in corso.', en: 'The action is already in progress.' },
        );
      await audit(
        tx,
        ctx,
        closing ? 'governance.action_closed' : 'governance.action_saved',
        'governance_action',
        actionId,
        { status: m.status },
      );
      const [action] = await actionsWhere(tx, ctx, sql`a.id = ${actionId}`, SOONEST);
      return action!;
    },
  });
}
