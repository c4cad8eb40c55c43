import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { tokenHash } from '../../src/server/platform/auth/tokens.js';
import { countOf, queryRows } from '../../src/server/platform/db/client.js';
import type { RateLimitSettings } from '../../src/server/platform/http/rate-limit.js';
import { mother } from '../cases/support.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

// Request rate limits (docs/adr/0015-rate-limits.md) on the real app: a request over a limit is
// answered 429 before its session is read, and nothing of it happens.
const REDIS_URL = process.env.TRAMA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** One prefix per run, so parallel runs sharing the machine's Redis never count each other's requests. */
const RUN_PREFIX = `trama-test:rate-limit:${randomUUID()}:`;

let t: TestApp;
let paola: Session;
let giulia: Session;
let paolaId: string;
const built: FastifyInstance[] = [];

beforeAll(async () => {
  t = await createTestApp();
  paola = await t.signIn('operatrice');
  giulia = await t.signIn('operatrice.cav');
  paolaId = await t.userId('operatrice');
});
afterAll(async () => {
  await Promise.all(built.map((app) => app.close()));
  await t.close();
});

/** Another Trama instance on the same database, with these limits (defaults far out of reach). */
async function instance(limits: Partial<RateLimitSettings>) {
  const rateLimits: RateLimitSettings = {
    ...t.deps.config.rateLimits,
    redisUrl: undefined,
    redisPrefix: RUN_PREFIX,
    ...limits,
  };
  const { app } = await buildApp({
    deps: { ...t.deps, config: { ...t.deps.config, rateLimits } },
    serveWeb: false,
  });
  built.push(app);
  return app;
}

function as(session: Session, app: FastifyInstance, options: InjectOptions) {
  return app.inject({
    ...options,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(options.headers ?? {}) },
  });
}

const home = { method: 'GET', url: '/api/home' } as const;

function auditEvents() {
  return countOf(t.database.db, sql`select count(*)::int as n from audit_events`);
}

describe('a request over its limit', () => {
  it('creates nothing, audits nothing and does not even read the session', async () => {
    const app = await instance({ api: 2 });
    const households = () =>
      countOf(t.database.db, sql`select count(*)::int as n from households where created_by = ${paolaId}`);
    const create = () =>
      as(paola, app, {
        method: 'POST',
        url: '/api/households',
        headers: { 'idempotency-key': randomUUID() },
        payload: { municipality: '016219', members: [{ ...mother, familyName: 'Limitata' }] },
      });
    expect((await create()).statusCode).toBe(201);
    expect((await as(paola, app, home)).statusCode).toBe(200);

    const sessionId = tokenHash(paola.cookie.split('=')[1]!);
    // Old enough that reading the session would touch it: a read leaves a trace.
    await t.database.query(`update sessions set last_seen_at = now() - interval '5 minutes' where id = $1`, [
      sessionId,
    ]);
    const [before] = await queryRows<{ seen: Date }>(
      t.database.db,
      sql`select last_seen_at as seen from sessions where id = ${sessionId}`,
    );
    const householdsBefore = await households();
    const eventsBefore = await auditEvents();

    const refused = await create();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json()).toMatchObject({
      type: 'urn:trama:problem:too-many-requests',
      localized: { it: { title: 'Troppe richieste' }, en: { title: 'Too many requests' } },
    });
    expect(await households()).toBe(householdsBefore);
    expect(await auditEvents()).toBe(eventsBefore);
    const [after] = await queryRows<{ seen: Date }>(
      t.database.db,
      sql`select last_seen_at as seen from sessions where id = ${sessionId}`,
    );
    expect(after!.seen).toEqual(before!.seen);
  });

  it('is not audited as a refused permission either', async () => {
    const app = await instance({ api: 1 });
    const mediatrice = await t.signIn('mediatrice');
    const denied = { method: 'GET', url: '/api/users' } as const;
    expect((await as(mediatrice, app, denied)).statusCode).toBe(403);
    const eventsBefore = await auditEvents();
    expect((await as(mediatrice, app, denied)).statusCode).toBe(429);
    expect(await auditEvents()).toBe(eventsBefore);
  });
});

