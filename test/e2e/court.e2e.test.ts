import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  callApi,
  caseTab,
  choose,
  codeInHeading,
  fact,
  h1,
  idInUrl,
  menu,
  openCase,
} from './case-helpers.js';
import { expectAccessible, startApp, stopApp } from './support.js';

/*
 * Tutela Minori's own case and the court, in the browser: the practitioner opens a case from a
 * school report, records a 5-bis decree made eight months ago and sees the deadlines it set (the
 * six-monthly report already late) on the case, on Home and on the deadlines list; she drafts the
 * report and submits it; the coordinator approves it; she marks it sent with its protocol number
 * and downloads its PDF. One journey: the rules' permutations are integration tests.
 */
beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

/** A calendar date some months (and days) before today (YYYY-MM-DD, local). */
function monthsAgo(months: number, days = 0): string {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const deadlineRow = (page: Page, what: RegExp) =>
  page.getByRole('table', { name: /scadenz[ae] del provvedimento$/ }).getByRole('row', { name: what });

describe('Tutela Minori: a case from a school report, a 5-bis decree, its deadlines and the report to the court', () => {
  const child = { givenName: 'Yusuf', familyName: 'Karimi' };
  const summary = 'La scuola segnala assenze ripetute e segni di trascuratezza del bambino.';
  const reportText =
    'Nel periodo il bambino ha frequentato regolarmente la scuola e la comunità riferisce progressi.';
  const protocol = 'TM-2025/0457';
  let householdId = '';
  let householdCode = '';
  let caseId = '';
  let caseCode = '';

  it('operatrice opens a case from a school report, from the household’s page', async () => {
    const page = await as('operatrice');
    const household = await callApi<{ id: string; code: string }>(page, 'POST', '/api/households', {
      municipality: '016219',
      members: [
        {
          givenName: 'Amal',
          familyName: child.familyName,
          relationship: 'reference_person',
          caseRole: 'other',
          birthYear: 1988,
          gender: 'female',
          citizenship: 'MA',
          municipality: '016219',
        },
        {
          ...child,
          relationship: 'child',
          caseRole: 'child',
          birthYear: 2015,
          gender: 'male',
          citizenship: 'MA',
          municipality: '016219',
        },
      ],
      acknowledgeDuplicates: true,
    });
    householdId = household.id;
    householdCode = household.code;

    await page.goto(`/households/${householdId}`);
    await h1(page, `Nucleo ${householdCode}`).waitFor();
    await page.getByRole('link', { name: 'Apri un caso' }).click();
    await h1(page, `Nuovo caso del nucleo ${householdCode}`).waitFor();
    const people = page.getByRole('group', { name: /^Persone del caso/ });
    // The child is ticked for the practitioner: the case is about him.
    expect(await people.getByRole('checkbox', { name: /Yusuf Karimi/ }).isChecked()).toBe(true);
    expect(await people.getByRole('checkbox', { name: /Amal Karimi/ }).isChecked()).toBe(false);
    await choose(page.getByRole('group', { name: /^Come è arrivato il caso/ }), 'Segnalazione');
    await page.getByLabel(/^Ricevuto il/).fill(monthsAgo(0, 1));
    await page.getByLabel(/^Urgenza/).selectOption({ label: 'Prioritario' });
    await page.getByLabel(/^Sintesi/).fill(summary);
    await expectAccessible(page, 'new case form');

    // A report says who made it: the form asks before anything is sent.
    await page.getByRole('button', { name: 'Apri il caso' }).click();
    const reporter = page.getByLabel(/^Chi ha fatto la segnalazione/);
    await page.locator('#own-case-reporter-error').filter({ hasText: 'Campo obbligatorio.' }).waitFor();
    expect(await reporter.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new case form with an error');
    await reporter.selectOption({ label: 'Scuola' });
    await page.getByRole('button', { name: 'Apri il caso' }).click();

    await h1(page, /^Caso C/).waitFor();
    caseId = idInUrl(page);
    caseCode = await codeInHeading(page);
    expect(await fact(page, 'Origine del caso').textContent()).toBe('Segnalazione: Scuola');
    expect(await fact(page, 'Stato').first().textContent()).toBe('Aperto');
    await page
      .getByRole('table', { name: '1 persona del caso' })
      .getByRole('rowheader', { name: 'Yusuf Karimi' })
      .waitFor();
    await expectAccessible(page, 'own case overview');
  });

  it('operatrice records a 5-bis decree of eight months ago: its deadlines, the report late; she marks the worker named', async () => {
    const page = await as('operatrice');
    await caseTab(page, 'Tribunale');
    await page.getByText('Nessun provvedimento registrato.').waitFor();
    await page.getByRole('button', { name: 'Registra un provvedimento' }).click();
    const form = page.getByRole('region', { name: 'Nuovo provvedimento del tribunale' });
    await form
      .getByLabel(/^Tipo di provvedimento/)
      .selectOption({ label: 'Collocamento (art. 5-bis L. 184/1983)' });
    await form.getByLabel(/^Tribunale/).fill('Tribunale per i Minorenni di Brescia');
    await form.getByLabel(/^Numero del procedimento/).fill('1234/2025 V.G.');
    await form.getByLabel(/^Data del provvedimento/).fill(monthsAgo(8));
    await form.getByLabel(/^Dove vive il minore/).selectOption({ label: 'Comunità residenziale' });
    await form.getByLabel(/^Tutore/).fill('Avv. Laura Bianchi');
    // Art. 5-bis: at most 24 months.
    await form.getByLabel(/^Durata in mesi/).fill('30');
    await form.getByRole('button', { name: 'Registra il provvedimento' }).click();
    await form.locator('#order-duration-error').filter({ hasText: 'al massimo 24 mesi' }).waitFor();
    await expectAccessible(page, 'court order form with an error');
    await form.getByLabel(/^Durata in mesi/).fill('24');
    await form.getByRole('button', { name: 'Registra il provvedimento' }).click();
    await page.getByRole('status').filter({ hasText: 'Provvedimento registrato' }).waitFor();

    const order = page.getByRole('article', { name: /^Collocamento \(art\. 5-bis L\. 184\/1983\) del / });
    expect(await fact(order, 'Tutore').textContent()).toBe('Avv. Laura Bianchi');
    expect(await fact(order, 'Dove vive il minore').textContent()).toBe('Comunità residenziale');
    await expect
      .poll(() => deadlineRow(page, /^Relazione al tribunale/).textContent())
      .toContain('In ritardo');
    expect(await deadlineRow(page, /^Nomina dell'operatore responsabile/).textContent()).toContain(
      'In ritardo',
    );
    expect(await deadlineRow(page, /^Fine del provvedimento/).textContent()).toContain('Da fare');
    // The report is met by sending it, not by a click.
    expect(
      await deadlineRow(page, /^Relazione al tribunale/)
        .getByRole('button')
        .count(),
    ).toBe(0);

    await page
      .getByRole('button', { name: "Segna come fatto: Nomina dell'operatore responsabile (15 giorni)" })
      .click();
    const met = page.getByRole('region', { name: /^Fatto: Nomina dell'operatore responsabile/ });
    await met.getByLabel(/^Fatto il/).waitFor();
    await expectAccessible(page, 'deadline done form');
    await met.getByRole('button', { name: 'Registra' }).click();
    await page.getByRole('status').filter({ hasText: 'Scadenza segnata come fatta.' }).waitFor();
    expect(await deadlineRow(page, /^Nomina dell'operatore responsabile/).textContent()).toContain(
      'Fatto il',
    );
    await expectAccessible(page, 'court tab with a decree (desktop and phone)');
  });

  it('the late report shows on operatrice’s Home and on her court deadlines, which lead to the case', async () => {
    const page = await as('operatrice');
    await page.goto('/');
    await h1(page, 'Home').waitFor();
    const card = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Scadenze del tribunale in ritardo' }),
    });
    await card.getByRole('link', { name: 'Vedi le scadenze' }).click();
    await h1(page, 'Scadenze del tribunale').waitFor();
    expect(await menu(page).getByRole('link', { name: 'Scadenze del tribunale' }).count()).toBe(1);
    const row = page
      .getByRole('table', { name: /scadenz[ae]$/ })
      .getByRole('row', { name: new RegExp(caseCode) });
    await row.first().waitFor();
    expect(await row.textContent()).toContain('Relazione al tribunale');
    expect(await row.textContent()).toContain('In ritardo');
    await expectAccessible(page, 'court deadlines (team)');
    await row.getByRole('link', { name: caseCode }).click();
    await h1(page, `Caso ${caseCode}`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tribunale' }).waitFor();
  });

  it('operatrice drafts the report and submits it for approval', async () => {
    const page = await as('operatrice');
    await page.getByRole('button', { name: 'Nuova relazione' }).click();
    const form = page.getByRole('region', { name: 'Nuova relazione al tribunale' });
    expect(await form.getByLabel(/^Periodo dal/).inputValue()).toBe(monthsAgo(8));
    await form.getByLabel(/^Testo della relazione/).fill(reportText);
    await expectAccessible(page, 'court report form');
    await form.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByRole('status').filter({ hasText: 'Bozza salvata.' }).waitFor();

    const report = page.getByRole('article', { name: /^Relazione dal / });
    expect(await fact(report, 'Stato').textContent()).toBe('Bozza');
    expect(await fact(report, 'Redatta da').textContent()).toBe('Paola Operatrice');
    // The school's letter goes with the report.
    await report.getByLabel(/^Allega un documento/).setInputFiles({
      name: 'lettera-scuola.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('La scuola conferma la frequenza regolare del ragazzo.'),
    });
    await report.getByRole('button', { name: 'Allega', exact: true }).click();
    await report.getByRole('status').filter({ hasText: 'Documento allegato.' }).waitFor();
    await report.getByRole('button', { name: 'lettera-scuola.txt' }).waitFor();
    await report.getByRole('button', { name: "Invia per l'approvazione" }).click();
    await page.getByRole('status').filter({ hasText: "Relazione inviata per l'approvazione." }).waitFor();
    expect(await fact(report, 'Stato').textContent()).toBe('In attesa di approvazione');
    // Submitted, it is no longer hers to edit.
    expect(await report.getByRole('button', { name: 'Modifica la bozza' }).count()).toBe(0);
  });

  it('coordinatrice finds it from Home and approves it', async () => {
    const page = await as('coordinatrice');
    const card = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Relazioni al tribunale da approvare' }),
    });
    await card.getByRole('link', { name: 'Vedi le relazioni da approvare' }).click();
    await h1(page, 'Relazioni da approvare').waitFor();
    const row = page
      .getByRole('table', { name: /relazion[ei] da approvare$/ })
      .getByRole('row', { name: new RegExp(caseCode) });
    await row.first().waitFor();
    await row.first().getByRole('link', { name: caseCode }).click();
    await h1(page, `Caso ${caseCode}`).waitFor();

    const report = page.getByRole('article', { name: /^Relazione dal / });
    await report.locator('summary', { hasText: 'Leggi il testo della relazione' }).click();
    await report.getByText(reportText).waitFor();
    await expectAccessible(page, 'court tab (coordinator)');
    await report.getByRole('button', { name: 'Approva la relazione' }).click();
    await page.getByRole('status').filter({ hasText: 'Relazione approvata' }).waitFor();
    expect(await fact(report, 'Stato').textContent()).toBe('Approvata');
    expect(await fact(report, 'Approvata da').textContent()).toMatch(/^Carla Coordinatrice, /);
    // Only the team records what it sent.
    expect(await report.getByRole('button', { name: 'Segna come trasmessa' }).count()).toBe(0);
  });

  it('operatrice marks it sent with its protocol number, the next report is scheduled, and the PDF downloads', async () => {
    const page = await as('operatrice');
    await openCase(page, caseId, 'court');
    const report = page.getByRole('article', { name: /^Relazione dal / });
    await report.getByRole('button', { name: 'Segna come trasmessa' }).click();
    const form = page.getByRole('region', { name: 'Trasmissione al tribunale' });
    await form.getByLabel(/^Numero di protocollo/).fill(protocol);
    await form.getByRole('button', { name: 'Registra la trasmissione' }).click();
    await page.getByRole('status').filter({ hasText: 'Trasmissione registrata' }).waitFor();
    expect(await fact(report, 'Stato').textContent()).toBe('Trasmessa');
    expect(await fact(report, 'Trasmessa').textContent()).toContain(protocol);
    // The late report is met; the next one runs six months from the day it was sent.
    await expect
      .poll(async () => (await deadlineRow(page, /^Relazione al tribunale/).allTextContents()).join(' | '))
      .toMatch(/Fatto il.*\|.*Da fare|Da fare.*\|.*Fatto il/);
    await expectAccessible(page, 'court tab with the report sent');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('link', { name: /^Scarica PDF/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
