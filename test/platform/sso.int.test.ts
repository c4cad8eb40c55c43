import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIdentityProvider } from '../../src/contracts/identity-providers.js';
import { buildApp } from '../../src/server/app.js';
import { tokenHash } from '../../src/server/platform/auth/tokens.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import {
  type IdTokenTampering,
  startOidcProvider,
  type TestLogin,
  type TestOidcProvider,
} from '../harness/oidc-provider.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';
import {
  approved,
  changeAs,
  cookieNamed,
  DOMAIN,
  errorReasonOf,
  lastAudit,
  lastRefusal,
  orgId,
  registerAs,
  signInButtons,
  stepUp,
} from './sso-support.js';

/*
 * Single sign-on against a real OpenID Connect provider (oidc-provider) started here: the code
 * flow with PKCE, state and nonce end to end, every way it must be refused, the second-factor
 * rule, and the browser's way back whatever happens (ADR 0014). Registering and approving
 * providers: sso-providers.int.test.ts.
 */

let t: TestApp;
let admin: Session;
let dpo: Session;
let idp: TestOidcProvider;
/** A second organisation's provider, for the mix-up of one provider's answer into another's sign-in. */
let otherIdp: TestOidcProvider;
let cerchio: TIdentityProvider;
let sirio: TIdentityProvider;

const SECRET = 'cerchio-client-secret-0123456789';

