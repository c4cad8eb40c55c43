import type { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { TCourse, TEdition, TEnrolmentResult } from '../../src/contracts/training.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * What every training test file needs: its own app on its own copy of the seeded database, the
 * demo accounts signed in, call helpers and builders (`openCourse`, `openEdition`) so that no test
 * depends on another having run first. The demo trainer is `formatore` (service "Formazione degli
 * operatori" of Risorsa Sociale); `coordinatrice` coordinates Risorsa Sociale, whose members
 * include `operatrice`, `clinica`, `responsabile`, `supervisora`, `mediatrice`.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const USERS = [
  'formatore',
  'coordinatrice',
  'operatrice',
  'clinica',
  'responsabile',
  'supervisora',
  'mediatrice',
  'operatore.romano',
  'operatrice.cav',
  'ricercatrice',
  'redazione',
  'dpo',
  'admin',
];

const hour = 3_600_000;
export const at = (offsetHours: number) => new Date(Date.now() + offsetHours * hour).toISOString();

export function trainingTestKit() {
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
    for (const u of USERS) as[u] = await app.signIn(u);
  });
  afterAll(() => app?.close());

  async function call(who: string, method: Method, url: string, payload?: unknown) {
    return as[who]!.request({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  async function ok<T>(who: string, method: Method, url: string, payload?: unknown) {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as T;
  }
  const fields = (res: { json(): unknown }) =>
    ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const system = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

  /** A course of the demo trainer's service. */
  async function openCourse(overrides: Record<string, unknown> = {}) {
    return ok<TCourse>('formatore', 'POST', '/api/training/courses', {
      title: 'Etnoclinica e violenza di genere',
      strand: 'ethnoclinical',
      targetServiceKinds: ['child_protection'],
      targetProfessions: ['social_worker', 'educator'],
      objectives: 'Riconoscere la violenza assistita.\nLavorare con la mediazione.',
      hours: 8,
      trainers: 'Franco Formatore',
      ...overrides,
    });
  }

  /**
   * An edition with open registration and `sessions` two-hour sessions, the first starting
   * `startsInHours` from now, one a day.
   */
  async function openEdition({
    courseId,
    capacity = 20,
    sessions = 2,
    startsInHours = 48,
    opensInHours = -1,
  }: {
    courseId?: string;
    capacity?: number;
    sessions?: number;
    startsInHours?: number;
    opensInHours?: number;
  } = {}) {
    const course = courseId ?? (await openCourse()).id;
    const list = Array.from({ length: sessions }, (_, i) => ({
      startsAt: at(startsInHours + i * 24),
      endsAt: at(startsInHours + i * 24 + 2),
      place: 'Sala consiliare, Treviglio',
    }));
    return ok<TEdition>('formatore', 'POST', `/api/training/courses/${course}/editions`, {
      capacity,
      registrationOpensAt: at(opensInHours),
      registrationClosesAt: list.at(-1)!.endsAt,
      sessions: list,
    });
  }

  const request = (who: string, editionId: string, profession = 'social_worker') =>
    call(who, 'POST', `/api/training/editions/${editionId}/places`, { profession });
  const requestOk = (who: string, editionId: string, profession = 'social_worker') =>
    ok<TEnrolmentResult>(who, 'POST', `/api/training/editions/${editionId}/places`, { profession });

  /** An external participant enrolled by the trainer; returns the place and the personal link's token. */
  async function enrolExternal(
    editionId: string,
    email = `avv.${Math.random().toString(36).slice(2)}@example.org`,
  ) {
    const result = await ok<TEnrolmentResult>(
      'formatore',
      'POST',
      `/api/training/editions/${editionId}/externals`,
      {
        name: 'Avv. Laura Bianchi',
        organisation: 'Ordine degli avvocati di Bergamo',
        profession: 'lawyer',
        email,
      },
    );
    return { ...result, token: result.personalLink!.split('/partecipa/')[1]! };
  }

  return { t, as, call, ok, fields, system, openCourse, openEdition, request, requestOk, enrolExternal };
}
