import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIdentityProvider } from '../../src/contracts/identity-providers.js';
import { tokenHash } from '../../src/server/platform/auth/tokens.js';
import { decryptField } from '../../src/server/platform/crypto/field-crypto.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { pgErrorCode } from '../../src/server/platform/db/pg-errors.js';
import {
  type IdTokenTampering,
  startOidcProvider,
  type TestLogin,
  type TestOidcProvider,
} from '../harness/oidc-provider.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/*
 * Single sign-on against a real OpenID Connect provider (oidc-provider) started here: the code
 * flow with PKCE, state and nonce end to end, every way it must be refused, and the admin API that
 * registers providers (ADR 0014).
 */

let t: TestApp;
let admin: Session;
let idp: TestOidcProvider;
/** A second organisation's provider, for the mix-up of one provider's answer into another's sign-in. */
let otherIdp: TestOidcProvider;
let cerchio: TIdentityProvider;
let sirio: TIdentityProvider;

const SECRET = 'cerchio-client-secret-0123456789';
const DOMAIN = 'demo.trama.localhost';

/** What the provider knows of each person (its own accounts, not Trama's). */
const IDP_ACCOUNTS = {
  // Clinica works in the Équipe etnoclinica of the Cooperativa sociale Il Cerchio (demo seed).
  clinica: { email: `Clinica@${DOMAIN.toUpperCase()}`, emailVerified: true },
  responsabile: { email: `responsabile@${DOMAIN}`, emailVerified: true },
  unverified: { email: `clinica@${DOMAIN}`, emailVerified: false },
  stranger: { email: `nessuno@${DOMAIN}`, emailVerified: true },
  // Operatrice works for Risorsa Sociale, another organisation.
  operatrice: { email: `operatrice@${DOMAIN}`, emailVerified: true },
};

const orgId = async (name: string) =>
  (await queryRows<{ id: string }>(t.database.db, sql`select id from organisations where name = ${name}`))[0]!
    .id;

async function register(body: Record<string, unknown>) {
  return admin.request({ method: 'POST', url: '/api/identity-providers', payload: body });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  const redirectUri = `${t.deps.config.publicUrl}/api/auth/sso/callback`;
  idp = await startOidcProvider({
    clients: [{ clientId: 'trama', clientSecret: SECRET, redirectUri }],
    accounts: IDP_ACCOUNTS,
  });
  otherIdp = await startOidcProvider({
    clients: [{ clientId: 'trama-sirio', clientSecret: 'sirio-secret-0123456789', redirectUri }],
    accounts: { clinica: IDP_ACCOUNTS.clinica },
  });
  const created = await register({
    organisationId: await orgId('Cooperativa sociale Il Cerchio'),
    name: 'Il Cerchio',
    issuer: idp.issuer,
    clientId: 'trama',
    clientSecret: SECRET,
    allowedDomains: [DOMAIN.toUpperCase()],
    mfaAmrValues: ['otp', 'hwk'],
    mfaAcrValues: ['urn:test:loa:high'],
  });
  expect(created.statusCode, created.body).toBe(201);
  cerchio = created.json();
  const other = await register({
    organisationId: await orgId('Centro antiviolenza Sirio'),
    name: 'Sirio',
    issuer: otherIdp.issuer,
    clientId: 'trama-sirio',
    clientSecret: 'sirio-secret-0123456789',
    allowedDomains: [DOMAIN],
  });
  expect(other.statusCode, other.body).toBe(201);
  sirio = other.json();
});

afterAll(async () => {
  await idp?.close();
  await otherIdp?.close();
  await t?.close();
});

interface Flow {
  /** The callback address the provider sent the browser to, and the browser's state cookie. */
  callbackUrl: string;
  stateCookie: string;
  state: string;
}

function cookieNamed(response: LightMyRequestResponse, name: string) {
  const header = [response.headers['set-cookie'] ?? []].flat().find((c) => String(c).startsWith(`${name}=`));
  return header ? String(header).split(';')[0]! : undefined;
}

