import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TAction, TActionList, TDecision } from '../../src/contracts/governance-minutes.js';
import { governanceAttentionItems } from '../../src/server/modules/governance/governance-attention.js';
import { ACTION_REMINDERS_JOB_NAME } from '../../src/server/modules/governance/governance-minutes-reminders.js';
import { governanceTestKit } from './support.js';

/**
 * Actions (issue 21, item 2): given by chair or secretary to a member, moved and closed by the
 * owner or the officers, never moved once closed; the owner's list and Home's counts; reminders
 * before the due date and the day after, each mailed once.
 */
const { t, call, ok, fields, system, userId, makeCommittee, makeMeeting } = governanceTestKit();

const CHAIR = 'supervisora';
const SECRETARY = 'animatrice.comunita';
const OWNER = 'mediatrice';
const OUTSIDER = 'ricercatrice';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function committee() {
  const c = await makeCommittee({
    name: `Gruppo ${Math.random().toString(36).slice(2, 8)}`,
    members: { [CHAIR]: 'chair', [SECRETARY]: 'secretary', [OWNER]: 'member' },
  });
  return c.id;
}

const give = async (committeeId: string, dueOffset: number, extra: object = {}) =>
  ok<TAction>(SECRETARY, 'POST', `/api/governance/committees/${committeeId}/actions`, {
    title: `Preparare il calendario ${Math.random().toString(36).slice(2, 6)}`,
    ownerId: await userId(OWNER),
    dueOn: day(dueOffset),
    ...extra,
  });

