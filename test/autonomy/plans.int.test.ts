import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TPlan, TPlanCandidates, TPlanPage, TTutorOptions } from '../../src/contracts/autonomy.js';
import { AUTONOMY_LIMITS } from '../../src/contracts/autonomy.js';
import { autonomyTestKit, FINANCE, TUTOR } from './support.js';

/**
 * Autonomy plans through the HTTP API as each role (issue 20, item 2): the list by next review with
 * its cursor, who reads and who writes, goals and steps within their limits, tutoring meetings
 * with a clinician's note sealed, the exit.
 */
const { ok, call, fields, system, userId, newPlan, newHousehold } = autonomyTestKit();

const listOf = (who: string, query: string) => ok<TPlanPage>(who, 'GET', `/api/autonomy/plans?${query}`);
const deniedOn = (planId: string) =>
  system<{ n: number }>(
    sql`select count(*)::int as n from audit_events
         where action = 'access.denied' and record_type = 'autonomy_plan' and record_id = ${planId}`,
  ).then((rows) => rows[0]!.n);

describe('the plans list', () => {
  it('walks by cursor in the order of the pages by number: soonest review first, none last', async () => {
    const reviews = ['2027-03-01', null, '2027-02-01', '2027-02-01'];
    const opened: string[] = [];
    for (const nextReviewOn of reviews) {
      const { plan } = await newPlan();
      await ok(TUTOR, 'PATCH', `/api/autonomy/plans/${plan.id}`, { nextReviewOn });
      opened.push(plan.id);
    }
    const byNumber: string[] = [];
    const first = await listOf('operatrice', 'pageSize=2');
    for (let page = 1; page <= Math.ceil(first.total / 2); page++)
      byNumber.push(...(await listOf('operatrice', `pageSize=2&page=${page}`)).items.map((i) => i.id));
    const byCursor: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: TPlanPage = await listOf('operatrice', `pageSize=2${cursor ? `&cursor=${cursor}` : ''}`);
      byCursor.push(...res.items.map((i) => i.id));
      cursor = res.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(byCursor).toEqual(byNumber);
    expect(byCursor).toHaveLength(first.total);
    // Ours in their order: the two of 1 February (by start, then id), 1 March, then the one without.
    const ours = byCursor.filter((id) => opened.includes(id));
    expect(ours.slice(0, 2).sort()).toEqual([opened[2], opened[3]].sort());
    expect(ours.slice(2)).toEqual([opened[0], opened[1]]);
    const item = (await listOf('operatrice', 'pageSize=100')).items.find((i) => i.id === opened[0])!;
    expect(item.personName).toBe('Samira Benali');
    expect(item.householdCode).toMatch(/^N-/);
    expect(item.tutorName).toBe('Paolo Tutor');
    // A forged cursor is a 400 naming the field.
    const forged = await call('operatrice', 'GET', '/api/autonomy/plans?cursor=bm90LWEtY3Vyc29y');
    expect(forged.statusCode).toBe(400);
    expect(fields(forged)).toContain('querystring.cursor');
    // The audit keeps the count, never who.
    const [audit] = await system<{ details: { count: number } }>(
      sql`select details from audit_events where action = 'autonomy.plans_listed' order by occurred_at desc limit 1`,
    );
    expect(Object.keys(audit!.details)).toEqual(['count']);
  });

  it('filters the plans the viewer tutors, those due for review and by status', async () => {
    const { plan: tutored } = await newPlan();
    await ok(TUTOR, 'PATCH', `/api/autonomy/plans/${tutored.id}`, { nextReviewOn: '2099-01-01' });
    const { plan: other } = await newPlan({ tutor: 'operatrice' });
    await ok('operatrice', 'PATCH', `/api/autonomy/plans/${other.id}`, { nextReviewOn: '2026-10-02' });
    const mine = await listOf(TUTOR, 'mine=true&pageSize=100');
    expect(mine.items.map((i) => i.id)).toContain(tutored.id);
    expect(mine.items.every((i) => i.tutorName === 'Paolo Tutor')).toBe(true);
    const due = await listOf('operatrice', 'reviewDue=true&pageSize=100');
    expect(due.items.map((i) => i.id)).toContain(other.id);
    expect(due.items.map((i) => i.id)).not.toContain(tutored.id);
    expect(due.items.every((i) => i.reviewDue && i.status === 'active')).toBe(true);
    await ok('operatrice', 'POST', `/api/autonomy/plans/${other.id}/exit`, {
      reason: 'moved',
      exitOn: '2026-10-20',
    });
    const closed = await listOf('operatrice', 'status=closed&pageSize=100');
    expect(closed.items.find((i) => i.id === other.id)?.exitReason).toBe('moved');
    expect(closed.items.every((i) => i.status === 'closed')).toBe(true);
    expect((await listOf('operatrice', 'reviewDue=true&pageSize=100')).items.map((i) => i.id)).not.toContain(
      other.id,
    );
  });

  it('is refused to the finance officer and empty for a practitioner without plans', async () => {
    await newPlan();
    expect((await call(FINANCE, 'GET', '/api/autonomy/plans')).statusCode).toBe(403);
    const none = await listOf('operatore.romano', '');
    expect(none).toMatchObject({ items: [], total: 0, nextCursor: null });
  });
});

