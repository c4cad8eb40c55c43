import { sql } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

// Lockouts and one-time codes under concurrent requests (ASVS 6.3.1, 6.5.x). On PostgreSQL the
// requests run on separate pooled connections at the same moment; on PGlite they interleave.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const account = (username: string) => t.accounts.find((a) => a.username === username)!;
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;

function login(username: string, password: string, ip: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
}

/** A six-digit code that no time step near now accepts. */
function wrongCode(secret: string, seed: number) {
  for (let n = seed; ; n++) {
    const code = String(100_000 + ((n * 7919) % 900_000));
    if (authenticator.checkDelta(code, secret) === null) return code;
  }
}

async function auditCount(username: string, action: string) {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_events where actor_username = ${username} and action = ${action}`,
  );
  return row!.n;
}

const statuses = (responses: { statusCode: number }[]) =>
  responses.reduce<Record<number, number>>((acc, r) => {
    acc[r.statusCode] = (acc[r.statusCode] ?? 0) + 1;
    return acc;
  }, {});

describe('lockouts hold under concurrent guesses', () => {
  it('judges at most five of fifteen simultaneous wrong passwords, refuses the rest, and audits the lock', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 15 }, (_, i) => login('ricercatrice', `wrong-password-${i}`, `10.9.0.${i}`)),
    );
    const counts = statuses(guesses);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(15);
    expect(await auditCount('ricercatrice', 'auth.login_failed')).toBeLessThanOrEqual(5);
    expect(await auditCount('ricercatrice', 'auth.lockout_started')).toBe(1);
    // The right password is refused too while the lock lasts.
    expect((await login('ricercatrice', account('ricercatrice').password, '10.9.1.1')).statusCode).toBe(429);
  });

  it('judges at most five of thirty simultaneous wrong second-factor codes', async () => {
    const a = account('mediatrice');
    const first = await login(a.username, a.password, '10.9.2.1');
    expect(first.json().state).toBe('mfa_required');
    const headers = { cookie: cookieOf(first), 'x-csrf-token': first.json().csrfToken };
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/mfa/verify',
          headers,
          payload: { code: wrongCode(a.totpSecret, i) },
        }),
      ),
    );
    const counts = statuses(guesses);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(30);
    expect(await auditCount(a.username, 'auth.mfa_failed')).toBeLessThanOrEqual(5);
    expect(await auditCount(a.username, 'auth.lockout_started')).toBe(1);
    // Locked: even the right code is refused now, and the refusal is audited.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers,
      payload: { code: currentTotp(a.totpSecret) },
    });
    expect(right.statusCode).toBe(429);
    expect(await auditCount(a.username, 'auth.locked')).toBeGreaterThan(0);
  });

  it('gives the slot back on success: a right password does not use up the address limit', async () => {
    const a = account('responsabile');
    for (let i = 0; i < 3; i++) {
      const ok = await login(a.username, a.password, '10.9.3.1');
      expect(ok.statusCode).toBe(200);
    }
    const [row] = await queryRows<{ failures: number }>(
      t.database.db,
      sql`select failures from auth_throttle where key = 'ip:10.9.3.1'`,
    );
    expect(row?.failures ?? 0).toBe(0);
  });
});

describe('a TOTP code is accepted once, even when sent twice at the same moment', () => {
  it('at sign-in: two pending sessions, the same code, one success', async () => {
    const a = account('formatore');
    const one = await login(a.username, a.password, '10.9.4.1');
    const two = await login(a.username, a.password, '10.9.4.2');
    const code = currentTotp(a.totpSecret);
    const answers = await Promise.all(
      [one, two].map((pending) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/mfa/verify',
          headers: { cookie: cookieOf(pending), 'x-csrf-token': pending.json().csrfToken },
          payload: { code },
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('at step-up: the same code twice at once steps up one session only', async () => {
    const a = account('clinica');
    const [s1, s2] = [await t.signIn(a.username), await t.signIn(a.username)];
    const code = currentTotp(a.totpSecret);
    const answers = await Promise.all(
      [s1!, s2!].map((s) =>
        s.request({
          method: 'POST',
          url: '/api/auth/step-up',
          payload: { code, reason: 'Verifica indirizzo della persona' },
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([204, 401]);
  });
});

describe('step-up is throttled like the second factor', () => {
  it('audits every failure, locks after five and audits the lock', async () => {
    const a = account('supervisora');
    const s = await t.signIn(a.username);
    const stepUp = (code: string) =>
      s.request({ method: 'POST', url: '/api/auth/step-up', payload: { code, reason: 'Prova di verifica' } });
    for (let i = 0; i < 5; i++) expect((await stepUp(wrongCode(a.totpSecret, i))).statusCode).toBe(401);
    const locked = await stepUp(currentTotp(a.totpSecret));
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await auditCount(a.username, 'auth.step_up_failed')).toBe(5);
    expect(await auditCount(a.username, 'auth.lockout_started')).toBe(1);
    expect(await auditCount(a.username, 'auth.step_up')).toBe(0);
  });

  it('refuses thirty simultaneous step-up guesses beyond the five judged', async () => {
    const a = account('coordinatrice');
    const s = await t.signIn(a.username);
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        s.request({
          method: 'POST',
          url: '/api/auth/step-up',
          payload: { code: wrongCode(a.totpSecret, 100 + i), reason: 'Prova di verifica' },
        }),
      ),
    );
    const counts = statuses(guesses);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(30);
  });
});
