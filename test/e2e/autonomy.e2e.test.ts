import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlanPage } from '../../src/contracts/autonomy.js';
import type { TLedger, TRentRequest } from '../../src/contracts/housing.js';
import { DEMO_UNIT_ADDRESSES } from '../../src/server/modules/autonomy/autonomy-demo-data.js';
import { as, callApi, h1, menu } from './case-helpers.js';
import { expectAccessible, freshTotp, startApp, stopApp } from './support.js';

/*
 * Autonomy paths and protected housing (issue 20, "Done when") in the browser, three journeys on
 * the demo: the tutor builds a plan for a woman of a household his service works (a goal with a
 * step, a tutoring meeting, an offer, the skills balance, a placement in a social enterprise); the
 * housing coordinator reads the apartments (never an address in the page), hosts a family and
 * sees one address after a reason and a second factor, which the DPO finds in the audit trail;
 * the finance officer approves and pays a request of the coordinator, is not offered (and is
 * refused) the approval of her own, and reads a ledger that reconciles, with its files for the
 * accounts office. The rules' permutations are integration tests (test/autonomy).
 */

const TUTOR = 'tutor.autonomia';
const HOUSING = 'coordinatrice.abitare';
const FINANCE = 'ragioneria';
/** The streets of the demo apartments: what must never reach a page that is not the reveal. */
const STREETS = DEMO_UNIT_ADDRESSES.map((a) => a.split(/\s\d/)[0]!);

beforeAll(async () => {
  await startApp();
  // Signed in first: by the coordinator's step-up the 30-second step of her sign-in code is long past
  // (a TOTP code is accepted once per step per user), so the step-up waits for nothing.
  for (const user of [HOUSING, FINANCE, TUTOR]) await as(user);
}, 240_000);

afterAll(async () => {
  await stopApp();
});

/** Picks the option of a select whose words contain `text` (any case), once the options have loaded. */
async function pick(select: Locator, text: string): Promise<void> {
  let label: string | undefined;
  await expect
    .poll(async () => {
      label = (await select.locator('option').allTextContents()).find((o) =>
        o.toLowerCase().includes(text.toLowerCase()),
      );
      return label;
    })
    .toBeDefined();
  await select.selectOption({ label: label! });
}

/** A status line (role="status") with these words. */
const said = (scope: Page | Locator, text: string) =>
  scope.getByRole('status').filter({ hasText: text }).waitFor();

/** Euro in Italian words ("€ 1.234,56", "-€ 12,00") as cents. */
function cents(text: string): number {
  const clean = text.replace(/[€\s\u00a0.]/g, '').replace(',', '.');
  return Math.round(Number(clean) * 100);
}

const romeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

function expectNoAddress(text: string, where: string) {
  for (const street of STREETS) expect(text, `${where} names ${street}`).not.toContain(street);
}

