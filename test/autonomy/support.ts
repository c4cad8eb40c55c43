import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { TPlan } from '../../src/contracts/autonomy.js';
import type { THousehold } from '../../src/contracts/households.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * What every autonomy test file needs: its own app on its own copy of the seeded database, the
 * demo accounts signed in on first use, and builders. `operatrice` (a practitioner of the demo's
 * first service) registers households and opens plans; `tutor.autonomia` (practitioner of the
 * demo "Autonomia e abitare" service) tutors them; `coordinatrice.abitare` is its housing
 * coordinator; `ragioneria` its finance officer.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const TUTOR = 'tutor.autonomia';
export const HOUSING = 'coordinatrice.abitare';
export const FINANCE = 'ragioneria';
export const TREVIGLIO = '016219';

const adult = {
  givenName: 'Samira',
  familyName: 'Benali',
  relationship: 'reference_person',
  caseRole: 'victim',
  birthYear: 1988,
  gender: 'female',
  citizenship: 'MA',
  languages: ['ar', 'fr'],
  preferredLanguage: 'ar',
  interpreterNeeded: false,
  municipality: TREVIGLIO,
};
const child = { ...adult, givenName: 'Yasmin', relationship: 'child', caseRole: 'child', birthYear: 2017 };

export function autonomyTestKit() {
  let app: TestApp | undefined;
  const as: Record<string, Session> = {};
  const t = new Proxy({} as TestApp, {
    get: (_target, key) => {
      if (!app) throw new Error('the test app is created in beforeAll');
      return app[key as keyof TestApp];
    },
  });
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.close());

  async function call(who: string, method: Method, url: string, payload?: unknown) {
    as[who] ??= await t.signIn(who);
    return as[who].request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  async function ok<T>(who: string, method: Method, url: string, payload?: unknown) {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as T;
  }
  const fields = (res: { json(): unknown }) =>
    ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const system = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
  const userId = (username: string) => t.userId(username);

  /** Marks `username`'s sessions as having confirmed their second factor just now. */
  const stepUp = (username: string) =>
    system(
      sql`update sessions set step_up_at = now() where user_id = (select id from users where username = ${username})`,
    );

  /** operatrice registers a mother and a child; returns the household and the mother's id. */
  async function newHousehold() {
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: TREVIGLIO,
      members: [adult, child],
      acknowledgeDuplicates: true,
    });
    return { household: h, adultId: h.members[0]!.id, childId: h.members[1]!.id };
  }

  /** A fresh household and an active plan for its adult, opened by operatrice, tutored by `tutor`. */
  async function newPlan({ tutor = TUTOR }: { tutor?: string } = {}) {
    const { household, adultId } = await newHousehold();
    const plan = await ok<TPlan>('operatrice', 'POST', '/api/autonomy/plans', {
      personId: adultId,
      origin: 'direct',
      tutorUserId: await userId(tutor),
      startedOn: '2026-10-01',
      nextReviewOn: '2027-01-15',
    });
    return { plan, household, adultId };
  }

  return { t, call, ok, fields, system, userId, stepUp, newHousehold, newPlan };
}
