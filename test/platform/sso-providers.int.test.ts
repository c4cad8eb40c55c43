import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIdentityProvider } from '../../src/contracts/identity-providers.js';
import { decryptField } from '../../src/server/platform/crypto/field-crypto.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { pgErrorCode } from '../../src/server/platform/db/pg-errors.js';
import { startOidcProvider, type TestOidcProvider } from '../harness/oidc-provider.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';
import {
  approveAs,
  approved,
  changeAs,
  DOMAIN,
  errorReasonOf,
  lastAudit,
  lastRefusal,
  orgId,
  registerAs,
  secondAdmin,
  signInButtons,
  stepUp,
} from './sso-support.js';

/*
 * Registering organisations' identity providers (ADR 0014): an admin registers and changes them
 * after a fresh second factor; a provider accepts sign-ins only once a second person — another
 * admin or a DPO — approved it as it stands, and a change of what it trusts withdraws that; what
 * counts as a second factor; the issuer and the addresses its document may name; the audit.
 */

let t: TestApp;
let admin: Session;
let adminBis: Session;
let dpo: Session;
let idp: TestOidcProvider;
let cerchioOrg: string;
let cerchio: TIdentityProvider;

const SECRET = 'cerchio-client-secret-0123456789';

const base = () => ({
  organisationId: cerchioOrg,
  name: 'Prova',
  clientId: 'trama',
  clientSecret: 'secret-0123456789',
  allowedDomains: ['example.org'],
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  adminBis = await secondAdmin(t);
  dpo = await t.signIn('dpo');
  for (const session of [admin, adminBis, dpo]) await stepUp(t, session);
  cerchioOrg = await orgId(t, 'Cooperativa sociale Il Cerchio');
  idp = await startOidcProvider({
    clients: [
      {
        clientId: 'trama',
        clientSecret: SECRET,
        redirectUri: `${t.deps.config.publicUrl}/api/auth/sso/callback`,
      },
    ],
    accounts: {},
  });
  const created = await registerAs(admin, {
    organisationId: cerchioOrg,
    name: 'Il Cerchio',
    issuer: idp.issuer,
    clientId: 'trama',
    clientSecret: SECRET,
    allowedDomains: [DOMAIN.toUpperCase()],
    mfaAmrValues: ['OTP', 'hwk'],
    mfaAcrValues: ['urn:test:loa:high'],
  });
  expect(created.statusCode, created.body).toBe(201);
  cerchio = created.json();
});

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

const startOf = (id: string) => t.app.inject({ method: 'GET', url: `/api/auth/sso/${id}/start` });