describe('autonomy and protected housing', () => {
  it('the tutor builds a plan: a goal with a step, a tutoring meeting, an offer, the skills balance, a placement', async () => {
    const page = await as(TUTOR);
    // A woman of a household the autonomy service itself holds, registered at its desk.
    const family = 'Haddad';
    await callApi(page, 'POST', '/api/households', {
      municipality: '016219',
      members: [
        {
          givenName: 'Amal',
          familyName: family,
          relationship: 'reference_person',
          caseRole: 'victim',
          birthYear: 1990,
          gender: 'female',
          citizenship: 'SY',
          languages: ['ar'],
          preferredLanguage: 'ar',
          interpreterNeeded: true,
          municipality: '016219',
        },
      ],
      acknowledgeDuplicates: true,
    });
    const name = `Amal ${family}`;

    await menu(page).getByRole('link', { name: 'Progetti di autonomia', exact: true }).click();
    await h1(page, 'Progetti di autonomia').waitFor();
    await page.getByRole('table', { name: /^\d+ progetti di autonomia$/ }).waitFor();
    await expectAccessible(page, 'plans list');

    await page.getByRole('link', { name: 'Nuovo progetto' }).click();
    await h1(page, 'Nuovo progetto di autonomia').waitFor();
    await page.getByLabel('Nome, cognome o codice fiscale').fill(family);
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.locator('label').filter({ hasText: name }).click();
    await pick(page.getByLabel(/^Tutor/), 'Paolo Tutor');
    await expectAccessible(page, 'new plan form');
    await page.getByRole('button', { name: 'Apri il progetto' }).click();
    await h1(page, `Progetto di autonomia di ${name}`).waitFor();

    // A goal, then a step of it.
    const goals = page.getByRole('region', { name: 'Obiettivi e passi' });
    await goals.getByRole('button', { name: 'Aggiungi un obiettivo' }).click();
    await pick(goals.getByLabel(/^Ambito/), 'Lavoro');
    await goals.getByLabel(/^Obiettivo/).fill('Un lavoro nella ristorazione');
    await goals.getByRole('button', { name: 'Aggiungi un obiettivo' }).click();
    await said(goals, 'Obiettivo aggiunto.');
    await goals
      .getByRole('button', { name: 'Aggiungi un passo a «Lavoro: Un lavoro nella ristorazione»' })
      .click();
    await goals.getByLabel(/^Passo/).fill('Corso HACCP');
    await goals.getByRole('button', { name: 'Aggiungi un passo', exact: true }).click();
    await said(goals, 'Passo aggiunto.');
    await goals.getByText('Corso HACCP').waitFor();

    // A tutoring meeting with a short note.
    const meetings = page.getByRole('region', { name: 'Incontri di tutoraggio' });
    await meetings.getByRole('button', { name: 'Registra un incontro' }).click();
    await meetings.getByLabel(/^Nota/).fill('Primo colloquio: interesse per la cucina.');
    await meetings.getByRole('button', { name: "Registra l'incontro" }).click();
    await said(meetings, 'Incontro registrato.');
    await meetings.getByText('Primo colloquio: interesse per la cucina.').waitFor();

    // Enrolled in an offer of the catalogue.
    const offers = page.getByRole('region', { name: 'Offerte frequentate' });
    await offers.getByRole('button', { name: 'Iscrivi a un’offerta' }).click();
    await pick(offers.getByLabel(/^Offerta/), 'Corso HACCP per la ristorazione');
    await offers.getByRole('button', { name: 'Iscrivi', exact: true }).click();
    await said(offers, 'Iscrizione registrata.');
    await offers.getByRole('table', { name: '1 iscrizione' }).waitFor();

    // The skills balance.
    const skills = page.getByRole('region', { name: 'Bilancio di competenze' });
    await skills.getByRole('button', { name: 'Compila il bilancio' }).click();
    await skills.getByRole('button', { name: 'Aggiungi una lingua' }).click();
    await pick(skills.getByLabel(/^Lingua 1/), 'Arabo');
    await pick(skills.getByLabel(/^Livello della lingua 1/), 'Madrelingua');
    await pick(skills.getByLabel('Titolo di studio'), 'Scuola secondaria di secondo grado');
    await pick(skills.getByLabel('Riconoscimento del titolo'), 'Non riconosciuto');
    await pick(skills.getByLabel('Patente di guida'), 'Nessuna patente');
    await skills.getByLabel(/^Esperienze di lavoro/).fill('Cuoca in un ristorante ad Aleppo, 6 anni.');
    await skills.getByRole('button', { name: 'Salva', exact: true }).click();
    await said(skills, 'Bilancio di competenze salvato.');

    // A placement with one of the project's social enterprises.
    const placements = page.getByRole('region', { name: 'Inserimenti lavorativi' });
    await placements.getByRole('button', { name: 'Proponi un inserimento' }).click();
    await pick(placements.getByLabel(/^Datore di lavoro o impresa sociale/), 'Forno solidale Pane Nostro');
    await pick(placements.getByLabel(/^Impresa sociale del progetto/), 'Forno solidale Pane Nostro');
    await pick(placements.getByLabel(/^Tipo di contratto/), 'Tirocinio');
    await pick(placements.getByLabel(/^Retribuzione mensile/), 'Da 600 a 899');
    await placements.getByLabel(/^Ore settimanali/).fill('25');
    await placements.getByLabel(/^Tutor aziendale/).fill('Giovanna Ferri');
    await placements.getByRole('button', { name: 'Salva', exact: true }).click();
    await said(placements, 'Inserimento registrato come proposto.');
    await placements.getByRole('heading', { name: /^Forno solidale Pane Nostro/ }).waitFor();
    await expectAccessible(page, 'plan with its goal, meeting, offer, skills and placement');
  }, 150_000);

  it('the housing coordinator reads the apartments without an address, hosts a family, sees one address after a step-up', async () => {
    const page = await as(HOUSING);
    await menu(page).getByRole('link', { name: 'Appartamenti protetti', exact: true }).click();
    await h1(page, 'Appartamenti protetti').waitFor();
    const list = page.getByRole('list', { name: /^\d+ appartamenti$/ });
    await list.getByRole('link', { name: 'Alloggio Quercia' }).waitFor();
    expectNoAddress(await page.content(), 'the apartments list');
    for (const address of DEMO_UNIT_ADDRESSES) expect(await page.content()).not.toContain(address);
    await expectAccessible(page, 'apartments list');

    // The Ahmadi family (a mother and two children, followed by the service) moves into Quercia.
    const plans = await callApi<TPlanPage>(page, 'GET', '/api/autonomy/plans?pageSize=100');
    const ahmadi = plans.items.find((p) => p.personName.includes('Ahmadi'));
    expect(ahmadi).toBeDefined();
    await list.getByRole('link', { name: 'Alloggio Quercia' }).click();
    await h1(page, 'Alloggio Quercia').waitFor();
    const stays = page.getByRole('region', { name: 'Permanenze' });
    const occupancy = page
      .locator('dt')
      .filter({ hasText: /^Ospiti oggi$/ })
      .locator('xpath=following-sibling::dd[1]');
    const before = Number((await occupancy.textContent())?.match(/^(\d+)/)?.[1]);
    await stays.getByRole('button', { name: 'Registra un inserimento' }).click();
    await stays.getByLabel(/^Nucleo/).fill(ahmadi!.householdCode);
    await stays.getByLabel(/^Persone/).fill('3');
    await stays.getByLabel(/^Ingresso/).fill(romeToday());
    await stays.getByRole('button', { name: 'Registra l’inserimento' }).click();
    await said(stays, 'Inserimento registrato.');
    await stays.getByRole('rowheader', { name: ahmadi!.householdCode }).waitFor();
    await expect
      .poll(async () => (await occupancy.textContent())?.match(/^(\d+)/)?.[1])
      .toBe(String(before + 3));
    expectNoAddress(await page.content(), 'the apartment page');
    await expectAccessible(page, 'apartment page with the new stay');

    // The address: a reason, then the second factor, then shown in place.
    const address = page.getByRole('region', { name: 'Indirizzo' });
    await address.getByRole('button', { name: 'Mostra l’indirizzo di Alloggio Quercia' }).click();
    const reason = 'Accompagnare il nucleo Ahmadi all’ingresso nell’alloggio';
    await address.getByLabel(/^Perché ti serve l’indirizzo\?/).fill(reason);
    await address.getByRole('button', { name: 'Mostra l’indirizzo', exact: true }).click();
    const stepUp = address.getByRole('form', { name: 'Conferma la tua identità' });
    await stepUp.waitFor();
    await stepUp.getByLabel(/^Codice di autenticazione/).fill(await freshTotp(HOUSING));
    await stepUp.getByRole('button', { name: 'Conferma' }).click();
    await address.getByText(DEMO_UNIT_ADDRESSES[2]).waitFor();
    await expectAccessible(page, 'the address shown');
    await address.getByRole('button', { name: 'Nascondi l’indirizzo' }).click();
    expectNoAddress(await page.content(), 'the apartment page after hiding the address');

    // The DPO reads who saw it, and why.
    const dpo = await as('dpo');
    const events = await callApi<{ items: { actorUsername: string | null; purpose: string | null }[] }>(
      dpo,
      'GET',
      '/api/audit/events?action=housing.address_revealed',
    );
    expect(events.items).toContainEqual(expect.objectContaining({ actorUsername: HOUSING, purpose: reason }));
  }, 150_000);

  it('finance approves and pays a request of the coordinator, is refused her own, and the ledger reconciles', async () => {
    const page = await as(FINANCE);
    await menu(page).getByRole('link', { name: 'Sostegno all’affitto', exact: true }).click();
    await h1(page, 'Sostegno all’affitto').waitFor();
    await page.getByRole('table', { name: /richieste? di sostegno all’affitto$/ }).waitFor();
    await expectAccessible(page, 'rent support requests');

    // A request of the coordinator, waiting: approved, then paid.
    const waiting = await callApi<{ items: TRentRequest[] }>(
      page,
      'GET',
      '/api/payments/requests?status=requested',
    );
    const theirs = waiting.items.find(
      (r) => r.requestedBy.name === 'Elena Abitare' && r.payeeKind === 'partner',
    );
    expect(theirs).toBeDefined();
    await page.getByRole('link', { name: theirs!.code }).click();
    await h1(page, `Richiesta ${theirs!.code}`).waitFor();
    const actions = page.getByRole('region', { name: 'Che cosa puoi fare' });
    await actions.getByRole('button', { name: 'Approva', exact: true }).click();
    await actions.getByRole('button', { name: 'Sì, approva' }).click();
    await said(actions, 'Richiesta approvata: l’importo è riservato sul budget.');
    await actions.getByRole('button', { name: 'Registra il pagamento' }).click();
    await actions.getByLabel(/^Riferimento del pagamento/).fill('BON-E2E-0001');
    await actions.getByRole('button', { name: 'Registra il pagamento' }).click();
    await said(actions, 'Pagamento registrato nel registro.');
    await page.getByText('riferimento BON-E2E-0001').waitFor();
    await expectAccessible(page, 'a paid request');

    // Her own request: no approval offered, and the server refuses it.
    await page.getByRole('link', { name: 'Torna alle richieste di sostegno' }).click();
    await page.getByRole('button', { name: 'Nuova richiesta' }).click();
    const form = page.getByRole('region', { name: 'Nuova richiesta di sostegno' });
    await pick(form.getByLabel(/^Linea di finanziamento/), 'Fondo d’Ambito');
    await form.getByLabel(/^Codice del nucleo/).fill(theirs!.householdCode);
    await form.getByLabel(/^Importo in euro/).fill('120');
    const today = romeToday();
    await form.getByLabel(/^Dal/).fill(`${today.slice(0, 8)}01`);
    await form.getByLabel(/^Al/).fill(today);
    await pick(form.getByRole('combobox', { name: /^Ente partner/ }), theirs!.payeeName!);
    await form.getByRole('button', { name: 'Invia la richiesta' }).click();
    await h1(page, /^Richiesta /).waitFor();
    await page.getByText('In attesa di decisione', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Approva', exact: true }).count()).toBe(0);
    const ownId = new URL(page.url()).pathname.split('/').at(-1)!;
    const own = await callApi<TRentRequest>(page, 'GET', `/api/payments/requests/${ownId}`);
    expect(own.can.approve).toBe(false);
    const session = await page.request.get('/api/auth/session');
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const refused = await page.request.post(`/api/payments/requests/${ownId}/approve`, {
      headers: { 'x-csrf-token': csrf },
      data: {},
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { type: string }).type).toMatch(/four-eyes$/);
    expect((await callApi<TRentRequest>(page, 'GET', `/api/payments/requests/${ownId}`)).status).toBe(
      'requested',
    );

    // The ledger: every line reconciles, the entries add up, the files for the accounts office.
    await page.goto('/payments/ledger');
    await h1(page, 'Registro dei pagamenti').waitFor();
    const lines = page.getByRole('table', { name: /linee? di finanziamento$/ });
    await lines.waitFor();
    const rows = lines.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    for (let i = 0; i < (await rows.count()); i += 1) {
      const [amount, paid, unpaid, remaining] = (await rows.nth(i).locator('td').allTextContents()).map(
        cents,
      );
      expect(amount, `line ${i}`).toBe(paid! + unpaid! + remaining!);
    }
    const ledger = await callApi<TLedger>(page, 'GET', '/api/payments/ledger');
    const paidOnLines = ledger.lines.reduce((s, l) => s + l.paidCents, 0);
    expect(ledger.entries.reduce((s, e) => s + e.amountCents, 0)).toBe(ledger.totalPaidCents);
    expect(paidOnLines).toBe(ledger.totalPaidCents);
    const entries = page.getByRole('table', { name: /moviment[oi]$/ });
    expect(cents((await entries.locator('tbody tr').last().locator('td').first().textContent()) ?? '')).toBe(
      ledger.totalPaidCents,
    );
    await entries.getByRole('rowheader', { name: theirs!.code }).waitFor();
    await expectAccessible(page, 'payment ledger');

    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name }).click(),
      ]);
      return readFileSync((await file.path())!);
    };
    const csv = (await download('Scarica il registro (CSV)')).toString('utf8');
    expectNoAddress(csv, 'the CSV');
    const csvLines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(csvLines).toHaveLength(ledger.entries.length + 1);
    const csvTotal = csvLines.slice(1).reduce((s, l) => s + cents(l.split(';')[7]!), 0);
    expect(csvTotal).toBe(ledger.totalPaidCents);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('Scarica il registro (XLSX)')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expectNoAddress(cells.join('\n'), 'the XLSX');
    expect(Math.round(Number(sheet.getRow(sheet.rowCount).getCell(8).value) * 100)).toBe(
      ledger.totalPaidCents,
    );

    // The WP5 dashboard.
    await menu(page).getByRole('link', { name: 'Cruscotto autonomia' }).click();
    await h1(page, 'Cruscotto autonomia e abitare').waitFor();
    await page.getByText(/^Famiglie accolte negli appartamenti protetti: \d+ su 7 famiglie$/).waitFor();
    await expectAccessible(page, 'WP5 dashboard');

    // Units and addresses stay out of her reach.
    const units = await page.request.get('/api/housing/units');
    expect(units.status()).toBe(403);
  }, 150_000);
});
