import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const account = (username: string) => t.accounts.find((a) => a.username === username)!;
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;

async function login(username: string, password: string, ip = '10.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
}

describe('password and two-factor sign-in', () => {
  it('asks for the second factor, then signs in with a TOTP code and rotates the session token', async () => {
    const a = account('clinica');
    const first = await login(a.username, a.password);
    expect(first.statusCode).toBe(200);
    expect(first.json().state).toBe('mfa_required');
    const setCookie = String([first.headers['set-cookie']].flat()[0]);
    expect(setCookie).toMatch(/^__Host-trama-session=/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const pending = cookieOf(first);
    // Before the second factor, nothing but the session endpoints answers.
    const early = await t.app.inject({ method: 'GET', url: '/api/home', headers: { cookie: pending } });
    expect(early.statusCode).toBe(401);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: pending, 'x-csrf-token': first.json().csrfToken },
      payload: { code: currentTotp(a.totpSecret) },
    });
    expect(verified.statusCode).toBe(200);
    const full = cookieOf(verified);
    expect(full).not.toBe(pending);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/home', headers: { cookie: full } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/home', headers: { cookie: pending } })).statusCode,
    ).toBe(401);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody.here', 'whatever-password-1', '10.0.0.2');
    const wrong = await login('dpo', 'whatever-password-1', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('locks a username for 15 minutes after five failures, on every instance (state in the database)', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('redazione', `wrong-${i}-password`, `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await login('redazione', account('redazione').password, '10.1.0.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
    const [row] = await queryRows<{ locked: boolean }>(
      t.database.db,
      sql`select locked_until > now() as locked from auth_throttle where key = 'user:redazione'`,
    );
    expect(row?.locked).toBe(true);
  });

  it('refuses a TOTP code used twice', async () => {
    const a = account('formatore');
    const code = currentTotp(a.totpSecret);
    const one = await login(a.username, a.password, '10.2.0.1');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: cookieOf(one), 'x-csrf-token': one.json().csrfToken },
      payload: { code },
    });
    expect(ok.statusCode).toBe(200);
    const two = await login(a.username, a.password, '10.2.0.1');
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: cookieOf(two), 'x-csrf-token': two.json().csrfToken },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('requires the anti-CSRF token on cookie-authenticated writes', async () => {
    const s = await t.signIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/districts',
      headers: { cookie: s.cookie },
      payload: { code: 'CSRF-X', name: 'X' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('urn:trama:problem:csrf');
  });

  it('ends at once on logout', async () => {
    const s = await t.signIn('mediatrice');
    expect((await s.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('ends after 30 idle minutes and after 12 hours whatever the activity', async () => {
    const idle = await t.signIn('ricercatrice');
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where revoked_at is null and user_id = (select id from users where username = 'ricercatrice')`,
    );
    expect((await idle.request({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
    const old = await t.signIn('ricercatrice');
    await t.database.db.execute(
      sql`update sessions set absolute_expires_at = now() - interval '1 second' where revoked_at is null and user_id = (select id from users where username = 'ricercatrice')`,
    );
    expect((await old.request({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });

  it('ends every session of a user an admin revokes or disables, at once', async () => {
    const victim = await t.signIn('operatore.romano');
    const admin = await t.signIn('admin');
    const id = await t.userId('operatore.romano');
    const revoked = await admin.request({ method: 'POST', url: `/api/users/${id}/sessions/revoke` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked).toBeGreaterThanOrEqual(1);
    expect((await victim.request({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });

  it('switches the acting membership only to one of the user\u2019s own', async () => {
    const s = await t.signIn('coordinatrice');
    const info = (await s.request({ method: 'GET', url: '/api/auth/session' })).json();
    expect(info.memberships).toHaveLength(2);
    const other = info.memberships.find((m: { id: string }) => m.id !== info.activeMembershipId);
    expect(
      (
        await s.request({
          method: 'PUT',
          url: '/api/auth/active-membership',
          payload: { membershipId: other.id },
        })
      ).statusCode,
    ).toBe(204);
    const after = (await s.request({ method: 'GET', url: '/api/auth/session' })).json();
    expect(after.activeMembershipId).toBe(other.id);
    expect(after.permissions).toEqual([
      'structure.read',
      'users.read',
      'break-glass.request',
      'incidents.record',
      'observatory.read',
      'households.read',
      'households.write',
      'referrals.send',
      'referrals.answer',
      'cases.read',
      'cases.write',
      'training.browse',
      'mediation.request',
      'mediation.library',
      'community.read',
      'community.manage',
      'autonomy.read',
      'autonomy.write',
      'autonomy.catalogue',
      'housing.read',
      'housing.address',
      'payments.request',
      'governance.read',
    ]);
    const adminMembership = (
      await (await t.signIn('admin')).request({ method: 'GET', url: '/api/auth/session' })
    ).json().memberships[0].id;
    expect(
      (
        await s.request({
          method: 'PUT',
          url: '/api/auth/active-membership',
          payload: { membershipId: adminMembership },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('account set-up by invitation, enrolment and password reset', () => {
  it('takes a new user from invitation to two-factor enrolment with recovery codes', async () => {
    const admin = await t.signIn('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'nuova.operatrice', displayName: 'Nuova Operatrice', email: 'nuova@example.org' },
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json().user.id;
    const services = (await admin.request({ method: 'GET', url: '/api/services' })).json();
    const tm = services.find((s: { kind: string }) => s.kind === 'child_protection');
    // A role that reaches case data waits for a second person (here the DPO) to approve it.
    const asked = await admin.request({
      method: 'POST',
      url: `/api/users/${userId}/memberships`,
      payload: { role: 'practitioner', serviceId: tm.id },
    });
    expect(asked.statusCode).toBe(202);
    const dpo = await t.signIn('dpo');
    expect(
      (
        await dpo.request({
          method: 'POST',
          url: `/api/role-grants/${asked.json().id}/decision`,
          payload: { decision: 'approve' },
        })
      ).statusCode,
    ).toBe(200);
    await t.runJobs();
    const mail = t.mails.find((m) => m.to === 'nuova@example.org')!;
    const token = /#token=([\w-]+)/.exec(mail.text)![1]!;
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword: 'password1234' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const password = 'Velluto-Ciliegia-Brughiera-42';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token, newPassword: password },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token, newPassword: password },
        })
      ).statusCode,
    ).toBe(400);

    const signedIn = await login('nuova.operatrice', password, '10.3.0.1');
    expect(signedIn.json().state).toBe('mfa_enrolment_required');
    const headers = { cookie: cookieOf(signedIn), 'x-csrf-token': signedIn.json().csrfToken };
    const enrol = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/enrolment', headers });
    expect(enrol.statusCode).toBe(200);
    expect(enrol.json().qrSvg).toMatch(/^<svg/);
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrolment/confirm',
      headers,
      payload: { code: currentTotp(enrol.json().secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    const [stored] = await queryRows<{ secret: string }>(
      t.database.db,
      sql`select mfa_secret as secret from users where id = ${userId}`,
    );
    expect(stored!.secret).toMatch(/^v1\./);
    expect(stored!.secret).not.toContain(enrol.json().secret);

    // A recovery code works once in place of the TOTP code.
    const again = await login('nuova.operatrice', password, '10.3.0.1');
    const h2 = { cookie: cookieOf(again), 'x-csrf-token': again.json().csrfToken };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/mfa/verify',
          headers: h2,
          payload: { recoveryCode: codes[0] },
        })
      ).statusCode,
    ).toBe(200);
    const third = await login('nuova.operatrice', password, '10.3.0.1');
    const h3 = { cookie: cookieOf(third), 'x-csrf-token': third.json().csrfToken };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/mfa/verify',
          headers: h3,
          payload: { recoveryCode: codes[0] },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('answers a reset request the same way for known and unknown addresses, and never skips the second factor', async () => {
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'dpo@demo.trama.localhost' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'nobody@example.org' },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    // The reset is written after the answer (its timing tells nothing); its mail leaves by the queue.
    await new Promise((r) => setTimeout(r, 300));
    await t.runJobs();
    const mail = t.mails.find((m) => m.to === 'dpo@demo.trama.localhost' && m.text.includes('#token='))!;
    expect(mail).toBeDefined();
    expect(t.mails.some((m) => m.to === 'nobody@example.org')).toBe(false);
    const token = /#token=([\w-]+)/.exec(mail.text)![1]!;
    const password = 'Lanterna-Fiume-Orizzonte-77';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token, newPassword: password },
        })
      ).statusCode,
    ).toBe(204);
    const after = await login('dpo', password, '10.4.0.1');
    expect(after.json().state).toBe('mfa_required');
  });
});
