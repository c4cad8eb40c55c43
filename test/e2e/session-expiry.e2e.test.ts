import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, expectAccessible, freshTotp, signIn, startApp, stopApp } from './support.js';

/*
 * The session ends while a form is open (here it is signed out from the same browser, as an idle
 * timeout or an administrator's revocation would end it): saving asks to sign in again in a dialog
 * over the page, keeps what was typed, and saves it once. Someone else signing in gets none of it.
 */
beforeAll(async () => {
  await startApp();
});
afterAll(async () => {
  await stopApp();
});

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Ends the page's session on the server, behind the page's back. */
async function endSession(page: Page): Promise<void> {
  const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
  expect(
    (await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } })).status(),
  ).toBe(204);
  expect((await page.request.get('/api/households')).status()).toBe(401);
}

async function householdCount(page: Page): Promise<number> {
  const response = await page.request.get('/api/households');
  expect(response.status()).toBe(200);
  const { total } = await response.json();
  expect(typeof total).toBe('number');
  return total;
}

async function startHousehold(page: Page, givenName: string, comune: string): Promise<void> {
  await page.goto('/households/new');
  await h1(page, 'Nuovo nucleo familiare').waitFor();
  await page.locator('#household-municipality option', { hasText: comune }).waitFor({ state: 'attached' });
  await page.getByLabel('Comune *', { exact: true }).selectOption({ label: comune });
  const first = page.getByRole('group', { name: 'Persona di riferimento' });
  await first.getByLabel(/^Nome/).fill(givenName);
  await first.getByLabel(/^Cognome/).fill('Scaduta');
  await first.getByLabel(/^Genere/).selectOption({ label: 'Donna o ragazza' });
}

let romanoHouseholds = 0;

describe('session expiry in the middle of a form', () => {
  it('asks to sign in again over the page, keeps what was typed, and saves it once', async () => {
    const { page } = await signIn('operatore.romano');
    const before = await householdCount(page);
    await startHousehold(page, 'Samira', 'Romano di Lombardia');
    await endSession(page);

    await page.getByRole('button', { name: 'Registra il nucleo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sessione scaduta' });
    await dialog.waitFor();
    await expectAccessible(page, 'sign in again dialog');
    // The form is still there, under the dialog, with what was typed.
    expect(
      await page
        .getByRole('group', { name: 'Persona di riferimento', includeHidden: true })
        .getByLabel(/^Nome/)
        .inputValue(),
    ).toBe('Samira');
    expect(await dialog.getByLabel('Nome utente').inputValue()).toBe('operatore.romano');
    await dialog.getByLabel('Password').fill(account('operatore.romano').password);
    await dialog.getByRole('button', { name: 'Accedi e continua' }).click();
    await dialog.getByLabel('Codice di verifica').fill(await freshTotp('operatore.romano'));
    await dialog.getByRole('button', { name: 'Verifica' }).click();

    await h1(page, /^Nucleo /).waitFor();
    await page.getByText('Samira Scaduta').first().waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await householdCount(page)).toBe(before + 1);
    romanoHouseholds = before + 1;
  });

  it('gives another user who signs in nothing of what was typed, and saves nothing', async () => {
    const { page } = await signIn('operatrice');
    await startHousehold(page, 'Leila', 'Treviglio');
    await endSession(page);
    await page.getByRole('button', { name: 'Registra il nucleo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sessione scaduta' });
    await dialog.getByLabel('Nome utente').fill('operatore.romano');
    await dialog.getByLabel('Password').fill(account('operatore.romano').password);
    await dialog.getByRole('button', { name: 'Accedi e continua' }).click();
    await dialog.getByLabel('Codice di verifica').fill(await freshTotp('operatore.romano'));
    await dialog.getByRole('button', { name: 'Verifica' }).click();

    await h1(page, 'Home').waitFor();
    expect(await page.getByText('Leila').count()).toBe(0);
    // The save was not sent again under the other user's session.
    expect(await householdCount(page)).toBe(romanoHouseholds);
  });
});
