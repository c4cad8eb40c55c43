import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../harness/oidc-provider.js';
import { type E2eApp, expectAccessible, freshTotp, newPage, signIn, startApp, stopApp } from './support.js';

/*
 * Single sign-on in Chromium (issue 14): the admin registers a local OpenID Connect provider on
 * its page, the DPO approves it as a second person, and a person of that organisation signs in
 * with it and lands on Home. Registering and approving ask for a fresh second factor first. The
 * refusals are the integration tests' (test/platform/sso*.int.test.ts); here, one refusal shows
 * its page.
 */

let app: E2eApp;
let idp: TestOidcProvider;
const SECRET = 'e2e-client-secret-0123456789';

beforeAll(async () => {
  app = await startApp();
  idp = await startOidcProvider({
    clients: [
      { clientId: 'trama-e2e', clientSecret: SECRET, redirectUri: `${app.baseUrl}/api/auth/sso/callback` },
    ],
    accounts: {
      // Elena Clinica works in the Équipe etnoclinica of the Cooperativa sociale Il Cerchio (demo seed).
      elena: { email: 'clinica@demo.trama.localhost', emailVerified: true },
      stranger: { email: 'nessuno@demo.trama.localhost', emailVerified: true },
    },
  });
});

afterAll(async () => {
  await idp?.close();
  await stopApp();
});

/** The server asked for a fresh second factor: the code from the authenticator app, confirmed. */
async function confirmIdentity(page: Page, username: string) {
  const form = page.getByRole('form', { name: 'Conferma la tua identità' });
  await form.waitFor();
  await expectAccessible(page, 'identity confirmation before a sign-in service change');
  await form.getByLabel(/^Codice di verifica/).fill(await freshTotp(username));
  await form.getByRole('button', { name: 'Conferma' }).click();
}

const PENDING = "In attesa di approvazione da parte di un'altra persona (un altro amministratore o il DPO)";

async function openProvidersPage(page: Page) {
  await page
    .getByRole('navigation', { name: 'Menu principale' })
    .getByRole('link', { name: "Accesso con identità dell'ente" })
    .click();
  await page.getByRole('heading', { level: 1, name: "Accesso con identità dell'ente" }).waitFor();
}

describe('single sign-on with an organisation’s identity provider', () => {
  it('is registered by the admin after confirming the code, and waits for a second person', async () => {
    const { page: admin, context: adminContext } = await signIn('admin');
    await openProvidersPage(admin);
    await admin.getByText(`${app.baseUrl}/api/auth/sso/callback`).waitFor();
    await admin.getByRole('button', { name: 'Registra un servizio di accesso' }).click();
    await admin.getByRole('combobox', { name: 'Ente *', exact: true }).selectOption({
      label: 'Cooperativa sociale Il Cerchio',
    });
    await admin.getByLabel('Indirizzo del servizio (issuer)').fill(idp.issuer);
    await admin.getByLabel('Nome sul pulsante di accesso').fill('Il Cerchio');
    await admin.getByLabel('Identificativo del client (client ID)').fill('trama-e2e');
    await admin.getByLabel('Segreto del client (client secret)').fill(SECRET);
    await admin.getByLabel('Domini e-mail ammessi').fill('demo.trama.localhost');
    await admin.getByLabel('Valori amr che valgono come secondo fattore').fill('otp, hwk');
    await expectAccessible(admin, 'identity provider form');
    await admin.getByRole('button', { name: 'Salva' }).click();
    // Who registers a provider decides who can enter Trama: a fresh code first, then the save.
    await confirmIdentity(admin, 'admin');
    const row = admin.getByRole('row', { name: /Il Cerchio/ });
    await row.getByText('Cooperativa sociale Il Cerchio').waitFor();
    expect(await row.textContent()).toContain('otp, hwk');
    await row.getByText(PENDING).waitFor();
    // The admin who registered it cannot approve it.
    expect(await row.getByRole('button', { name: 'Approva Il Cerchio' }).count()).toBe(0);
    // The secret never comes back to the page.
    expect(await admin.content()).not.toContain(SECRET);
    await expectAccessible(admin, 'identity providers');
    // Not approved yet: the sign-in page offers no button for it.
    const offered = await admin.request.get('/api/auth/sso/providers');
    expect(await offered.json()).toEqual([]);
    await adminContext.close();
  });

  it('is approved by the DPO, who may read but not change it', async () => {
    const { page: dpo, context } = await signIn('dpo');
    await openProvidersPage(dpo);
    const row = dpo.getByRole('row', { name: /Il Cerchio/ });
    await row.getByText(PENDING).waitFor();
    // The approver sees where the sign-ins will come from.
    await row.getByText(idp.issuer, { exact: true }).waitFor();
    expect(await dpo.getByRole('button', { name: 'Registra un servizio di accesso' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: /^Modifica/ }).count()).toBe(0);
    await expectAccessible(dpo, 'identity providers as the DPO');
    await row.getByRole('button', { name: 'Approva Il Cerchio' }).click();
    await confirmIdentity(dpo, 'dpo');
    await dpo.getByRole('status').filter({ hasText: 'Il Cerchio è approvato' }).waitFor();
    await row.getByText(/^Approvato da Davide Protezione Dati il /).waitFor();
    expect(await row.getByRole('button', { name: 'Approva Il Cerchio' }).count()).toBe(0);
    await expectAccessible(dpo, 'identity provider approved');
    await context.close();
  });

  it('takes a person of that organisation to Home once approved', async () => {
    const { page, context } = await newPage();
    await page.goto('/login');
    const button = page.getByRole('link', { name: 'Accedi con Il Cerchio' });
    await button.waitFor();
    await expectAccessible(page, 'login with single sign-on');
    // The provider vouches for a second factor (otp), which the admin accepted: no TOTP in Trama.
    idp.nextLogin({ accountId: 'elena', amr: ['pwd', 'otp'] });
    await button.click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('header').first().getByText('Elena Clinica').waitFor();
    await context.close();
  });

  it('ends on a page that says, in words, why a sign-in did not go through', async () => {
    const { page, context } = await newPage();
    await page.goto('/login');
    idp.nextLogin({ accountId: 'stranger', amr: ['otp'] });
    await page.getByRole('link', { name: 'Accedi con Il Cerchio' }).click();
    await page
      .getByRole('heading', { level: 1, name: "Accesso con l'account dell'ente non riuscito" })
      .waitFor();
    await page
      .getByText("Nessun account Trama corrisponde a questo accesso: chiedi all'amministratore.")
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/login/sso-error');
    await expectAccessible(page, 'single sign-on error');
    await page.getByRole('link', { name: 'Torna alla pagina di accesso' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accedi a Trama' }).waitFor();
    await context.close();
  });
});
