import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app.js';

// Reference lists for the forms: every signed-in role reads them, nobody signed out does.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('reference data', () => {
  it('lists countries with Italian and English names and EU membership, ordered by the Italian name', async () => {
    const s = await t.signIn('mediatrice');
    const res = await s.request({ method: 'GET', url: '/api/reference/countries' });
    expect(res.statusCode).toBe(200);
    const countries = res.json() as { code: string; nameIt: string; nameEn: string; euMember: boolean }[];
    expect(countries.length).toBeGreaterThan(190);
    expect(countries.find((c) => c.code === 'IT')).toMatchObject({
      nameIt: 'Italia',
      nameEn: 'Italy',
      euMember: true,
    });
    expect(countries.find((c) => c.code === 'MA')?.euMember).toBe(false);
    const names = countries.map((c) => c.nameIt);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('marks the right-to-left languages', async () => {
    const s = await t.signIn('formatore');
    const languages = (await s.request({ method: 'GET', url: '/api/reference/languages' })).json() as {
      code: string;
      rtl: boolean;
    }[];
    expect(languages.find((l) => l.code === 'ar')?.rtl).toBe(true);
    expect(languages.find((l) => l.code === 'ur')?.rtl).toBe(true);
    expect(languages.find((l) => l.code === 'it')?.rtl).toBe(false);
  });

  it('answers 401 to a request without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/reference/countries' })).statusCode).toBe(401);
  });
});
