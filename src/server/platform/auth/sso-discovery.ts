import * as oidc from 'openid-client';
import { LOCAL_ISSUER_HOSTS } from '../../../contracts/identity-providers.js';

/**
 * The relying party's view of a registered provider (openid-client's `Configuration`): its
 * discovered metadata, keys and our client credentials. Discovery runs at sign-in time, never when
 * the admin saves the registration, and its result is kept a few minutes per provider and per
 * version of the registration (`updatedAt`): an edit takes effect on the next sign-in. A failed
 * discovery is kept half a minute, so a provider that is down or misconfigured is not asked again
 * at every click. The cache holds nothing that is not in the database and the provider's own
 * document, so every instance may keep its own.
 */
export interface ProviderCredentials {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  updatedAt: Date;
}

const CACHE_MS = 5 * 60_000;
const FAILURE_CACHE_MS = 30_000;
/** Seconds any request to the provider may take: a provider that hangs ends on the error page. */
const REQUEST_TIMEOUT_S = 10;

const cache = new Map<
  string,
  { version: number; at: number; ttl: number; config: Promise<oidc.Configuration> }
>();

/** A plain-http issuer on this computer (tests, demos): the only kind of http issuer there can be. */
export function isLocalHttpIssuer(issuer: URL) {
  return issuer.protocol === 'http:' && (LOCAL_ISSUER_HOSTS as readonly string[]).includes(issuer.hostname);
}

/**
 * The provider's discovery document named an address Trama must not send the browser or its
 * requests to. The code is what the audit keeps (`auth.sso_refused`, check).
 */
export class UntrustedEndpoint extends Error {
  readonly code = 'ENDPOINT_NOT_ON_ISSUER_ORIGIN';
  constructor(readonly endpoint: string) {
    super(`the provider's ${endpoint} is not an https address on the issuer's origin`);
  }
}

/**
 * The endpoints Trama uses (authorization, token, keys; the e-mail is read from the ID token, so
 * no userinfo) must be https on the issuer's own origin — or, where plain http is allowed, on the
 * same local http origin. A document that points elsewhere would make Trama send the code, the
 * client secret or its key requests to an address the admin never registered (SSRF, ADR 0014).
 */
export function checkEndpoints(metadata: oidc.ServerMetadata, issuer: URL) {
  const endpoints = {
    authorization_endpoint: metadata.authorization_endpoint,
    token_endpoint: metadata.token_endpoint,
    jwks_uri: metadata.jwks_uri,
  };
  for (const [name, value] of Object.entries(endpoints)) {
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      throw new UntrustedEndpoint(name);
    }
    const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && isLocalHttpIssuer(issuer));
    if (!schemeOk || url.origin !== issuer.origin || url.username || url.password)
      throw new UntrustedEndpoint(name);
  }
}

export function configurationOf(
  provider: ProviderCredentials,
  { allowInsecureLocal }: { allowInsecureLocal: boolean },
): Promise<oidc.Configuration> {
  // Registered while this server allowed it, now run where it does not: refused, never fetched.
  if (!allowInsecureLocal && isLocalHttpIssuer(new URL(provider.issuer)))
    return Promise.reject(new InsecureIssuerRefused('plain-http issuer not allowed here'));
  const version = provider.updatedAt.getTime();
  const hit = cache.get(provider.id);
  if (hit && hit.version === version && Date.now() - hit.at < hit.ttl) return hit.config;
  const entry = { version, at: Date.now(), ttl: CACHE_MS, config: discover(provider) };
  cache.set(provider.id, entry);
  entry.config.catch(() => {
    entry.ttl = FAILURE_CACHE_MS;
  });
  return entry.config;
}

class InsecureIssuerRefused extends Error {
  readonly code = 'INSECURE_ISSUER_NOT_ALLOWED';
}

async function discover(provider: ProviderCredentials) {
  const issuer = new URL(provider.issuer);
  const insecure = isLocalHttpIssuer(issuer);
  const metadata = await discoveredMetadata({ issuer, clientId: provider.clientId, insecure });
  checkEndpoints(metadata, issuer);
  // client_secret_basic is the specification's default; post only for a provider that offers nothing else.
  const methods = metadata.token_endpoint_auth_methods_supported;
  const onlyPost =
    methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post');
  const config = new oidc.Configuration(
    metadata,
    provider.clientId,
    provider.clientSecret,
    onlyPost ? oidc.ClientSecretPost(provider.clientSecret) : oidc.ClientSecretBasic(provider.clientSecret),
  );
  if (insecure) oidc.allowInsecureRequests(config);
  config.timeout = REQUEST_TIMEOUT_S;
  return config;
}

/**
 * The provider's document, which openid-client checks names exactly the registered issuer. A
 * registration is kept without a trailing slash (one issuer, one registration); a provider whose
 * issuer is the same address with its slash is still that provider, so its document is taken.
 */
async function discoveredMetadata({
  issuer,
  clientId,
  insecure,
}: {
  issuer: URL;
  clientId: string;
  insecure: boolean;
}): Promise<oidc.ServerMetadata> {
  try {
    const discovered = await oidc.discovery(issuer, clientId, undefined, oidc.None(), {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: REQUEST_TIMEOUT_S,
    });
    return discovered.serverMetadata();
  } catch (error) {
    const mismatch = error as { code?: unknown; cause?: { attribute?: unknown; body?: oidc.ServerMetadata } };
    const document = mismatch?.cause?.body;
    if (
      mismatch?.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' &&
      mismatch.cause?.attribute === 'issuer' &&
      document?.issuer === `${issuer.href}/`
    )
      return document;
    throw error;
  }
}
