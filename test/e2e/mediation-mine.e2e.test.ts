import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './case-helpers.js';
import { expectAccessible, newPage, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * The mediator's phone (issue 18, item 4) and the page of the person mediated (item 6), at 390 × 844:
 * Amina, the demo mediator, confirms the assignment waiting for her and logs the hours of yesterday's
 * mediation; the person of a completed Arabic mediation answers in Arabic, right to left, and is thanked.
 * The demo seed gives both (src/server/modules/mediation/mediation.demo.ts).
 */

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const h1 = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
/** A section of the page, by the start of its heading (the heading also carries a count). */
const section = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
/** A mediation's card in a section, by what it shows (language, purpose). */
const card = (scope: Locator, ...texts: string[]) =>
  texts.reduce((found, text) => found.filter({ hasText: text }), scope.getByRole('article'));

/** A date `days` from today as a date input holds it. */
function dayFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface RequestPage {
  items: {
    language: string;
    status: string;
    assignment: { id: string; mediatorName: string; status: string } | null;
  }[];
}

describe('mediation on a phone', () => {
  it('mediatrice confirms an assignment, logs yesterday’s hours, adds an absence and gets her calendar', async () => {
    const page = (await signIn('mediatrice')).page;
    await page.setViewportSize(PHONE);
    // Home says what waits for her and leads to her page.
    await page.getByRole('link', { name: 'Vai ai miei incarichi' }).first().click();
    await h1(page, 'I miei incarichi').waitFor();
    await expectAccessible(page, 'my assignments');

    // The demo's offer: by phone, so no place, and no contact until it is hers.
    const offer = card(section(page, 'Offerte per te'), 'Arabo', 'Colloquio');
    await offer.waitFor();
    expect(await offer.textContent()).not.toContain('Contatto');

    // The home visit in French the coordination entrusted to her: confirmed, it moves to what is coming.
    const toConfirm = card(section(page, 'Da confermare'), 'Francese', 'Visita domiciliare');
    expect(await toConfirm.textContent()).toContain('0363 317 500');
    await toConfirm.getByRole('button', { name: 'Confermo' }).click();
    await page.getByRole('status').filter({ hasText: 'Incarico confermato.' }).waitFor();
    const confirmed = card(section(page, 'In programma'), 'Francese', 'Visita domiciliare');
    await confirmed.waitFor();
    expect(await confirmed.getByRole('link', { name: /^Chiama / }).getAttribute('href')).toBe(
      'tel:0363317500',
    );
    expect(await section(page, 'Da confermare').count()).toBe(0);

    // Yesterday's interview in Arabic: minutes, travel with a decimal comma, logged.
    const toLog = card(section(page, 'Da registrare'), 'Arabo', 'Colloquio');
    await toLog.getByLabel(/^Minuti di mediazione/).fill('55');
    await toLog.getByLabel(/^Minuti di viaggio/).fill('20');
    await toLog.getByLabel(/^Chilometri percorsi/).fill('8,5');
    await expectAccessible(page, 'my assignments, logging hours');
    await toLog.getByRole('button', { name: 'Registra' }).click();
    await page.getByRole('status').filter({ hasText: 'Ore registrate.' }).waitFor();
    await card(section(page, 'Svolte'), '55 min di mediazione, 20 min di viaggio, 8,5 km').waitFor();
    expect(await section(page, 'Da registrare').count()).toBe(0);

    // An absence next month, then taken back.
    const availability = section(page, 'La mia disponibilità');
    await availability.getByLabel(/^Dal/).fill(dayFromNow(40));
    await availability.getByLabel(/^Al \(compreso\)/).fill(dayFromNow(42));
    await availability.getByRole('button', { name: 'Aggiungi l’assenza' }).click();
    await availability.getByText('Assenza aggiunta.').waitFor();
    const remove = availability.getByRole('button', { name: /^Togli l’assenza: Dal / });
    await expect.poll(() => remove.count()).toBe(1);
    await remove.click();
    await availability.getByText('Assenza tolta.').waitFor();
    await expect.poll(() => remove.count()).toBe(0);

    // The calendar feed for her phone: an address to copy, and the calendar's own link.
    const calendar = section(page, 'Calendario del telefono');
    await calendar.getByRole('button', { name: 'Aggiungi al calendario del telefono' }).click();
    const address = calendar.getByLabel('Indirizzo del tuo calendario');
    await address.waitFor();
    expect(await address.inputValue()).toMatch(/^https?:\/\/.+\/api\/mediation\/calendar\//);
    expect(
      await calendar.getByRole('link', { name: 'Apri nel calendario del telefono' }).getAttribute('href'),
    ).toMatch(/^webcal:\/\//);
    await expectAccessible(page, 'my assignments with the calendar address');
    // Nothing of a case on the whole page.
    expect(await page.locator('main').textContent()).not.toMatch(/\bC-[0-9A-Z]{7}\b|\bN-[0-9A-Z]{7}\b/);
  }, 240_000);

  it('the person of an Arabic mediation answers in Arabic, right to left, and is thanked', async () => {
    // The requester makes the link, as the request's page does for her.
    const operator = (await signIn('operatrice')).page;
    const done = await callApi<RequestPage>(
      operator,
      'GET',
      '/api/mediation/requests?status=completed&pageSize=100',
    );
    const arabic = done.items.find((r) => r.language === 'ar' && r.assignment?.status === 'completed');
    expect(arabic, 'a completed Arabic mediation of operatrice in the demo').toBeDefined();
    const link = await callApi<{ path: string }>(
      operator,
      'POST',
      `/api/mediation/assignments/${arabic?.assignment?.id}/feedback-link`,
    );
    expect(link.path).toMatch(/^\/parere\//);

    // No session on the person's phone.
    const { page } = await newPage();
    await page.setViewportSize(PHONE);
    await page.goto(link.path);
    const frame = page.locator('[lang="ar"][dir="rtl"]');
    await h1(page, 'رأيك في الوساطة').waitFor();
    expect(await frame.count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Menu principale' }).count()).toBe(0);
    await expectAccessible(page, 'feedback page in Arabic');

    // The person may prefer another language, and come back.
    await page.getByLabel(/^لغة الأسئلة/).selectOption('it');
    await h1(page, 'Il tuo parere sulla mediazione').waitFor();
    expect(await page.locator('[lang="it"][dir="ltr"]').count()).toBeGreaterThan(0);
    await page.getByLabel(/^Lingua delle domande/).selectOption('ar');
    await h1(page, 'رأيك في الوساطة').waitFor();

    // Sending with a question unanswered asks for all three, in Arabic.
    await page.getByRole('group', { name: 'هل فهمت جيدًا ما قيل؟' }).getByText('نعم').click();
    await page.getByRole('button', { name: 'إرسال' }).click();
    await page.getByText('يرجى الإجابة على الأسئلة الثلاثة.').waitFor();
    await page.getByRole('group', { name: 'هل تحدّثوا معك باحترام؟' }).getByText('نعم').click();
    await page
      .getByRole('group', { name: /^هل تريد نفس الوسيطة/ })
      .getByText('إلى حدٍّ ما')
      .click();
    expect(await page.getByRole('radio', { name: 'إلى حدٍّ ما' }).last().isChecked()).toBe(true);
    await page.getByRole('button', { name: 'إرسال' }).click();
    await page.getByText('شكرًا لك. تم إرسال إجابتك.').waitFor();
    expect(await frame.count()).toBe(1);
    await expectAccessible(page, 'feedback page thanks in Arabic');

    // A link nobody made shows the neutral words, and nothing else.
    await page.goto(`/parere/${'x'.repeat(32)}`);
    await page.getByText('Questo collegamento non è più aperto. Grazie comunque.').waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    await expectAccessible(page, 'feedback page of an unknown link');
  }, 240_000);
});
