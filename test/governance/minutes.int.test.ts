import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TDecision, TMeetingMinutes } from '../../src/contracts/governance-minutes.js';
import { queryRows, type Tx } from '../../src/server/platform/db/client.js';
import { governanceTestKit } from './support.js';

/**
 * Minutes and decisions (issue 21, item 2): the secretary drafts and circulates, the chair
 * approves, an approved version is frozen and corrected by a new version with its reason; members
 * never read a draft; decisions are numbered per committee and year, also under concurrency.
 */
const { t, call, ok, fields, system, userId, makeCommittee, makeMeeting } = governanceTestKit();

const CHAIR = 'coordinatrice';
const SECRETARY = 'animatrice.comunita';
const MEMBER = 'operatrice';
const OUTSIDER = 'ricercatrice';

async function committeeWithMeeting() {
  const committee = await makeCommittee({
    members: { [CHAIR]: 'chair', [SECRETARY]: 'secretary', [MEMBER]: 'member' },
  });
  const meetingId = await makeMeeting(committee.id, -7);
  return { committeeId: committee.id, meetingId };
}

async function agendaItem(meetingId: string, position: number, title: string) {
  const [row] = await system<{ id: string }>(
    sql`insert into governance_agenda_items (meeting_id, position, title) values (${meetingId}, ${position}, ${title}) returning id`,
  );
  return row!.id;
}

/** Drafted, circulated and approved minutes of a meeting with no agenda. */
async function approvedMinutes(meetingId: string) {
  const drafted = await ok<TMeetingMinutes>(
    SECRETARY,
    'POST',
    `/api/governance/meetings/${meetingId}/minutes`,
    {
      items: [{ agendaItemId: null, text: 'Il comitato ha discusso il piano delle attività.' }],
    },
  );
  const id = drafted.pending!.id;
  await ok(SECRETARY, 'POST', `/api/governance/minutes/${id}/circulate`);
  await ok(CHAIR, 'POST', `/api/governance/minutes/${id}/approve`);
  return id;
}

