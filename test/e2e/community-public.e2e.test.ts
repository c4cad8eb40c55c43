import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEvent, TSessionDetail } from '../../src/contracts/community.js';
import { QUICK_EXIT_URL } from '../../src/server/modules/community/public/public-layout.js';
import { wordsFor } from '../../src/server/modules/community/public/public-words.js';
import { callApi, h1 } from './case-helpers.js';
import { type E2eApp, expectAccessible, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * Community events from the resident's side (issue 19, "Done when"): on a phone, in Arabic, the
 * public page of a citizenship lab (right to left, axe clean, no account, no JavaScript needed),
 * a registration with an Italian mobile number that ends with the ticket code, the quick-exit
 * button, the same page in English and Italian; then a walk-in at the door who scans the session's
 * QR the organiser shows, answers a few questions and gets a ticket, and is counted present.
 * The fixed words are the pages' own dictionary, so a better translation does not break the test.
 */

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await stopApp();
});

const at = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();
const AR = wordsFor('ar');

/** A lab of four weekly sessions in Treviglio, the first running now, made by the demo community worker. */
async function labRunningNow(worker: Page) {
  const week = 7 * 24 * 60;
  return callApi<TEvent>(worker, 'POST', '/api/community/events', {
    kind: 'citizenship_lab',
    title: 'Laboratorio di cittadinanza: la scuola dei nostri figli',
    description: 'Quattro incontri su iscrizioni, mensa, colloqui con gli insegnanti.',
    municipality: '016219',
    languages: ['it', 'ar'],
    topics: ['school'],
    capacity: 20,
    sessions: [0, 1, 2, 3].map((n) => ({
      startsAt: at(n * week - 5),
      endsAt: at(n * week + 115),
      place: 'Biblioteca civica, piazza Manara 1',
    })),
    published: true,
  });
}

/** The ticket code a public page shows: big and spaced for the eye, one word for the test. */
const ticketCodeOn = async (page: Page) =>
  ((await page.locator('.ticket .code [aria-hidden="true"]').textContent()) ?? '').replace(/\s+/g, '');

