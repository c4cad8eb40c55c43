import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TCompetenceResult, TQuestionnaire, TSurveyResult } from '../../src/contracts/questionnaires.js';
import { flushResponses } from '../../src/server/modules/training/training-responses.js';
import { trainingTestKit } from './support.js';

/**
 * Competence questionnaires and the services survey: answers paired by the participant's own code,
 * counted once per phase, never readable one by one, and results only with five pairs behind them.
 */
const k = trainingTestKit();
const { call, ok, fields, system, openCourse, openEdition, requestOk, enrolExternal } = k;

const ITEMS = [
  {
    domain: 'ethnoclinical',
    kind: 'likert',
    text: { it: 'So leggere il sintomo nel suo contesto culturale' },
  },
  {
    domain: 'legislative',
    kind: 'knowledge',
    text: { it: 'Quale legge istituisce il sistema statistico sulla violenza di genere?' },
    options: [{ it: 'Legge 69/2019' }, { it: 'Legge 53/2022' }, { it: 'Legge 154/2001' }],
    correct: 1,
  },
  { domain: 'intercultural', kind: 'likert', text: { it: 'Lavoro bene con una mediatrice' } },
];
const PEOPLE = ['operatrice', 'clinica', 'responsabile', 'supervisora', 'mediatrice', 'operatore.romano'];

async function editionWithQuestionnaire() {
  const course = await openCourse();
  const questionnaire = await ok<TQuestionnaire>('formatore', 'POST', '/api/training/questionnaires', {
    title: 'Competenze prima e dopo',
    purpose: 'competence',
    courseId: course.id,
    items: ITEMS,
  });
  const edition = await openEdition({ courseId: course.id, capacity: 10 });
  return { course, questionnaire, edition };
}

const answer = (who: string, editionId: string, phase: string, code: string, answers: number[]) =>
  call(who, 'POST', `/api/training/editions/${editionId}/responses`, { phase, code, answers });

