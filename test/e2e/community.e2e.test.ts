import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCommunityDashboard } from '../../src/contracts/community.js';
import { callApi, choose, h1, menu } from './case-helpers.js';
import { type E2eApp, enterPassword, expectAccessible, freshTotp, startApp, stopApp } from './support.js';

/*
 * Community engagement (issue 19, "Done when"), the operator's journey: the registry as a list and
 * as a map drawn from local files only, a holder's page, a citizenship lab of four sessions made in
 * the form, an anonymous person registered at the desk and checked in with their ticket's code,
 * and the coordinator's WP3 dashboard counting that person among the labs' residents, in Italian
 * and once in English.
 */

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await stopApp();
});

/**
 * A browser zone where it is about noon now. The form takes days and times in the browser's zone,
 * and the first session must be running now (check-in is open from 15 minutes before the start to
 * the end): at noon a session from a few minutes ago to two hours later never crosses midnight,
 * whatever time the tests run at.
 */
function noonZone(): { timezoneId: string; offsetHours: number } {
  const offsetHours = ((((12 - new Date().getUTCHours()) % 24) + 36) % 24) - 12;
  // Etc/GMT zones have the sign reversed: Etc/GMT-10 is ten hours ahead of UTC.
  const name =
    offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
  return { timezoneId: name, offsetHours };
}