/** Trama's start route, then the provider's pages as a browser would follow them, up to the callback. */
async function throughProvider(
  provider: TestOidcProvider,
  login: TestLogin,
  providerId: string,
): Promise<Flow> {
  provider.nextLogin(login);
  const start = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${providerId}/start` });
  expect(start.statusCode, start.body).toBe(302);
  const stateCookie = cookieNamed(start, '__Host-trama-sso')!;
  const authorization = new URL(String(start.headers.location));
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  let next = authorization.href;
  const jar: string[] = [];
  for (let hop = 0; hop < 8; hop++) {
    const response = await fetch(next, { redirect: 'manual', headers: { cookie: jar.join('; ') } });
    for (const c of response.headers.getSetCookie()) jar.push(c.split(';')[0]!);
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the provider stopped at ${next}: ${response.status} ${await response.text()}`);
    next = new URL(location, next).href;
    if (next.startsWith(`${t.deps.config.publicUrl}/api/auth/sso/callback`)) {
      return { callbackUrl: next, stateCookie, state: stateCookie.split('=')[1]! };
    }
  }
  throw new Error('the provider never sent the browser back');
}

function callback(url: string, cookie?: string, remoteAddress?: string) {
  const { pathname, search } = new URL(url);
  return t.app.inject({
    method: 'GET',
    url: `${pathname}${search}`,
    ...(cookie ? { headers: { cookie } } : {}),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

async function signInThrough(login: TestLogin, tampering: IdTokenTampering = {}) {
  idp.tamper(tampering);
  try {
    const flow = await throughProvider(idp, login, cerchio.id);
    return { flow, response: await callback(flow.callbackUrl, flow.stateCookie) };
  } finally {
    idp.tamper({});
  }
}

/** The reason the error page is given, or null when the sign-in went through. */
function errorReasonOf(response: LightMyRequestResponse) {
  expect(response.statusCode).toBe(303);
  const location = new URL(String(response.headers.location), 'http://trama.test');
  if (location.pathname === '/') return null;
  expect(location.pathname).toBe('/login/sso-error');
  return location.searchParams.get('reason');
}

async function sessionOf(response: LightMyRequestResponse) {
  const cookie = cookieNamed(response, '__Host-trama-session');
  expect(cookie).toBeTruthy();
  const session = await t.app.inject({
    method: 'GET',
    url: '/api/auth/session',
    headers: { cookie: cookie! },
  });
  expect(session.statusCode).toBe(200);
  return { cookie: cookie!, info: session.json() as { state: string; user: { username: string } } };
}

async function lastRefusal() {
  const [row] = await queryRows<{
    outcome: string;
    record_id: string | null;
    details: Record<string, unknown>;
  }>(
    t.database.db,
    sql`select outcome, record_id, details from audit_events where action = 'auth.sso_refused' order by id desc limit 1`,
  );
  return row!;
}

/** Accounts, memberships and sessions: what a refused sign-in must leave as it found them. */
async function footprint() {
  const [row] = await queryRows<{ users: number; memberships: number; sessions: number }>(
    t.database.db,
    sql`select (select count(*)::int from users) as users, (select count(*)::int from memberships) as memberships,
          (select count(*)::int from sessions) as sessions`,
  );
  return row!;
}

describe('signing in with an organisation’s identity provider', () => {
  it('lists the enabled providers for the sign-in page, by name and id only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/sso/providers' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { id: cerchio.id, name: 'Il Cerchio' },
      { id: sirio.id, name: 'Sirio' },
    ]);
  });

  it('lands on the account with that verified e-mail, still asking for the second factor', async () => {
    const before = await footprint();
    const { response } = await signInThrough({ accountId: 'clinica', amr: ['pwd'] });
    expect(errorReasonOf(response)).toBeNull();
    expect(cookieNamed(response, '__Host-trama-sso')).toBe('__Host-trama-sso=');
    const { cookie, info } = await sessionOf(response);
    expect(info.user.username).toBe('clinica');
    // Clinica's role needs a second factor and the provider asserted none: the TOTP is still due.
    expect(info.state).toBe('mfa_required');
    const home = await t.app.inject({ method: 'GET', url: '/api/home', headers: { cookie } });
    expect(home.statusCode).toBe(401);
    const after = await footprint();
    expect(after).toEqual({ ...before, sessions: before.sessions + 1 });
    const [event] = await queryRows<{
      actor_username: string;
      record_id: string;
      details: Record<string, unknown>;
    }>(
      t.database.db,
      sql`select actor_username, record_id, details from audit_events where action = 'auth.sso_login' order by id desc limit 1`,
    );
    expect(event).toMatchObject({
      actor_username: 'clinica',
      record_id: cerchio.id,
      details: { method: 'sso', provider: 'Il Cerchio', state: 'mfa_required', secondFactorDone: false },
    });
  });

  it('counts a second factor the provider asserts by amr or acr, as the admin set them', async () => {
    const byAmr = await signInThrough({ accountId: 'clinica', amr: ['pwd', 'otp'] });
    const amrSession = await sessionOf(byAmr.response);
    expect(amrSession.info.state).toBe('authenticated');
    const home = await t.app.inject({
      method: 'GET',
      url: '/api/home',
      headers: { cookie: amrSession.cookie },
    });
    expect(home.statusCode).toBe(200);

    const byAcr = await signInThrough({ accountId: 'clinica', acr: 'urn:test:loa:high' });
    expect((await sessionOf(byAcr.response)).info.state).toBe('authenticated');

    // A value the admin did not list (here: an acr of a lower level) is no second factor.
    const lower = await signInThrough({ accountId: 'clinica', amr: ['pwd'], acr: 'urn:test:loa:low' });
    expect((await sessionOf(lower.response)).info.state).toBe('mfa_required');
  });

  it('refuses the same callback twice: a state is used once', async () => {
    const { flow, response } = await signInThrough({ accountId: 'clinica' });
    expect(errorReasonOf(response)).toBeNull();
    const before = await footprint();
    const replay = await callback(flow.callbackUrl, flow.stateCookie);
    expect(errorReasonOf(replay)).toBe('expired');
    expect(cookieNamed(replay, '__Host-trama-session')).toBeUndefined();
    expect(await footprint()).toEqual(before);
    expect((await lastRefusal()).details).toEqual({ reason: 'state_unknown' });
  });

  it('refuses a code used twice, even with a fresh state, nonce and verifier of the same sign-in', async () => {
    const first = await throughProvider(idp, { accountId: 'clinica' }, cerchio.id);
    const [login] = await queryRows<{ nonce: string; code_verifier: string }>(
      t.database.db,
      sql`select nonce, code_verifier from oidc_logins where state_hash = ${tokenHash(first.state)}`,
    );
    expect(errorReasonOf(await callback(first.callbackUrl, first.stateCookie))).toBeNull();
    // The same code again, behind a state Trama would accept: only the provider can refuse it now.
    const state = 'replayed-state-0123456789abcdef';
    await t.database.db.execute(sql`insert into oidc_logins (state_hash, provider_id, nonce, code_verifier)
      values (${tokenHash(state)}, ${cerchio.id}, ${login!.nonce}, ${login!.code_verifier})`);
    const replayed = new URL(first.callbackUrl);
    replayed.searchParams.set('state', state);
    const before = await footprint();
    const response = await callback(replayed.href, `__Host-trama-sso=${state}`);
    expect(errorReasonOf(response)).toBe('refused');
    expect(await lastRefusal()).toMatchObject({
      record_id: cerchio.id,
      details: { reason: 'token_invalid', check: 'invalid_grant' },
    });
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ['another audience', { audience: 'another-client' }, 'OAUTH_JWT_CLAIM_COMPARISON_FAILED'],
    ['an expired ID token', { expiredSecondsAgo: 600 }, 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED'],
    ['another nonce', { nonce: 'not-the-nonce-trama-sent' }, 'OAUTH_JWT_CLAIM_COMPARISON_FAILED'],
  ])('refuses an ID token signed by the provider with %s', async (_what, tampering, check) => {
    const before = await footprint();
    const { response } = await signInThrough({ accountId: 'clinica', amr: ['otp'] }, tampering);
    expect(errorReasonOf(response)).toBe('refused');
    expect(cookieNamed(response, '__Host-trama-session')).toBeUndefined();
    expect(await lastRefusal()).toMatchObject({
      outcome: 'denied',
      details: { reason: 'token_invalid', check },
    });
    expect(await footprint()).toEqual(before);
  });

  it('refuses another provider’s answer brought to this provider’s sign-in (issuer mix-up)', async () => {
    const ours = await throughProvider(idp, { accountId: 'clinica' }, cerchio.id);
    const theirs = await throughProvider(otherIdp, { accountId: 'clinica' }, sirio.id);
    const mixed = new URL(theirs.callbackUrl);
    expect(mixed.searchParams.get('iss')).toBe(otherIdp.issuer);
    mixed.searchParams.set('state', ours.state);
    const response = await callback(mixed.href, ours.stateCookie);
    expect(errorReasonOf(response)).toBe('refused');
    // Refused on the answer's `iss` (RFC 9207) before the code is sent anywhere: not `invalid_grant`.
    expect(await lastRefusal()).toMatchObject({
      record_id: cerchio.id,
      details: { reason: 'token_invalid', check: 'OAUTH_INVALID_RESPONSE' },
    });
  });

  it('refuses an unknown or disabled provider, and a state Trama never gave', async () => {
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sso/6b1f7a39-5d7e-4a51-9d4e-2f0c6d1e8a90/start',
    });
    expect(errorReasonOf(unknown)).toBe('unavailable');
    expect(errorReasonOf(await t.app.inject({ method: 'GET', url: '/api/auth/sso/not-an-id/start' }))).toBe(
      'unavailable',
    );
    const forged = await callback(
      `${t.deps.config.publicUrl}/api/auth/sso/callback?code=abc&state=forged-state&iss=${encodeURIComponent(idp.issuer)}`,
      '__Host-trama-sso=forged-state',
    );
    expect(errorReasonOf(forged)).toBe('expired');
    expect((await lastRefusal()).details).toEqual({ reason: 'state_unknown' });

    const off = await admin.request({
      method: 'PATCH',
      url: `/api/identity-providers/${sirio.id}`,
      payload: { enabled: false },
    });
    expect(off.statusCode).toBe(200);
    const listed = await t.app.inject({ method: 'GET', url: '/api/auth/sso/providers' });
    expect(listed.json()).toEqual([{ id: cerchio.id, name: 'Il Cerchio' }]);
    expect(errorReasonOf(await t.app.inject({ method: 'GET', url: `/api/auth/sso/${sirio.id}/start` }))).toBe(
      'unavailable',
    );
  });

  it('finishes a sign-in only in the browser that started it', async () => {
    const flow = await throughProvider(idp, { accountId: 'clinica' }, cerchio.id);
    expect(errorReasonOf(await callback(flow.callbackUrl))).toBe('expired');
    expect((await lastRefusal()).details).toEqual({ reason: 'browser_mismatch' });
    expect(errorReasonOf(await callback(flow.callbackUrl, '__Host-trama-sso=someone-elses-state'))).toBe(
      'expired',
    );
  });

  it('says so when the person cancels at the provider, or the provider cannot be reached', async () => {
    const start = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${cerchio.id}/start` });
    const stateCookie = cookieNamed(start, '__Host-trama-sso')!;
    const state = stateCookie.split('=')[1]!;
    const cancelled = await callback(
      `${t.deps.config.publicUrl}/api/auth/sso/callback?error=access_denied&state=${state}`,
      stateCookie,
    );
    expect(errorReasonOf(cancelled)).toBe('cancelled');

    const down = await register({
      organisationId: await orgId('ASST Bergamo Ovest'),
      name: 'ASST',
      issuer: 'http://127.0.0.1:9',
      clientId: 'trama',
      clientSecret: 'asst-secret-0123456789',
      allowedDomains: [DOMAIN],
    });
    expect(down.statusCode).toBe(201);
    const unreachable = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${down.json().id}/start` });
    expect(errorReasonOf(unreachable)).toBe('unreachable');
    expect(await lastRefusal()).toMatchObject({ details: { reason: 'provider_unreachable' } });
  });

  it.each([
    ['an e-mail the provider has not verified', 'unverified', 'email_unverified'],
    ['an e-mail no account has', 'stranger', 'no_account'],
    ['an account of another organisation', 'operatrice', 'other_organisation'],
  ])('refuses %s, creating and linking nothing', async (_what, accountId, reason) => {
    const before = await footprint();
    const { response } = await signInThrough({ accountId, amr: ['otp'] });
    expect(errorReasonOf(response)).toBe('no_account');
    expect(await footprint()).toEqual(before);
    const refusal = await lastRefusal();
    // The provider and the reason only: never the e-mail the provider named.
    expect(refusal).toMatchObject({ outcome: 'denied', record_id: cerchio.id, details: { reason } });
    expect(JSON.stringify(refusal)).not.toContain('@');
  });

  it('refuses a domain the admin did not allow, even for the right account', async () => {
    const narrowed = await admin.request({
      method: 'PATCH',
      url: `/api/identity-providers/${cerchio.id}`,
      payload: { allowedDomains: ['cerchio.example'] },
    });
    expect(narrowed.statusCode).toBe(200);
    try {
      const { response } = await signInThrough({ accountId: 'clinica', amr: ['otp'] });
      expect(errorReasonOf(response)).toBe('no_account');
      expect((await lastRefusal()).details).toEqual({ reason: 'domain_not_allowed' });
    } finally {
      await admin.request({
        method: 'PATCH',
        url: `/api/identity-providers/${cerchio.id}`,
        payload: { allowedDomains: [DOMAIN] },
      });
    }
  });

  it('refuses a disabled account', async () => {
    await t.database.db.execute(sql`update users set disabled_at = now() where username = 'responsabile'`);
    const before = await footprint();
    const { response } = await signInThrough({ accountId: 'responsabile', amr: ['otp'] });
    expect(errorReasonOf(response)).toBe('no_account');
    expect((await lastRefusal()).details).toEqual({ reason: 'account_disabled' });
    expect(await footprint()).toEqual(before);
  });

  it('counts refusals against the address, and refuses while it is locked', async () => {
    await t.database.db.execute(sql`insert into auth_throttle (key, failures, window_started_at, locked_until)
      values ('ip:10.9.9.9', 50, now(), now() + interval '15 minutes')`);
    const flow = await throughProvider(idp, { accountId: 'clinica', amr: ['otp'] }, cerchio.id);
    const locked = await callback(flow.callbackUrl, flow.stateCookie, '10.9.9.9');
    expect(errorReasonOf(locked)).toBe('locked');
    expect((await lastRefusal()).details).toEqual({ reason: 'locked' });

    await callback(flow.callbackUrl, undefined, '10.9.9.10');
    const [row] = await queryRows<{ failures: number }>(
      t.database.db,
      sql`select failures from auth_throttle where key = 'ip:10.9.9.10'`,
    );
    expect(row?.failures).toBe(1);
  });
});