describe('competence questionnaires', () => {
  it('never sends the right answers to people answering', async () => {
    const { edition } = await editionWithQuestionnaire();
    const seen = await ok<TQuestionnaire>(
      'operatrice',
      'GET',
      `/api/training/editions/${edition.id}/questionnaire`,
    );
    expect(seen.items).toHaveLength(3);
    expect(JSON.stringify(seen)).not.toContain('correct');
  });

  /** Answering closes ANSWERING_DAYS_AFTER_END days after the last session: the edition is moved back in time. */
  const closeAnswering = (editionId: string) =>
    system(
      sql`update gathering_sessions set starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days'
           where gathering_id = (select gathering_id from training_editions where id = ${editionId})`,
    );
  const competence = (who: string, editionId: string) =>
    ok<TCompetenceResult>(who, 'GET', `/api/training/editions/${editionId}/competence`);

  it('gives nothing from fewer than five pairs, even once closed', async () => {
    const { edition } = await editionWithQuestionnaire();
    for (const [i, who] of PEOPLE.slice(0, 4).entries()) {
      await requestOk(who, edition.id);
      expect((await answer(who, edition.id, 'pre', `codice ${i} mamma`, [2, 0, 3])).statusCode).toBe(201);
      expect((await answer(who, edition.id, 'post', `codice ${i} mamma`, [4, 1, 3])).statusCode).toBe(201);
    }
    await closeAnswering(edition.id);
    const four = await competence('formatore', edition.id);
    expect(four).toMatchObject({ closed: true, pairs: null });
    expect(four.domains.every((d) => d.gain === null && d.pre === null && d.post === null)).toBe(true);
  });

  it('gives the paired gain per domain once answering has closed, counting a second submission once', async () => {
    const { edition } = await editionWithQuestionnaire();
    for (const who of PEOPLE) await requestOk(who, edition.id);
    // Before: agreement 2, wrong answer, agreement 3. After: agreement 4, right answer, agreement 3.
    for (const [i, who] of PEOPLE.slice(0, 5).entries()) {
      expect((await answer(who, edition.id, 'pre', `CODICE ${i} mamma`, [2, 0, 3])).statusCode).toBe(201);
      expect((await answer(who, edition.id, 'post', `codice ${i} mamma`, [4, 1, 3])).statusCode).toBe(201);
    }
    const again = await answer('mediatrice', edition.id, 'pre', 'altro codice', [5, 1, 5]);
    expect(again.statusCode).toBe(409);
    // While answering is open there is no result to read (none to tell a late answer from).
    const open = await competence('coordinatrice', edition.id);
    expect(open).toMatchObject({ closed: false, pairs: null });
    expect(open.domains.every((d) => d.gain === null)).toBe(true);
    await closeAnswering(edition.id);
    const result = await competence('coordinatrice', edition.id);
    expect(result).toMatchObject({ closed: true, pairs: 5 });
    expect(result.domains).toEqual([
      { domain: 'ethnoclinical', pre: 25, post: 75, gain: 50 },
      { domain: 'legislative', pre: 0, post: 100, gain: 100 },
      { domain: 'intercultural', pre: 50, post: 50, gain: 0 },
    ]);
    const [stored] = await system<{ n: number }>(
      sql`select count(*)::int as n from training_responses where scope_id = ${edition.id}`,
    );
    expect(stored!.n).toBe(10);
    // No code is stored as written; closed, the questionnaire takes no more answers.
    const hashes = await system<{ respondent_hash: string }>(
      sql`select respondent_hash from training_responses where scope_id = ${edition.id}`,
    );
    expect(hashes.some((h) => h.respondent_hash.toLowerCase().includes('mamma'))).toBe(false);
    const late = await answer('operatore.romano', edition.id, 'pre', 'codice tardivo', [2, 0, 3]);
    expect(late.statusCode).toBe(409);
    expect(await competence('formatore', edition.id)).toEqual(result);
  });

  it('files answers in batches of five, in one transaction each, apart from the marks of who answered', async () => {
    const { edition } = await editionWithQuestionnaire();
    for (const who of PEOPLE) await requestOk(who, edition.id);
    for (const [i, who] of PEOPLE.slice(0, 4).entries())
      await answer(who, edition.id, 'pre', `codice ${i} nonno`, [3, 1, 3]);
    await flushResponses({ db: k.t.database.db, keyring: k.t.deps.keyring });
    const count = async () =>
      (
        await system<{ n: number; xids: number }>(
          sql`select count(*)::int as n, count(distinct xmin::text)::int as xids from training_responses
               where scope_id = ${edition.id}`,
        )
      )[0]!;
    expect((await count()).n).toBe(0);
    await answer(PEOPLE[4]!, edition.id, 'pre', 'codice 4 nonno', [3, 1, 3]);
    await flushResponses({ db: k.t.database.db, keyring: k.t.deps.keyring });
    expect(await count()).toEqual({ n: 5, xids: 1 });
    const [marks] = await system<{ shared: number }>(
      sql`select count(*)::int as shared from training_response_marks m join training_responses r
            on r.xmin::text = m.xmin::text where m.scope_id = ${edition.id}`,
    );
    expect(marks!.shared).toBe(0);
    const [left] = await system<{ n: number }>(
      sql`select count(*)::int as n from training_response_queue where scope_id = ${edition.id}`,
    );
    expect(left!.n).toBe(0);
  });

  it('counts a submission sent twice at once only once (real concurrency on PostgreSQL)', async () => {
    const { edition } = await editionWithQuestionnaire();
    await requestOk('operatrice', edition.id);
    const both = await Promise.all(
      [1, 2, 3].map(() => answer('operatrice', edition.id, 'pre', 'codice doppio invio', [2, 0, 3])),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const [queued] = await system<{ n: number }>(
      sql`select count(*)::int as n from training_response_queue where scope_id = ${edition.id}`,
    );
    expect(queued!.n).toBe(1);
  });

  it('takes answers only from confirmed participants, and names answers that do not fit', async () => {
    const { edition } = await editionWithQuestionnaire();
    expect((await answer('operatrice', edition.id, 'pre', 'codice segreto', [2, 0, 3])).statusCode).toBe(403);
    await requestOk('operatrice', edition.id);
    const bad = await answer('operatrice', edition.id, 'pre', 'codice segreto', [9, 7, 3]);
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['answers.0']));
    const wrongCount = await answer('operatrice', edition.id, 'pre', 'codice segreto', [2, 0]);
    expect(fields(wrongCount)).toEqual(['answers']);
  });

  it('lets an external participant answer through their personal link', async () => {
    const { edition } = await editionWithQuestionnaire();
    const { token } = await enrolExternal(edition.id);
    const items = await k.t.app.inject({
      method: 'GET',
      url: `/api/training/personal/${token}/questionnaire`,
    });
    expect(items.statusCode).toBe(200);
    expect(items.json().items).toHaveLength(3);
    expect(items.body).not.toContain('correct');
    const res = await k.t.app.inject({
      method: 'POST',
      url: `/api/training/personal/${token}/responses`,
      payload: { phase: 'pre', code: 'avvocata 12 rosa', answers: [3, 1, 4] },
    });
    expect(res.statusCode).toBe(201);
    const forged = await k.t.app.inject({
      method: 'POST',
      url: `/api/training/personal/${'x'.repeat(32)}/responses`,
      payload: { phase: 'pre', code: 'avvocata 12 rosa', answers: [3, 1, 4] },
    });
    expect(forged.statusCode).toBe(404);
  });

  it('shows results to the edition’s trainers and to coordinators, not to participants', async () => {
    const { edition } = await editionWithQuestionnaire();
    expect(
      (await call('operatrice', 'GET', `/api/training/editions/${edition.id}/competence`)).statusCode,
    ).toBe(404);
    expect(
      (await call('coordinatrice', 'GET', `/api/training/editions/${edition.id}/competence`)).statusCode,
    ).toBe(200);
  });

  it('keeps answers and who answered out of the request role’s reach', async () => {
    for (const table of ['training_responses', 'training_response_marks']) {
      const denied = await k.t.database.db
        .transaction(async (tx) => {
          await tx.execute(sql`set local role trama_app`);
          await tx.execute(sql.raw(`select * from ${table} limit 1`));
        })
        .then(
          () => 'allowed',
          (error: Error) => String((error as { cause?: Error }).cause?.message ?? error.message),
        );
      expect(denied).toMatch(/permission denied/);
    }
  });
});

