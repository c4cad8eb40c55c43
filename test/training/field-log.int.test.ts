import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TFieldLogEntry } from '../../src/contracts/training.js';
import { trainingTestKit } from './support.js';

/** The field log of experiential training: who writes, who reads, and when a case may be named. */
const k = trainingTestKit();
const { call, ok, fields, system, openCourse, openEdition, requestOk } = k;

const entry = (caseId: string | null = null) => ({
  entryOn: '2026-11-20',
  hours: 3,
  activity: 'Visita domiciliare con la mediatrice',
  reflections: 'La famiglia ha chiesto di parlare prima con la nonna.',
  caseId,
});

async function experientialEdition() {
  const course = await openCourse({ strand: 'experiential', title: 'Laboratorio esperienziale' });
  const edition = await openEdition({ courseId: course.id });
  return edition;
}

describe('the field log', () => {
  it('is written by a confirmed trainee, read by them and by the trainer, who answers', async () => {
    const edition = await experientialEdition();
    const url = `/api/training/editions/${edition.id}/field-log`;
    expect((await call('operatrice', 'POST', url, entry())).statusCode).toBe(403);
    await requestOk('operatrice', edition.id);
    const written = await ok<TFieldLogEntry>('operatrice', 'POST', url, entry());
    expect(written).toMatchObject({ mine: true, linkedToCase: false, caseCode: null, hours: 3 });
    const trainer = await ok<{ entries: TFieldLogEntry[]; totalHours: number }>('formatore', 'GET', url);
    expect(trainer.entries.map((e) => e.traineeName)).toEqual(['Paola Operatrice']);
    expect(trainer.totalHours).toBe(3);
    const answered = await ok<TFieldLogEntry>(
      'formatore',
      'PUT',
      `/api/training/field-log/${written.id}/feedback`,
      {
        feedback: 'Bene: chiedi alla mediatrice del ruolo della nonna.',
      },
    );
    expect(answered.feedback).toMatch(/nonna/);
    // Another participant, a coordinator and an outsider read nothing of it.
    await requestOk('clinica', edition.id, 'psychologist');
    for (const who of ['clinica', 'coordinatrice', 'operatore.romano'])
      expect((await ok<{ entries: unknown[] }>(who, 'GET', url)).entries).toEqual([]);
    expect(
      (await call('operatrice', 'PUT', `/api/training/field-log/${written.id}/feedback`, { feedback: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('names a case only for a member of its team, and shows the trainer only that one is linked', async () => {
    const edition = await experientialEdition();
    await requestOk('operatrice', edition.id);
    const operatrice = await k.t.userId('operatrice');
    const [own] = await system<{ case_id: string; code: string }>(
      sql`select t.case_id, c.code from case_team t join cases c on c.id = t.case_id
           where t.user_id = ${operatrice} and t.team_role in ('lead', 'member') limit 1`,
    );
    // A case of the same household she is not on the team of: taken off it for the test.
    const [other] = await system<{ id: string }>(
      sql`select case_id as id from case_team where user_id = ${operatrice} and case_id <> ${own!.case_id} limit 1`,
    );
    if (other)
      await system(sql`delete from case_team where case_id = ${other.id} and user_id = ${operatrice}`);
    const notHers = other?.id ?? '00000000-0000-4000-8000-000000000000';
    const url = `/api/training/editions/${edition.id}/field-log`;
    const refused = await call('operatrice', 'POST', url, entry(notHers));
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['caseId']);
    const linked = await ok<TFieldLogEntry>('operatrice', 'POST', url, entry(own!.case_id));
    expect(linked).toMatchObject({ linkedToCase: true, caseCode: own!.code });
    const trainer = await ok<{ entries: TFieldLogEntry[] }>('formatore', 'GET', url);
    expect(trainer.entries[0]).toMatchObject({ linkedToCase: true, caseCode: null });
    expect(JSON.stringify(trainer)).not.toContain(own!.case_id);
  });

  it('belongs to experiential training only', async () => {
    const edition = await openEdition();
    await requestOk('operatrice', edition.id);
    const res = await call('operatrice', 'POST', `/api/training/editions/${edition.id}/field-log`, entry());
    expect(res.statusCode).toBe(409);
  });
});
