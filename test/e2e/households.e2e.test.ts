import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  callApi,
  caseIdOf,
  codeInHeading,
  demoHousehold,
  fact,
  h1,
  idInUrl,
  menu,
} from './case-helpers.js';
import { expectAccessible, startApp, stopApp } from './support.js';

/*
 * Households in the browser: search by name, the duplicate warning, correcting and removing a
 * member with its history; and the mediator writing the mediation note of their session.
 */
beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

describe('households: search by name, duplicate warning, correcting a member', () => {
  const given = 'Aïcha';
  const family = 'Benaïssa-Lefèvre';
  const name = `${given} ${family}`;
  // The same person typed again, in capitals: the server's check ignores case and accents.
  const again = { given: 'AICHA', family: 'BENAÏSSA-LEFÈVRE' };
  let firstId = '';
  let firstCode = '';

  /** The new-household form with its comune chosen and the reference person filled in. */
  async function startHousehold(page: Page, person: { given: string; family: string }) {
    await page.goto('/households/new');
    await h1(page, 'Nuovo nucleo familiare').waitFor();
    await page
      .locator('#household-municipality option', { hasText: 'Treviglio' })
      .waitFor({ state: 'attached' });
    await page.getByLabel('Comune *', { exact: true }).selectOption({ label: 'Treviglio' });
    const first = page.getByRole('group', { name: 'Persona di riferimento' });
    await first.getByLabel(/^Nome/).fill(person.given);
    await first.getByLabel(/^Cognome/).fill(person.family);
    await first.getByLabel(/^Genere/).selectOption({ label: 'Donna o ragazza' });
    await first.getByLabel('Anno di nascita').fill('1989');
    return first;
  }

  it('operatrice registers a person choosing languages by typing, and finds the household by part of the name, without accents', async () => {
    const page = await as('operatrice');
    const first = await startHousehold(page, { given, family });
    // The person's comune follows the household's.
    expect(await first.getByLabel('Comune di residenza o domicilio').inputValue()).toBe(
      await page.getByLabel('Comune *', { exact: true }).inputValue(),
    );
    const languages = first.getByRole('combobox', { name: 'Lingue parlate' });
    await languages.fill('arab');
    await first
      .getByRole('listbox', { name: 'Lingue parlate' })
      .getByRole('option', { name: 'arabo' })
      .waitFor();
    await languages.press('Enter');
    await languages.fill('franc');
    await languages.press('ArrowDown');
    await languages.press('Enter');
    await languages.press('Escape');
    const chosen = first.getByRole('list', { name: 'Lingue scelte' });
    expect(await chosen.getByRole('listitem').count()).toBe(2);
    await chosen.getByRole('button', { name: 'Togli arabo' }).waitFor();
    await chosen.getByRole('button', { name: 'Togli francese' }).waitFor();
    await first.getByLabel('Lingua preferita').selectOption({ label: 'francese' });
    await expectAccessible(page, 'new household form with languages chosen');
    await page.getByRole('button', { name: 'Registra il nucleo' }).click();

    await h1(page, /^Nucleo /).waitFor();
    firstCode = await codeInHeading(page);
    firstId = idInUrl(page);
    const row = page
      .getByRole('table', { name: /component[ei] del nucleo/ })
      .getByRole('row')
      .filter({ hasText: name });
    expect(await row.textContent()).toContain('arabo, francese (preferita)');

    await menu(page).getByRole('link', { name: 'Nuclei familiari' }).click();
    await h1(page, 'Nuclei familiari').waitFor();
    await page.getByLabel(/^Cerca per nome, codice fiscale/).fill('aicha benaiss');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    const found = page.getByRole('table', { name: '1 nucleo familiare' });
    await found.getByRole('link', { name: firstCode }).waitFor();
    await found.getByRole('columnheader', { name: 'Persone trovate' }).waitFor();
    expect(await found.getByRole('row', { name: new RegExp(firstCode) }).textContent()).toContain(
      `${name} (1989)`,
    );
    await expectAccessible(page, 'household list searched by name');
  });

  it('registering the same person again warns with a link to the household; “register anyway” registers', async () => {
    const page = await as('operatrice');
    await startHousehold(page, again);
    await page.getByRole('button', { name: 'Registra il nucleo' }).click();

    const warning = page.getByRole('region', { name: 'Possibile doppione' });
    await warning.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Possibile doppione');
    expect(await warning.textContent()).toContain(`${again.given} ${again.family}:`);
    const link = warning.getByRole('link', { name: `Apri il nucleo ${firstCode} (in una nuova scheda)` });
    expect(await link.getAttribute('href')).toBe(`/households/${firstId}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    // What was typed is still there.
    const first = page.getByRole('group', { name: 'Persona di riferimento' });
    expect(await first.getByLabel(/^Nome/).inputValue()).toBe(again.given);
    expect(new URL(page.url()).pathname).toBe('/households/new');
    await expectAccessible(page, 'possible duplicate warning');

    await warning.getByRole('button', { name: "Registra comunque: è un'altra persona" }).click();
    await h1(page, /^Nucleo /).waitFor();
    expect(await codeInHeading(page)).not.toBe(firstCode);
  });

  it('operatrice corrects the member: the table changes, the history says what changed in words; the only member stays', async () => {
    const page = await as('operatrice');
    const typed = `${again.given} ${again.family}`;
    await page.getByRole('button', { name: `Modifica i dati di ${typed}` }).click();
    const card = page.getByRole('region', { name: `Modifica i dati di ${typed}` });
    expect(await card.getByLabel(/^Nome/).inputValue()).toBe(again.given);
    // The at-risk mark is changed in its own panel, with a reason.
    expect(await card.getByLabel(/^Persona a rischio/).count()).toBe(0);
    await card.getByLabel(/^Nome/).fill(given);
    await card.getByLabel(/^Cognome/).fill(family);
    const languages = card.getByRole('combobox', { name: 'Lingue parlate' });
    await languages.fill('italia');
    await languages.press('Enter');
    await expectAccessible(page, 'member correction form');
    await card.getByRole('button', { name: 'Salva le modifiche' }).click();
    // Now she has the same name and birth year as the first household's: the same warning.
    await card
      .getByRole('region', { name: 'Possibile doppione' })
      .getByRole('button', { name: "Salva comunque: è un'altra persona" })
      .click();

    await page
      .getByRole('status')
      .filter({ hasText: `Dati di ${name} salvati.` })
      .waitFor();
    const row = page
      .getByRole('table', { name: /component[ei] del nucleo/ })
      .getByRole('row')
      .filter({ hasText: name });
    expect(await row.textContent()).toContain('italiano');

    const history = page.getByRole('region', { name: 'Storico modifiche' });
    await history.getByRole('button', { name: 'Mostra lo storico modifiche' }).click();
    const changes = history.getByRole('table', { name: `Modifiche ai dati di ${name}` });
    const changeOf = (label: string) =>
      changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    const nameRow = changeOf('Nome');
    await nameRow.waitFor();
    expect(await nameRow.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining([again.given, given, 'Paola Operatrice']),
    );
    expect(await changeOf('Lingue parlate').getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['—', 'italiano']),
    );
    await expectAccessible(page, 'member change history');

    // Removing the only member is refused, with the server's reason.
    await page.getByRole('button', { name: `Modifica i dati di ${name}` }).click();
    const edit = page.getByRole('region', { name: `Modifica i dati di ${name}` });
    await edit.getByRole('button', { name: 'Rimuovi dal nucleo' }).click();
    await edit.getByLabel(/^Perché rimuovi la persona/).fill('Registrata per errore due volte.');
    await edit.getByRole('button', { name: 'Continua' }).click();
    await edit.getByRole('button', { name: `Sì, rimuovi ${name}` }).click();
    await edit
      .getByRole('alert')
      .filter({ hasText: /unica persona del nucleo/ })
      .waitFor();
    await expectAccessible(page, 'member removal refused');
    expect(await row.count()).toBe(1);
  });
});

describe('the mediator’s own note', () => {
  it('mediatrice sees who attended and writes the mediation note, once', async () => {
    const note = 'La signora preferisce incontri al mattino, con una mediatrice.';
    const operatrice = await as('operatrice');
    const hussain = await demoHousehold(operatrice, 'Hussain');
    const caseId = await caseIdOf(operatrice, hussain.code);
    const lead = await as('responsabile');
    const file = await callApi<{
      team: { userId: string; teamRole: string }[];
      members: { id: string; givenName: string }[];
    }>(lead, 'GET', `/api/cases/${caseId}`);
    const session = await callApi<{ id: string }>(lead, 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: new Date().toISOString(),
      durationMinutes: 60,
      place: 'service',
      language: 'ur',
      personIds: [file.members.find((m) => m.givenName === 'Ayesha')!.id],
      mediatorId: file.team.find((m) => m.teamRole === 'mediator')!.userId,
      notes: { social: 'Nota sociale che la mediatrice non legge.' },
    });

    const page = await as('mediatrice');
    await page.goto(`/sessions/${session.id}`);
    await h1(page, /^Colloquio del /).waitFor();
    expect(await fact(page, 'Persone presenti').textContent()).toBe('Ayesha');
    expect(await fact(page, 'Operatori presenti').textContent()).not.toBe('—');
    const mediation = page.getByRole('region', { name: 'Note di mediazione' });
    await mediation.getByRole('button', { name: 'Scrivi la sezione «Note di mediazione»' }).click();
    await mediation.getByLabel(/^Note di mediazione/).fill(note);
    await expectAccessible(page, 'mediation note form');
    await mediation.getByRole('button', { name: 'Salva la nota' }).click();

    await mediation.getByText(note).waitFor();
    await mediation.getByRole('status').filter({ hasText: 'Nota salvata.' }).waitFor();
    // Written once: no way to write it again, and no other section for her to write.
    expect(await page.getByRole('button', { name: /^Scrivi la sezione/ }).count()).toBe(0);
    await page
      .getByRole('region', { name: /^Note sociali/ })
      .getByText('sigillata')
      .waitFor();
    await expectAccessible(page, 'session with the mediation note written');
  });
});