describe('who reads and who writes a plan', () => {
  it('the tutor from another service and the household’s team write; a supervising coordinator only reads', async () => {
    const { plan } = await newPlan();
    const asTutor = await ok<TPlan>(TUTOR, 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      nextReviewOn: '2027-02-10',
    });
    expect(asTutor.nextReviewOn).toBe('2027-02-10');
    await ok('operatrice', 'POST', `/api/autonomy/plans/${plan.id}/goals`, {
      area: 'work',
      description: 'Un contratto a tempo determinato',
    });
    const read = await ok<TPlan>('coordinatrice', 'GET', `/api/autonomy/plans/${plan.id}`);
    expect(read.canWrite).toBe(false);
    expect((await listOf('coordinatrice', 'pageSize=100')).items.map((i) => i.id)).toContain(plan.id);
    const before = await deniedOn(plan.id);
    const write = await call('coordinatrice', 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      nextReviewOn: '2027-03-01',
    });
    expect(write.statusCode).toBe(404);
    const goal = read.goals[0]!;
    expect(
      (await call('coordinatrice', 'POST', `/api/autonomy/goals/${goal.id}/steps`, { description: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(await deniedOn(plan.id)).toBe(before + 2);
  });

  it('never reaches someone blocked from the person, nor the finance officer, nor another service', async () => {
    const { plan, adultId } = await newPlan();
    await ok('operatrice', 'POST', `/api/people/${adultId}/exclusions`, {
      userId: await userId(TUTOR),
      reason: 'relative',
    });
    expect((await call(TUTOR, 'GET', `/api/autonomy/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await listOf(TUTOR, 'pageSize=100')).items.map((i) => i.id)).not.toContain(plan.id);
    expect(
      (await call(TUTOR, 'PATCH', `/api/autonomy/plans/${plan.id}`, { nextReviewOn: null })).statusCode,
    ).toBe(404);
    expect((await call(FINANCE, 'GET', `/api/autonomy/plans/${plan.id}`)).statusCode).toBe(403);
    expect((await call('operatore.romano', 'GET', `/api/autonomy/plans/${plan.id}`)).statusCode).toBe(404);
    const goal = await ok<TPlan>('operatrice', 'POST', `/api/autonomy/plans/${plan.id}/goals`, {
      area: 'documents',
      description: 'Rinnovo del permesso di soggiorno',
    });
    const res = await call('operatore.romano', 'PATCH', `/api/autonomy/goals/${goal.goals[0]!.id}`, {
      status: 'met',
    });
    expect(res.statusCode).toBe(404);
    // Once handed to someone else, the plan cannot be given back to the excluded user.
    await ok('operatrice', 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      tutorUserId: await userId('coordinatrice.abitare'),
    });
    const back = await call('operatrice', 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      tutorUserId: await userId(TUTOR),
    });
    expect(back.statusCode).toBe(400);
    expect(fields(back)).toContain('tutorUserId');
  });

  it('changes the tutor only to someone who may tutor; a tutor outside the team cannot hand it over', async () => {
    const { plan } = await newPlan();
    const finance = await call('operatrice', 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      tutorUserId: await userId(FINANCE),
    });
    expect(finance.statusCode).toBe(400);
    expect(fields(finance)).toContain('tutorUserId');
    const away = await call(TUTOR, 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      tutorUserId: await userId('coordinatrice.abitare'),
    });
    expect(fields(away)).toContain('tutorUserId');
    const changed = await ok<TPlan>('operatrice', 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      tutorUserId: await userId('coordinatrice.abitare'),
    });
    expect(changed.tutor.name).not.toBe('Paolo Tutor');
    expect((await call(TUTOR, 'GET', `/api/autonomy/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await ok<TPlan>('coordinatrice.abitare', 'GET', `/api/autonomy/plans/${plan.id}`)).canWrite).toBe(
      true,
    );
  });
});

describe('plan candidates and tutors', () => {
  it('offers the adults of the team’s households with their cases, counted only in the audit', async () => {
    const { household } = await newHousehold();
    const found = await ok<TPlanCandidates>('operatrice', 'GET', '/api/autonomy/plan-candidates?q=Benali');
    const mine = found.items.filter((i) => i.householdCode === household.code);
    expect(mine.map((i) => i.name)).toEqual(['Samira Benali']);
    expect(mine[0]!.hasActivePlan).toBe(false);
    expect(found.items.some((i) => i.name.startsWith('Yasmin'))).toBe(false);
    const elsewhere = await ok<TPlanCandidates>(TUTOR, 'GET', '/api/autonomy/plan-candidates?q=Benali');
    expect(elsewhere.items.some((i) => i.householdCode === household.code)).toBe(false);
    const [audit] = await system<{ details: Record<string, unknown> }>(
      sql`select details from audit_events where action = 'autonomy.candidates_searched' order by occurred_at desc limit 1`,
    );
    expect(Object.keys(audit!.details)).toEqual(['count']);
    expect((await call(FINANCE, 'GET', '/api/autonomy/plan-candidates?q=Benali')).statusCode).toBe(403);
  });

  it('names the tutoring colleagues of the organisation and of the autonomy service, never finance', async () => {
    const tutors = await ok<TTutorOptions>('operatrice', 'GET', '/api/autonomy/tutors');
    const ids = tutors.items.map((i) => i.id);
    expect(ids).toContain(await userId(TUTOR));
    expect(ids).toContain(await userId('operatrice'));
    expect(ids).not.toContain(await userId(FINANCE));
    expect(tutors.items.find((i) => i.id === tutors.items[0]!.id)).toHaveProperty('service');
    expect(Object.keys(tutors.items[0]!).sort()).toEqual(['id', 'name', 'service']);
  });
});

describe('goals and steps', () => {
  it('are added, ticked and removed, within their limits', async () => {
    const { plan } = await newPlan();
    const withGoal = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/goals`, {
      area: 'language',
      description: 'Livello A2 di italiano',
      targetOn: '2027-06-30',
    });
    const goal = withGoal.goals[0]!;
    const withStep = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/goals/${goal.id}/steps`, {
      description: 'Iscrizione al corso',
    });
    const step = withStep.goals[0]!.steps[0]!;
    const ticked = await ok<TPlan>(TUTOR, 'PATCH', `/api/autonomy/steps/${step.id}`, {
      doneOn: '2026-10-05',
    });
    expect(ticked.goals[0]!.steps[0]!.doneOn).toBe('2026-10-05');
    const future = await call(TUTOR, 'PATCH', `/api/autonomy/steps/${step.id}`, { doneOn: '2099-01-01' });
    expect(fields(future)).toContain('doneOn');
    const met = await ok<TPlan>('operatrice', 'PATCH', `/api/autonomy/goals/${goal.id}`, { status: 'met' });
    expect(met.goals[0]!.status).toBe('met');
    // Fill the goal to one step short of its limit, then the last fits and one more does not.
    await system(sql`insert into autonomy_steps (goal_id, plan_id, description)
      select ${goal.id}, ${plan.id}, 'passo ' || n from generate_series(1, ${AUTONOMY_LIMITS.stepsPerGoal - 2}) n`);
    await ok(TUTOR, 'POST', `/api/autonomy/goals/${goal.id}/steps`, { description: 'L’ultimo' });
    const tooMany = await call(TUTOR, 'POST', `/api/autonomy/goals/${goal.id}/steps`, {
      description: 'Uno in più',
    });
    expect(tooMany.statusCode).toBe(409);
    expect(fields(tooMany)).toEqual(['steps']);
    const removed = await ok<TPlan>(TUTOR, 'DELETE', `/api/autonomy/steps/${step.id}`);
    expect(removed.goals[0]!.steps.map((s) => s.id)).not.toContain(step.id);
    expect(removed.goals[0]!.steps).toHaveLength(AUTONOMY_LIMITS.stepsPerGoal - 1);
    await system(sql`insert into autonomy_goals (plan_id, area, description)
      select ${plan.id}, 'work', 'obiettivo ' || n from generate_series(1, ${AUTONOMY_LIMITS.goalsPerPlan - 2}) n`);
    await ok(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/goals`, {
      area: 'income',
      description: 'L’ultimo',
    });
    const tooManyGoals = await call(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/goals`, {
      area: 'income',
      description: 'Uno in più',
    });
    expect(tooManyGoals.statusCode).toBe(409);
    expect(fields(tooManyGoals)).toEqual(['goals']);
  });

  it('holds the limit under concurrent requests: one place left, one goal added', async () => {
    const { plan } = await newPlan();
    await system(sql`insert into autonomy_goals (plan_id, area, description)
      select ${plan.id}, 'work', 'obiettivo ' || n from generate_series(1, ${AUTONOMY_LIMITS.goalsPerPlan - 1}) n`);
    const results = await Promise.all(
      ['operatrice', TUTOR, 'operatrice', TUTOR].map((who, i) =>
        call(who, 'POST', `/api/autonomy/plans/${plan.id}/goals`, {
          area: 'income',
          description: `Gara ${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const [count] = await system<{ n: number }>(
      sql`select count(*)::int as n from autonomy_goals where plan_id = ${plan.id}`,
    );
    expect(count!.n).toBe(AUTONOMY_LIMITS.goalsPerPlan);
  });
});

describe('tutoring meetings', () => {
  it('seal a clinician’s note: its author and the clinicians who read the plan read it, the team does not', async () => {
    const { plan } = await newPlan({ tutor: 'clinica' });
    const secret = 'Racconta incubi ricorrenti dopo il trasferimento';
    const written = await ok<TPlan>('clinica', 'POST', `/api/autonomy/plans/${plan.id}/meetings`, {
      kind: 'tutoring',
      heldOn: '2026-10-03',
      minutes: 60,
      note: secret,
    });
    expect(written.meetings[0]).toMatchObject({ sealed: true, note: secret, noteHidden: false });
    const asTeam = await ok<TPlan>('operatrice', 'GET', `/api/autonomy/plans/${plan.id}`);
    expect(asTeam.meetings[0]).toMatchObject({ sealed: true, note: null, noteHidden: true });
    const [stored] = await system<{ plain: string | null; sealed: string }>(
      sql`select m.note_encrypted as plain, n.note_encrypted as sealed from autonomy_meetings m
            join autonomy_sealed_notes n on n.meeting_id = m.id where m.plan_id = ${plan.id}`,
    );
    expect(stored!.plain).toBeNull();
    expect(stored!.sealed).not.toContain('incubi');
    // Another clinician who reads the plan (its new tutor) reads it too.
    await ok('operatrice', 'PATCH', `/api/autonomy/plans/${plan.id}`, {
      tutorUserId: await userId('responsabile'),
    });
    const asClinician = await ok<TPlan>('responsabile', 'GET', `/api/autonomy/plans/${plan.id}`);
    expect(asClinician.meetings[0]!.note).toBe(secret);
    // The team's own note is readable by the team and encrypted at rest.
    const team = await ok<TPlan>('operatrice', 'POST', `/api/autonomy/plans/${plan.id}/meetings`, {
      kind: 'orientation',
      heldOn: '2026-10-04',
      minutes: 30,
      note: 'Interesse per la ristorazione',
    });
    expect(team.meetings[0]).toMatchObject({ sealed: false, note: 'Interesse per la ristorazione' });
    const [plain] = await system<{ note_encrypted: string }>(
      sql`select note_encrypted from autonomy_meetings where plan_id = ${plan.id} and not sealed`,
    );
    expect(plain!.note_encrypted).not.toContain('ristorazione');
  });

  it('a review meeting sets the next review; another kind cannot', async () => {
    const { plan } = await newPlan();
    const wrong = await call(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/meetings`, {
      kind: 'tutoring',
      heldOn: '2026-10-05',
      minutes: 30,
      nextReviewOn: '2027-04-01',
    });
    expect(fields(wrong)).toContain('nextReviewOn');
    const review = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/meetings`, {
      kind: 'review',
      heldOn: '2026-10-05',
      minutes: 30,
      nextReviewOn: '2027-04-01',
    });
    expect(review.nextReviewOn).toBe('2027-04-01');
    expect(review.meetings[0]).toMatchObject({ sealed: false, note: null, noteHidden: false });
  });
});

describe('the exit', () => {
  it('closes the plan with its reason and date; a closed plan no longer changes', async () => {
    const { plan } = await newPlan();
    const early = await call(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/exit`, {
      reason: 'autonomy_reached',
      exitOn: '2026-09-01',
    });
    expect(fields(early)).toContain('exitOn');
    const future = await call(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/exit`, {
      reason: 'autonomy_reached',
      exitOn: '2099-09-01',
    });
    expect(fields(future)).toContain('exitOn');
    const closed = await ok<TPlan>(TUTOR, 'POST', `/api/autonomy/plans/${plan.id}/exit`, {
      reason: 'autonomy_reached',
      exitOn: '2026-10-10',
      note: 'Contratto a tempo indeterminato e casa in affitto',
    });
    expect(closed.status).toBe('closed');
    expect(closed.exit).toEqual({
      reason: 'autonomy_reached',
      exitOn: '2026-10-10',
      note: 'Contratto a tempo indeterminato e casa in affitto',
    });
    for (const [method, url, body] of [
      ['POST', `/api/autonomy/plans/${plan.id}/goals`, { area: 'work', description: 'x' }],
      ['PATCH', `/api/autonomy/plans/${plan.id}`, { nextReviewOn: null }],
      ['POST', `/api/autonomy/plans/${plan.id}/exit`, { reason: 'moved', exitOn: '2026-10-11' }],
    ] as const) {
      const res = await call(TUTOR, method, url, body);
      expect(res.statusCode).toBe(409);
    }
  });
});
