import * as oidc from 'openid-client';
import { LOCAL_ISSUER_HOSTS } from '../../../contracts/identity-providers.js';

/**
 * The relying party's view of a registered provider (openid-client's `Configuration`): its
 * discovered metadata, keys and our client credentials. Discovery runs at sign-in time, never when
 * the admin saves the registration, and its result is kept a few minutes per provider and per
 * version of the registration (`updatedAt`): an edit takes effect on the next sign-in. The cache
 * holds nothing that is not in the database and the provider's own document, so every instance
 * may keep its own.
 */
export interface ProviderCredentials {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  updatedAt: Date;
}

const CACHE_MS = 5 * 60_000;
/** Seconds any request to the provider may take: a provider that hangs ends on the error page. */
const REQUEST_TIMEOUT_S = 10;

const cache = new Map<string, { version: number; at: number; config: Promise<oidc.Configuration> }>();

/** Plain http is allowed for a provider on this computer only (tests, demos); anything else is https. */
export function isLocalHttpIssuer(issuer: URL) {
  return issuer.protocol === 'http:' && (LOCAL_ISSUER_HOSTS as readonly string[]).includes(issuer.hostname);
}

export function configurationOf(provider: ProviderCredentials): Promise<oidc.Configuration> {
  const version = provider.updatedAt.getTime();
  const hit = cache.get(provider.id);
  if (hit && hit.version === version && Date.now() - hit.at < CACHE_MS) return hit.config;
  const config = discover(provider);
  cache.set(provider.id, { version, at: Date.now(), config });
  // A failed discovery is not kept: the next sign-in tries again.
  config.catch(() => {
    if (cache.get(provider.id)?.config === config) cache.delete(provider.id);
  });
  return config;
}

async function discover(provider: ProviderCredentials) {
  const issuer = new URL(provider.issuer);
  const insecure = isLocalHttpIssuer(issuer);
  // openid-client checks that the document names exactly this issuer.
  const discovered = await oidc.discovery(issuer, provider.clientId, undefined, oidc.None(), {
    execute: insecure ? [oidc.allowInsecureRequests] : [],
    timeout: REQUEST_TIMEOUT_S,
  });
  const metadata = discovered.serverMetadata();
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
