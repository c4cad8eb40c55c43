import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { TSsoErrorReason, TSsoProvider } from '../../../contracts/identity-providers.js';
import { writeAudit, writeAuditApart } from '../audit/audit-writer.js';
import { decryptField } from '../crypto/field-crypto.js';
import { queryRows } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { Deps } from '../deps.js';
import { anonymousActor, type Client, openSession } from './auth.service.js';
import { identityProviders, oidcLogins } from './oidc.sql.js';
import {
  type AccountRefusal,
  type AssertedFactor,
  accountForSso,
  providerAssertedFactor,
  type SsoClaims,
  verifiedEmailOf,
} from './sso-account.js';
import { configurationOf } from './sso-discovery.js';
import {
  confirmFailure,
  countAttempt,
  LIMITS,
  releaseAttempt,
  reserveAttempt,
  WINDOW_MINUTES,
} from './throttle.js';
import { tokenHash } from './tokens.js';

/**
 * Single sign-on through an organisation's OpenID Connect provider (ADR 0014): the authorization
 * code flow with PKCE (S256), state and nonce, the state kept in the database (any instance can
 * finish a sign-in, and each state is used once, within ten minutes) and bound to the browser that
 * started it by a cookie. Every failure is a `SsoRefusal`: audited with its precise reason, shown
 * to the person as one of a few reasons in words.
 */

/** How long a started sign-in may take at the provider. */
const LOGIN_TTL = sql`interval '10 minutes'`;
const SCOPE = 'openid email';

export type SsoRefusalReason =
  | AccountRefusal
  | 'state_unknown'
  | 'browser_mismatch'
  | 'provider_unknown'
  | 'provider_unreachable'
  | 'cancelled'
  | 'provider_error'
  | 'token_invalid'
  | 'malformed_answer'
  | 'locked'
  | 'internal';

/** What the person is told for each precise reason (the page's words: web `auth.ssoError.*`). */
const SHOWN_AS: Record<SsoRefusalReason, TSsoErrorReason> = {
  state_unknown: 'expired',
  browser_mismatch: 'expired',
  provider_unknown: 'unavailable',
  provider_unreachable: 'unreachable',
  cancelled: 'cancelled',
  provider_error: 'refused',
  token_invalid: 'refused',
  malformed_answer: 'refused',
  email_unverified: 'no_account',
  email_not_ascii: 'no_account',
  domain_not_allowed: 'no_account',
  no_account: 'no_account',
  account_disabled: 'no_account',
  other_organisation: 'no_account',
  locked: 'locked',
  internal: 'error',
};

/**
 * The refusals that can be someone guessing — a forged or replayed answer, an account that is not
 * there or not theirs — count against the client address's failed sign-in budget. A person who
 * cancelled, a sign-in that expired or was started in another tab, a provider that is down or
 * unknown are not guesses: counting them would lock out a whole office behind one address.
 */
const GUESSES: ReadonlySet<SsoRefusalReason> = new Set<SsoRefusalReason>([
  'token_invalid',
  'email_unverified',
  'email_not_ascii',
  'domain_not_allowed',
  'no_account',
  'account_disabled',
  'other_organisation',
]);

export class SsoRefusal extends Error {
  constructor(
    readonly reason: SsoRefusalReason,
    readonly providerId: string | null,
    /** Which check failed (an openid-client or OAuth error code): for the audit, never shown. */
    readonly check?: string,
  ) {
    super(`single sign-on refused: ${reason}`);
  }
}

export function callbackUrlOf(deps: Deps) {
  return `${deps.config.publicUrl}/api/auth/sso/callback`;
}

/**
 * A provider accepts sign-ins only when it is enabled and a second person approved it as it
 * stands (ADR 0014; any change to what it trusts withdraws the approval, migration 0019).
 */
const acceptsSignIns = and(eq(identityProviders.enabled, true), isNotNull(identityProviders.approvedAt));

/** The providers that accept sign-ins, for the sign-in page's buttons. */
export async function listSignInProviders({ deps }: { deps: Deps }): Promise<TSsoProvider[]> {
  return deps.db
    .select({ id: identityProviders.id, name: identityProviders.name })
    .from(identityProviders)
    .where(acceptsSignIns)
    .orderBy(asc(identityProviders.name));
}

/** A provider that accepts sign-ins, with its secret decrypted, read as the platform (before any session). */
async function usableProvider({ deps, id }: { deps: Deps; id: string }) {
  const [row] = await deps.db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, id), acceptsSignIns));
  if (!row) throw new SsoRefusal('provider_unknown', null);
  const clientSecret = decryptField({
    keyring: deps.keyring,
    value: row.clientSecretEncrypted,
    context: `identity_providers.client_secret:${row.id}`,
  });
  return { ...row, clientSecret };
}

