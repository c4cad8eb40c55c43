import { execFileSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, h1, menu } from './case-helpers.js';
import { expectAccessible, expectAccessibleOnPhone, startApp, stopApp } from './support.js';

/*
 * Governance of the partnership (issue 21) in the browser, on the demo: the steering committee's
 * secretary records a decision and the action it asks of the trainer, completes the draft minutes
 * of the last meeting and circulates them; the chair approves them (then frozen); the trainer
 * closes the action from his home page; the coordinator downloads the monthly progress report;
 * the fundraiser walks a new opportunity through the pipeline into the resources ledger. Rules'
 * permutations (who may, frozen minutes, numbering, stages) are integration tests (test/governance).
 */

const SECRETARY = 'animatrice.comunita';
const CHAIR = 'coordinatrice';
const TRAINER = 'formatore';
const FUNDRAISER = 'raccolta.fondi';
const ACTION = 'Preparare il calendario dei corsi di primavera';
const OPPORTUNITY = 'Borse per le mediatrici di comunità';
const RISK = 'Sale per i corsi non disponibili';

beforeAll(async () => {
  await startApp();
  for (const user of [SECRETARY, CHAIR, TRAINER, FUNDRAISER]) await as(user);
}, 240_000);

afterAll(async () => {
  await stopApp();
});

/** Picks the option of a select whose words contain `text`, once the options have loaded. */
async function pick(select: Locator, text: string): Promise<void> {
  let label: string | undefined;
  await expect
    .poll(async () => {
      label = (await select.locator('option').allTextContents()).find((o) => o.includes(text));
      return label;
    })
    .toBeDefined();
  await select.selectOption({ label: label! });
}

const isoInDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** The steering committee's last meeting that was held (the demo left its minutes a draft). */
async function openLastHeldSteeringMeeting(page: Page): Promise<void> {
  await menu(page).getByRole('link', { name: 'Comitati', exact: true }).click();
  await h1(page, 'Comitati').waitFor();
  await page.getByRole('link', { name: 'Cabina di regia', exact: true }).click();
  await h1(page, 'Cabina di regia').waitFor();
  await page.getByRole('row').filter({ hasText: 'Svolta' }).first().getByRole('link').click();
  await h1(page, /^Cabina di regia: riunione del /).waitFor();
}

const minutesOf = (page: Page) => page.getByRole('region', { name: 'Verbale' });