describe('the services survey (WP2)', () => {
  it('is answered once per phase by each member and reported in aggregate from five people', async () => {
    const survey = await ok<TQuestionnaire>('formatore', 'POST', '/api/training/questionnaires', {
      title: 'Punti di vista dei servizi territoriali',
      purpose: 'services_viewpoint',
      courseId: null,
      items: [ITEMS[0], ITEMS[2]],
    });
    const url = `/api/training/questionnaires/${survey.id}/responses`;
    for (const [i, who] of PEOPLE.slice(0, 4).entries())
      await ok(who, 'POST', url, { phase: 'pre', code: `servizio ${i} nonna`, answers: [1, 3] });
    const few = await ok<TSurveyResult>(
      'coordinatrice',
      'GET',
      `/api/training/questionnaires/${survey.id}/results`,
    );
    expect(few.respondents).toEqual({ pre: null, post: null });
    expect(
      (await call('operatrice', 'POST', url, { phase: 'pre', code: 'altro codice', answers: [5, 5] }))
        .statusCode,
    ).toBe(409);
    await ok('mediatrice', 'POST', url, { phase: 'pre', code: 'servizio 4 nonna', answers: [1, 3] });
    for (const [i, who] of [...PEOPLE.slice(0, 4), 'mediatrice'].entries())
      await ok(who, 'POST', url, { phase: 'post', code: `servizio ${i} nonna`, answers: [3, 3] });
    const open = await ok<TSurveyResult>(
      'formatore',
      'GET',
      `/api/training/questionnaires/${survey.id}/results`,
    );
    expect(open).toMatchObject({ closed: false, respondents: { pre: null, post: null } });
    expect(
      (await call('coordinatrice', 'POST', `/api/training/questionnaires/${survey.id}/close`)).statusCode,
    ).toBe(403);
    await ok('formatore', 'POST', `/api/training/questionnaires/${survey.id}/close`);
    const result = await ok<TSurveyResult>(
      'formatore',
      'GET',
      `/api/training/questionnaires/${survey.id}/results`,
    );
    expect(result).toMatchObject({ closed: true });
    expect(result.respondents).toEqual({ pre: 5, post: 5 });
    expect(
      (await call('operatore.romano', 'POST', url, { phase: 'pre', code: 'codice tardivo', answers: [1, 3] }))
        .statusCode,
    ).toBe(409);
    expect(result.domains.find((d) => d.domain === 'ethnoclinical')).toEqual({
      domain: 'ethnoclinical',
      pre: 0,
      post: 50,
      gain: 50,
    });
    expect(
      (await call('operatrice', 'GET', `/api/training/questionnaires/${survey.id}/results`)).statusCode,
    ).toBe(403);
  });

  it('refuses a questionnaire that mixes up its purpose and course, naming the field', async () => {
    const res = await call('formatore', 'POST', '/api/training/questionnaires', {
      title: 'X',
      purpose: 'competence',
      courseId: null,
      items: [ITEMS[0]],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['courseId']);
  });
});