describe('a second person approves a provider before it accepts sign-ins', () => {
  it('leaves a new registration unapproved, unlisted and unusable', async () => {
    expect(cerchio).toMatchObject({
      approvedAt: null,
      approvedByName: null,
      changedByName: 'Anna Amministratrice',
      canApprove: false,
    });
    expect(await signInButtons(t)).toEqual([]);
    expect(errorReasonOf(await startOf(cerchio.id))).toBe('unavailable');
    expect(await lastRefusal(t)).toMatchObject({ details: { reason: 'provider_unknown' } });
  });

  it('refuses the approval of the admin who registered it', async () => {
    const own = await approveAs(admin, cerchio.id);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({
      type: 'urn:trama:problem:second-person-required',
      localized: {
        it: { detail: 'Serve una seconda persona: non puoi approvare una modifica tua.' },
        en: { detail: 'A second person is needed: you cannot approve your own change.' },
      },
    });
    expect(await lastAudit(t, 'access.denied')).toMatchObject({
      actor_username: 'admin',
      record_id: cerchio.id,
      details: { reason: 'own_change' },
    });
    // Beneath the API, the database's own rule says the same.
    const adminId = await t.userId('admin');
    const [outcome] = await withDbContext(
      t.database.db,
      { userId: adminId, role: 'admin', organisationId: null, serviceId: null },
      (tx) =>
        queryRows<{ outcome: string }>(tx, sql`select identity_provider_approve(${cerchio.id}) as outcome`),
    );
    expect(outcome?.outcome).toBe('own_change');
  });

  it('shows the DPO the provider with the approval to give, and takes it', async () => {
    const listed = await dpo.request({ method: 'GET', url: '/api/identity-providers' });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(SECRET);
    const seen = (listed.json().providers as TIdentityProvider[]).find((p) => p.id === cerchio.id);
    expect(seen).toMatchObject({ canApprove: true, approvedAt: null });

    const approval = await approveAs(dpo, cerchio.id);
    expect(approval.statusCode, approval.body).toBe(200);
    expect(approval.json()).toMatchObject({
      approvedByName: 'Davide Protezione Dati',
      canApprove: false,
    });
    expect(approval.json().approvedAt).toBeTruthy();
    expect(await signInButtons(t)).toEqual([{ id: cerchio.id, name: 'Il Cerchio' }]);
    expect((await startOf(cerchio.id)).statusCode).toBe(302);
    expect(await lastAudit(t, 'identity_provider.approved')).toMatchObject({
      actor_username: 'dpo',
      record_id: cerchio.id,
      details: {
        organisation: 'Cooperativa sociale Il Cerchio',
        issuer: idp.issuer,
        clientId: 'trama',
        allowedDomains: [DOMAIN],
        mfaAmrValues: ['otp', 'hwk'],
        mfaAcrValues: ['urn:test:loa:high'],
        enabled: true,
        changedBy: await t.userId('admin'),
      },
    });

    const again = await approveAs(adminBis, cerchio.id);
    expect(again.statusCode).toBe(409);
  });

  it('keeps the approval through a change of name, and withdraws it when what it trusts changes', async () => {
    const renamed = await changeAs(admin, cerchio.id, { name: 'Il Cerchio (accesso)' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().approvedAt).not.toBeNull();
    expect(await signInButtons(t)).toEqual([{ id: cerchio.id, name: 'Il Cerchio (accesso)' }]);

    const widened = await changeAs(admin, cerchio.id, {
      mfaAcrValues: ['urn:test:loa:high', 'urn:test:loa:low'],
    });
    expect(widened.statusCode).toBe(200);
    expect(widened.json()).toMatchObject({ approvedAt: null, approvedByName: null, canApprove: false });
    expect(await signInButtons(t)).toEqual([]);
    expect(errorReasonOf(await startOf(cerchio.id))).toBe('unavailable');

    // Another admin is a second person as much as a DPO is.
    const back = await approved(adminBis, cerchio.id);
    expect(back.approvedByName).toBe('Bruno Secondo Amministratore');
    expect(await signInButtons(t)).toHaveLength(1);
  });

  it('withdraws the approval when a disabled provider is enabled again', async () => {
    expect((await changeAs(admin, cerchio.id, { enabled: false })).json().approvedAt).not.toBeNull();
    expect(await signInButtons(t)).toEqual([]);
    const on = await changeAs(admin, cerchio.id, { enabled: true });
    expect(on.json()).toMatchObject({ enabled: true, approvedAt: null });
    expect(await signInButtons(t)).toEqual([]);
    await approved(dpo, cerchio.id);
  });

  it('lets the first admin approve what the second one changed', async () => {
    const changed = await changeAs(adminBis, cerchio.id, { clientSecret: 'another-secret-0123456789' });
    expect(changed.json()).toMatchObject({ approvedAt: null, changedByName: 'Bruno Secondo Amministratore' });
    expect((await approveAs(adminBis, cerchio.id)).statusCode).toBe(403);
    await approved(admin, cerchio.id);
    await changeAs(admin, cerchio.id, { clientSecret: SECRET });
    await approved(dpo, cerchio.id);
  });

  it('answers 404 for a provider that does not exist', async () => {
    const missing = await approveAs(dpo, '6b1f7a39-5d7e-4a51-9d4e-2f0c6d1e8a90');
    expect(missing.statusCode).toBe(404);
  });

  it('asks for a fresh second factor before registering, changing or approving', async () => {
    const staleAdmin = await t.signIn('admin');
    const staleDpo = await t.signIn('dpo');
    const created = await registerAs(staleAdmin, { ...base(), issuer: 'https://idp.stale.example' });
    expect(created.statusCode).toBe(403);
    expect(created.json().type).toBe('urn:trama:problem:step-up-required');
    const changed = await changeAs(staleAdmin, cerchio.id, { name: 'Di nascosto' });
    expect(changed.json().type).toBe('urn:trama:problem:step-up-required');

    const pending = await registerAs(admin, { ...base(), issuer: 'https://idp.pending.example' });
    expect(pending.statusCode).toBe(201);
    const approval = await approveAs(staleDpo, pending.json().id);
    expect(approval.statusCode).toBe(403);
    expect(approval.json().type).toBe('urn:trama:problem:step-up-required');
    // Nothing was written by the refused requests.
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from identity_providers where issuer = 'https://idp.stale.example'
            or (id = ${pending.json().id} and approved_at is not null) or name = 'Di nascosto'`,
    );
    expect(row!.n).toBe(0);
  });
});

describe('who registers and changes providers', () => {
  it('is an admin; a DPO reads and approves; other roles do neither', async () => {
    const dpoCreates = await registerAs(dpo, { ...base(), issuer: 'https://idp.example.org' });
    expect(dpoCreates.statusCode).toBe(403);
    expect((await changeAs(dpo, cerchio.id, { enabled: false })).statusCode).toBe(403);
    for (const username of ['operatrice', 'coordinatrice']) {
      const other = await t.signIn(username);
      expect((await other.request({ method: 'GET', url: '/api/identity-providers' })).statusCode).toBe(403);
      expect((await registerAs(other, { ...base(), issuer: 'https://idp.example.org' })).statusCode).toBe(
        403,
      );
      expect((await changeAs(other, cerchio.id, { enabled: false })).statusCode).toBe(403);
      expect((await approveAs(other, cerchio.id)).statusCode).toBe(403);
    }
    // Row-level security beneath: a DPO's update changes nothing even past the route.
    const dpoId = await t.userId('dpo');
    await withDbContext(
      t.database.db,
      { userId: dpoId, role: 'dpo', organisationId: null, serviceId: null },
      (tx) => tx.execute(sql`update identity_providers set name = 'Di nascosto' where id = ${cerchio.id}`),
    );
    const [row] = await queryRows<{ name: string }>(
      t.database.db,
      sql`select name from identity_providers where id = ${cerchio.id}`,
    );
    expect(row!.name).not.toBe('Di nascosto');
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
    for (const role of ['admin', 'dpo'] as const) {
      const denied = await withDbContext(
        t.database.db,
        { userId: await t.userId(role), role, organisationId: null, serviceId: null },
        (tx) => tx.execute(sql`select client_secret_encrypted from identity_providers`),
      ).catch((error: unknown) => error);
      expect(pgErrorCode(denied)).toBe('42501'); // insufficient_privilege
    }
  });
});

describe('what counts as a second factor', () => {
  it('refuses an amr that is no second factor (RFC 8176), in Italian and English', async () => {
    for (const value of ['pwd', 'pin', 'kba', 'user', 'wia', 'geo', 'rba', 'password']) {
      const response = await registerAs(admin, {
        ...base(),
        issuer: 'https://idp.amr.example',
        mfaAmrValues: ['otp', value],
      });
      expect(response.statusCode, value).toBe(400);
      expect(response.json().errors[0]).toMatchObject({
        field: 'mfaAmrValues.1',
        message: {
          it: expect.stringContaining('non una password o un PIN'),
          en: expect.stringContaining('not a password or a PIN'),
        },
      });
    }
    const changed = await changeAs(admin, cerchio.id, { mfaAmrValues: ['pwd'] });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors[0].field).toBe('mfaAmrValues.0');
    const fine = await registerAs(admin, {
      ...base(),
      issuer: 'https://idp.amr.example',
      mfaAmrValues: [
        'mfa',
        'mca',
        'hwk',
        'swk',
        'otp',
        'sms',
        'tel',
        'sc',
        'fpt',
        'face',
        'iris',
        'retina',
        'vbm',
      ],
    });
    expect(fine.statusCode, fine.body).toBe(201);
  });
});

describe('the audit of registrations', () => {
  it('keeps the settings of a registration, never its secret', async () => {
    const created = await lastAudit(t, 'identity_provider.created');
    expect(created).toBeTruthy();
    const [first] = await queryRows<{ details: Record<string, unknown> }>(
      t.database.db,
      sql`select details from audit_events where action = 'identity_provider.created' and record_id = ${cerchio.id}`,
    );
    expect(first!.details).toEqual({
      organisation: 'Cooperativa sociale Il Cerchio',
      name: 'Il Cerchio',
      issuer: idp.issuer,
      clientId: 'trama',
      allowedDomains: [DOMAIN],
      mfaAmrValues: ['otp', 'hwk'],
      mfaAcrValues: ['urn:test:loa:high'],
      enabled: true,
      clientSecret: 'set',
    });
    const [all] = await queryRows<{ text: string }>(
      t.database.db,
      sql`select string_agg(details::text, ' ') as text from audit_events where record_type = 'identity_provider'`,
    );
    expect(all!.text).not.toContain(SECRET);
    expect(all!.text).not.toContain('another-secret-0123456789');
  });

  it('keeps the old and new value of each setting changed, and of the secret only that it changed', async () => {
    const changed = await changeAs(admin, cerchio.id, {
      clientSecret: 'a-new-secret-9876543210',
      allowedDomains: [DOMAIN, 'cerchio.example'],
      name: 'Il Cerchio',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).not.toContain('a-new-secret-9876543210');
    expect(await lastAudit(t, 'identity_provider.updated')).toMatchObject({
      record_id: cerchio.id,
      details: {
        fields: ['allowedDomains', 'clientSecret', 'name'],
        changes: {
          name: { from: 'Il Cerchio (accesso)', to: 'Il Cerchio' },
          allowedDomains: { from: [DOMAIN], to: [DOMAIN, 'cerchio.example'] },
        },
        clientSecret: 'changed',
        approvalWithdrawn: true,
      },
    });
    const [event] = await queryRows<{ details: { changes: Record<string, unknown> } }>(
      t.database.db,
      sql`select details from audit_events where action = 'identity_provider.updated' order by id desc limit 1`,
    );
    expect(Object.keys(event!.details.changes).sort()).toEqual(['allowedDomains', 'name']);
    expect(JSON.stringify(event)).not.toContain('a-new-secret');
    await changeAs(admin, cerchio.id, { clientSecret: SECRET, allowedDomains: [DOMAIN] });
    await approved(dpo, cerchio.id);
  });
});

describe('the issuer and the addresses its document names', () => {
  it('refuses a plain-http issuer elsewhere than this computer, a bad domain and an issuer twice', async () => {
    const http = await registerAs(admin, { ...base(), issuer: 'http://idp.example.org' });
    expect(http.statusCode).toBe(400);
    expect(http.json().errors[0]).toMatchObject({
      field: 'issuer',
      message: { it: 'un indirizzo https (http solo su questo computer)' },
    });
    const domain = await registerAs(admin, {
      ...base(),
      issuer: 'https://idp.example.org',
      allowedDomains: ['not a domain'],
    });
    expect(domain.statusCode).toBe(400);
    expect(domain.json().errors[0].field).toBe('allowedDomains.0');
    const none = await registerAs(admin, {
      ...base(),
      issuer: 'https://idp.example.org',
      allowedDomains: [],
    });
    expect(none.statusCode).toBe(400);
    const twice = await registerAs(admin, { ...base(), issuer: idp.issuer });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].field).toBe('issuer');
    const unknownOrg = await registerAs(admin, {
      ...base(),
      issuer: 'https://idp.example.org',
      organisationId: '6b1f7a39-5d7e-4a51-9d4e-2f0c6d1e8a90',
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().errors[0].field).toBe('organisationId');
  });

  it('takes an issuer with or without its trailing slash as one and the same', async () => {
    const slashed = await registerAs(admin, { ...base(), issuer: `${idp.issuer}/` });
    expect(slashed.statusCode).toBe(409);
    const path = await registerAs(admin, { ...base(), issuer: 'https://idp.example.org/realms/trama/' });
    expect(path.statusCode, path.body).toBe(201);
    expect(path.json().issuer).toBe('https://idp.example.org/realms/trama');
    const again = await registerAs(admin, { ...base(), issuer: 'https://idp.example.org/realms/trama' });
    expect(again.statusCode).toBe(409);
    const doubled = await registerAs(admin, { ...base(), issuer: 'https://idp.example.org/realms/trama//' });
    expect(doubled.statusCode).toBe(400);
  });

  it('refuses plain http even on this computer where the server does not allow it', async () => {
    t.deps.config.ssoAllowInsecureLocalIssuer = false;
    try {
      const local = await registerAs(admin, { ...base(), issuer: 'http://127.0.0.1:1/local' });
      expect(local.statusCode).toBe(400);
      expect(local.json().errors[0]).toMatchObject({ field: 'issuer', code: 'https_required' });
      // Registered while it was allowed: refused before anything is fetched.
      expect(errorReasonOf(await startOf(cerchio.id))).toBe('unreachable');
      expect(await lastRefusal(t)).toMatchObject({
        details: { reason: 'provider_unreachable', check: 'INSECURE_ISSUER_NOT_ALLOWED' },
      });
    } finally {
      t.deps.config.ssoAllowInsecureLocalIssuer = true;
    }
    expect((await startOf(cerchio.id)).statusCode).toBe(302);
  });

  it('refuses a document that sends the token or key requests off the issuer’s origin, and waits before asking again', async () => {
    let asked = 0;
    const server: Server = createServer((request, response) => {
      asked += 1;
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          issuer: origin,
          authorization_endpoint: `${origin}/auth`,
          // Where the code and the client secret would go: an address the admin never registered.
          token_endpoint: 'http://127.0.0.2:9/token',
          jwks_uri: `${origin}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
      void request;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const created = await registerAs(admin, { ...base(), issuer });
      expect(created.statusCode, created.body).toBe(201);
      await approved(dpo, created.json().id);
      expect(errorReasonOf(await startOf(created.json().id))).toBe('unreachable');
      expect(await lastRefusal(t)).toMatchObject({
        record_id: created.json().id,
        details: { reason: 'provider_unreachable', check: 'ENDPOINT_NOT_ON_ISSUER_ORIGIN' },
      });
      expect(asked).toBe(1);
      // The failure is kept for half a minute: the next click does not ask the provider again.
      expect(errorReasonOf(await startOf(created.json().id))).toBe('unreachable');
      expect(asked).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