describe('minutes: draft, circulate, approve', () => {
  it('keeps a draft to chair and secretary, shows it to members once circulated, and only the chair approves', async () => {
    const { meetingId } = await committeeWithMeeting();
    const first = await agendaItem(meetingId, 1, 'Avanzamento del piano');
    const second = await agendaItem(meetingId, 2, 'Varie');
    const drafted = await ok<TMeetingMinutes>(
      SECRETARY,
      'POST',
      `/api/governance/meetings/${meetingId}/minutes`,
      {
        items: [
          { agendaItemId: first, text: 'Il piano procede come previsto.' },
          { agendaItemId: second, text: 'Nessuna.' },
        ],
      },
    );
    expect(drafted.agenda.map((a) => a.title)).toEqual(['Avanzamento del piano', 'Varie']);
    const id = drafted.pending!.id;
    expect(drafted.pending).toMatchObject({ version: 1, status: 'draft' });

    const asMember = await ok<TMeetingMinutes>(
      MEMBER,
      'GET',
      `/api/governance/meetings/${meetingId}/minutes`,
    );
    expect(asMember.pending).toBeNull();
    expect(asMember.versions).toEqual([]);
    expect((await call(MEMBER, 'POST', `/api/governance/minutes/${id}/approve`)).statusCode).toBe(404);
    expect((await call(OUTSIDER, 'GET', `/api/governance/meetings/${meetingId}/minutes`)).statusCode).toBe(
      404,
    );

    const edited = await ok<TMeetingMinutes>(SECRETARY, 'PUT', `/api/governance/minutes/${id}`, {
      items: [{ agendaItemId: first, text: 'Il piano procede; due attività in ritardo.' }],
    });
    expect(edited.pending!.items).toEqual([
      { agendaItemId: first, text: 'Il piano procede; due attività in ritardo.' },
    ]);
    // A draft is not approved, not even by the chair: it must be circulated first.
    expect((await call(CHAIR, 'POST', `/api/governance/minutes/${id}/approve`)).statusCode).toBe(409);
    await ok(SECRETARY, 'POST', `/api/governance/minutes/${id}/circulate`);

    const circulated = await ok<TMeetingMinutes>(
      MEMBER,
      'GET',
      `/api/governance/meetings/${meetingId}/minutes`,
    );
    expect(circulated.pending).toMatchObject({ id, status: 'circulated' });
    expect((await call(MEMBER, 'POST', `/api/governance/minutes/${id}/approve`)).statusCode).toBe(403);
    expect((await call(SECRETARY, 'POST', `/api/governance/minutes/${id}/approve`)).statusCode).toBe(403);

    const approved = await ok<TMeetingMinutes>(CHAIR, 'POST', `/api/governance/minutes/${id}/approve`);
    expect(approved.approved).toMatchObject({
      id,
      status: 'approved',
      approvedBy: { id: await userId(CHAIR) },
    });
    // No later meeting has begun: approved between meetings.
    expect(approved.approved!.approvedAtMeeting).toBeNull();
    expect(approved.pending).toBeNull();
  });

  it('records the next meeting as where the chair approved, once it has begun', async () => {
    const { committeeId, meetingId } = await committeeWithMeeting();
    const next = await makeMeeting(committeeId, -1);
    const id = await approvedMinutes(meetingId);
    const [row] = await system<{ approved_at_meeting_id: string | null }>(
      sql`select approved_at_meeting_id from governance_minutes where id = ${id}`,
    );
    expect(row!.approved_at_meeting_id).toBe(next);
  });

  it('refuses an unknown agenda item and a text citing a record id, naming the item', async () => {
    const { meetingId } = await committeeWithMeeting();
    const res = await call(SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/minutes`, {
      items: [
        { agendaItemId: randomUUID(), text: 'Testo.' },
        { agendaItemId: null, text: `Si è parlato del caso ${randomUUID()}.` },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['items.0.agendaItemId', 'items.1.text']);
    expect(await system(sql`select 1 from governance_minutes where meeting_id = ${meetingId}`)).toEqual([]);
  });
});

describe('approved minutes are frozen', () => {
  it('answers 409 to an edit, and the database refuses a change to an approved version', async () => {
    const { meetingId } = await committeeWithMeeting();
    const id = await approvedMinutes(meetingId);
    const res = await call(SECRETARY, 'PUT', `/api/governance/minutes/${id}`, {
      items: [{ agendaItemId: null, text: 'Riscritto.' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/correzione|correction/);

    // As the app role, as the chair: row-level security hides an approved version from any update.
    const chair = await userId(CHAIR);
    const changed = await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'trama_app', true), set_config('trama.user_id', ${chair}, true)`,
      );
      return queryRows<{ id: string }>(
        tx as Tx,
        sql`update governance_minutes set items = '[]'::jsonb where id = ${id} returning id`,
      );
    });
    expect(changed).toEqual([]);
    // Even as the owner, the trigger refuses.
    await expect(
      system(sql`update governance_minutes set items = '[]'::jsonb where id = ${id}`),
    ).rejects.toThrow();
    const [row] = await system<{ items: unknown[] }>(
      sql`select items from governance_minutes where id = ${id}`,
    );
    expect(row!.items).toHaveLength(1);
  });

  it('corrects with a reason as version 2, which goes through circulate and approve again', async () => {
    const { meetingId } = await committeeWithMeeting();
    await approvedMinutes(meetingId);
    const items = [{ agendaItemId: null, text: 'Il comitato ha discusso il piano e il bilancio.' }];
    const noReason = await call(SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/minutes`, {
      items,
    });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toEqual(['reason']);

    const corrected = await ok<TMeetingMinutes>(
      SECRETARY,
      'POST',
      `/api/governance/meetings/${meetingId}/minutes`,
      {
        items,
        reason: 'Omesso il punto sul bilancio',
      },
    );
    expect(corrected.pending).toMatchObject({
      version: 2,
      status: 'draft',
      correctionReason: 'Omesso il punto sul bilancio',
    });
    expect(corrected.approved!.version).toBe(1);
    const again = await call(SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/minutes`, {
      items,
      reason: 'Altro',
    });
    expect(again.statusCode).toBe(409);

    const v2 = corrected.pending!.id;
    await ok(SECRETARY, 'POST', `/api/governance/minutes/${v2}/circulate`);
    const approved = await ok<TMeetingMinutes>(CHAIR, 'POST', `/api/governance/minutes/${v2}/approve`);
    expect(approved.approved).toMatchObject({ version: 2 });
    expect(approved.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'approved'],
      [1, 'approved'],
    ]);
  });

  it('lets one of two concurrent drafts of the same version win; the other gets a 409', async () => {
    const { meetingId } = await committeeWithMeeting();
    await approvedMinutes(meetingId);
    const draft = (n: number) =>
      call(SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/minutes`, {
        items: [{ agendaItemId: null, text: `Correzione ${n}` }],
        reason: `Motivo ${n}`,
      });
    const answers = await Promise.all([draft(1), draft(2)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const rows = await system(
      sql`select 1 from governance_minutes where meeting_id = ${meetingId} and version = 2`,
    );
    expect(rows).toHaveLength(1);
  });
});

describe('decisions', () => {
  it('numbers per committee and year, labels "n/yyyy", and checks the indicator', async () => {
    const { committeeId, meetingId } = await committeeWithMeeting();
    const other = await committeeWithMeeting();
    const record = (who: string, meeting: string, body: object) =>
      call(who, 'POST', `/api/governance/meetings/${meeting}/decisions`, {
        text: 'Si approva il piano.',
        ...body,
      });
    expect((await record(MEMBER, meetingId, {})).statusCode).toBe(403);
    const unknown = await record(CHAIR, meetingId, { indicatorKey: 'nowhere.nothing' });
    expect(fields(unknown)).toEqual(['indicatorKey']);

    const { items: indicators } = await ok<{ items: { key: string; label: { it: string } }[] }>(
      SECRETARY,
      'GET',
      '/api/governance/indicators',
    );
    expect(indicators.length).toBeGreaterThan(3);
    const indicator = indicators[0]!;
    await ok(CHAIR, 'POST', `/api/governance/meetings/${meetingId}/decisions`, {
      text: 'Prima.',
      indicatorKey: indicator.key,
    });
    const { items } = await ok<{ items: TDecision[] }>(
      SECRETARY,
      'POST',
      `/api/governance/meetings/${meetingId}/decisions`,
      {
        text: 'Seconda.',
      },
    );
    const year = items[0]!.year;
    expect(items.map((d) => d.label)).toEqual([`1/${year}`, `2/${year}`]);
    expect(items[0]!.indicator).toEqual({ key: indicator.key, label: indicator.label });
    // Another committee counts from 1; a meeting of another year too.
    const elsewhere = await ok<{ items: TDecision[] }>(
      CHAIR,
      'POST',
      `/api/governance/meetings/${other.meetingId}/decisions`,
      {
        text: 'Altrove.',
      },
    );
    expect(elsewhere.items.map((d) => d.number)).toEqual([1]);
    const lastYear = await makeMeeting(committeeId, -400);
    const old = await ok<{ items: TDecision[] }>(
      CHAIR,
      'POST',
      `/api/governance/meetings/${lastYear}/decisions`,
      {
        text: 'L’anno scorso.',
      },
    );
    expect(old.items[0]).toMatchObject({ number: 1, year: year - 1 });
  });

  it('gives ten concurrent decisions the numbers 1 to 10, each once', async () => {
    const { meetingId } = await committeeWithMeeting();
    await ok(CHAIR, 'GET', `/api/governance/meetings/${meetingId}/decisions`);
    await ok(SECRETARY, 'GET', `/api/governance/meetings/${meetingId}/decisions`);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(i % 2 ? CHAIR : SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/decisions`, {
          text: `Delibera ${i}`,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
    const rows = await system<{ number: number }>(
      sql`select number from governance_decisions where meeting_id = ${meetingId} order by number`,
    );
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
