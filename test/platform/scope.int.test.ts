import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('record scope and field rules', () => {
  it('shows a practitioner only colleagues of the same service, and hides their contact details', async () => {
    const s = await t.signIn('operatrice');
    const list = (await s.request({ method: 'GET', url: '/api/users' })).json();
    expect(list.items.map((u: { username: string }) => u.username)).toEqual(['operatrice']);
    const coordinator = await t.signIn('coordinatrice');
    const seen = (await coordinator.request({ method: 'GET', url: '/api/users?pageSize=100' })).json();
    const names = seen.items.map((u: { username: string }) => u.username);
    expect(names).toContain('operatrice');
    expect(names).not.toContain('operatore.romano');
    expect(seen.items.find((u: { username: string }) => u.username === 'operatrice').email).toBe(
      'operatrice@demo.trama.localhost',
    );
  });

  it('answers 404 to another district\u2019s practitioner and audits the refusal', async () => {
    const target = await t.userId('operatrice');
    const outsider = await t.signIn('operatore.romano');
    const res = await outsider.request({ method: 'GET', url: `/api/users/${target}` });
    expect(res.statusCode).toBe(404);
    const missing = await outsider.request({
      method: 'GET',
      url: '/api/users/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ ...res.json(), instance: missing.json().instance });
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${target} and actor_username = 'operatore.romano'`,
    );
    expect(row!.n).toBe(1);
  });

  it('opens a record by break-the-glass for the time box only, audited, with the DPO notified', async () => {
    const target = await t.userId('clinica');
    const s = await t.signIn('operatore.romano');
    expect((await s.request({ method: 'GET', url: `/api/users/${target}` })).statusCode).toBe(404);
    const tooShort = await s.request({
      method: 'POST',
      url: '/api/break-glass',
      payload: { recordType: 'user', recordId: target, reason: 'urgente' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].field).toBe('reason');
    const grant = await s.request({
      method: 'POST',
      url: '/api/break-glass',
      payload: {
        recordType: 'user',
        recordId: target,
        reason: 'Emergenza: serve il contatto della clinica per un minore in pericolo stanotte',
      },
    });
    expect(grant.statusCode).toBe(201);
    expect(new Date(grant.json().expiresAt).getTime() - Date.now()).toBeGreaterThan(3.9 * 3_600_000);
    const opened = await s.request({ method: 'GET', url: `/api/users/${target}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().email).toBe('clinica@demo.trama.localhost');
    const [notice] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'dpo' and n.kind = 'break_glass'`,
    );
    expect(notice!.n).toBe(1);
    const [event] = await queryRows<{ purpose: string }>(
      t.database.db,
      sql`select purpose from audit_events where action = 'break_glass.granted' and record_id = ${target}`,
    );
    expect(event!.purpose).toMatch(/minore in pericolo/);
    await t.database.db.execute(
      sql`update break_glass_grants set expires_at = now() - interval '1 second' where record_id = ${target}`,
    );
    expect((await s.request({ method: 'GET', url: `/api/users/${target}` })).statusCode).toBe(404);
  });

  it('takes a removed role away at once', async () => {
    const admin = await t.signIn('admin');
    const id = await t.userId('formatore');
    const s = await t.signIn('formatore');
    expect((await s.request({ method: 'GET', url: '/api/districts' })).statusCode).toBe(200);
    const user = (await admin.request({ method: 'GET', url: `/api/users/${id}` })).json();
    expect(
      (
        await admin.request({
          method: 'DELETE',
          url: `/api/users/${id}/memberships/${user.memberships[0].id}`,
        })
      ).statusCode,
    ).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/districts' })).statusCode).toBe(403);
  });

  it('refuses self-elevation: a non-admin cannot add a role, even to themselves', async () => {
    const s = await t.signIn('coordinatrice');
    const me = await t.userId('coordinatrice');
    const res = await s.request({
      method: 'POST',
      url: `/api/users/${me}/memberships`,
      payload: { role: 'admin' },
    });
    expect(res.statusCode).toBe(403);
  });
});

const permissionDenied = (error: unknown) =>
  /permission denied/.test(String((error as { cause?: Error }).cause?.message ?? error));

describe('row-level security backstop', () => {
  const asRole = (role: string, userId: string, organisationId: string | null) => ({
    userId,
    role,
    organisationId,
    serviceId: null,
  });

  it('hides other organisations\u2019 staff from trama_app even when the application forgets its filter', async () => {
    const romano = await t.userId('operatore.romano');
    const [org] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select s.organisation_id as id from memberships m join services s on s.id = m.service_id where m.user_id = ${romano}`,
    );
    const names = await withDbContext(t.database.db, asRole('practitioner', romano, org!.id), (tx) =>
      queryRows<{ username: string }>(tx, sql`select username from users order by username`),
    );
    expect(names.map((n) => n.username)).not.toContain('operatrice');
    expect(names.map((n) => n.username)).toContain('operatore.romano');
  });

  it('never lets trama_app read password hashes or TOTP secrets, or rewrite the audit trail', async () => {
    const admin = await t.userId('admin');
    await expect(
      withDbContext(t.database.db, asRole('admin', admin, null), (tx) =>
        tx.execute(sql`select password_hash from users`),
      ),
    ).rejects.toSatisfy(permissionDenied);
    await expect(
      withDbContext(t.database.db, asRole('admin', admin, null), (tx) =>
        tx.execute(sql`select mfa_secret from users`),
      ),
    ).rejects.toSatisfy(permissionDenied);
    await expect(
      withDbContext(t.database.db, asRole('dpo', admin, null), (tx) =>
        tx.execute(sql`delete from audit_events`),
      ),
    ).rejects.toSatisfy(permissionDenied);
    const [who] = await withDbContext(t.database.db, asRole('admin', admin, null), (tx) =>
      queryRows<{ u: string; su: boolean }>(
        tx,
        sql`select current_user as u, (select rolsuper from pg_roles where rolname = current_user) as su`,
      ),
    );
    expect(who).toEqual({ u: 'trama_app', su: false });
  });
});