/** The day and the times ("YYYY-MM-DD", "HH:MM") of a session that began ten minutes ago, in that zone. */
function sessionRunningNow(offsetHours: number) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = new Date(Date.now() + offsetHours * 3_600_000 - 10 * 60_000);
  start.setUTCMinutes(start.getUTCMinutes() - (start.getUTCMinutes() % 5), 0, 0);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  const time = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return {
    day: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`,
    start: time(start),
    end: time(end),
  };
}

/** The sign-in journey of `signIn()`, in a context of our own (its time zone, its record of requests). */
async function signInWith(username: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await app.browser.newContext({ baseURL: app.baseUrl, locale: 'it-IT', ...options });
  const page = await context.newPage();
  await enterPassword(page, username);
  await page.getByRole('heading', { name: 'Verifica in due passaggi' }).waitFor();
  await page.getByLabel('Codice di verifica').fill(await freshTotp(username));
  await page.getByRole('button', { name: 'Verifica', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  return page;
}

const labsResidents = async (page: Page) =>
  (await callApi<TCommunityDashboard>(page, 'GET', '/api/community/dashboard')).labs.residents;

describe('community engagement', () => {
  it('the registry and its offline map, a lab of four sessions, an anonymous ticket checked in, the dashboard counts it', async () => {
    const coordinator = await signInWith('coordinatrice');
    const before = await labsResidents(coordinator);

    const zone = noonZone();
    const worker = await signInWith('animatrice.comunita', { timezoneId: zone.timezoneId });
    // Nothing the pages load may come from elsewhere: the map's base layer is a local file.
    const requested: string[] = [];
    worker.on('request', (request) => requested.push(request.url()));

    // The registry: the demo's holders as a list, then the same as a map.
    await menu(worker).getByRole('link', { name: 'Realtà del territorio', exact: true }).click();
    await h1(worker, 'Realtà del territorio').waitFor();
    const holders = worker.getByRole('table', { name: /^\d+ realtà trovate$/ });
    await holders.waitFor();
    const total = Number((await holders.locator('caption').textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThanOrEqual(50);
    expect(await holders.locator('tbody tr').count()).toBeGreaterThan(5);
    await expectAccessible(worker, 'registry list');

    await worker.getByRole('button', { name: 'Mappa', exact: true }).click();
    const map = worker.getByRole('region', { name: 'Mappa dei comuni con le realtà e gli eventi' });
    await map.waitFor();
    expect(await map.getAttribute('class')).toContain('leaflet-container');
    // The 35 comuni's boundaries, the holders' markers, and the boundaries' attribution.
    await expect.poll(() => map.locator('.leaflet-overlay-pane path.leaflet-interactive').count()).toBe(35);
    await expect.poll(() => map.locator('.community-marker').count()).toBeGreaterThan(5);
    expect(await map.locator('.leaflet-control-attribution').textContent()).toContain('ISTAT, CC-BY 4.0');
    expect(await worker.getByLabel(/^Mostra lo sfondo cartografico in rete/).isChecked()).toBe(false);
    await expectAccessible(worker, 'registry map');

    // A holder's page, from the list.
    await worker.getByRole('button', { name: 'Elenco', exact: true }).click();
    const firstHolder = holders.locator('tbody tr').first().getByRole('link');
    const holderName = (await firstHolder.textContent())?.trim() ?? '';
    await firstHolder.click();
    await h1(worker, holderName).waitFor();
    await worker.getByRole('heading', { name: 'Persone di riferimento' }).waitFor();
    await expectAccessible(worker, 'holder page');

    // A citizenship lab of four weekly sessions, the first running now.
    await menu(worker).getByRole('link', { name: 'Eventi e laboratori' }).click();
    await h1(worker, 'Eventi e laboratori').waitFor();
    await expectAccessible(worker, 'events calendar');
    await worker.getByRole('link', { name: 'Nuovo evento' }).click();
    await h1(worker, 'Nuovo evento').waitFor();
    const title = 'Laboratorio di cittadinanza: diritti e servizi';
    await choose(worker, 'Laboratorio di cittadinanza attiva');
    await worker.getByLabel(/^Titolo/).fill(title);
    await worker.getByLabel(/^Descrizione/).fill('Quattro incontri su diritti, scuola e servizi del comune.');
    await worker.getByLabel(/^Comune/).selectOption({ label: 'Treviglio' });
    await choose(worker.getByRole('group', { name: /^Lingue dell.evento/ }), 'Arabo');
    await worker.getByLabel(/^Posti/).fill('25');
    const first = sessionRunningNow(zone.offsetHours);
    const session1 = worker.getByRole('group', { name: 'Incontro 1' });
    await session1.getByLabel(/^Giorno/).fill(first.day);
    await session1.getByLabel(/^Inizio/).fill(first.start);
    await session1.getByLabel(/^Fine/).fill(first.end);
    await session1.getByLabel(/^Luogo/).fill('Biblioteca civica, piazza Manara 1');
    await worker.getByLabel('Quanti incontri in tutto').fill('4');
    await worker.getByRole('button', { name: 'Ripeti il primo incontro ogni settimana' }).click();
    await worker.getByRole('group', { name: 'Incontro 4' }).waitFor();
    await expectAccessible(worker, 'new event form with four sessions');
    await worker.getByRole('button', { name: /^Crea l.evento$/ }).click();

    // The event page: its four sessions; an anonymous person registered at the desk gets a ticket.
    await h1(worker, title).waitFor();
    const sessions = worker.getByRole('region', { name: '4 incontri' });
    await expect.poll(() => sessions.getByRole('link').count()).toBe(4);
    const register = worker.getByRole('region', { name: 'Iscrivi una persona' });
    await choose(register, /^Iscrizione anonima/);
    await register.getByRole('button', { name: 'Iscrivi e mostra il biglietto' }).click();
    await register.getByRole('heading', { name: /^Iscrizione registrata: / }).waitFor();
    const shown = await register.locator('.font-monospace [aria-hidden="true"]').textContent();
    const ticketCode = (shown ?? '').replace(/\s+/g, '');
    expect(ticketCode).toMatch(/^[A-Z2-9]{8}$/);
    await expectAccessible(worker, 'event page with the ticket shown');

    // The first session's page: the ticket's code typed in marks the person present.
    await sessions.getByRole('link').first().click();
    await h1(worker, title).waitFor();
    await worker.getByText('Presenti: 0 su 1').waitFor();
    await worker.getByLabel('Codice del biglietto').fill(ticketCode);
    await worker.getByRole('button', { name: 'Segna presente' }).click();
    await worker.getByText('Anonimo/a: presenza registrata.').waitFor();
    await worker.getByText('Presenti: 1 su 1').waitFor();
    await expectAccessible(worker, 'session page after the check-in');

    const elsewhere = requested.filter((url) => {
      const { protocol, origin } = new URL(url);
      return protocol !== 'data:' && protocol !== 'blob:' && origin !== app.baseUrl;
    });
    expect(elsewhere).toEqual([]);

    // The coordinator's dashboard counts the person once among the labs' residents.
    await coordinator.reload();
    await menu(coordinator).getByRole('link', { name: 'Cruscotto partecipazione' }).click();
    await h1(coordinator, 'Cruscotto partecipazione').waitFor();
    await coordinator
      .getByText(`Laboratori di cittadinanza attiva: ${before + 1} residenti su 200`, { exact: true })
      .waitFor();
    expect(await labsResidents(coordinator)).toBe(before + 1);
    await expectAccessible(coordinator, 'WP3 dashboard');

    await coordinator.getByRole('button', { name: 'EN English' }).click();
    await h1(coordinator, 'Participation dashboard').waitFor();
    expect(await coordinator.getAttribute('html', 'lang')).toBe('en');
    // The pointer still rests where the language button was, over whatever button is there now,
    // whose colours change with a transition: axe measures the page at rest, pointer away and
    // focus on the page, not a frame of a hover animation.
    await coordinator.mouse.move(0, 0);
    await coordinator.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await coordinator.waitForTimeout(1000);
    await expectAccessible(coordinator, 'WP3 dashboard in English');
  }, 150_000);
});
