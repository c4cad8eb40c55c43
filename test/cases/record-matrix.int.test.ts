import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { casesTestKit } from './support.js';

/** Each role on a seeded case, as its place in the case says. */
const { t, as, system } = casesTestKit();

describe('record-level matrix on a seeded case', () => {
  it('answer each role as its place in the case says', async () => {
    const [seeded] = (await system(sql`select c.id, s.id as session_id from cases c
      join case_sessions s on s.case_id = c.id where c.status = 'open' and c.plan_status = 'submitted' limit 1`)) as {
      id: string;
      session_id: string;
    }[];
    const expected: Record<string, [number, string | null, number]> = {
      admin: [403, null, 404],
      dpo: [403, null, 404],
      coordinatrice: [404, null, 404],
      operatrice: [200, 'referrer', 404],
      'operatore.romano': [404, null, 404],
      responsabile: [200, 'clinical', 200],
      clinica: [200, 'clinical', 200],
      supervisora: [200, 'supervisor', 200],
      mediatrice: [403, null, 200],
      formatore: [403, null, 404],
      redazione: [403, null, 404],
      ricercatrice: [403, null, 404],
    };
    const actual: Record<string, [number, string | null, number]> = {};
    for (const username of Object.keys(expected)) {
      as[username] ??= await t.signIn(username);
      const session = as[username]!;
      const res = await session.request({ method: 'GET', url: `/api/cases/${seeded!.id}` });
      const notes = await session.request({ method: 'GET', url: `/api/sessions/${seeded!.session_id}` });
      actual[username] = [
        res.statusCode,
        res.statusCode === 200 ? res.json().access : null,
        notes.statusCode,
      ];
    }
    expect(actual).toEqual(expected);
  });
});
