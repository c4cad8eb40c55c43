import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticator } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  account,
  type E2eApp,
  enterPassword,
  expectAccessible,
  freshTotp,
  newPage,
  signIn,
  startApp,
  stopApp,
} from './support.js';

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await stopApp();
});

function selectedText(select: Locator): Promise<string | undefined> {
  return select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? undefined);
}

const header = (page: Page) => page.locator('header').first();

/** The admin's signed-in page, shared by the tests that need an admin (the first one signs in). */
let admin: Page | undefined;
async function adminPage(): Promise<Page> {
  admin ??= (await signIn('admin')).page;
  return admin;
}

describe('admin', () => {
  it('signs in with password and two-factor code and lands on Home', async () => {
    const { page } = await newPage();
    await page.goto('/');
    // Not signed in: the app sends the visitor to the login page.
    await page.getByRole('heading', { level: 1, name: 'Accedi a Trama' }).waitFor();
    await expectAccessible(page, 'login');

    await enterPassword(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Verifica in due passaggi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login/mfa');
    await expectAccessible(page, 'two-factor step');

    await page.getByLabel('Codice di verifica').fill(await freshTotp('admin'));
    await page.getByRole('button', { name: 'Verifica', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // Anna is addressed in the feminine (her account's form of address): greeting and role agree.
    await page.getByText('Benvenuta, Anna Amministratrice.').waitFor();

    const banner = header(page);
    await banner.getByText('Anna Amministratrice').waitFor();
    const text = await banner.textContent();
    expect(text).toContain('Utente collegato: Anna Amministratrice');
    expect(text).toContain('Servizio attivo: Amministratrice'); // the active (global) role
    expect(await banner.getByRole('button', { name: 'Esci' }).isVisible()).toBe(true);
    await expectAccessible(page, 'home (admin)');
    admin = page;
  });

  it('creates a user, who is sent an invitation, and gives them a role in a service', async () => {
    const page = await adminPage();
    const suffix = Date.now().toString(36);
    const username = `e2e.${suffix}`;
    const displayName = `Giulia Prova ${suffix}`;
    const email = `${username}@example.org`;

    await page
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'Utenti' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Utenti' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: 'Paola Operatrice' }).waitFor();
    await expectAccessible(page, 'users list');
    // Role and service columns, each person's role in their own form; filtered by role and service.
    await page
      .getByRole('combobox', { name: 'Ruolo', exact: true })
      .selectOption({ label: 'Operatore/Operatrice' });
    await page
      .getByRole('combobox', { name: 'Servizio', exact: true })
      .selectOption({ label: "Tutela Minori — Ambito di Treviglio (Risorsa Sociale Gera d'Adda)" });
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('button', { name: 'Togli i filtri' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await rows
      .filter({ hasText: 'Paola Operatrice' })
      .filter({ hasText: /Operatrice\s*Tutela Minori/ })
      .waitFor();
    // The previous page stays on screen while the filtered one loads: wait for the answer.
    await expect.poll(() => rows.filter({ hasText: 'Marco Operatore' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Togli i filtri' }).click();
    await rows
      .filter({ hasText: 'Marco Operatore' })
      .filter({ hasText: /Operatore\s*Tutela Minori/ })
      .waitFor();

    await page.getByRole('link', { name: 'Nuovo utente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo utente' }).waitFor();
    await expectAccessible(page, 'new user form');
    await page.getByLabel('Nome utente').fill(username);
    await page.getByLabel('Nome e cognome').fill(displayName);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Come vuole essere chiamata/o').selectOption({ label: 'Femminile (Operatrice)' });
    await page.getByRole('button', { name: 'Crea utente' }).click();

    await page.getByRole('heading', { level: 1, name: displayName }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/users\/[0-9a-f-]{36}$/);
    await page.getByRole('status').filter({ hasText: "L'e-mail di invito è in partenza" }).waitFor();
    await page.getByText('Nessun ruolo assegnato.').waitFor();
    await expectAccessible(page, 'new user detail');

    // Without SMTP the invitation is written to the data directory's outbox, by the mail job:
    // "in partenza" means queued, so the file comes when a worker has run it.
    const outbox = join(app.dataDir, 'outbox');
    const invitationIn = () => {
      const mails = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
      return mails.map((f) => readFileSync(join(outbox, f), 'utf8')).find((m) => m.includes(email));
    };
    await expect
      .poll(invitationIn, { timeout: 20_000, message: `an .eml for ${email} in ${outbox}` })
      .toBeDefined();
    expect(invitationIn()).toMatch(/reset-password#token=/);

    const service = "Tutela Minori — Ambito di Treviglio (Risorsa Sociale Gera d'Adda)";
    await page.getByRole('combobox', { name: 'Ruolo' }).selectOption({ label: 'Operatrice' });
    const scope = page.getByRole('combobox', { name: 'Servizio o ente' });
    await scope.locator('option', { hasText: service }).waitFor({ state: 'attached' });
    await scope.selectOption({ label: service });
    await page.getByRole('button', { name: 'Aggiungi ruolo' }).click();

    // The role reaches case data: it waits for a second person, and the admin cannot approve it.
    await page.getByRole('status').filter({ hasText: 'Richiesta inviata' }).waitFor();
    const pending = page.getByRole('list', { name: 'Ruoli richiesti' });
    await pending
      .getByRole('listitem')
      .filter({ hasText: /Operatrice.*Tutela Minori — Ambito di Treviglio/ })
      .waitFor();
    expect(await pending.getByRole('button', { name: /^Approva/ }).count()).toBe(0);
    await expectAccessible(page, 'user detail with a role waiting for approval');

    // The DPO approves it from "Roles to approve".
    const dpo = await signIn('dpo');
    await dpo.page
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'Ruoli da approvare' })
      .click();
    await dpo.page.getByRole('heading', { level: 1, name: 'Ruoli da approvare' }).waitFor();
    const approve = dpo.page.getByRole('button', {
      name: `Approva il ruolo Operatrice per ${displayName} (Tutela Minori — Ambito di Treviglio)`,
    });
    await approve.waitFor();
    await expectAccessible(dpo.page, 'roles to approve');
    await approve.click();
    await dpo.page
      .getByRole('status')
      .filter({ hasText: `Approvato: ruolo Operatrice per ${displayName}` })
      .waitFor();
    await approve.waitFor({ state: 'detached' });

    // Home also has the demo's emergency access waiting for review: the DPO reviews it, with a note.
    await dpo.page.goto('/');
    await dpo.page.getByRole('link', { name: 'Esamina gli accessi' }).click();
    await dpo.page.getByRole('heading', { level: 1, name: 'Accesso di emergenza' }).waitFor();
    await dpo.page.getByRole('button', { name: 'Segna come esaminato' }).click();
    await dpo.page
      .getByLabel("Nota dell'esame (facoltativa)")
      .fill('Motivazione coerente con la reperibilità.');
    await expectAccessible(dpo.page, 'emergency access review');
    await dpo.page.getByRole('button', { name: 'Segna come esaminato' }).click();
    await dpo.page.getByText(/^Esaminato da dpo il /).waitFor();
    await dpo.page.getByText('Motivazione coerente con la reperibilità.').waitFor();
    await dpo.context.close();

    await page.reload();
    const roles = page.getByRole('table', { name: `Ruoli di ${displayName}` });
    await roles.getByRole('row', { name: /Operatrice.*Tutela Minori — Ambito di Treviglio/ }).waitFor();
    await expectAccessible(page, 'user detail with a membership');
  });
});

describe('coordinator with two memberships', () => {
  it('switches the active service from the header', async () => {
    const page = (await signIn('coordinatrice')).page;
    const switcher = page.getByRole('combobox', { name: 'Servizio attivo' });
    expect(await selectedText(switcher)).toBe("Coordinatrice · Risorsa Sociale Gera d'Adda");
    await expectAccessible(page, 'home (coordinator)');

    const other = 'Operatrice · Servizio inclusione sociale — Romano · Solidalia';
    await switcher.selectOption({ label: other });
    const apply = page.getByRole('button', { name: 'Cambia servizio' });
    const switched = page.waitForResponse((r) => r.url().endsWith('/api/auth/active-membership'));
    await apply.click();
    expect((await switched).ok()).toBe(true);
    // The button is enabled only while the selection differs from the active membership.
    await expect.poll(() => apply.isDisabled(), { timeout: 15_000 }).toBe(true);
    expect(await selectedText(switcher)).toBe(other);

    // The choice is the server's: it survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await selectedText(page.getByRole('combobox', { name: 'Servizio attivo' }))).toBe(other);
    await expectAccessible(page, 'home after switching service');
  });
});

describe('own account', () => {
  it('chooses how to be addressed: the greeting and the role name follow', async () => {
    const page = (await signIn('redazione')).page;
    await page.getByText('Benvenuta, Rita Redazione.').waitFor();
    await header(page).getByRole('link', { name: 'Il tuo account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Il tuo account' }).waitFor();
    const forms = page.getByRole('group', { name: 'Come vuoi essere chiamata/o?' });
    expect(await forms.getByLabel('Femminile (Operatrice, Benvenuta)').isChecked()).toBe(true);
    await expectAccessible(page, 'own account');
    // Bootstrap Italia draws the radio on its label (the input is transparent): click the label.
    await forms
      .locator('label')
      .filter({ hasText: /^Neutro/ })
      .click();
    expect(await forms.getByLabel(/^Neutro/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('status').filter({ hasText: 'Preferenza salvata.' }).waitFor();
    expect(await header(page).textContent()).toContain('Redattore/Redattrice');
    await page
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'Home' })
      .click();
    await page.getByText('Ti diamo il benvenuto, Rita Redazione.').waitFor();
  });
});

describe('language', () => {
  it('switches the interface to English', async () => {
    const page = (await signIn('formatore')).page;
    expect(await page.getAttribute('html', 'lang')).toBe('it');

    await page.getByRole('button', { name: 'EN English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await page.getByText('Welcome, Franco Formatore.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'EN English' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'home in English');
  });

  it('keeps the language chosen on the login page after signing in, as the saved preference', async () => {
    const { page } = await newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'EN English' }).click();
    await page.getByLabel('Username').fill('clinica');
    await page.getByLabel('Password').fill(account('clinica').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Verification code').fill(await freshTotp('clinica'));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByText('Welcome, Elena Clinica.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect
      .poll(async () => (await (await page.request.get('/api/auth/session')).json()).user.locale)
      .toBe('en');
  });
});

describe('must be refused', () => {
  it('a mediator opening /users sees the not-found page and has no Users menu entry', async () => {
    const page = (await signIn('mediatrice')).page;
    const nav = page.getByRole('navigation', { name: 'Menu principale' });
    await nav.getByRole('link', { name: 'Struttura' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Utenti' }).count()).toBe(0);

    await page.goto('/users');
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectAccessible(page, 'not found (mediator on /users)');
  });

  it('a practitioner cannot open the profile of a colleague in another district', async () => {
    // The admin looks the colleague up through the API with the admin's browser session.
    const response = await (await adminPage()).context().request.get('/api/users?q=operatrice');
    expect(response.status()).toBe(200);
    const { items } = (await response.json()) as { items: { id: string; username: string }[] };
    const target = items.find((u) => u.username === 'operatrice');
    expect(target).toBeDefined();

    const page = (await signIn('operatore.romano')).page;
    await page.goto(`/users/${target!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    expect(await page.getByText('Paola Operatrice').count()).toBe(0);
    await expectAccessible(page, 'not found (practitioner on a colleague)');
  });

  it('a wrong password shows an error and opens no session', async () => {
    const { context, page } = await newPage();
    await enterPassword(page, 'redazione', 'not-the-password-1234');
    await page.getByRole('alert').filter({ hasText: 'Nome utente o password non corretti.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('Codice di verifica').count()).toBe(0);
    await expectAccessible(page, 'login with an error');

    expect((await context.request.get('/api/auth/session')).status()).toBe(401);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Accedi a Trama' }).waitFor();
  });

  it('a wrong two-factor code is refused', async () => {
    const { context, page } = await newPage();
    await enterPassword(page, 'ricercatrice');
    await page.getByRole('heading', { level: 1, name: 'Verifica in due passaggi' }).waitFor();

    // A code valid in none of the steps the server accepts (now and one either side).
    const { totpSecret } = account('ricercatrice');
    const valid = [-1, 0, 1].map((k) =>
      authenticator.clone({ epoch: Date.now() + k * 30_000 }).generate(totpSecret),
    );
    let wrong = 0;
    while (valid.includes(String(wrong).padStart(6, '0'))) wrong += 1;
    await page.getByLabel('Codice di verifica').fill(String(wrong).padStart(6, '0'));
    await page.getByRole('button', { name: 'Verifica', exact: true }).click();

    await page.getByRole('alert').filter({ hasText: 'Codice non valido' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login/mfa');
    await expectAccessible(page, 'two-factor step with an error');

    // Still half signed in: the app keeps asking for the code.
    await page.goto('/users');
    await page.getByRole('heading', { level: 1, name: 'Verifica in due passaggi' }).waitFor();
    const session = await context.request.get('/api/auth/session');
    expect(session.status()).toBe(200);
    expect((await session.json()).state).toBe('mfa_required');
  });
});
