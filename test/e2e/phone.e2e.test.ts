import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectAccessibleOnPhone, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * Every page works on a 390 px phone (docs/adding-a-module.md): the header is one bar whose menu
 * opens from a button, tables become cards so nothing, actions included, lies off to the side,
 * and axe finds nothing. Also: an unknown address keeps the app's frame, and printing.
 */

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu', exact: true });

/** One signed-in page per account, the first time on a phone-sized viewport. */
const pages = new Map<string, Page>();
async function onPhone(username: string): Promise<Page> {
  let page = pages.get(username);
  if (!page) {
    page = (await signIn(username)).page;
    await page.setViewportSize(PHONE);
    // The header changes layout on the media query's next render: wait for the phone's bar.
    await menuButton(page).waitFor();
    pages.set(username, page);
  }
  return page;
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });
const h1 = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });

/** Nothing is wider than the screen: the page does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
}

/** Opens the menu with its button and follows one of its entries to the page with that heading. */
async function goByMenu(page: Page, entry: string, heading = entry): Promise<void> {
  await menuButton(page).click();
  await menu(page).getByRole('link', { name: entry, exact: true }).click();
  await h1(page, heading).waitFor();
}

describe('on a 390 px phone', () => {
  it('the header is one bar and the menu stays closed until its button opens it', async () => {
    const page = await onPhone('operatrice');
    await h1(page, 'Home').waitFor();

    const button = menuButton(page);
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const controls = await button.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    expect(await menu(page).isVisible()).toBe(false);
    // The header leaves the screen to the page (it took a third of it).
    const header = await page.locator('header').first().boundingBox();
    expect(header?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(PHONE.height / 8);
    await expectNoSidewaysScroll(page, 'home');
    await expectAccessible(page, 'home on a phone, menu closed');

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await menu(page).waitFor();
    expect(await page.locator(`#${controls}`).isVisible()).toBe(true);
    // The account's links are in the open menu too.
    expect(await page.getByRole('link', { name: 'Cambia password' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Esci' }).isVisible()).toBe(true);
    await expectAccessible(page, 'home on a phone, menu open');

    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await menu(page).waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    // Choosing an entry closes the menu.
    await goByMenu(page, 'Nuclei familiari');
    expect(await menu(page).isVisible()).toBe(false);
  });

  it('a household list is a list of cards and the household page’s action is on screen', async () => {
    const page = await onPhone('operatrice');
    await page.goto('/households');
    await h1(page, 'Nuclei familiari').waitFor();
    const list = page.getByRole('table', { name: /nucle/ });
    await list.waitFor();
    await expectNoSidewaysScroll(page, 'household list');
    await expectAccessible(page, 'household list on a phone');

    // Each cell shows its column's name; the cards are still a table for screen readers.
    const firstCode = list.getByRole('rowheader').first();
    expect(await firstCode.getAttribute('data-label')).toBe('Codice del nucleo');
    await firstCode.getByRole('link').click();
    await h1(page, /^Nucleo /).waitFor();

    const members = page.getByRole('table', { name: /componenti del nucleo/ });
    await members.waitFor();
    const action = members.getByRole('button', { name: /^Consensi e sicurezza di / }).first();
    await action.waitFor();
    const box = await action.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await expectNoSidewaysScroll(page, 'household page');
    await expectAccessible(page, 'household page on a phone');
  });

  it('a clinician’s case list and case page fit the phone', async () => {
    const page = await onPhone('responsabile');
    await goByMenu(page, 'Casi');
    // A field's label sits below the heading above it, not over it.
    const heading = await page.locator('#cases-filters-heading').boundingBox();
    const label = await page.locator('label[for="cases-q"]').boundingBox();
    expect(label!.y).toBeGreaterThanOrEqual(heading!.y + heading!.height);
    const cases = page.getByRole('table', { name: /cas/ });
    await cases.waitFor();
    await expectNoSidewaysScroll(page, 'case list');
    await expectAccessible(page, 'case list on a phone');

    await cases.getByRole('rowheader').first().getByRole('link').click();
    await h1(page, /^Caso /).waitFor();
    await expectNoSidewaysScroll(page, 'case page');
    await expectAccessible(page, 'case page on a phone');
  });

  it('a coordinator with two services finds the switcher in the menu; the observatory fits', async () => {
    const page = await onPhone('coordinatrice');
    // The service switcher is part of the menu, not laid over it.
    expect(await page.getByRole('combobox', { name: 'Servizio attivo' }).isVisible()).toBe(false);
    await menuButton(page).click();
    const switcher = page.getByRole('combobox', { name: 'Servizio attivo' });
    expect(await switcher.isVisible()).toBe(true);
    const nav = await menu(page).boundingBox();
    const select = await switcher.boundingBox();
    expect(select!.y).toBeGreaterThanOrEqual(nav!.y + nav!.height);
    await menuButton(page).click();

    await goByMenu(page, 'Osservatorio', 'Osservatorio sulla violenza di genere');
    await page.getByRole('table').first().waitFor();
    await expectNoSidewaysScroll(page, 'observatory');
    await expectAccessible(page, 'observatory on a phone');
    await goByMenu(page, 'Fabbisogni formativi');
    await expectNoSidewaysScroll(page, 'training needs');
    await expectAccessible(page, 'training needs on a phone');
  });

  it('the DPO’s lists and the record-access page fit the phone', async () => {
    const page = await onPhone('dpo');
    await goByMenu(page, 'Utenti');
    await page.getByRole('table').waitFor();
    await expectNoSidewaysScroll(page, 'users list');
    await expectAccessible(page, 'users list on a phone');

    await goByMenu(page, 'Registro accessi', 'Registro degli accessi');
    const events = page.getByRole('table');
    await events.waitFor();
    await expectNoSidewaysScroll(page, 'audit trail');
    await expectAccessible(page, 'audit trail on a phone');
    // Actions in words, never their codes (issue 13, point 7).
    expect(await events.getByText('Accesso con nome utente e password').count()).toBeGreaterThan(0);
    expect(await events.getByText('auth.login', { exact: true }).count()).toBe(0);

    await events
      .getByRole('link', { name: /^Chi ha consultato / })
      .first()
      .click();
    await h1(page, 'Chi ha consultato questo dato').waitFor();
    await page.getByRole('table').waitFor();
    await expectNoSidewaysScroll(page, 'record access');
    await expectAccessibleOnPhone(page, 'record access on a phone');

    // Asked by code (for a user, the username): the record and the actions read as words.
    await page.getByLabel('Codice del dato o nome utente').fill('operatrice');
    await page.getByRole('button', { name: 'Cerca gli accessi' }).click();
    const access = page.getByRole('table', { name: 'Accessi a: Utente Paola Operatrice' });
    await access.getByText('Accesso di emergenza aperto').waitFor();
  });
});

describe('an address that does not exist', () => {
  it('keeps the signed-in frame: header, menu, footer and a way back to Home', async () => {
    const page = await onPhone('operatrice');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/no-such-page');
    await h1(page, 'Pagina non trovata').waitFor();
    expect(await menu(page).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Esci' }).isVisible()).toBe(true);
    expect(await page.getByRole('contentinfo').isVisible()).toBe(true);
    await expectAccessible(page, 'not found, signed in');

    await page.getByRole('link', { name: 'Torna alla Home' }).click();
    await h1(page, 'Home').waitFor();
    await page.setViewportSize(PHONE);
  });
});

describe('printing', () => {
  it('an aggregate page prints its content only; a case page prints only a notice', async () => {
    const page = await onPhone('coordinatrice');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/observatory');
    await page.getByRole('table').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('header').first().isVisible()).toBe(false);
      expect(await page.locator('footer').first().isVisible()).toBe(false);
      expect(await page.getByRole('button').first().isVisible()).toBe(false);
      expect(await h1(page, 'Osservatorio sulla violenza di genere').isVisible()).toBe(true);
      expect(await page.getByRole('table').first().isVisible()).toBe(true);
      const header = await page
        .locator('thead')
        .first()
        .evaluate((el) => getComputedStyle(el).display);
      expect(header).toBe('table-header-group');

      const responsabile = await onPhone('responsabile');
      await responsabile.setViewportSize({ width: 1280, height: 800 });
      await responsabile.emulateMedia({ media: 'print' });
      await responsabile.goto('/cases');
      const notice = responsabile.getByText('Stampa non disponibile: usare il PDF del fascicolo.');
      await notice.waitFor();
      expect(await h1(responsabile, 'Casi').isVisible()).toBe(false);
      await responsabile.emulateMedia({ media: 'screen' });
      expect(await notice.isVisible()).toBe(false);
      expect(await h1(responsabile, 'Casi').isVisible()).toBe(true);
      await responsabile.setViewportSize(PHONE);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(PHONE);
    }
  });
});
