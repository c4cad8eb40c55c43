import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { TEvent, TEventInput } from '../../src/contracts/community.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * What every community test file needs: its own app on its own copy of the seeded database, the
 * demo accounts signed in, and builders. `animatrice.comunita` is a community worker (practitioner
 * of the demo community engagement service); `operatrice` is a practitioner of another service.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const WORKER = 'animatrice.comunita';
export const TREVIGLIO = '016219';
export const ROMANO = '016183';

/** An ISO instant `days` from now (negative: in the past) at `hour` UTC. */
export function dayAt(days: number, hour: number, minute = 0) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
}

export function communityTestKit() {
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
  const system = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

  /** A lab of `sessions` weekly sessions starting `startDays` from now (default: a four-session lab next week). */
  async function newEvent(overrides: Partial<TEventInput> = {}, { sessions = 4, startDays = 7 } = {}) {
    return ok<TEvent>(WORKER, 'POST', '/api/community/events', {
      kind: 'citizenship_lab',
      title: 'Laboratorio di cittadinanza attiva',
      municipality: TREVIGLIO,
      languages: ['it', 'ar'],
      capacity: 20,
      sessions: Array.from({ length: sessions }, (_, i) => ({
        startsAt: dayAt(startDays + i * 7, 17),
        endsAt: dayAt(startDays + i * 7, 19),
        place: 'Biblioteca civica, sala A',
      })),
      ...overrides,
    });
  }

  /** Moves an event's sessions `days` into the past (stands in for the passing of time). */
  async function moveIntoPast(event: TEvent, days: number) {
    const by = sql`${`${days} days`}::interval`;
    await system(
      sql`update gathering_sessions set starts_at = starts_at - ${by}, ends_at = ends_at - ${by}
           where gathering_id = ${event.gatheringId}`,
    );
  }

  return { t, call, ok, system, newEvent, moveIntoPast };
}
