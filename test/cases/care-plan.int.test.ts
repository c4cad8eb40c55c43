import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TAssessmentList, TCareAssessment, TCarePlan } from '../../src/contracts/care-plan.js';
import type { TCase, TCaseListItem } from '../../src/contracts/cases.js';
import { casesTestKit } from './support.js';

/**
 * Dated assessments, the versioned plan and its reviews (issue 22, items 1-2): what each role may do,
 * that nothing earlier is overwritten, and that an approval survives progress but not a change of substance.
 */
const { ids, call, ok, fields, system, registerFamily, openCaseFor } = casesTestKit();
const LEAD = 'responsabile';

beforeAll(async () => {
  await registerFamily();
  ids.case = (await openCaseFor([ids.mother!, ids.child!])).caseId;
});

const assessment = (extra: object = {}) => ({
  personId: ids.child,
  stage: 'start',
  assessedOn: '2026-03-01',
  childNeeds: 'Dorme poco, paura dei rumori forti.',
  parentResponses: 'La madre è attenta ma esausta.',
  familyEnvironment: 'Isolamento linguistico; nessuna rete in Italia.',
  riskLevel: 'high',
  concerns: ['physical_assault', 'psychological_abuse'],
  childVoice: 'Vorrei che la mamma non piangesse.',
  childAssent: 'given',
  ...extra,
});

const goal = (extra: object = {}) => ({
  personId: ids.child,
  dimension: 'child_needs',
  text: 'Ritrovare un sonno regolare',
  responsibleKind: 'outside_service',
  responsibleService: 'Neuropsichiatria infantile',
  indicator: 'Notti senza risvegli riferite dalla madre',
  dueOn: '2026-09-30',
  ...extra,
});

const planUrl = () => `/api/cases/${ids.case}/plan`;
const planStatus = async () => (await ok<TCase>(LEAD, 'GET', `/api/cases/${ids.case}`)).planStatus;

describe('assessments', () => {
  it('keep every assessment, listed by date, and refuse a person who is not a child of the household', async () => {
    const url = `/api/cases/${ids.case}/assessments`;
    await ok<TCareAssessment>(
      LEAD,
      'POST',
      url,
      assessment({
        stage: 'middle',
        assessedOn: '2026-06-01',
        riskLevel: 'medium',
        concerns: ['psychological_abuse'],
      }),
    );
    const first = await ok<TCareAssessment>(LEAD, 'POST', url, assessment());
    expect(first).toMatchObject({ stage: 'start', riskLevel: 'high', childAssent: 'given' });
    const list = await ok<TAssessmentList>('supervisora', 'GET', url);
    expect(list.items.map((a) => a.assessedOn)).toEqual(['2026-03-01', '2026-06-01']);
    expect(list.canWrite).toBe(false);

    const mother = await call(LEAD, 'POST', url, assessment({ personId: ids.mother }));
    expect(mother.statusCode).toBe(400);
    expect(fields(mother)).toEqual(['personId']);
    const father = await call(LEAD, 'POST', url, assessment({ personId: ids.father }));
    expect(fields(father)).toEqual(['personId']);
    const noReason = await call(LEAD, 'POST', url, assessment({ childAssent: 'not_asked_age' }));
    expect(fields(noReason)).toEqual(['assentReason']);

    // A correction is a new assessment: the corrected one stays as written.
    await ok(LEAD, 'POST', url, assessment({ correctsId: first.id, riskLevel: 'very_high' }));
    const after = await ok<TAssessmentList>(LEAD, 'GET', url);
    expect(after.items).toHaveLength(3);
    expect(after.items.find((a) => a.id === first.id)?.riskLevel).toBe('high');
  });

  it('let the clinical team write, the supervisor read, and nobody else in', async () => {
    const url = `/api/cases/${ids.case}/assessments`;
    expect((await call('supervisora', 'POST', url, assessment())).statusCode).toBe(403);
    expect((await call('operatrice', 'GET', url)).statusCode).toBe(403);
    expect((await call('operatore.romano', 'GET', url)).statusCode).toBe(404);
    expect((await call('operatore.romano', 'POST', url, assessment())).statusCode).toBe(404);
    const [audited] = await system(
      sql`select count(*)::int as n from audit_events where record_id = ${ids.case} and action like 'case_assessment.%'`,
    );
    expect((audited as { n: number }).n).toBeGreaterThanOrEqual(4);
  });
});

