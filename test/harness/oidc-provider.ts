import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type KoaContextWithOIDC } from 'oidc-provider';

/*
 * A real OpenID Connect provider (the `oidc-provider` package) for tests, on a free port of
 * 127.0.0.1: discovery, authorization with PKCE required, token endpoint, signed ID tokens. The
 * interaction (the provider's own sign-in page) is finished programmatically with the account the
 * test chose (`nextLogin`), so a test drives the flow with plain HTTP requests or a browser.
 *
 * `tamper` makes the next ID tokens wrong the way an attacker or a broken provider would: another
 * audience, already expired, another nonce. The token is still signed by the provider's key, so
 * only the relying party's checks can refuse it.
 */

export interface TestAccount {
  email: string;
  emailVerified: boolean;
}

export interface TestLogin {
  accountId: string;
  /** Authentication methods the provider asserts (`amr`), e.g. ['pwd', 'otp']. */
  amr?: string[];
  /** Authentication context class the provider asserts (`acr`). */
  acr?: string;
}

export interface IdTokenTampering {
  audience?: string;
  /** The ID token's `exp` this many seconds in the past. */
  expiredSecondsAgo?: number;
  nonce?: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** The account (and what it asserts) the provider signs in on its next interaction. */
  nextLogin(login: TestLogin): void;
  tamper(tampering: IdTokenTampering): void;
  close(): Promise<void>;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export async function startOidcProvider({
  clients,
  accounts,
}: {
  clients: TestClient[];
  accounts: Record<string, TestAccount>;
}): Promise<TestOidcProvider> {
  let login: TestLogin | null = null;
  let tampering: IdTokenTampering = {};
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: clients.map(
      (c): ClientMetadata => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: [c.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      }),
    ),
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // Every client must send a PKCE S256 challenge: a relying party that forgot it is refused.
    pkce: { required: () => true },
    claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'] },
    // The e-mail in the ID token itself, where Trama reads it (no userinfo call).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx: KoaContextWithOIDC, id: string) => {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified }),
      };
    },
    // The test's own client: consent is taken as given, as an organisation's IdP does for its apps.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      IdToken: 300,
      AccessToken: 300,
      AuthorizationCode: 60,
      Interaction: 300,
      Session: 600,
      Grant: 600,
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('test OIDC provider error', error));

  // The test knobs act where the provider signs the ID token.
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = async function tamperedIssue(
    this: InstanceType<typeof provider.IdToken>,
    options?: { use: string; expiresAt?: number },
  ) {
    if (tampering.nonce) this.set('nonce', tampering.nonce);
    if (tampering.audience) {
      const self = this as unknown as { client: object };
      self.client = Object.create(self.client, { clientId: { value: tampering.audience } });
    }
    const expiresAt = tampering.expiredSecondsAgo
      ? Math.floor(Date.now() / 1000) - tampering.expiredSecondsAgo
      : undefined;
    return issue.call(this, { ...(options as { use: 'idtoken' }), ...(expiresAt ? { expiresAt } : {}) });
  } as typeof issue;

  const callback = provider.callback();
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    try {
      if (!login) throw new Error('the test chose no account (nextLogin)');
      const { amr, acr, accountId } = login;
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, ...(amr ? { amr } : {}), ...(acr ? { acr } : {}) } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });

  return {
    issuer,
    nextLogin: (next) => {
      login = next;
    },
    tamper: (next) => {
      tampering = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