describe('registering identity providers', () => {
  it('is the admin’s alone', async () => {
    for (const username of ['dpo', 'operatrice', 'coordinatrice']) {
      const other = await t.signIn(username);
      expect((await other.request({ method: 'GET', url: '/api/identity-providers' })).statusCode).toBe(403);
      const created = await other.request({
        method: 'POST',
        url: '/api/identity-providers',
        payload: {
          organisationId: cerchio.organisationId,
          name: 'Di nascosto',
          issuer: 'https://idp.example.org',
          clientId: 'x',
          clientSecret: 'y',
          allowedDomains: ['example.org'],
        },
      });
      expect(created.statusCode).toBe(403);
      const changed = await other.request({
        method: 'PATCH',
        url: `/api/identity-providers/${cerchio.id}`,
        payload: { enabled: false },
      });
      expect(changed.statusCode).toBe(403);
    }
  });

  it('lists providers with the organisation’s name and the redirect URI, never the secret', async () => {
    const listed = await admin.request({ method: 'GET', url: '/api/identity-providers' });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(SECRET);
    expect(listed.body).not.toContain('secret');
    const body = listed.json();
    expect(body.redirectUri).toBe(`${t.deps.config.publicUrl}/api/auth/sso/callback`);
    const found = body.providers.find((p: TIdentityProvider) => p.id === cerchio.id);
    expect(found).toMatchObject({
      organisationName: 'Cooperativa sociale Il Cerchio',
      issuer: idp.issuer,
      clientId: 'trama',
      // Given in capitals, kept in lower case.
      allowedDomains: [DOMAIN],
      mfaAmrValues: ['otp', 'hwk'],
      enabled: true,
    });
  });

  it('keeps the secret encrypted for its row; trama_app cannot read it back', async () => {
    const [row] = await queryRows<{ client_secret_encrypted: string }>(
      t.database.db,
      sql`select client_secret_encrypted from identity_providers where id = ${cerchio.id}`,
    );
    expect(row!.client_secret_encrypted).not.toContain(SECRET);
    expect(
      decryptField({
        keyring: t.deps.keyring,
        value: row!.client_secret_encrypted,
        context: `identity_providers.client_secret:${cerchio.id}`,
      }),
    ).toBe(SECRET);
    const adminId = await t.userId('admin');
    const denied = await withDbContext(
      t.database.db,
      { userId: adminId, role: 'admin', organisationId: null, serviceId: null },
      (tx) => tx.execute(sql`select client_secret_encrypted from identity_providers`),
    ).catch((error: unknown) => error);
    expect(pgErrorCode(denied)).toBe('42501'); // insufficient_privilege
  });

  it('changes the secret without returning it, and audits which fields changed', async () => {
    const changed = await admin.request({
      method: 'PATCH',
      url: `/api/identity-providers/${sirio.id}`,
      payload: { clientSecret: 'a-new-secret-9876543210', name: 'Sirio (SSO)' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).not.toContain('a-new-secret-9876543210');
    expect(changed.json().name).toBe('Sirio (SSO)');
    const [event] = await queryRows<{ details: unknown; record_type: string }>(
      t.database.db,
      sql`select details, record_type from audit_events where action = 'identity_provider.updated'
           and record_id = ${sirio.id} order by id desc limit 1`,
    );
    expect(event).toEqual({
      record_type: 'identity_provider',
      details: { fields: ['clientSecret', 'name'] },
    });
    const [created] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'identity_provider.created' and record_id = ${cerchio.id}`,
    );
    expect(created!.n).toBe(1);
  });

  it('refuses a plain-http issuer elsewhere than this computer, a bad domain and an issuer twice', async () => {
    const base = {
      organisationId: cerchio.organisationId,
      name: 'Prova',
      clientId: 'trama',
      clientSecret: 'secret-0123456789',
      allowedDomains: ['example.org'],
    };
    const http = await register({ ...base, issuer: 'http://idp.example.org' });
    expect(http.statusCode).toBe(400);
    expect(http.json().errors[0]).toMatchObject({
      field: 'issuer',
      message: { it: 'un indirizzo https (http solo su questo computer)' },
    });
    const domain = await register({
      ...base,
      issuer: 'https://idp.example.org',
      allowedDomains: ['not a domain'],
    });
    expect(domain.statusCode).toBe(400);
    expect(domain.json().errors[0].field).toBe('allowedDomains.0');
    const none = await register({ ...base, issuer: 'https://idp.example.org', allowedDomains: [] });
    expect(none.statusCode).toBe(400);
    const twice = await register({ ...base, issuer: idp.issuer });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].field).toBe('issuer');
    const unknownOrg = await register({
      ...base,
      issuer: 'https://idp.example.org',
      organisationId: '6b1f7a39-5d7e-4a51-9d4e-2f0c6d1e8a90',
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().errors[0].field).toBe('organisationId');
  });
});