describe('who is counted', () => {
  it('counts each session apart', async () => {
    const app = await instance({ api: 2 });
    for (let i = 0; i < 2; i++) expect((await as(paola, app, home)).statusCode).toBe(200);
    expect((await as(paola, app, home)).statusCode).toBe(429);
    expect((await as(giulia, app, home)).statusCode).toBe(200);
  });

  it('counts clients without a session by address', async () => {
    const app = await instance({ api: 1 });
    const from = (remoteAddress: string) => app.inject({ ...home, remoteAddress });
    expect((await from('198.51.100.1')).statusCode).toBe(401);
    expect((await from('198.51.100.1')).statusCode).toBe(429);
    expect((await from('198.51.100.2')).statusCode).toBe(401);
  });
});

describe('routes with their own limits', () => {
  const study = '00000000-0000-4000-8000-000000000000';
  type Route = InjectOptions & { url: string };
  const expensive: Route[] = [
    { method: 'POST', url: '/api/exports', payload: {} },
    { method: 'POST', url: '/api/incidents/import', payload: 'a;b' },
    { method: 'GET', url: '/api/incidents/import/template' },
    { method: 'GET', url: '/api/observatory/statistics' },
    { method: 'GET', url: '/api/observatory/statistics/export?format=csv' },
    { method: 'GET', url: '/api/observatory/training-report' },
    { method: 'GET', url: `/api/research/studies/${study}/export` },
  ];
  const signIn: Route[] = [
    { method: 'POST', url: '/api/auth/login', payload: {} },
    { method: 'POST', url: '/api/auth/mfa/verify', payload: {} },
    { method: 'POST', url: '/api/auth/mfa/enrolment/confirm', payload: {} },
    { method: 'POST', url: '/api/auth/password-reset', payload: {} },
    { method: 'POST', url: '/api/auth/password-reset/confirm', payload: {} },
    { method: 'PUT', url: '/api/auth/password', payload: {} },
    { method: 'POST', url: '/api/auth/step-up', payload: {} },
  ];

  it('limits exports, imports, statistics and research datasets sooner than the rest', async () => {
    const app = await instance({ expensive: 1 });
    let address = 10;
    for (const route of expensive) {
      const remoteAddress = `198.51.100.${address++}`;
      expect((await app.inject({ ...route, remoteAddress })).statusCode, route.url).not.toBe(429);
      expect((await app.inject({ ...route, remoteAddress })).statusCode, route.url).toBe(429);
    }
    // An ordinary route from one of those addresses is still answered.
    expect((await app.inject({ ...home, remoteAddress: '198.51.100.10' })).statusCode).toBe(401);
  });

  it('limits every route that checks a password or a code per address', async () => {
    const app = await instance({ signIn: 1 });
    let address = 30;
    for (const route of signIn) {
      const remoteAddress = `198.51.100.${address++}`;
      expect((await app.inject({ ...route, remoteAddress })).statusCode, route.url).not.toBe(429);
      expect((await app.inject({ ...route, remoteAddress })).statusCode, route.url).toBe(429);
    }
  });

  it('lets a coordinator over the statistics limit keep working elsewhere', async () => {
    const app = await instance({ expensive: 2 });
    const coordinatrice = await t.signIn('coordinatrice');
    const statistics = { method: 'GET', url: '/api/observatory/statistics' } as const;
    for (let i = 0; i < 2; i++) expect((await as(coordinatrice, app, statistics)).statusCode).toBe(200);
    const refused = await as(coordinatrice, app, { ...statistics, headers: { 'accept-language': 'en' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/^Too many requests arrived .* Try again in \d+ seconds?\.$/);
    expect((await as(coordinatrice, app, home)).statusCode).toBe(200);
  });

  it('lets a person over their limit still read their session and sign out', async () => {
    const app = await instance({ api: 1 });
    const marco = await t.signIn('operatore.romano');
    expect((await as(marco, app, home)).statusCode).toBe(200);
    expect((await as(marco, app, home)).statusCode).toBe(429);
    expect((await as(marco, app, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    expect((await as(marco, app, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    // Signed out for real: the session no longer opens anything.
    expect((await as(marco, app, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('never limits /status', async () => {
    const app = await instance({ api: 1, perAddress: 1 });
    for (let i = 0; i < 5; i++)
      expect((await app.inject({ method: 'GET', url: '/status' })).statusCode).toBe(200);
  });
});

describe('counting in memory (no Redis configured)', () => {
  it('counts per instance', async () => {
    const one = await instance({ api: 2 });
    const two = await instance({ api: 2 });
    for (let i = 0; i < 2; i++) expect((await as(paola, one, home)).statusCode).toBe(200);
    expect((await as(paola, one, home)).statusCode).toBe(429);
    expect((await as(paola, two, home)).statusCode).toBe(200);
  });
});

async function redisAnswers() {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const redisUp = await redisAnswers();
if (!redisUp)
  console.warn(`rate-limit: Redis at ${REDIS_URL} does not answer; the shared-store tests are skipped`);

/** A TCP relay to Redis that the test can cut, as a network failure would. */
async function relay(port = 0) {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${address.port}`,
    port: address.port,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!redisUp)('counting in Redis (TRAMA_REDIS_URL)', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${RUN_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('shares the counts between instances', async () => {
    const prefix = `${RUN_PREFIX}shared:`;
    const one = await instance({ api: 3, redisUrl: REDIS_URL, redisPrefix: prefix });
    const two = await instance({ api: 3, redisUrl: REDIS_URL, redisPrefix: prefix });
    expect((await as(paola, one, home)).statusCode).toBe(200);
    expect((await as(paola, two, home)).statusCode).toBe(200);
    expect((await as(paola, one, home)).statusCode).toBe(200);
    expect((await as(paola, two, home)).statusCode).toBe(429);
    expect((await as(paola, one, home)).statusCode).toBe(429);
    expect((await as(giulia, two, home)).statusCode).toBe(200);
    // The keys name the limit and a digest of the session, never its token.
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    const token = paola.cookie.split('=')[1]!;
    for (const key of keys) expect(key).not.toContain(token);
    expect(keys.some((key) => key.startsWith(`${prefix}api:session:`))).toBe(true);
  });

  it('keeps answering when Redis goes away, counting in each instance, and shares again when it is back', async () => {
    const prefix = `${RUN_PREFIX}outage:`;
    const link = await relay();
    const app = await instance({ api: 3, redisUrl: link.url, redisPrefix: prefix });
    expect((await as(paola, app, home)).statusCode).toBe(200);
    const keysBefore = (await redis.keys(`${prefix}*`)).sort();
    expect(keysBefore).not.toHaveLength(0);

    await link.cut();
    const started = Date.now();
    // The counts start again in memory: three answered, the fourth refused, none kept waiting.
    for (let i = 0; i < 3; i++) expect((await as(giulia, app, home)).statusCode).toBe(200);
    expect((await as(giulia, app, home)).statusCode).toBe(429);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Counted in memory: Redis never saw Giulia's requests.
    expect((await redis.keys(`${prefix}*`)).sort()).toEqual(keysBefore);

    await redis.del(...(await redis.keys(`${prefix}*`)));
    const back = await relay(link.port);
    try {
      const deadline = Date.now() + 20_000;
      let shared = false;
      while (!shared && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await as(paola, app, { method: 'GET', url: '/status' });
        await as(paola, app, home);
        shared = (await redis.keys(`${prefix}*`)).length > 0;
      }
      expect(shared).toBe(true);
    } finally {
      await back.cut();
    }
  });
});
