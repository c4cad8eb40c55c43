import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  callApi,
  caseTab,
  choose,
  demoHousehold,
  fact,
  type Household,
  h1,
  openCase,
} from './case-helpers.js';
import { expectAccessible, expectAccessibleOnPhone, freshTotp, PHONE, startApp, stopApp } from './support.js';

/*
 * The family network and placements in the browser: the practitioner opens the demo household
 * "Diallo" (a Tutela Minori case under a 5-bis decree, the grandmother living in another home),
 * reads its genogram and the same relations as sentences, adds a relation, reads a residence status
 * one person at a time, then on the case sees the network with its legal roles and the two
 * placements whose address the decree protects, revealed after a reason and a second factor.
 * One journey: the access rules' permutations are integration tests.
 */
beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

/** The case the Tutela Minori opened for a household of its own (its members belong to it). */
async function caseOfHousehold(page: Page, householdId: string): Promise<string> {
  const list = await callApi<{ items: { id: string }[] }>(page, 'GET', '/api/cases?pageSize=100');
  for (const { id } of list.items) {
    const found = await callApi<{ members?: { householdId: string }[] }>(page, 'GET', `/api/cases/${id}`);
    if (found.members?.some((m) => m.householdId === householdId)) return id;
  }
  throw new Error(`no case of household ${householdId}`);
}

const relationsTable = (page: Page) => page.getByRole('table', { name: /relazion[ei] registrat[ae]$/ });