describe('actions', () => {
  it('gives an action to a member only, from a decision of the same committee only', async () => {
    const committeeId = await committee();
    const other = await committee();
    const meetingId = await makeMeeting(other, -3);
    const { items } = await ok<{ items: TDecision[] }>(
      SECRETARY,
      'POST',
      `/api/governance/meetings/${meetingId}/decisions`,
      {
        text: 'Si approva.',
      },
    );
    const res = await call(SECRETARY, 'POST', `/api/governance/committees/${committeeId}/actions`, {
      title: 'Azione',
      ownerId: await userId(OUTSIDER),
      dueOn: day(5),
      decisionId: items[0]!.id,
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['ownerId', 'decisionId']);
    const asMember = await call(OWNER, 'POST', `/api/governance/committees/${committeeId}/actions`, {
      title: 'Azione',
      ownerId: await userId(OWNER),
      dueOn: day(5),
    });
    expect(asMember.statusCode).toBe(403);

    const fromDecision = await give(other, 5, { decisionId: items[0]!.id });
    expect(fromDecision.decision).toMatchObject({ id: items[0]!.id, label: items[0]!.label, meetingId });
  });

  it('lets the owner move and close it; a closed action does not move; an outsider gets 404', async () => {
    const committeeId = await committee();
    const action = await give(committeeId, 4);
    expect(action).toMatchObject({ status: 'open', overdue: false, canMove: true });
    expect((await call(OUTSIDER, 'GET', `/api/governance/actions/${action.id}`)).statusCode).toBe(404);
    expect(
      (await call(OUTSIDER, 'PATCH', `/api/governance/actions/${action.id}`, { status: 'done' })).statusCode,
    ).toBe(404);
    const moved = await ok<TAction>(OWNER, 'PATCH', `/api/governance/actions/${action.id}`, {
      status: 'in_progress',
    });
    expect(moved.status).toBe('in_progress');
    const closed = await ok<TAction>(OWNER, 'PATCH', `/api/governance/actions/${action.id}`, {
      status: 'done',
      note: 'Calendario inviato ai partner.',
    });
    expect(closed).toMatchObject({
      status: 'done',
      closingNote: 'Calendario inviato ai partner.',
      canMove: false,
    });
    const [row] = await system<{ closed_by: string; closed_at: string | null }>(
      sql`select closed_by, closed_at from governance_actions where id = ${action.id}`,
    );
    expect(row!.closed_by).toBe(await userId(OWNER));
    expect(row!.closed_at).not.toBeNull();
    const again = await call(CHAIR, 'PATCH', `/api/governance/actions/${action.id}`, { status: 'cancelled' });
    expect(again.statusCode).toBe(409);
  });

  it('lists the owner’s open actions soonest first, and the committee’s with the overdue first for the chair', async () => {
    const committeeId = await committee();
    const later = await give(committeeId, 20);
    const overdue = await give(committeeId, -2);
    const done = await give(committeeId, 1);
    await ok(OWNER, 'PATCH', `/api/governance/actions/${done.id}`, { status: 'cancelled' });

    const mine = await ok<TActionList>(OWNER, 'GET', '/api/governance/actions/mine');
    const ours = mine.items.filter((a) => a.committee.id === committeeId);
    expect(ours.map((a) => a.id)).toEqual([overdue.id, later.id]);
    expect(ours[0]).toMatchObject({ overdue: true, committee: { id: committeeId } });
    const dueDates = mine.items.map((a) => a.dueOn);
    expect(dueDates).toEqual([...dueDates].sort());

    const forChair = await ok<TActionList>(CHAIR, 'GET', `/api/governance/committees/${committeeId}/actions`);
    expect(forChair.items.map((a) => a.id)).toEqual([overdue.id, later.id, done.id]);
    expect(forChair.canCreate).toBe(true);
    const forOwner = await ok<TActionList>(OWNER, 'GET', `/api/governance/committees/${committeeId}/actions`);
    expect(forOwner.canCreate).toBe(false);
    expect(
      (await call(OUTSIDER, 'GET', `/api/governance/committees/${committeeId}/actions`)).statusCode,
    ).toBe(404);

    const overdueForChair = await ok<TActionList>(CHAIR, 'GET', '/api/governance/actions/overdue');
    expect(overdueForChair.items.map((a) => a.id)).toContain(overdue.id);
  });

  it('counts Home’s items: open actions for the owner, overdue ones for the chair', async () => {
    const counts = async (username: string) => {
      const session = await t.signIn(username);
      const res = await session.request({ method: 'GET', url: '/api/home' });
      expect(res.statusCode).toBe(200);
      const id = await userId(username);
      const [membership] = await system<{ role: string; service_id: string | null; organisation_id: string }>(
        sql`select role, service_id, organisation_id from memberships where user_id = ${id} limit 1`,
      );
      return t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'trama_app', true), set_config('trama.user_id', ${id}, true),
          set_config('trama.role', ${membership!.role}, true)`);
        const items = await governanceAttentionItems({
          tx: tx as never,
          ctx: { userId: id, permissions: new Set(['governance.read']) } as never,
        });
        return Object.fromEntries(items.map((i) => [i.kind, i.count]));
      });
    };
    const ownerBefore = await counts(OWNER);
    const chairBefore = await counts(CHAIR);
    const committeeId = await committee();
    await give(committeeId, -3);
    await give(committeeId, 6);
    const ownerAfter = await counts(OWNER);
    const chairAfter = await counts(CHAIR);
    expect(ownerAfter.governance_actions_open).toBe(ownerBefore.governance_actions_open! + 2);
    expect(chairAfter.governance_actions_overdue).toBe(chairBefore.governance_actions_overdue! + 1);
    // The secretary chairs nothing: the overdue action is not counted for them.
    expect((await counts(SECRETARY)).governance_actions_overdue ?? 0).toBe(0);
  });
});

describe('reminders', () => {
  it('mails the owner before the due date and the day after, once, and never about a closed action', async () => {
    const committeeId = await committee();
    const soon = await give(committeeId, 3);
    const late = await give(committeeId, -1);
    const closed = await give(committeeId, 3);
    await ok(OWNER, 'PATCH', `/api/governance/actions/${closed.id}`, { status: 'done' });
    const before = t.mails.length;
    for (let run = 0; run < 2; run++) {
      await t.deps.jobs.enqueueNow(ACTION_REMINDERS_JOB_NAME, {});
      await t.runJobs();
    }
    const about = (title: string) => t.mails.slice(before).filter((m) => m.subject.includes(title));
    expect(about(soon.title)).toHaveLength(1);
    expect(about(late.title)).toHaveLength(1);
    expect(about(closed.title)).toHaveLength(0);
    const [owner] = await system<{ email: string }>(sql`select email from users where username = ${OWNER}`);
    expect(about(soon.title)[0]!.to).toBe(owner!.email);
    expect(about(late.title)[0]!.text).toMatch(/scaduta/);
  });
});