/** What the provider knows of each person (its own accounts, not Trama's). */
const IDP_ACCOUNTS = {
  // Clinica works in the Équipe etnoclinica of the Cooperativa sociale Il Cerchio (demo seed).
  clinica: { email: `Clinica@${DOMAIN.toUpperCase()}`, emailVerified: true },
  responsabile: { email: `responsabile@${DOMAIN}`, emailVerified: true },
  unverified: { email: `clinica@${DOMAIN}`, emailVerified: false },
  stranger: { email: `nessuno@${DOMAIN}`, emailVerified: true },
  // Operatrice works for Risorsa Sociale, another organisation.
  operatrice: { email: `operatrice@${DOMAIN}`, emailVerified: true },
  // Clinica's address with a Cyrillic "а" (U+0430) in place of the Latin "a": a look-alike.
  lookalike: { email: `clinic\u0430@${DOMAIN}`, emailVerified: true },
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  dpo = await t.signIn('dpo');
  await stepUp(t, admin);
  await stepUp(t, dpo);
  const redirectUri = `${t.deps.config.publicUrl}/api/auth/sso/callback`;
  idp = await startOidcProvider({
    clients: [{ clientId: 'trama', clientSecret: SECRET, redirectUri }],
    accounts: IDP_ACCOUNTS,
  });
  otherIdp = await startOidcProvider({
    clients: [{ clientId: 'trama-sirio', clientSecret: 'sirio-secret-0123456789', redirectUri }],
    accounts: { clinica: IDP_ACCOUNTS.clinica },
  });
  const created = await registerAs(admin, {
    organisationId: await orgId(t, 'Cooperativa sociale Il Cerchio'),
    name: 'Il Cerchio',
    issuer: idp.issuer,
    clientId: 'trama',
    clientSecret: SECRET,
    allowedDomains: [DOMAIN.toUpperCase()],
    mfaAmrValues: ['otp', 'hwk'],
    mfaAcrValues: ['urn:test:loa:high'],
  });
  expect(created.statusCode, created.body).toBe(201);
  const other = await registerAs(admin, {
    organisationId: await orgId(t, 'Centro antiviolenza Sirio'),
    name: 'Sirio',
    issuer: otherIdp.issuer,
    clientId: 'trama-sirio',
    clientSecret: 'sirio-secret-0123456789',
    allowedDomains: [DOMAIN],
  });
  expect(other.statusCode, other.body).toBe(201);
  // A second person's approval: until then neither accepts a sign-in (sso-providers.int.test.ts).
  cerchio = await approved(dpo, created.json().id);
  sirio = await approved(dpo, other.json().id);
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

async function signInThrough(login: TestLogin, tampering: IdTokenTampering = {}, remoteAddress?: string) {
  idp.tamper(tampering);
  try {
    const flow = await throughProvider(idp, login, cerchio.id);
    return { flow, response: await callback(flow.callbackUrl, flow.stateCookie, remoteAddress) };
  } finally {
    idp.tamper({});
  }
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

/** Accounts, memberships and sessions: what a refused sign-in must leave as it found them. */
async function footprint() {
  const [row] = await queryRows<{ users: number; memberships: number; sessions: number }>(
    t.database.db,
    sql`select (select count(*)::int from users) as users, (select count(*)::int from memberships) as memberships,
          (select count(*)::int from sessions) as sessions`,
  );
  return row!;
}

async function failuresOf(address: string) {
  const [row] = await queryRows<{ failures: number }>(
    t.database.db,
    sql`select failures from auth_throttle where key = ${`ip:${address}`}`,
  );
  return row?.failures ?? 0;
}

/** Gives Clinica one more membership for the length of `work`, as the superuser (no approval flow). */
async function withExtraMembership(
  membership: { role: string; serviceId?: string | null },
  work: () => Promise<void>,
) {
  const [row] = await queryRows<{ id: string }>(
    t.database.db,
    sql`insert into memberships (user_id, role, service_id)
        values ((select id from users where username = 'clinica'), ${membership.role}, ${membership.serviceId ?? null})
        returning id`,
  );
  try {
    await work();
  } finally {
    await t.database.db.execute(sql`delete from memberships where id = ${row!.id}`);
  }
}

describe('signing in with an organisation’s identity provider', () => {
  it('lists the approved, enabled providers for the sign-in page, by name and id only', async () => {
    expect(await signInButtons(t)).toEqual([
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
    expect(await lastAudit(t, 'auth.sso_login')).toMatchObject({
      actor_username: 'clinica',
      record_id: cerchio.id,
      details: {
        method: 'sso',
        provider: 'Il Cerchio',
        state: 'mfa_required',
        secondFactorDone: false,
        secondFactor: { counted: false, why: 'none_asserted' },
      },
    });
  });

  it('counts a second factor the provider asserts by amr or acr, and audits which one counted', async () => {
    const byAmr = await signInThrough({ accountId: 'clinica', amr: ['pwd', 'otp'] });
    const amrSession = await sessionOf(byAmr.response);
    expect(amrSession.info.state).toBe('authenticated');
    const home = await t.app.inject({
      method: 'GET',
      url: '/api/home',
      headers: { cookie: amrSession.cookie },
    });
    expect(home.statusCode).toBe(200);
    expect((await lastAudit(t, 'auth.sso_login'))!.details).toMatchObject({
      secondFactorDone: true,
      secondFactor: { counted: true, amr: 'otp' },
    });

    const byAcr = await signInThrough({ accountId: 'clinica', acr: 'urn:test:loa:high' });
    expect((await sessionOf(byAcr.response)).info.state).toBe('authenticated');
    expect((await lastAudit(t, 'auth.sso_login'))!.details).toMatchObject({
      secondFactor: { counted: true, acr: 'urn:test:loa:high' },
    });

    // A value the admin did not list (here: an acr of a lower level) is no second factor.
    const lower = await signInThrough({ accountId: 'clinica', amr: ['pwd'], acr: 'urn:test:loa:low' });
    expect((await sessionOf(lower.response)).info.state).toBe('mfa_required');
  });

  it('ignores an amr that is no second factor even if an older registration lists it', async () => {
    // Written past the contract, as a registration from before the rule could hold it; approved
    // in the same statement, which the trigger reads as the approval itself (migration 0019).
    const amrValues = (values: string[]) =>
      t.database.db.execute(sql`update identity_providers
        set mfa_amr_values = ${`{${values.join(',')}}`}::text[], approved_at = now() where id = ${cerchio.id}`);
    await amrValues(['pwd', 'otp']);
    try {
      expect(await signInButtons(t)).toContainEqual({ id: cerchio.id, name: 'Il Cerchio' });
      const { response } = await signInThrough({ accountId: 'clinica', amr: ['pwd'] });
      expect((await sessionOf(response)).info.state).toBe('mfa_required');
    } finally {
      await amrValues(['otp', 'hwk']);
    }
  });

  it('honours the provider’s second factor only for accounts wholly in its organisation', async () => {
    const [elsewhere] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select s.id from services s join organisations o on o.id = s.organisation_id
           where o.id <> ${cerchio.organisationId} order by s.name limit 1`,
    );
    // A role in another organisation: the provider does not speak for it.
    await withExtraMembership({ role: 'practitioner', serviceId: elsewhere!.id }, async () => {
      const { response } = await signInThrough({ accountId: 'clinica', amr: ['otp'] });
      expect((await sessionOf(response)).info.state).toBe('mfa_required');
      expect((await lastAudit(t, 'auth.sso_login'))!.details).toMatchObject({
        secondFactorDone: false,
        secondFactor: { counted: false, why: 'roles_beyond_organisation', amr: 'otp' },
      });
    });
    // A global role (DPO, admin) reaches every organisation: never on another's word.
    await withExtraMembership({ role: 'dpo' }, async () => {
      const { response } = await signInThrough({ accountId: 'clinica', acr: 'urn:test:loa:high' });
      expect((await sessionOf(response)).info.state).toBe('mfa_required');
    });
    // Back to Il Cerchio alone: the same assertion counts again.
    const { response } = await signInThrough({ accountId: 'clinica', amr: ['otp'] });
    expect((await sessionOf(response)).info.state).toBe('authenticated');
  });

  it('refuses the same callback twice: a state is used once', async () => {
    const { flow, response } = await signInThrough({ accountId: 'clinica' });
    expect(errorReasonOf(response)).toBeNull();
    const before = await footprint();
    const replay = await callback(flow.callbackUrl, flow.stateCookie);
    expect(errorReasonOf(replay)).toBe('expired');
    expect(cookieNamed(replay, '__Host-trama-session')).toBeUndefined();
    expect(await footprint()).toEqual(before);
    expect((await lastRefusal(t)).details).toEqual({ reason: 'state_unknown' });
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
    expect(await lastRefusal(t)).toMatchObject({
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
    expect(await lastRefusal(t)).toMatchObject({
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
    expect(await lastRefusal(t)).toMatchObject({
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
    expect((await lastRefusal(t)).details).toEqual({ reason: 'state_unknown' });

    const off = await changeAs(admin, sirio.id, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(await signInButtons(t)).toEqual([{ id: cerchio.id, name: 'Il Cerchio' }]);
    expect(errorReasonOf(await t.app.inject({ method: 'GET', url: `/api/auth/sso/${sirio.id}/start` }))).toBe(
      'unavailable',
    );
  });

  it('finishes a sign-in only in the browser that started it', async () => {
    const flow = await throughProvider(idp, { accountId: 'clinica' }, cerchio.id);
    expect(errorReasonOf(await callback(flow.callbackUrl))).toBe('expired');
    expect((await lastRefusal(t)).details).toEqual({ reason: 'browser_mismatch' });
    expect(errorReasonOf(await callback(flow.callbackUrl, '__Host-trama-sso=someone-elses-state'))).toBe(
      'expired',
    );
  });

  it('says so when the person cancels at the provider, whatever the provider wrote beside it', async () => {
    const start = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${cerchio.id}/start` });
    const stateCookie = cookieNamed(start, '__Host-trama-sso')!;
    const state = stateCookie.split('=')[1]!;
    // Control characters in the provider's free text: ignored, not a problem document.
    const cancelled = await callback(
      `${t.deps.config.publicUrl}/api/auth/sso/callback?error=access_denied&error_description=Annullato%0A%0Dda%00utente&state=${state}`,
      stateCookie,
    );
    expect(errorReasonOf(cancelled)).toBe('cancelled');
    expect(await lastRefusal(t)).toMatchObject({
      record_id: cerchio.id,
      details: { reason: 'cancelled', check: 'access_denied' },
    });
  });

  it('ends a callback the input guard refuses on the error page, not on a problem document', async () => {
    const response = await callback(
      `${t.deps.config.publicUrl}/api/auth/sso/callback?code=abc%0Ainjected&state=whatever`,
      '__Host-trama-sso=whatever',
    );
    expect(errorReasonOf(response)).toBe('refused');
    expect((await lastRefusal(t)).details).toEqual({ reason: 'malformed_answer', check: 'input_refused' });
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/sso/%0Anot-an-id/start' });
    expect(errorReasonOf(start)).toBe('unavailable');
  });

  it.each([
    ['an e-mail the provider has not verified', 'unverified', 'email_unverified'],
    ['an e-mail no account has', 'stranger', 'no_account'],
    ['an account of another organisation', 'operatrice', 'other_organisation'],
    ['a look-alike e-mail with a letter of another alphabet', 'lookalike', 'email_not_ascii'],
  ])('refuses %s, creating and linking nothing', async (_what, accountId, reason) => {
    const before = await footprint();
    const { response } = await signInThrough({ accountId, amr: ['otp'] });
    expect(errorReasonOf(response)).toBe('no_account');
    expect(await footprint()).toEqual(before);
    const refusal = await lastRefusal(t);
    // The provider and the reason only: never the e-mail the provider named.
    expect(refusal).toMatchObject({ outcome: 'denied', record_id: cerchio.id, details: { reason } });
    expect(JSON.stringify(refusal)).not.toContain('@');
  });

  it('refuses a domain the admin did not allow, even for the right account', async () => {
    const narrowed = await changeAs(admin, cerchio.id, { allowedDomains: ['cerchio.example'] });
    expect(narrowed.statusCode).toBe(200);
    try {
      // What it trusts changed: a second person approves it again before it is used.
      await approved(dpo, cerchio.id);
      const { response } = await signInThrough({ accountId: 'clinica', amr: ['otp'] });
      expect(errorReasonOf(response)).toBe('no_account');
      expect((await lastRefusal(t)).details).toEqual({ reason: 'domain_not_allowed' });
    } finally {
      await changeAs(admin, cerchio.id, { allowedDomains: [DOMAIN] });
      await approved(dpo, cerchio.id);
    }
  });

  it('refuses a disabled account', async () => {
    await t.database.db.execute(sql`update users set disabled_at = now() where username = 'responsabile'`);
    const before = await footprint();
    const { response } = await signInThrough({ accountId: 'responsabile', amr: ['otp'] });
    expect(errorReasonOf(response)).toBe('no_account');
    expect((await lastRefusal(t)).details).toEqual({ reason: 'account_disabled' });
    expect(await footprint()).toEqual(before);
  });
});

describe('the address’s failed sign-in budget', () => {
  it('refuses while the address is locked, and audits the lock once, not at every retry', async () => {
    await t.database.db.execute(sql`insert into auth_throttle (key, failures, window_started_at, locked_until)
      values ('ip:10.9.9.9', 50, now(), now() + interval '15 minutes')`);
    const flow = await throughProvider(idp, { accountId: 'clinica', amr: ['otp'] }, cerchio.id);
    for (let retry = 0; retry < 3; retry++) {
      expect(errorReasonOf(await callback(flow.callbackUrl, flow.stateCookie, '10.9.9.9'))).toBe('locked');
    }
    const [noted] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'auth.sso_refused'
           and client_ip = '10.9.9.9' and details->>'reason' = 'locked'`,
    );
    expect(noted!.n).toBe(1);
  });

  it('counts what could be a guess, not a cancelled, expired or unreachable sign-in', async () => {
    const address = '10.9.9.10';
    // Another tab's sign-in, an expired state, a cancel at the provider: nobody guessed anything.
    const flow = await throughProvider(idp, { accountId: 'clinica', amr: ['otp'] }, cerchio.id);
    expect(errorReasonOf(await callback(flow.callbackUrl, undefined, address))).toBe('expired');
    expect(
      errorReasonOf(
        await callback(
          `${t.deps.config.publicUrl}/api/auth/sso/callback?code=x&state=never-given`,
          '__Host-trama-sso=never-given',
          address,
        ),
      ),
    ).toBe('expired');
    const start = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${cerchio.id}/start` });
    const stateCookie = cookieNamed(start, '__Host-trama-sso')!;
    const cancelled = await callback(
      `${t.deps.config.publicUrl}/api/auth/sso/callback?error=access_denied&state=${stateCookie.split('=')[1]}`,
      stateCookie,
      address,
    );
    expect(errorReasonOf(cancelled)).toBe('cancelled');
    expect(await failuresOf(address)).toBe(0);

    // An account that is not there, and a forged token: these count.
    const stranger = await signInThrough({ accountId: 'stranger' }, {}, address);
    expect(errorReasonOf(stranger.response)).toBe('no_account');
    const forged = await signInThrough({ accountId: 'clinica' }, { audience: 'another-client' }, address);
    expect(errorReasonOf(forged.response)).toBe('refused');
    expect(await failuresOf(address)).toBe(2);
  });

  it('sends a browser over the request rate limit to the error page, in words', async () => {
    const { app } = await buildApp({
      deps: {
        ...t.deps,
        config: { ...t.deps.config, rateLimits: { ...t.deps.config.rateLimits, signIn: 1 } },
      },
      serveWeb: false,
    });
    try {
      const url = `/api/auth/sso/${cerchio.id}/start`;
      const remoteAddress = '198.51.100.77';
      expect((await app.inject({ method: 'GET', url, remoteAddress })).statusCode).toBe(302);
      const limited = await app.inject({ method: 'GET', url, remoteAddress });
      expect(errorReasonOf(limited)).toBe('too_many');
      const back = await app.inject({
        method: 'GET',
        url: '/api/auth/sso/callback?code=x&state=y',
        remoteAddress,
      });
      expect(errorReasonOf(back)).toBe('too_many');
      expect(back.headers['content-type'] ?? '').not.toContain('problem+json');
    } finally {
      await app.close();
    }
  });
});