/** The page does not scroll sideways (the genogram shrinks to the width). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe('the family network of the Diallo household and the placements of its case', () => {
  let diallo: Household;
  let caseId = '';

  it('operatrice reads the genogram and the relations as sentences on the household’s page', async () => {
    const page = await as('operatrice');
    diallo = await demoHousehold(page, 'Diallo');
    await page.goto(`/households/${diallo.id}`);
    await h1(page, `Nucleo ${diallo.code}`).waitFor();

    const network = page.getByRole('region', { name: 'Rete familiare', exact: true });
    await network.getByRole('img', { name: /^Genogramma della rete familiare/ }).waitFor();
    // Four symbols: the mother, two children, the grandmother who lives elsewhere (dashed).
    const svg = network.locator('svg[role="img"]');
    expect(await svg.locator('circle, rect, polygon').count()).toBe(4);
    const dashed = 'circle[stroke-dasharray], rect[stroke-dasharray], polygon[stroke-dasharray]';
    expect(await svg.locator(dashed).count()).toBe(1);
    expect(await svg.getByText('Mariama', { exact: true }).count()).toBe(1);
    expect(await svg.getByText('1962', { exact: true }).count()).toBe(1);

    const relations = relationsTable(page);
    await relations.getByRole('rowheader', { name: 'Fatou Diallo è genitore di Aminata Diallo' }).waitFor();
    await relations
      .getByRole('rowheader', { name: 'Mariama Diallo è nonno o nonna di Moussa Diallo' })
      .waitFor();
    expect(await relations.getByRole('row').count()).toBe(1 + 5);
    const people = network.getByRole('table', { name: '4 persone della rete' });
    await people.getByRole('row', { name: /Mariama Diallo 1962 Donna o ragazza In un'altra casa/ }).waitFor();
    // The members table marks who lives in another home.
    await page
      .getByRole('table', { name: '4 componenti del nucleo' })
      .getByRole('rowheader', { name: 'Mariama Diallo vive altrove' })
      .waitFor();
    const roles = network.getByRole('table', { name: '4 ruoli giuridici' });
    await roles.getByRole('cell', { name: 'Avv. Paola Rinaldi, Foro di Bergamo' }).first().waitFor();
    // On the household's page the orders are not listed: the role says it rests on one.
    await roles.getByRole('cell', { name: 'Disposto da un provvedimento del tribunale' }).first().waitFor();
    await expectAccessible(page, 'household with its family network');

    const desktop = page.viewportSize();
    await page.setViewportSize(PHONE);
    try {
      await network.getByRole('img', { name: /^Genogramma/ }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(PHONE.width);
    } finally {
      if (desktop) await page.setViewportSize(desktop);
    }
  });

  it('operatrice adds a relation: the grandmother is the mother’s parent', async () => {
    const page = await as('operatrice');
    const network = page.getByRole('region', { name: 'Rete familiare', exact: true });
    await network.getByRole('button', { name: 'Aggiungi una relazione' }).click();
    const form = page.getByRole('region', { name: 'Nuova relazione' });
    // Nothing chosen: the form says what is missing before anything is sent.
    await form.getByRole('button', { name: 'Registra la relazione' }).click();
    await form.locator('#relation-kind-error').filter({ hasText: 'Campo obbligatorio.' }).waitFor();
    await expectAccessible(page, 'new relation form with errors');

    await form.getByLabel(/^Chi/).selectOption({ label: 'Mariama Diallo' });
    await form.getByLabel(/^È/).selectOption({ label: 'Genitore' });
    await form.getByLabel(/^Di chi/).selectOption({ label: 'Fatou Diallo' });
    await form.getByRole('button', { name: 'Registra la relazione' }).click();
    await network.getByRole('status').filter({ hasText: 'Relazione registrata.' }).waitFor();
    const relations = relationsTable(page);
    await relations.getByRole('rowheader', { name: 'Mariama Diallo è genitore di Fatou Diallo' }).waitFor();
    expect(await relations.getByRole('row').count()).toBe(1 + 6);

    // The same relation twice is refused, on the field that makes it the same.
    await network.getByRole('button', { name: 'Aggiungi una relazione' }).click();
    await form.getByLabel(/^Chi/).selectOption({ label: 'Mariama Diallo' });
    await form.getByLabel(/^È/).selectOption({ label: 'Genitore' });
    await form.getByLabel(/^Di chi/).selectOption({ label: 'Fatou Diallo' });
    await form.getByRole('button', { name: 'Registra la relazione' }).click();
    await form.locator('#relation-kind-error').filter({ hasText: 'già registrata' }).waitFor();
    await form.getByRole('button', { name: 'Annulla' }).click();
    await expectAccessible(page, 'family network with the new relation');
  });

  it('operatrice reads one person’s residence status, never in a list', async () => {
    const page = await as('operatrice');
    // The reference person's panel is open on arrival.
    const residence = page.getByRole('region', { name: 'Condizione di soggiorno', exact: true });
    expect(await page.getByText('Motivi familiari').count()).toBe(0);
    await residence.getByRole('button', { name: 'Condizione di soggiorno di Fatou Diallo' }).click();
    expect(await fact(residence, 'Condizione').textContent()).toBe('Permesso di soggiorno');
    expect(await fact(residence, 'Tipo di permesso').textContent()).toBe('Motivi familiari');
    await residence.getByRole('button', { name: 'Modifica' }).click();
    // The permit's fields belong to a status with a permit only.
    await residence.getByLabel(/^Tipo di permesso/).waitFor();
    await residence
      .getByRole('combobox', { name: /^Condizione/ })
      .selectOption({ label: 'Cittadinanza italiana' });
    expect(await residence.getByLabel(/^Tipo di permesso/).count()).toBe(0);
    await expectAccessible(page, 'residence status form');
    await residence.getByRole('button', { name: 'Annulla' }).click();
    await residence.getByRole('button', { name: 'Chiudi' }).click();
    expect(await page.getByText('Motivi familiari').count()).toBe(0);
  });

  it('operatrice sees the network and its legal roles on the case, with the decree named', async () => {
    const page = await as('operatrice');
    caseId = await caseOfHousehold(page, diallo.id);
    await openCase(page, caseId);
    await caseTab(page, 'Rete familiare');
    await page.getByRole('img', { name: /^Genogramma/ }).waitFor();
    await relationsTable(page)
      .getByRole('rowheader', { name: 'Mariama Diallo è genitore di Fatou Diallo' })
      .waitFor();
    await page
      .getByRole('table', { name: '4 ruoli giuridici' })
      .getByRole('cell', { name: /^Collocamento \(art\. 5-bis L\. 184\/1983\) del .+ \(VG 812\/2026\)$/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'case family network tab');

    // A tutore named by the decree, someone outside the network: recorded on the case, then ended.
    const network = page.getByRole('region', { name: 'Rete familiare', exact: true });
    await network.getByRole('button', { name: 'Registra un ruolo giuridico' }).click();
    const form = page.getByRole('region', { name: 'Nuovo ruolo giuridico' });
    await form.getByLabel(/^Per chi/).selectOption({ label: 'Moussa Diallo' });
    await form.getByLabel(/^Ruolo/).selectOption({ label: 'Tutore' });
    await choose(form.getByRole('group', { name: /^Chi lo esercita/ }), 'Una persona esterna, per nome');
    // Neither a person nor a name: the holder is missing.
    await form.getByRole('button', { name: 'Registra il ruolo' }).click();
    await form.locator('#role-holder-name-error').filter({ hasText: 'Campo obbligatorio.' }).waitFor();
    await form.getByLabel(/^Nome e cognome/).fill('Avv. Marco Bianchi');
    await form.getByLabel(/^Ente, studio o foro/).fill('Foro di Bergamo');
    const orderSelect = form.getByLabel(/^Provvedimento del tribunale/);
    const decree = await orderSelect.locator('option', { hasText: 'VG 812/2026' }).textContent();
    await orderSelect.selectOption({ label: decree ?? '' });
    await expectAccessible(page, 'new legal role form');
    await form.getByRole('button', { name: 'Registra il ruolo' }).click();
    await network.getByRole('status').filter({ hasText: 'Ruolo giuridico registrato.' }).waitFor();
    const roles = page.getByRole('table', { name: '5 ruoli giuridici' });
    const tutore = roles.getByRole('row', {
      name: /Moussa Diallo Tutore Avv\. Marco Bianchi, Foro di Bergamo/,
    });
    await tutore.getByRole('cell', { name: /VG 812\/2026/ }).waitFor();
    await tutore.getByRole('button', { name: 'Termina il ruolo Tutore per Moussa Diallo' }).click();
    const end = page.getByRole('form', { name: 'Fine del ruolo Tutore per Moussa Diallo' });
    await end.getByRole('button', { name: 'Termina il ruolo' }).click();
    await network.getByRole('status').filter({ hasText: 'Ruolo giuridico terminato.' }).waitFor();
    await tutore.getByRole('cell', { name: /^dal .+ al .+$/ }).waitFor();
    expect(await tutore.getByRole('button').count()).toBe(0);
  });

  it('operatrice opens the placements: the decree protects the address, shown after a reason and her code', async () => {
    const page = await as('operatrice');
    await caseTab(page, 'Collocamenti');
    const aminata = page.getByRole('article', { name: 'Aminata Diallo: Famiglia affidataria' });
    await aminata.waitFor();
    await page.getByRole('article', { name: 'Moussa Diallo: Famiglia affidataria' }).waitFor();
    expect(await page.getByText('Indirizzo protetto', { exact: true }).count()).toBe(2);
    expect(await page.getByText('Via dei Tigli').count()).toBe(0);
    expect(await fact(aminata, 'Comunità o famiglia').textContent()).toBe(
      'Famiglia affidataria (rete affidi dell’Ambito)',
    );
    await expectAccessible(page, 'case placements tab');
    await expectAccessibleOnPhone(page, 'case placements tab');

    await aminata
      .getByRole('button', { name: "Mostra l'indirizzo del collocamento di Aminata Diallo" })
      .click();
    await aminata.getByLabel(/^Perché ti serve l'indirizzo/).fill('Devo organizzare la visita domiciliare.');
    await aminata.getByRole('button', { name: 'Mostra', exact: true }).click();
    const stepUp = aminata.getByRole('form', { name: 'Conferma la tua identità' });
    await stepUp.waitFor();
    await stepUp.getByLabel(/^Codice di verifica/).fill(await freshTotp('operatrice'));
    await stepUp.getByRole('button', { name: 'Conferma e mostra' }).click();
    await aminata.getByText('Via dei Tigli 4, Caravaggio').waitFor();
    await aminata.getByRole('button', { name: "Nascondi l'indirizzo" }).click();
    expect(await page.getByText('Via dei Tigli').count()).toBe(0);

    // A visit, recorded on the placement.
    await aminata.getByRole('button', { name: /^Registra una visita/ }).click();
    await aminata.getByLabel(/^Nota/).fill('Aminata sta bene, la scuola procede.');
    await aminata.getByRole('button', { name: 'Registra la visita' }).click();
    await aminata.getByRole('cell', { name: 'Aminata sta bene, la scuola procede.' }).waitFor();
    await expectAccessible(page, 'placement with a visit');
  });
});
