import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { TMediator, TMediatorInput, TRequest, TRequestInput } from '../../src/contracts/mediation.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * What every mediation test file needs: its own app on its own copy of the seeded database, the
 * demo accounts signed in, and builders. `referente.mediazione` coordinates the demo mediation
 * service; `operatrice` and `clinica` ask. `newMediator` adds a mediator account (a user with the
 * mediator role) and registers it, speaking a language of the test's own (`tw`, `yo`, `ig` …) so
 * the demo mediators never compete, available every day from 08:00 to 20:00.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const USERS = [
  'referente.mediazione',
  'operatrice',
  'clinica',
  'coordinatrice',
  'mediatrice',
  'responsabile',
  'dpo',
];
export const COORD = 'referente.mediazione';
export const TREVIGLIO = '016219';
export const ROMANO = '016183';

/** The next weekday (Monday–Friday) `days` ahead or later, at `hour`:`minute` Italian time, as an ISO instant. */
export function weekdayAt(days: number, hour: number, minute = 0) {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  const date = d.toISOString().slice(0, 10);
  // Europe/Rome is UTC+1 or UTC+2: find the instant whose Italian wall time is hour:minute.
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(
      `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${offset}`,
    );
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Rome',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(at);
    if (Number(wall) === hour) return at.toISOString();
  }
  throw new Error('no such wall time');
}

export function mediationTestKit() {
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
    as[who] ??= await t.signIn(who);
    const session = as[who];
    return session.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  async function ok<T>(who: string, method: Method, url: string, payload?: unknown) {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as T;
  }
  const fields = (res: { json(): unknown }) =>
    ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const system = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

  async function organisationId(name = 'Cooperativa sociale Il Cerchio') {
    const [row] = await system<{ id: string }>(sql`select id from organisations where name = ${name}`);
    return row!.id;
  }

  /** A new mediator account, registered; returns its username and registry record. */
  async function newMediator(overrides: Partial<TMediatorInput> & { username?: string } = {}) {
    const username = overrides.username ?? `med.${randomUUID().slice(0, 8)}`;
    const [service] = await system<{ id: string }>(
      sql`select id from services where kind = 'mediation_service' limit 1`,
    );
    const [user] = await system<{ id: string }>(
      sql`insert into users (username, display_name) values (${username}, ${`Mediatore ${username}`}) returning id`,
    );
    await system(
      sql`insert into memberships (user_id, role, service_id) values (${user!.id}, 'mediator', ${service!.id})`,
    );
    const { username: _u, ...input } = overrides;
    const mediator = await ok<TMediator>(COORD, 'POST', '/api/mediation/mediators', {
      userId: user!.id,
      organisationId: await organisationId(),
      gender: 'female',
      modes: ['in_person', 'phone', 'video'],
      languages: [{ language: 'tw', level: 'native', written: false }],
      baseMunicipality: TREVIGLIO,
      availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '08:00', to: '20:00' })),
      ...input,
    });
    return { username, mediator };
  }

  /** A request by `who` (default `operatrice`), in Twi, in person in Treviglio, two days ahead at 10:00. */
  async function newRequest(overrides: Partial<TRequestInput> = {}, who = 'operatrice') {
    return ok<TRequest>(who, 'POST', '/api/mediation/requests', {
      language: 'tw',
      startsAt: weekdayAt(2, 10),
      durationMinutes: 60,
      mode: 'in_person',
      municipality: TREVIGLIO,
      place: 'Via Roma 1, Treviglio — sala colloqui',
      purpose: 'interview',
      requesterContact: '0363 000000',
      ...overrides,
    });
  }

  /**
   * Stands in for the passing of time: the request (and its assignments) started `days` ago. The shift is
   * measured from now, not from the planned start, which weekdayAt may have pushed past a weekend.
   */
  async function moveIntoPast(requestId: string, days: number) {
    const shift = sql`((select starts_at from mediation_requests where id = ${requestId})
                       - (now() - ${`${days} days`}::interval))`;
    await system(
      sql`update mediation_assignments set starts_at = starts_at - ${shift}, ends_at = ends_at - ${shift}
           where request_id = ${requestId}`,
    );
    await system(
      sql`update mediation_requests set starts_at = starts_at - ${shift}, ends_at = ends_at - ${shift}
           where id = ${requestId}`,
    );
  }

  const matchesOf = async (requestId: string, who = COORD) =>
    (
      await ok<{ items: { mediatorId: string; score: number; reasons: { code: string }[] }[] }>(
        who,
        'GET',
        `/api/mediation/requests/${requestId}/matches`,
      )
    ).items;

  return {
    t,
    as,
    call,
    ok,
    fields,
    system,
    organisationId,
    newMediator,
    newRequest,
    matchesOf,
    moveIntoPast,
  };
}