async function providerConfiguration({
  deps,
  provider,
}: {
  deps: Deps;
  provider: Awaited<ReturnType<typeof usableProvider>>;
}) {
  try {
    return await configurationOf(provider, { allowInsecureLocal: deps.config.ssoAllowInsecureLocalIssuer });
  } catch (error) {
    throw new SsoRefusal('provider_unreachable', provider.id, errorCodeOf(error));
  }
}

/**
 * Starts a sign-in: a fresh state, nonce and PKCE verifier kept in `oidc_logins` (the state only as
 * its hash), and the provider's authorization address to send the browser to. The state also goes
 * back to the browser in a cookie, so only the browser that started a sign-in can finish it.
 */
export async function startSso({ deps, providerId }: { deps: Deps; providerId: string }) {
  const provider = await usableProvider({ deps, id: providerId });
  const config = await providerConfiguration({ deps, provider });
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await systemTransaction(deps.db, async (tx) => {
    // Sign-ins abandoned at the provider: nobody can finish them any more.
    await tx.execute(sql`delete from oidc_logins where created_at < now() - ${LOGIN_TTL}`);
    await tx.insert(oidcLogins).values({ stateHash: tokenHash(state), providerId, nonce, codeVerifier });
  });
  const location = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrlOf(deps),
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { location: location.href, state };
}

/** The sign-in a state stands for, taken once: a second use, or one after ten minutes, finds nothing. */
async function consumeLogin({ deps, state }: { deps: Deps; state: string }) {
  const [login] = await queryRows<{ provider_id: string; nonce: string; code_verifier: string }>(
    deps.db,
    sql`update oidc_logins set consumed_at = now()
         where state_hash = ${tokenHash(state)} and consumed_at is null and created_at > now() - ${LOGIN_TTL}
         returning provider_id, nonce, code_verifier`,
  );
  if (!login) throw new SsoRefusal('state_unknown', null);
  return login;
}

function sameText(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Finishes a sign-in from the provider's answer (the callback's query as it arrived): the state
 * from this browser, taken once; the provider's answer checked by openid-client (state, `iss`, the
 * code exchanged with the PKCE verifier, and the ID token's signature, issuer, audience, expiry and
 * nonce); then the account by `accountForSso`, and the session as a password sign-in opens it.
 * A failure that could be a guess counts against the client's address as a failed password would
 * (ASVS 6.3.1); the others give their slot back (`GUESSES`).
 */
export async function finishSso({
  deps,
  query,
  stateCookie,
  client,
}: {
  deps: Deps;
  query: string;
  stateCookie: string | undefined;
  client: Client;
}) {
  const attempt = { key: `ip:${client.ip}`, limit: LIMITS.ip };
  if (!(await reserveAttempt({ db: deps.db, ...attempt }))) throw new SsoRefusal('locked', null);
  try {
    const session = await judgeCallback({ deps, query, stateCookie, client });
    await releaseAttempt({ db: deps.db, key: attempt.key });
    return session;
  } catch (error) {
    if (error instanceof SsoRefusal && GUESSES.has(error.reason)) {
      if (await confirmFailure({ db: deps.db, ...attempt })) await auditLockout({ deps, client });
    } else {
      await releaseAttempt({ db: deps.db, key: attempt.key });
    }
    throw error;
  }
}

/** The address just reached its limit: said once, as the password sign-in says it. */
async function auditLockout({ deps, client }: { deps: Deps; client: Client }) {
  await writeAuditApart({
    db: deps.db,
    actor: anonymousActor(client),
    event: {
      action: 'auth.lockout_started',
      outcome: 'denied',
      details: { scope: 'ip', minutes: WINDOW_MINUTES, method: 'sso' },
    },
  });
}

