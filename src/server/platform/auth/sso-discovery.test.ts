import type * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { ZIdentityProviderCreateSchema } from '../../../contracts/identity-providers.js';
import { loadConfig } from '../config/config.js';
import { checkEndpoints, UntrustedEndpoint } from './sso-discovery.js';

/** A discovery document's endpoints, the rest as a provider would send it. */
function document(issuer: string, endpoints: Partial<Record<string, string>> = {}): oidc.ServerMetadata {
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    ...endpoints,
  };
}

function refusal(metadata: oidc.ServerMetadata, issuer: string) {
  try {
    checkEndpoints(metadata, new URL(issuer));
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UntrustedEndpoint);
    return (error as UntrustedEndpoint).endpoint;
  }
}

describe('the endpoints a provider’s document may name', () => {
  const issuer = 'https://idp.example.org/realms/trama';

  it('are https addresses on the issuer’s own origin', () => {
    expect(refusal(document(issuer), issuer)).toBeNull();
    expect(
      refusal(document(issuer, { token_endpoint: 'https://idp.example.org/other/token' }), issuer),
    ).toBeNull();
  });

  it.each([
    ['token_endpoint', 'http://idp.example.org/token'],
    ['token_endpoint', 'https://169.254.169.254/latest/meta-data'],
    ['jwks_uri', 'https://idp.example.org.evil.example/jwks'],
    ['jwks_uri', 'https://idp.example.org:8443/jwks'],
    ['authorization_endpoint', 'https://user:pass@idp.example.org/auth'],
    ['authorization_endpoint', 'not an address'],
  ])('refuse a %s of %s', (endpoint, value) => {
    expect(refusal(document(issuer, { [endpoint]: value }), issuer)).toBe(endpoint);
  });

  it('refuse a document without one of them', () => {
    const { jwks_uri: _none, ...rest } = document(issuer);
    expect(refusal(rest as oidc.ServerMetadata, issuer)).toBe('jwks_uri');
  });

  it('are plain http only on the same local origin as a plain-http local issuer', () => {
    const local = 'http://127.0.0.1:4000';
    expect(refusal(document(local), local)).toBeNull();
    expect(refusal(document(local, { token_endpoint: 'http://127.0.0.1:4001/token' }), local)).toBe(
      'token_endpoint',
    );
    expect(refusal(document(local, { token_endpoint: 'http://10.0.0.5/token' }), local)).toBe(
      'token_endpoint',
    );
  });
});

describe('plain-http issuers', () => {
  it('are refused unless the server is told otherwise, and never in production mode', () => {
    expect(loadConfig({}).ssoAllowInsecureLocalIssuer).toBe(false);
    expect(loadConfig({ TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER: 'true' }).ssoAllowInsecureLocalIssuer).toBe(
      true,
    );
    expect(() =>
      loadConfig({
        TRAMA_MODE: 'production',
        TRAMA_DATA_KEY: 'k',
        DATABASE_URL: 'postgres://db/trama',
        TRAMA_PUBLIC_URL: 'https://trama.example.org',
        TRAMA_AUDIT_SIGNING_KEY: 'key',
        TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER: 'true',
      }),
    ).toThrow(/TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER/);
  });
});

describe('a registration’s issuer', () => {
  const parse = (issuer: string) =>
    ZIdentityProviderCreateSchema.safeParse({
      organisationId: '6b1f7a39-5d7e-4a51-9d4e-2f0c6d1e8a90',
      name: 'Prova',
      issuer,
      clientId: 'c',
      clientSecret: 's',
      allowedDomains: ['example.org'],
    });

  it('is kept without one trailing slash, so one provider has one spelling', () => {
    expect(parse('https://idp.example.org/').data?.issuer).toBe('https://idp.example.org');
    expect(parse('https://idp.example.org/realms/a/').data?.issuer).toBe('https://idp.example.org/realms/a');
    expect(parse('https://idp.example.org/realms/a//').success).toBe(false);
  });
});
