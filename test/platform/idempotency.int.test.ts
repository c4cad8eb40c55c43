import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, queryRows } from '../../src/server/platform/db/client.js';
import { pruneIdempotencyKeys } from '../../src/server/platform/http/idempotency.js';
import { child, mother } from '../cases/support.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

// Safe retries (docs/adr/0011-idempotency-keys.md): a write repeated with the same Idempotency-Key
// is done once and answered the same; the key is claimed in the write's own transaction.
let t: TestApp;
let paola: Session;
let giulia: Session;
let paolaId: string;
let giuliaId: string;
beforeAll(async () => {
  t = await createTestApp();
  paola = await t.signIn('operatrice');
  giulia = await t.signIn('operatrice.cav');
  paolaId = await t.userId('operatrice');
  giuliaId = await t.userId('operatrice.cav');
});
afterAll(() => t.close());

const household = (familyName: string, municipality = '016219') => ({
  municipality,
  members: [{ ...mother, familyName }],
});

function createHousehold(session: Session, key: string | null, body: object) {
  return session.request({
    method: 'POST',
    url: '/api/households',
    headers: key === null ? {} : { 'idempotency-key': key },
    payload: body,
  });
}

/** Households created by the user; the names are encrypted, so they are not what is counted. */
function householdsOf(userId: string) {
  return countOf(t.database.db, sql`select count(*)::int as n from households where created_by = ${userId}`);
}

function keyRows(userId: string, key: string) {
  return queryRows<{ status_code: number | null; response_body: string | null; completed: boolean }>(
    t.database.db,
    sql`select status_code, response_body, completed_at is not null as completed
        from idempotency_keys where user_id = ${userId} and key = ${key}`,
  );
}

