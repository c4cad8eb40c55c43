import { setTimeout as sleep } from 'node:timers/promises';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyRequest, type InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { loadConfig } from '../config/config.js';
import { installErrorHandler } from './error-handler.js';
import {
  clientKeyOf,
  installRateLimits,
  type RateClass,
  type RateLimitSettings,
  tooManyRequests,
} from './rate-limit.js';
import { counterStore } from './rate-limit-store.js';

const GENEROUS: RateLimitSettings = {
  windowSeconds: 60,
  api: 1000,
  expensive: 1000,
  signIn: 1000,
  perAddress: 1000,
  staticFiles: 1000,
  redisUrl: undefined,
  redisPrefix: 'unused:',
};

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/**
 * A bare app with the platform's order: cookies, error handler, the limits, then a stand-in for
 * the access hook; routes of every class, each counting how often its handler ran.
 */
async function limitedApp(limits: Partial<RateLimitSettings>, options: { trustProxy?: number } = {}) {
  const app = Fastify(
    options.trustProxy ? { trustProxy: (_address: string, hop: number) => hop < options.trustProxy! } : {},
  );
  apps.push(app);
  await app.register(cookie);
  installErrorHandler(app);
  await installRateLimits({ app, settings: { ...GENEROUS, ...limits } });
  const seen = { accessHook: 0, handler: 0 };
  app.addHook('onRequest', async () => {
    seen.accessHook++;
  });
  const route = (method: 'GET' | 'POST', url: string, rate?: RateClass) =>
    app.route({
      method,
      url,
      config: rate ? { rate } : {},
      handler: async () => {
        seen.handler++;
        return { ok: true };
      },
    });
  route('GET', '/api/things');
  route('POST', '/api/things');
  route('GET', '/api/statistics', 'expensive');
  route('POST', '/api/auth/login', 'sign-in');
  route('GET', '/status', 'exempt');
  route('GET', '/*', 'static');
  await app.ready();
  const send = (options: InjectOptions & { session?: string; from?: string }) => {
    const { session, from, ...rest } = options;
    return app.inject({
      ...rest,
      ...(from ? { remoteAddress: from } : {}),
      headers: { ...(rest.headers ?? {}), ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}) },
    });
  };
  return { app, seen, send };
}

