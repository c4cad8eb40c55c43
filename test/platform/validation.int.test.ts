import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const counts = async () =>
  (
    await queryRows<{ users: number; districts: number; organisations: number; services: number }>(
      t.database.db,
      sql`select (select count(*)::int from users) as users, (select count(*)::int from districts) as districts,
        (select count(*)::int from organisations) as organisations, (select count(*)::int from services) as services`,
    )
  )[0];

const INJECTIONS = [
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '{{7*7}}',
  '../../etc/passwd',
  '\u0000',
  '=cmd|calc',
  'a'.repeat(5000),
];
const hostile = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.object(),
  fc.array(fc.string()),
);

describe('bad input on the auth and admin endpoints', () => {
  it('answers random bodies with a 4xx problem naming a field, never a 500, and writes nothing invalid', async () => {
    const before = await counts();
    const endpoints = [
      {
        method: 'POST',
        url: '/api/users',
        keys: ['username', 'displayName', 'email', 'phone', 'locale', 'isAdmin', '__proto__'],
      },
      { method: 'POST', url: '/api/districts', keys: ['code', 'name', 'managingBody', 'id'] },
      { method: 'POST', url: '/api/organisations', keys: ['name', 'kind', 'districtId'] },
      { method: 'POST', url: '/api/services', keys: ['organisationId', 'name', 'kind', 'districtId'] },
      { method: 'POST', url: '/api/auth/password-reset', keys: ['email'] },
      { method: 'POST', url: '/api/auth/login', keys: ['username', 'password', 'role'] },
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.dictionary(fc.string(), hostile),
        fc.array(hostile, { maxLength: 3 }),
        async (endpoint, extra, values) => {
          const body: Record<string, unknown> = { ...extra };
          endpoint.keys.forEach((key, i) => {
            if (values[i] !== undefined) body[key] = values[i];
          });
          const res = await admin.request({
            method: endpoint.method,
            url: endpoint.url,
            payload: body,
            remoteAddress: '10.9.9.9',
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
            const problem = res.json();
            expect(problem.localized.it.title).toBeTruthy();
            expect(problem.localized.en.title).toBeTruthy();
            if (res.statusCode === 400) expect(problem.errors?.[0]?.field).toBeDefined();
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(await counts()).toEqual(before);
  });

  it('answers malformed JSON, wrong media types and oversized bodies with problems', async () => {
    const malformed = await admin.request({
      method: 'POST',
      url: '/api/districts',
      payload: '{"code": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('body');
    const media = await admin.request({
      method: 'POST',
      url: '/api/districts',
      payload: 'code=X',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(media.statusCode).toBe(415);
    const big = await admin.request({
      method: 'POST',
      url: '/api/districts',
      payload: { code: 'BIG', name: 'x'.repeat(100_000) },
    });
    expect(big.statusCode).toBe(413);
  });

  it('names the unknown field and refuses mass assignment', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/districts',
      payload: { code: 'MASS', name: 'Ambito', id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'id', code: 'unrecognized_keys' })]);
    // The field is named in `errors`; the detail, read by people, says only how many to check.
    expect(res.json().localized.en.detail).toBe('Check the field marked.');
  });

  it('answers in English when asked, Italian otherwise', async () => {
    const it_ = await admin.request({ method: 'POST', url: '/api/districts', payload: {} });
    const en = await admin.request({
      method: 'POST',
      url: '/api/districts',
      payload: {},
      headers: { 'accept-language': 'en-GB' },
    });
    expect(it_.json().title).toBe('Dati non validi');
    expect(en.json().title).toBe('Invalid data');
  });
});