describe('community events, public pages', () => {
  it('a resident registers in Arabic on a phone, can leave at once, and a walk-in checks in by the session QR', async () => {
    const { page: worker } = await signIn('animatrice.comunita');
    const lab = await labRunningNow(worker);
    const eventPath = lab.publicPath;
    expect(eventPath).toMatch(/^\/eventi\/[\w-]+$/);

    // The resident's phone: Arabic first; the quick exit's everyday page is answered here, never fetched.
    const resident = await (
      await app.browser.newContext({ baseURL: app.baseUrl, locale: 'ar', viewport: PHONE, isMobile: true })
    ).newPage();
    await resident.route('https://www.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>meteo</title><p>meteo</p>' }),
    );
    // The public pages load nothing from elsewhere (styles, script, fonts are the server's own).
    const elsewhere: string[] = [];
    resident.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== app.baseUrl && url.protocol !== 'data:' && request.url() !== QUICK_EXIT_URL)
        elsewhere.push(request.url());
    });

    await resident.goto('/eventi?lang=ar');
    await resident.goto(`${eventPath}?lang=ar`);
    await h1(resident, lab.title).waitFor();
    expect(await resident.getAttribute('html', 'lang')).toBe('ar');
    expect(await resident.getAttribute('html', 'dir')).toBe('rtl');
    await resident.getByRole('heading', { name: AR.formTitle }).waitFor();
    await expectAccessible(resident, 'public event page in Arabic');

    // Quick exit: a plain link to an everyday page, and Esc twice replaces this page with it.
    const quickExit = resident.getByRole('link', { name: AR.quickExit });
    expect(await quickExit.getAttribute('href')).toBe(QUICK_EXIT_URL);
    expect(await quickExit.isVisible()).toBe(true);
    const entries = await resident.evaluate(() => history.length);
    await resident.keyboard.press('Escape');
    await resident.keyboard.press('Escape');
    await resident.waitForURL(QUICK_EXIT_URL);
    expect(await resident.evaluate(() => history.length)).toBe(entries);
    await resident.goBack();
    expect(new URL(resident.url()).pathname).toBe('/eventi');

    // Registration with a name and an Italian mobile number: the confirmation shows the ticket code.
    await resident.goto(`${eventPath}?lang=ar`);
    await h1(resident, lab.title).waitFor();
    await resident.getByRole('textbox', { name: AR.nameLabel }).fill('فاطمة الزهراء');
    await resident.getByRole('textbox', { name: AR.phoneLabel }).fill('333 123 4567');
    await resident.getByRole('radio', { name: AR.genders.female }).check();
    await resident.getByRole('radio', { name: AR.ages['30_44'] }).check();
    // A form sent within 3 seconds of being served is a bot's: a person takes longer.
    await sleep(3_000);
    await resident.getByRole('button', { name: AR.submitRegister }).click();
    await resident.getByRole('heading', { name: AR.confirmedTitle }).waitFor();
    expect(await resident.getAttribute('html', 'dir')).toBe('rtl');
    const ticketCode = await ticketCodeOn(resident);
    expect(ticketCode).toMatch(/^[A-Z2-9]{8}$/);
    await expectAccessible(resident, 'registration confirmed, in Arabic');

    // The same page in English and in Italian.
    for (const lang of ['en', 'it'] as const) {
      await resident.goto(`${eventPath}?lang=${lang}`);
      await resident.getByRole('heading', { name: wordsFor(lang).formTitle }).waitFor();
      expect(await resident.getAttribute('html', 'lang')).toBe(lang);
      expect(await resident.getAttribute('html', 'dir')).toBe('ltr');
      await expectAccessible(resident, `public event page in ${lang}`);
    }

    // At the door: the organiser shows the first session's QR; a walk-in scans it.
    const sessionId = lab.sessions[0]!.id;
    await worker.goto(`/community/sessions/${sessionId}`);
    await h1(worker, lab.title).waitFor();
    await worker.getByText('Presenti: 0 su 1').waitFor();
    await worker.getByRole('button', { name: 'Mostra il QR' }).click();
    await worker.getByRole('img', { name: 'Codice QR per registrarsi a questo incontro' }).waitFor();
    const shown = await callApi<{ url: string }>(
      worker,
      'GET',
      `/api/community/sessions/${sessionId}/checkin-code`,
    );
    const scanned = new URL(shown.url);

    const walkIn = await (
      await app.browser.newContext({ baseURL: app.baseUrl, locale: 'ar', viewport: PHONE, isMobile: true })
    ).newPage();
    // No `lang` in the QR: the page speaks the phone's language.
    await walkIn.goto(`${scanned.pathname}${scanned.search}`);
    await walkIn.getByRole('heading', { name: AR.walkInTitle }).waitFor();
    expect(await walkIn.getAttribute('html', 'dir')).toBe('rtl');
    await expectAccessible(walkIn, 'walk-in form in Arabic');
    await walkIn.getByRole('radio', { name: AR.genders.male }).check();
    await walkIn.getByRole('radio', { name: AR.ages['18_29'] }).check();
    await walkIn.getByRole('radio', { name: AR.citizenships.non_eu }).check();
    await walkIn.getByRole('button', { name: AR.submitWalkIn }).click();
    await walkIn.getByRole('heading', { name: AR.presentTitle }).waitFor();
    const walkInCode = await ticketCodeOn(walkIn);
    expect(walkInCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(walkInCode).not.toBe(ticketCode);
    await expectAccessible(walkIn, 'walk-in ticket in Arabic');

    // The organiser's list, refreshed while the QR shows, has the walk-in present.
    await worker.getByText('Presenti: 1 su 2').waitFor();
    const session = await callApi<TSessionDetail>(worker, 'GET', `/api/community/sessions/${sessionId}`);
    const present = session.participants.filter((p) => p.present);
    expect(present).toHaveLength(1);
    expect(present[0]).toMatchObject({ anonymous: true, name: null, participant: 'resident' });
    expect(session.participants.find((p) => !p.present)?.name).toBe('فاطمة الزهراء');
    expect(elsewhere).toEqual([]);
  }, 150_000);
});