describe('governance of the partnership', () => {
  it('the secretary records a decision with its action, completes the minutes and circulates them', async () => {
    const page = await as(SECRETARY);
    await openLastHeldSteeringMeeting(page);
    await expectAccessible(page, 'meeting with draft minutes');

    const decisions = page.getByRole('region', { name: 'Delibere' });
    await decisions.getByRole('button', { name: 'Registra una delibera' }).click();
    await decisions
      .getByLabel(/^Testo della delibera/)
      .fill('Si approva il calendario dei corsi di italiano.');
    await decisions.getByRole('button', { name: 'Registra la delibera' }).click();
    await decisions.getByText('Si approva il calendario dei corsi di italiano.').waitFor();
    const number = (await decisions
      .getByText(/^Delibera n\. \d+\/\d{4}$/)
      .last()
      .textContent())!;

    const actions = page.getByRole('region', { name: 'Azioni decise in questa riunione' });
    await actions.getByRole('button', { name: 'Aggiungi un’azione' }).click();
    await actions.getByLabel(/^Che cosa va fatto/).fill(ACTION);
    await pick(actions.getByLabel(/^Chi se ne occupa/), 'Franco Formatore');
    await actions.getByLabel(/^Entro il/).fill(isoInDays(3));
    await pick(actions.getByLabel(/^Delibera di riferimento/), number);
    await actions.getByRole('button', { name: 'Aggiungi l’azione' }).click();
    await actions.getByRole('link', { name: ACTION }).waitFor();

    const minutes = minutesOf(page);
    await minutes.getByRole('heading', { name: /^Versione \d+ · bozza$/ }).waitFor();
    await minutes.getByLabel('Varie ed eventuali').fill(`Registrata la ${number}.`);
    await minutes.getByRole('button', { name: 'Salva la bozza' }).click();
    await expect
      .poll(() => minutes.getByLabel('Varie ed eventuali').inputValue())
      .toBe(`Registrata la ${number}.`);
    await minutes.getByRole('button', { name: 'Fai circolare ai componenti' }).click();
    await minutes.getByRole('heading', { name: /^Versione \d+ · fatta circolare$/ }).waitFor();
    // Circulated, the secretary can no longer change the text nor approve it.
    expect(await minutes.getByRole('textbox').count()).toBe(0);
    expect(await minutes.getByRole('button', { name: 'Approva il verbale' }).count()).toBe(0);
    await expectAccessibleOnPhone(page, 'meeting with circulated minutes');
  }, 120_000);

  it('the chair approves the circulated minutes, which are then frozen', async () => {
    const page = await as(CHAIR);
    await openLastHeldSteeringMeeting(page);
    const minutes = minutesOf(page);
    await minutes.getByRole('button', { name: 'Approva il verbale' }).click();
    await minutes.getByText(/^Versione \d+ approvata da Carla Coordinatrice il /).waitFor();
    await minutes.getByText(/^Registrata la Delibera n\. \d+\/\d{4}\.$/).waitFor();
    // Approved, nobody changes it: a correction would be a new version, drafted by the secretary.
    expect(await minutes.getByRole('button', { name: 'Approva il verbale' }).count()).toBe(0);
    expect(await minutes.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page, 'meeting with approved minutes');
  }, 90_000);

  it('the trainer closes his action from his home page', async () => {
    const page = await as(TRAINER);
    await page.goto('/');
    const mine = page.getByRole('region', { name: 'Le mie azioni' });
    await mine.getByRole('link', { name: ACTION }).waitFor();
    await expectAccessible(page, 'home with my actions');
    await mine.getByRole('button', { name: `Chiudi «${ACTION}»` }).click();
    await pick(mine.getByLabel('Esito'), 'Fatta');
    await mine.getByLabel('Nota di chiusura').fill('Calendario inviato alle scuole.');
    await mine.getByRole('button', { name: 'Chiudi l’azione' }).click();
    await expect.poll(() => mine.getByRole('link', { name: ACTION }).count()).toBe(0);
    await expectAccessibleOnPhone(page, 'home after closing the action');
  }, 90_000);

  it('the coordinator downloads the monthly progress report and keeps the risks', async () => {
    const page = await as(CHAIR);
    await menu(page).getByRole('link', { name: 'Piano di progetto', exact: true }).click();
    await h1(page, 'Piano di progetto').waitFor();
    await expectAccessible(page, 'project plan');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica il rapporto mensile (PDF)' }).click(),
    ]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('Rapporto mensile di avanzamento');
    expect(text).toContain('Milestone in ritardo a fine mese');
    expect(text).toMatch(/Azioni aperte: \d+\./);

    // A risk recorded, then its mitigation corrected in place.
    await page.getByRole('button', { name: 'Aggiungi un rischio o un problema' }).click();
    const adding = page.getByRole('region', { name: 'Aggiungi un rischio o un problema' });
    await adding.getByLabel(/^Titolo/).fill(RISK);
    await adding.getByLabel(/^Mitigazione/).fill('Calendario concordato con i centri.');
    await expectAccessible(page, 'project plan, new risk');
    await adding.getByRole('button', { name: 'Salva', exact: true }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: RISK }) });
    await row.getByText('Calendario concordato con i centri.').waitFor();
    await row.getByRole('button', { name: /^Modifica/ }).click();
    const editing = page.getByRole('region', { name: `Modifica «${RISK}»` });
    await editing.getByLabel(/^Mitigazione/).fill('Due sedi di riserva a Treviglio.');
    await editing.getByRole('button', { name: 'Salva', exact: true }).click();
    await row.getByText('Due sedi di riserva a Treviglio.').waitFor();
  }, 90_000);

  it('the fundraiser walks a new opportunity through the pipeline into the resources ledger', async () => {
    const page = await as(FUNDRAISER);
    await menu(page).getByRole('link', { name: 'Raccolta fondi', exact: true }).click();
    await h1(page, 'Raccolta fondi').waitFor();
    await expectAccessible(page, 'pipeline');

    const form = page.getByRole('region', { name: 'Nuova opportunità' });
    await pick(form.getByLabel(/^Finanziatore/), 'Fondazione Comunità Bergamasca (demo)');
    await form.getByLabel(/^Titolo/).fill(OPPORTUNITY);
    await form.getByLabel(/^Importo richiesto \(euro\)/).fill('5000');
    await form.getByLabel(/^Cosa finanzia/).fill('Due borse di formazione per mediatrici.');
    await pick(form.getByLabel(/^Responsabile/), 'Giulia Raccolta');
    await form.getByRole('button', { name: /^Salva/ }).click();
    // Saved, the opportunity opens on its own page.
    await h1(page, OPPORTUNITY).waitFor();

    const move = page.getByRole('region', { name: 'Sposta alla fase successiva' });
    for (const stage of ['Contattata', 'Domanda presentata', 'Promessa', 'Ricevuta']) {
      await pick(move.getByLabel(/^Nuova fase/), stage);
      if (stage === 'Promessa') await move.getByLabel(/^Importo promesso/).fill('4000');
      if (stage === 'Ricevuta') {
        await move.getByLabel(/^Importo ricevuto/).fill('4000');
        await move.getByLabel(/^Data di ricezione/).fill(isoInDays(0));
      }
      await move.getByRole('button', { name: 'Sposta', exact: true }).click();
      await page
        .locator('dt', { hasText: /^Fase$/ })
        .locator('xpath=following-sibling::dd[1]')
        .getByText(stage)
        .waitFor();
    }
    await expectAccessible(page, 'opportunity received');

    await menu(page).getByRole('link', { name: 'Risorse complementari', exact: true }).click();
    await h1(page, 'Risorse complementari').waitFor();
    await page.getByText(OPPORTUNITY).first().waitFor();
    await expectAccessibleOnPhone(page, 'resources ledger');
  }, 150_000);
});