describe('rate limits', () => {
  it('answers 429 with Retry-After and a problem in both languages once the session is over its limit', async () => {
    const { send } = await limitedApp({ api: 3 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ok = await send({ method: 'GET', url: '/api/things', session: 'a' });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-limit']).toBe('3');
      remaining.push(String(ok.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await send({ method: 'GET', url: '/api/things', session: 'a' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    const body = refused.json();
    expect(body).toMatchObject({
      type: 'urn:trama:problem:too-many-requests',
      status: 429,
      title: 'Troppe richieste',
      localized: { it: { title: 'Troppe richieste' }, en: { title: 'Too many requests' } },
    });
    expect(body.localized.it.detail).toContain(`Riprova tra ${retryAfter} second`);
    expect(body.localized.en.detail).toContain(`Try again in ${retryAfter} second`);

    const english = await send({
      method: 'GET',
      url: '/api/things',
      session: 'a',
      headers: { 'accept-language': 'en' },
    });
    expect(english.json()).toMatchObject({ title: 'Too many requests' });
  });

  it('refuses before the access hook, the body parser and the handler run', async () => {
    const { send, seen } = await limitedApp({ api: 1 });
    await send({ method: 'POST', url: '/api/things', session: 'a', payload: { n: 1 } });
    expect(seen).toEqual({ accessHook: 1, handler: 1 });
    // Malformed JSON would be a 400 if the body were read at all.
    const refused = await send({
      method: 'POST',
      url: '/api/things',
      session: 'a',
      headers: { 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(refused.statusCode).toBe(429);
    expect(seen).toEqual({ accessHook: 1, handler: 1 });
  });

  it('counts each session apart, and clients without a session per address', async () => {
    const { send } = await limitedApp({ api: 2 });
    for (let i = 0; i < 2; i++) await send({ method: 'GET', url: '/api/things', session: 'a' });
    expect((await send({ method: 'GET', url: '/api/things', session: 'a' })).statusCode).toBe(429);
    expect((await send({ method: 'GET', url: '/api/things', session: 'b' })).statusCode).toBe(200);
    // Same address as session "a", but no cookie: the address's own count.
    expect((await send({ method: 'GET', url: '/api/things' })).statusCode).toBe(200);

    for (let i = 0; i < 2; i++) await send({ method: 'GET', url: '/api/things', from: '192.0.2.1' });
    expect((await send({ method: 'GET', url: '/api/things', from: '192.0.2.1' })).statusCode).toBe(429);
    expect((await send({ method: 'GET', url: '/api/things', from: '192.0.2.2' })).statusCode).toBe(200);
  });

  it('bounds an address that makes up a new session cookie for every request', async () => {
    const { send } = await limitedApp({ api: 100, perAddress: 5 });
    for (let i = 0; i < 5; i++) {
      expect((await send({ method: 'GET', url: '/api/things', session: `made-up-${i}` })).statusCode).toBe(
        200,
      );
    }
    const refused = await send({ method: 'GET', url: '/api/things', session: 'made-up-5' });
    expect(refused.statusCode).toBe(429);
    expect((await send({ method: 'GET', url: '/api/things', from: '192.0.2.9' })).statusCode).toBe(200);
  });

  it('limits expensive routes sooner, without using up the general limit', async () => {
    const { send } = await limitedApp({ api: 10, expensive: 2 });
    for (let i = 0; i < 2; i++) {
      expect((await send({ method: 'GET', url: '/api/statistics', session: 'a' })).statusCode).toBe(200);
    }
    const refused = await send({ method: 'GET', url: '/api/statistics', session: 'a' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['x-ratelimit-limit']).toBe('2');
    expect((await send({ method: 'GET', url: '/api/things', session: 'a' })).statusCode).toBe(200);
  });

  it('limits sign-in per address, whatever cookie comes with it', async () => {
    const { send } = await limitedApp({ signIn: 2 });
    await send({ method: 'POST', url: '/api/auth/login', session: 'x', payload: {} });
    await send({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(
      (await send({ method: 'POST', url: '/api/auth/login', session: 'y', payload: {} })).statusCode,
    ).toBe(429);
    expect(
      (await send({ method: 'POST', url: '/api/auth/login', from: '192.0.2.3', payload: {} })).statusCode,
    ).toBe(200);
  });

  it('never limits /status, gives the app files their own limit, and counts unknown API paths as API', async () => {
    const { send } = await limitedApp({ api: 1, staticFiles: 20 });
    expect((await send({ method: 'GET', url: '/api/things' })).statusCode).toBe(200);
    for (let i = 0; i < 30; i++) expect((await send({ method: 'GET', url: '/status' })).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await send({ method: 'GET', url: `/assets/chunk-${i}.js` })).statusCode).toBe(200);
    }
    expect((await send({ method: 'GET', url: '/api/no-such-route' })).statusCode).toBe(429);
  });

  it('counts the app files per address, whatever cookie comes with them', async () => {
    const { send } = await limitedApp({ staticFiles: 3 });
    for (let i = 0; i < 3; i++)
      expect(
        (await send({ method: 'GET', url: `/assets/${i}.js`, session: `made-up-${i}` })).statusCode,
      ).toBe(200);
    expect((await send({ method: 'GET', url: '/assets/4.js', session: 'made-up-4' })).statusCode).toBe(429);
    expect((await send({ method: 'GET', url: '/assets/4.js', from: '192.0.2.9' })).statusCode).toBe(200);
  });

  it('keeps an address at its sign-in count through a flood of made-up session cookies', async () => {
    const { send } = await limitedApp({ signIn: 2, perAddress: 1_000_000 });
    const login = { method: 'POST', url: '/api/auth/login', payload: {} } as const;
    expect((await send(login)).statusCode).toBe(200);
    expect((await send(login)).statusCode).toBe(200);
    expect((await send(login)).statusCode).toBe(429);
    // More session keys than the memory keeps: they must push out only each other.
    for (let i = 0; i < 20_050; i++) await send({ method: 'GET', url: '/api/things', session: `s${i}` });
    expect((await send(login)).statusCode).toBe(429);
  }, 60_000);

  it('behind one trusted proxy, counts the address the proxy saw, not one the client wrote', async () => {
    const { send } = await limitedApp({ signIn: 2 }, { trustProxy: 1 });
    const login = (forwardedFor: string) =>
      send({
        method: 'POST',
        url: '/api/auth/login',
        payload: {},
        headers: { 'x-forwarded-for': forwardedFor },
      });
    expect((await login('10.0.0.1, 203.0.113.7')).statusCode).toBe(200);
    expect((await login('10.0.0.2, 203.0.113.7')).statusCode).toBe(200);
    expect((await login('10.0.0.3, 203.0.113.7')).statusCode).toBe(429);
    expect((await login('203.0.113.8')).statusCode).toBe(200);
  });

  it('starts counting again when the window ends', async () => {
    const { send } = await limitedApp({ api: 1, windowSeconds: 1 });
    await send({ method: 'GET', url: '/api/things', session: 'a' });
    const refused = await send({ method: 'GET', url: '/api/things', session: 'a' });
    expect(refused.headers['retry-after']).toBe('1');
    await sleep(1100);
    expect((await send({ method: 'GET', url: '/api/things', session: 'a' })).statusCode).toBe(200);
  });
});

describe('rate-limit keys and words', () => {
  const request = (cookies: Record<string, string>) =>
    ({ cookies, ip: '203.0.113.7' }) as unknown as FastifyRequest;

  it('keys a session by a digest of its cookie, never the token, and other clients by address', () => {
    const token = 'tok_abcdefghijklmnopqrstuvwxyz0123456789';
    const key = clientKeyOf(request({ [SESSION_COOKIE]: token }));
    expect(key).toMatch(/^session:[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain(token.slice(4, 14));
    expect(clientKeyOf(request({ [SESSION_COOKIE]: token }))).toBe(key);
    expect(clientKeyOf(request({ [SESSION_COOKIE]: `${token}x` }))).not.toBe(key);
    expect(clientKeyOf(request({}))).toBe('address:203.0.113.7');
  });

  it('says when to retry in words', () => {
    expect(tooManyRequests(1).detail?.it).toMatch(/Riprova tra 1 secondo\.$/);
    expect(tooManyRequests(1).detail?.en).toMatch(/Try again in 1 second\.$/);
    expect(tooManyRequests(45).detail?.en).toMatch(/Try again in 45 seconds\.$/);
    expect(tooManyRequests(600).detail?.it).toMatch(/Riprova tra 10 minuti\.$/);
    expect(tooManyRequests(600).detail?.en).toMatch(/Try again in 10 minutes\.$/);
  });
});

describe('rate-limit settings', () => {
  it('defaults to counting in memory, and reads the limits and Redis from the environment', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      windowSeconds: 60,
      api: 600,
      expensive: 20,
      signIn: 60,
      perAddress: 3000,
      staticFiles: 1000,
      redisUrl: undefined,
      redisPrefix: 'trama:rate-limit:',
    });
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).rateLimits.redisUrl).toBe('redis://cache:6379');
    expect(
      loadConfig({ REDIS_URL: 'redis://other:6379', TRAMA_REDIS_URL: 'rediss://cache:6380' }).rateLimits
        .redisUrl,
    ).toBe('rediss://cache:6380');
    expect(loadConfig({ TRAMA_RATE_LIMIT_EXPENSIVE: '5' }).rateLimits.expensive).toBe(5);
    expect(() => loadConfig({ TRAMA_REDIS_URL: 'http://cache' })).toThrow(
      /TRAMA_REDIS_URL must start with redis/,
    );
    expect(() => loadConfig({ TRAMA_RATE_LIMIT_API: '0' })).toThrow(/TRAMA_RATE_LIMIT_API/);
  });
});

describe('rate-limit store', () => {
  it('counts in memory when the shared store fails, and says so once', async () => {
    const warnings: string[] = [];
    const log = { warn: (_: unknown, message: string) => warnings.push(message), info: () => {} };
    // A Redis that is connected but answers every command with an error.
    const failing = {
      status: 'ready',
      on: () => failing,
      defineCommand(name: string) {
        (failing as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
          (args.at(-1) as (error: Error) => void)(new Error('connection lost'));
      },
    };
    const store = counterStore({
      shared: { client: failing as never, prefix: 't:' },
      log: log as never,
    });
    const count = () =>
      new Promise<{ current: number }>((resolve, reject) =>
        store.incr('k', (error, result) => (error ? reject(error) : resolve(result!)), 60_000, 10),
      );
    expect((await count()).current).toBe(1);
    expect((await count()).current).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Redis unreachable/);
  });
});