describe('Idempotency-Key', () => {
  it('does a create once and replays its answer to the retry', async () => {
    const key = randomUUID();
    const before = await householdsOf(paolaId);
    const first = await createHousehold(paola, key, household('Replay'));
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await createHousehold(paola, key, household('Replay'));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.json()).toEqual(first.json());
    expect(await householdsOf(paolaId)).toBe(before + 1);
    // The answer is kept, encrypted: the names it holds are not in the table in clear.
    const [row] = await keyRows(paolaId, key);
    expect(row).toMatchObject({ status_code: 201, completed: true });
    expect(row!.response_body).toMatch(/^v1\./);
    expect(row!.response_body).not.toContain('Replay');
  });

  it('refuses the same key with another body (422) and changes nothing', async () => {
    const key = randomUUID();
    const first = await createHousehold(paola, key, household('First'));
    expect(first.statusCode).toBe(201);
    const before = await householdsOf(paolaId);
    const other = await createHousehold(paola, key, household('Second'));
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = other.json();
    expect(problem.type).toBe('urn:trama:problem:idempotency-key-reused');
    expect(problem.localized.it.detail).toContain('Idempotency-Key');
    expect(problem.localized.en.detail).toContain('Idempotency-Key');
    expect(await householdsOf(paolaId)).toBe(before);
    // Another route with the same key is another request too.
    const elsewhere = await paola.request({
      method: 'POST',
      url: `/api/households/${first.json().id}/people`,
      headers: { 'idempotency-key': key },
      payload: { ...child, familyName: 'First' },
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(first.json().members).toHaveLength(1);
  });

  it('keeps each user’s keys apart', async () => {
    const key = randomUUID();
    const paolaBefore = await householdsOf(paolaId);
    const giuliaBefore = await householdsOf(giuliaId);
    const a = await createHousehold(paola, key, household('Apart'));
    const b = await createHousehold(giulia, key, household('Apart'));
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.json().id).not.toBe(a.json().id);
    expect(await householdsOf(paolaId)).toBe(paolaBefore + 1);
    expect(await householdsOf(giuliaId)).toBe(giuliaBefore + 1);
    // Under row-level security a user reads only their own keys.
    const seen = await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'trama_app', true), set_config('trama.user_id', ${giuliaId}, true)`,
      );
      return queryRows<{ user_id: string }>(tx as never, sql`select user_id from idempotency_keys`);
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.user_id === giuliaId)).toBe(true);
  });

  it('leaves no key after a failed request, so the corrected retry runs', async () => {
    const key = randomUUID();
    const before = await householdsOf(paolaId);
    // Refused by the schema, before any transaction.
    const invalid = await createHousehold(paola, key, { municipality: '016219', members: [] });
    expect(invalid.statusCode).toBe(400);
    // Refused inside the write's transaction, after the key was claimed: the claim rolls back too.
    const unknown = await createHousehold(paola, key, household('Corrected', '999999'));
    expect(unknown.statusCode).toBe(400);
    expect(await keyRows(paolaId, key)).toEqual([]);
    const corrected = await createHousehold(paola, key, household('Corrected'));
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await householdsOf(paolaId)).toBe(before + 1);
  });

  it('answers concurrent duplicates with the one result', async () => {
    // On PGlite (one connection) the transactions run one after the other; on PostgreSQL the
    // duplicates wait on the key until the first commits. Both must end with one record.
    const key = randomUUID();
    const before = await householdsOf(paolaId);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => createHousehold(paola, key, household('Concurrent'))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await householdsOf(paolaId)).toBe(before + 1);
  });

  it('answers 409 for a change recorded without a kept answer, and does not repeat it', async () => {
    const before = await householdsOf(paolaId);
    const body = household('Orphan');
    // What a server that died between the commit and the answer leaves: a claim, no answer. The
    // hash is only known to the server, so the key is first used once to learn it.
    const key = randomUUID();
    expect((await createHousehold(paola, key, body)).statusCode).toBe(201);
    await t.database.query(
      `update idempotency_keys set status_code = null, response_body = null, completed_at = null,
         created_at = now() - interval '5 minutes' where user_id = $1 and key = $2`,
      [paolaId, key],
    );
    const retry = await createHousehold(paola, key, body);
    expect(retry.statusCode).toBe(409);
    const problem = retry.json();
    expect(problem.type).toBe('urn:trama:problem:idempotency-key-recorded');
    expect(problem.localized.it.detail).toContain('Ricarica');
    expect(problem.localized.en.detail).toContain('Reload');
    expect(await householdsOf(paolaId)).toBe(before + 1);

    // A claim inserted by hand (another instance's, say) stops the write inside its transaction.
    const claimed = randomUUID();
    await t.database.query(
      `insert into idempotency_keys (user_id, key, method, route, request_hash, created_at)
       values ($1, $2, 'POST', '/api/households', 'another-request', now() - interval '5 minutes')`,
      [paolaId, claimed],
    );
    const refused = await createHousehold(paola, claimed, body);
    expect(refused.statusCode).toBe(422);
    expect(await householdsOf(paolaId)).toBe(before + 1);
  });

  it('never keeps the answer of a reveal: its retry is told it was recorded, the address is not stored', async () => {
    const created = await createHousehold(paola, null, household('Reveal'));
    const personId = created.json().members[0].id as string;
    const address = 'Via del Rifugio 7, Treviglio';
    await paola.request({
      method: 'PUT',
      url: `/api/people/${personId}/safety`,
      payload: { address, safeContact: { channels: [], neverWriteTo: [] } },
    });
    await t.database.query('update sessions set step_up_at = now() where user_id = $1', [paolaId]);
    const key = randomUUID();
    const reveal = () =>
      paola.request({
        method: 'POST',
        url: `/api/people/${personId}/safety/reveal`,
        headers: { 'idempotency-key': key },
        payload: { reason: 'Accompagnamento in udienza' },
      });
    const first = await reveal();
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(address);
    const [row] = await keyRows(paolaId, key);
    expect(row).toMatchObject({ completed: true, status_code: null, response_body: null });
    const retry = await reveal();
    expect(retry.statusCode).toBe(409);
    expect(retry.body).not.toContain(address);
  });

  it('waits for a claim still in progress, then answers 409 if no answer comes', async () => {
    const before = await householdsOf(paolaId);
    const key = randomUUID();
    const body = household('Slow');
    expect((await createHousehold(paola, key, body)).statusCode).toBe(201);
    await t.database.query(
      `update idempotency_keys set status_code = null, response_body = null, completed_at = null
        where user_id = $1 and key = $2`,
      [paolaId, key],
    );
    const started = Date.now();
    const retry = await createHousehold(paola, key, body);
    expect(retry.statusCode).toBe(409);
    expect(Date.now() - started).toBeGreaterThan(2000);
    expect(await householdsOf(paolaId)).toBe(before + 1);
  });

  it('replays an answer without a body (204) and a state change', async () => {
    const draft = await giulia.request({
      method: 'POST',
      url: '/api/incidents',
      payload: { status: 'draft', consentReporting: true, incidentMonth: '2019-05' },
    });
    expect(draft.statusCode).toBe(201);
    const key = randomUUID();
    const remove = () =>
      giulia.request({
        method: 'DELETE',
        url: `/api/incidents/${draft.json().id}`,
        headers: { 'idempotency-key': key },
      });
    const first = await remove();
    expect(first.statusCode).toBe(204);
    const again = await remove();
    expect(again.statusCode).toBe(204);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe('');
  });

  it('refuses a malformed key, naming the header; requests without one are as before', async () => {
    for (const bad of ['short', 'x'.repeat(201), 'has space in it']) {
      const res = await createHousehold(paola, bad, household('Bad'));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['headers.idempotency-key']);
      expect(res.json().localized.en.detail).toContain('Idempotency-Key');
    }
    const before = await householdsOf(paolaId);
    expect((await createHousehold(paola, null, household('Plain'))).statusCode).toBe(201);
    expect((await createHousehold(paola, null, household('Plainer'))).statusCode).toBe(201);
    expect(await householdsOf(paolaId)).toBe(before + 2);
  });

  it('leaves sign-in and reads alone', async () => {
    // Public routes run as the system: the header, even a malformed one, is not looked at.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'idempotency-key': 'bad' },
      payload: { username: 'operatrice', password: 'wrong-password-1' },
    });
    expect(login.statusCode).toBe(401);
    const read = await paola.request({
      method: 'GET',
      url: '/api/households',
      headers: { 'idempotency-key': 'bad' },
    });
    expect(read.statusCode).toBe(200);
  });

  it('forgets keys older than a day', async () => {
    const old = randomUUID();
    const recent = randomUUID();
    await t.database.query(
      `insert into idempotency_keys (user_id, key, method, route, request_hash, created_at) values
         ($1, $2, 'POST', '/api/households', 'h', now() - interval '25 hours'),
         ($1, $3, 'POST', '/api/households', 'h', now() - interval '23 hours')`,
      [paolaId, old, recent],
    );
    expect(await pruneIdempotencyKeys(t.database)).toBeGreaterThanOrEqual(1);
    expect(await keyRows(paolaId, old)).toEqual([]);
    expect(await keyRows(paolaId, recent)).toHaveLength(1);
    expect(await pruneIdempotencyKeys(t.database, 22)).toBeGreaterThanOrEqual(1);
    expect(await keyRows(paolaId, recent)).toEqual([]);
  });
});
