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

describe('record-level matrix on a Tutela Minori case under the court', () => {
  it('answer each role on the case, its orders, reports, placements, network and a residence status', async () => {
    // The demo's Diallo case: opened from a decree, with an order, placements, a network and a residence status.
    const [seeded] = (await system(sql`select c.id, c.household_id,
        (select p.id from people p where p.household_id = c.household_id and p.relationship = 'reference_person') as mother
      from cases c join referrals r on r.id = c.referral_id
      where r.origin = 'court_decree' and exists (select 1 from placements pl where pl.case_id = c.id) limit 1`)) as {
      id: string;
      household_id: string;
      mother: string;
    }[];
    const urls = [
      `/api/cases/${seeded!.id}`,
      `/api/cases/${seeded!.id}/court-orders`,
      `/api/cases/${seeded!.id}/court-reports`,
      `/api/cases/${seeded!.id}/placements`,
      `/api/households/${seeded!.household_id}/network`,
      `/api/people/${seeded!.mother}/residence`,
    ];
    const none = [403, 403, 403, 403, 403, 403];
    const outside = [404, 404, 404, 404, 404, 404];
    const expected: Record<string, number[]> = {
      admin: none,
      dpo: none,
      coordinatrice: [200, 200, 200, 200, 200, 200],
      operatrice: [200, 200, 200, 200, 200, 200],
      'operatore.romano': outside,
      responsabile: outside,
      clinica: outside,
      supervisora: outside,
      mediatrice: none,
      formatore: none,
      redazione: none,
      ricercatrice: none,
    };
    const actual: Record<string, number[]> = {};
    for (const username of Object.keys(expected)) {
      as[username] ??= await t.signIn(username);
      const session = as[username]!;
      actual[username] = [];
      for (const url of urls)
        actual[username]!.push((await session.request({ method: 'GET', url })).statusCode);
    }
    expect(actual).toEqual(expected);
    // The supervising coordinator reads the placements without their protected address.
    const placements = (await as.coordinatrice!.request({ method: 'GET', url: urls[3]! })).json() as {
      address: string | null;
    }[];
    expect(placements.length).toBe(2);
    expect(placements.every((p) => p.address === null)).toBe(true);
  });
});