async function judgeCallback({
  deps,
  query,
  stateCookie,
  client,
}: {
  deps: Deps;
  query: string;
  stateCookie: string | undefined;
  client: Client;
}) {
  const params = new URLSearchParams(query);
  const state = params.get('state');
  if (!state) throw new SsoRefusal('state_unknown', null);
  if (!stateCookie || !sameText(stateCookie, state)) throw new SsoRefusal('browser_mismatch', null);
  const login = await consumeLogin({ deps, state });
  const provider = await usableProvider({ deps, id: login.provider_id });
  // `error_description` is the provider's free text: never read, logged or shown.
  const providerError = params.get('error');
  if (providerError !== null) {
    throw new SsoRefusal(
      providerError === 'access_denied' ? 'cancelled' : 'provider_error',
      provider.id,
      oauthCodeOf(providerError),
    );
  }
  const config = await providerConfiguration({ deps, provider });
  let claims: SsoClaims;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${callbackUrlOf(deps)}?${query}`), {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    // The standard claims Trama reads are not in the library's IDToken type: read as unknown.
    claims = (tokens.claims() ?? {}) as SsoClaims;
  } catch (error) {
    throw new SsoRefusal(
      isNetworkFailure(error) ? 'provider_unreachable' : 'token_invalid',
      provider.id,
      errorCodeOf(error),
    );
  }
  const verified = verifiedEmailOf({ claims, allowedDomains: provider.allowedDomains });
  if ('refusal' in verified) throw new SsoRefusal(verified.refusal, provider.id);
  const found = await accountForSso({
    db: deps.db,
    email: verified.email,
    organisationId: provider.organisationId,
  });
  if ('refusal' in found) throw new SsoRefusal(found.refusal, provider.id);
  const { account } = found;
  const asserted = providerAssertedFactor({
    claims,
    amrValues: provider.mfaAmrValues,
    acrValues: provider.mfaAcrValues,
  });
  // The provider vouches for its own organisation only: an account with roles elsewhere, or a
  // global one, still gives Trama's second factor (or sets it up) exactly as after a password.
  const secondFactorDone = asserted !== null && account.onlyInOrganisation;
  return systemTransaction(deps.db, async (tx) => {
    const session = await openSession({
      tx,
      userId: account.id,
      mfaEnrolled: account.mfaEnrolled,
      secondFactorDone,
      client,
    });
    await writeAudit({
      tx,
      actor: anonymousActor(client, account.username, account.id),
      event: {
        action: 'auth.sso_login',
        recordType: 'identity_provider',
        recordId: provider.id,
        details: {
          method: 'sso',
          provider: provider.name,
          state: session.state,
          secondFactorDone,
          secondFactor: secondFactorWords({ asserted, onlyInOrganisation: account.onlyInOrganisation }),
        },
      },
    });
    return session;
  });
}

/** What the audit says of the provider's second factor: the claim that counted, or why none did. */
function secondFactorWords({
  asserted,
  onlyInOrganisation,
}: {
  asserted: AssertedFactor | null;
  onlyInOrganisation: boolean;
}) {
  if (!asserted) return { counted: false, why: 'none_asserted' };
  if (!onlyInOrganisation)
    return { counted: false, why: 'roles_beyond_organisation', [asserted.claim]: asserted.value };
  return { counted: true, [asserted.claim]: asserted.value };
}

/**
 * Records a refusal (provider and reason only: never the e-mail or the subject the provider named)
 * and gives the reason the person is shown. A locked address is recorded once per lock, not at
 * every retry: a client hammering a locked sign-in would otherwise write the audit trail full.
 */
export async function recordRefusal({
  deps,
  refusal,
  client,
}: {
  deps: Deps;
  refusal: SsoRefusal;
  client: Client;
}): Promise<TSsoErrorReason> {
  if (refusal.reason === 'locked' && !(await firstRefusalOfLock({ deps, client }))) return SHOWN_AS.locked;
  await writeAuditApart({
    db: deps.db,
    actor: anonymousActor(client),
    event: {
      action: 'auth.sso_refused',
      outcome: refusal.reason === 'internal' ? 'failure' : 'denied',
      ...(refusal.providerId ? { recordType: 'identity_provider', recordId: refusal.providerId } : {}),
      details: { reason: refusal.reason, ...(refusal.check ? { check: refusal.check } : {}) },
    },
  });
  return SHOWN_AS[refusal.reason];
}

/**
 * Whether this is the first refusal of a locked address in this window: one slot on a counter of
 * its own (limit 1, held for the throttle's window), so every instance agrees.
 */
function firstRefusalOfLock({ deps, client }: { deps: Deps; client: Client }) {
  return countAttempt({ db: deps.db, key: `sso-locked-noted:${client.ip}`, limit: 1 });
}

/** A provider's OAuth error code as the audit may keep it: a short word, or nothing. */
function oauthCodeOf(value: string) {
  return /^[a-z_]{1,40}$/.test(value) ? value : 'unrecognised';
}

/** The library's error code (OAUTH_…) or the OAuth error the provider answered; never a message. */
function errorCodeOf(error: unknown): string {
  const e = error as { code?: unknown; error?: unknown; name?: unknown };
  if (typeof e?.error === 'string') return oauthCodeOf(e.error);
  if (typeof e?.code === 'string' && /^[A-Z_]{1,60}$/.test(e.code)) return e.code;
  return typeof e?.name === 'string' && /^[A-Za-z]{1,40}$/.test(e.name) ? e.name : 'unrecognised';
}

/** The provider could not be reached or answered too late (as opposed to answering wrongly). */
function isNetworkFailure(error: unknown) {
  const e = error as { name?: string; cause?: unknown } | null;
  return e?.name === 'TimeoutError' || e?.name === 'AbortError' || (error instanceof TypeError && !!e?.cause);
}