describe('the plan, versioned', () => {
  it('return a plan only with a comment; the lead never approves', async () => {
    const draft = await ok<TCarePlan>(LEAD, 'POST', `${planUrl()}/goals`, goal());
    const versionId = draft.draftId!;
    expect(draft.versions[0]).toMatchObject({ number: 1, status: 'draft' });
    expect(await planStatus()).toBe('draft');
    await ok(LEAD, 'POST', `${planUrl()}/versions/${versionId}/submit`);
    expect(await planStatus()).toBe('submitted');
    // A submitted version is not edited.
    expect(
      (
        await call(
          LEAD,
          'PUT',
          `${planUrl()}/goals/${draft.versions[0]!.goals[0]!.id}`,
          goal({ text: 'Altro' }),
        )
      ).statusCode,
    ).toBe(409);

    const bare = await call('supervisora', 'POST', `${planUrl()}/versions/${versionId}/return`, {});
    expect(bare.statusCode).toBe(400);
    expect(fields(bare)).toEqual(['comment']);
    expect((await call(LEAD, 'POST', `${planUrl()}/versions/${versionId}/approve`, {})).statusCode).toBe(403);
    expect(
      (await call('operatrice', 'POST', `${planUrl()}/versions/${versionId}/approve`, {})).statusCode,
    ).toBe(403);

    const returned = await ok<TCarePlan>('supervisora', 'POST', `${planUrl()}/versions/${versionId}/return`, {
      comment: 'Manca un obiettivo sulla rete della madre.',
    });
    expect(returned.versions[0]).toMatchObject({
      status: 'returned',
      decisionComment: 'Manca un obiettivo sulla rete della madre.',
    });
    expect(await planStatus()).toBe('draft');

    const fixed = await ok<TCarePlan>(
      LEAD,
      'POST',
      `${planUrl()}/goals`,
      goal({
        dimension: 'family_environment',
        text: 'Costruire una rete di sostegno',
        responsibleKind: 'family_member',
        responsibleService: null,
        responsiblePersonId: ids.mother,
        indicator: 'Due contatti stabili',
      }),
    );
    expect(fixed.draftId).toBe(versionId);
    await ok(LEAD, 'POST', `${planUrl()}/versions/${versionId}/submit`);
    const approved = await ok<TCarePlan>(
      'supervisora',
      'POST',
      `${planUrl()}/versions/${versionId}/approve`,
      {},
    );
    expect(approved).toMatchObject({ approvedId: versionId, draftId: null });
    expect(await planStatus()).toBe('approved');
    const [frozen] = await system(
      sql`select jsonb_array_length(frozen_goals) as n from case_plan_versions where id = ${versionId}`,
    );
    expect((frozen as { n: number }).n).toBe(2);
  });

  it('keep the approval through progress; a change of substance opens a draft beside the approved version', async () => {
    const plan = await ok<TCarePlan>(LEAD, 'GET', planUrl());
    const approvedId = plan.approvedId!;
    const target = plan.versions.find((v) => v.id === approvedId)!.goals[0]!;

    const progressed = await ok<TCarePlan>(LEAD, 'POST', `${planUrl()}/goals/${target.id}/progress`, {
      status: 'in_progress',
      note: 'Due notti su tre senza risvegli.',
    });
    expect(progressed).toMatchObject({ approvedId, draftId: null });
    expect(progressed.versions.find((v) => v.id === approvedId)!.goals[0]).toMatchObject({
      progress: 'in_progress',
    });
    expect(await planStatus()).toBe('approved');
    const [logged] = await system(
      sql`select count(*)::int as n from case_plan_progress where goal_id = ${target.id}`,
    );
    expect((logged as { n: number }).n).toBe(1);
    // The log is read with the plan, by the supervisor too: who recorded what, when.
    const read = await ok<TCarePlan>('supervisora', 'GET', planUrl());
    expect(read.versions.find((v) => v.id === approvedId)!.goals[0]!.progressLog).toEqual([
      {
        status: 'in_progress',
        note: 'Due notti su tre senza risvegli.',
        recordedBy: expect.any(String),
        recordedAt: expect.any(String),
      },
    ]);

    const changed = await ok<TCarePlan>(
      LEAD,
      'PUT',
      `${planUrl()}/goals/${target.id}`,
      goal({ text: 'Sonno regolare e rientro a scuola' }),
    );
    expect(changed.approvedId).toBe(approvedId);
    const draft = changed.versions.find((v) => v.id === changed.draftId)!;
    expect(draft).toMatchObject({ number: 2, status: 'draft' });
    expect(draft.goals.map((g) => g.text)).toContain('Sonno regolare e rientro a scuola');
    expect(draft.goals.find((g) => g.text.startsWith('Sonno'))?.progress).toBe('in_progress');
    const stillApproved = changed.versions.find((v) => v.id === approvedId)!;
    expect(stillApproved.status).toBe('approved');
    expect(stillApproved.goals.find((g) => g.id === target.id)?.text).toBe('Ritrovare un sonno regolare');
    expect(await planStatus()).toBe('approved');

    // Frozen in the database too, whoever writes.
    await expect(
      system(sql`update case_plan_goals set text = 'riscritto' where id = ${target.id}`),
    ).rejects.toThrow();
    await expect(
      system(sql`update case_plan_versions set decision_comment = 'riscritto' where id = ${approvedId}`),
    ).rejects.toThrow();
    // Progress belongs to the approved version, not to the draft.
    const draftGoal = draft.goals[0]!;
    expect(
      (await call(LEAD, 'POST', `${planUrl()}/goals/${draftGoal.id}/progress`, { status: 'met' })).statusCode,
    ).toBe(409);
  });

  it('record a review of the approved plan and take the next review from it', async () => {
    const overdueCodes = async () =>
      (await ok<{ items: TCaseListItem[] }>(LEAD, 'GET', '/api/cases?overdue=true&pageSize=100')).items.map(
        (c) => c.id,
      );
    const plan = await ok<TCarePlan>(LEAD, 'GET', planUrl());
    // Approved today: the review is due PLAN_REVIEW_DAYS from now, so the case is not overdue.
    expect(await overdueCodes()).not.toContain(ids.case);
    const goals = plan.versions.find((v) => v.id === plan.approvedId)!.goals;
    const bad = await call(LEAD, 'POST', `${planUrl()}/reviews`, {
      heldOn: '2026-07-01',
      participants: [{ kind: 'outside_professional', name: 'Dott.ssa Neri' }],
      outcomes: [{ goalId: plan.draftId, outcome: 'met' }],
      summary: 'Verifica',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(['outcomes.0.goalId', 'participants.0']);
    const reviewed = await ok<TCarePlan>(LEAD, 'POST', `${planUrl()}/reviews`, {
      heldOn: '2026-07-01',
      caseConference: true,
      participants: [
        { kind: 'family', personId: ids.mother },
        {
          kind: 'outside_professional',
          name: 'Dott.ssa Neri',
          role: 'Neuropsichiatra',
          organisation: 'NPI Treviglio',
        },
      ],
      outcomes: [{ goalId: goals[0]!.id, outcome: 'partly', note: 'Migliora' }],
      summary: 'Riunione di rete con la NPI.',
      nextReviewOn: '2026-10-01',
    });
    expect(reviewed.reviews[0]).toMatchObject({ caseConference: true, versionNumber: 1 });
    expect(reviewed.nextReviewOn).toBe('2026-10-01');
    // The case, its list row and the overdue filter follow the review's date, now past.
    expect((await ok<TCase>(LEAD, 'GET', `/api/cases/${ids.case}`)).planReviewDue).toMatch(/^2026-10-01/);
    expect(await overdueCodes()).toContain(ids.case);
    expect((await call('operatrice', 'GET', planUrl())).statusCode).toBe(403);
    expect((await call('operatore.romano', 'GET', planUrl())).statusCode).toBe(404);
    expect(
      (
        await call('supervisora', 'POST', `${planUrl()}/reviews`, {
          heldOn: '2026-07-01',
          participants: [{ kind: 'family', personId: ids.mother }],
          summary: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the demo', () => {
  it('shows a case with two dated assessments, an approved version with progress, a returned draft and a review', async () => {
    const [seeded] = (await system(
      sql`select case_id as id from case_plan_versions where status = 'returned' and number = 2 limit 1`,
    )) as { id: string }[];
    const list = await ok<TAssessmentList>(LEAD, 'GET', `/api/cases/${seeded!.id}/assessments`);
    expect(list.items.map((a) => a.stage)).toEqual(['start', 'middle']);
    const plan = await ok<TCarePlan>('supervisora', 'GET', `/api/cases/${seeded!.id}/plan`);
    expect(plan.versions.map((v) => v.status)).toEqual(['returned', 'approved']);
    expect(plan.versions[0]!.decisionComment).toBeTruthy();
    expect(plan.versions[1]!.goals.some((g) => g.progress === 'in_progress')).toBe(true);
    expect(plan.reviews).toHaveLength(1);
    expect((await ok<TCase>(LEAD, 'GET', `/api/cases/${seeded!.id}`)).planStatus).toBe('approved');
  });
});
