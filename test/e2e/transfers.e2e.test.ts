import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, callApi, caseTab, fact, h1, menu, openCase, ROMANO } from './case-helpers.js';
import { expectAccessible, startApp, stopApp } from './support.js';

/*
 * A transfer between Ambiti, in the browser: the Treviglio practitioner's own case, under a court
 * order, is handed to Tutela Minori of Romano on that order; Romano's practitioner finds the request
 * on the transfers page and accepts it, and the case is at once out of the Treviglio practitioner's
 * reach. Then the coordinator reaches the reports waiting for her approval from Home. One journey:
 * the rules' permutations (bases, who may ask, accept, refuse, withdraw) are integration tests.
 */
beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

describe('Tutela Minori: a case handed to another Ambito on a court order, and the reports to approve', () => {
  const reason = 'La famiglia si è trasferita a Romano di Lombardia, nel comune di Cologno al Serio.';
  let caseId = '';
  let caseCode = '';

  it('operatrice asks Tutela Minori of Romano to take her case, on its court order', async () => {
    const page = await as('operatrice');
    const household = await callApi<{ id: string; members: { id: string; caseRole: string }[] }>(
      page,
      'POST',
      '/api/households',
      {
        municipality: '016219',
        members: [
          {
            givenName: 'Samira',
            familyName: 'Haddad',
            relationship: 'reference_person',
            caseRole: 'other',
            birthYear: 1990,
            gender: 'female',
            citizenship: 'TN',
            municipality: '016219',
          },
          {
            givenName: 'Karim',
            familyName: 'Haddad',
            relationship: 'child',
            caseRole: 'child',
            birthYear: 2016,
            gender: 'male',
            citizenship: 'TN',
            municipality: '016219',
          },
        ],
        acknowledgeDuplicates: true,
      },
    );
    const child = household.members.find((m) => m.caseRole === 'child')!;
    ({ caseId } = await callApi<{ caseId: string }>(page, 'POST', '/api/cases', {
      householdId: household.id,
      personIds: [child.id],
      origin: 'court_decree',
      receivedOn: new Date().toISOString().slice(0, 10),
      urgency: 'priority',
      summary: 'Il tribunale prescrive al servizio di seguire il minore e la madre.',
    }));
    await callApi(page, 'POST', `/api/cases/${caseId}/court-orders`, {
      court: 'Tribunale per i Minorenni di Brescia',
      docketNumber: '987/2026 V.G.',
      kind: 'prescriptions',
      decidedOn: new Date().toISOString().slice(0, 10),
    });

    await openCase(page, caseId, 'closure');
    caseCode = (await h1(page, /^Caso /).textContent())!.trim().split(' ').at(-1)!;
    const section = page.getByRole('region', { name: 'Trasferimento ad altro Ambito' });
    await section.getByRole('button', { name: 'Chiedi il trasferimento' }).click();
    const form = page.getByRole('region', { name: 'Richiesta di trasferimento' });
    await form.getByLabel(/^Servizio che riceve il caso/).selectOption({ label: ROMANO });
    // Nobody of the case consented to Romano: a consent basis is not offered, the form says why.
    await form.getByLabel(/^Base del trasferimento/).selectOption({ label: 'Consenso della famiglia' });
    await form
      .getByText('Nessuna persona del caso ha un consenso in vigore verso questo servizio.')
      .waitFor();
    await form.getByLabel(/^Base del trasferimento/).selectOption({ label: 'Provvedimento del tribunale' });
    await form.getByLabel(/^Provvedimento del tribunale/).selectOption({ index: 1 });
    await form.getByLabel(/^Motivazione/).fill(reason);
    await expectAccessible(page, 'transfer form');
    await form.getByRole('button', { name: 'Chiedi il trasferimento' }).click();

    await page.getByRole('status').filter({ hasText: 'Richiesta di trasferimento inviata' }).waitFor();
    expect(await fact(section, 'Al servizio').textContent()).toBe(ROMANO);
    expect(await fact(section, 'Base').textContent()).toBe('Provvedimento del tribunale');
    expect(await fact(section, 'Stato').textContent()).toBe('In attesa di risposta');
    await section.getByRole('button', { name: /^Ritira/ }).waitFor();
    // While the transfer waits, the case is not closed: the closure form gives way to a note.
    await expect.poll(() => page.getByLabel(/^Esito/).count()).toBe(0);
  });

  it('operatore.romano finds the request on the transfers page and accepts it; the case is his', async () => {
    const page = await as('operatore.romano');
    await menu(page).getByRole('link', { name: 'Trasferimenti' }).click();
    await h1(page, 'Trasferimenti').waitFor();
    const request = page.getByRole('article', { name: new RegExp(`^Caso ${caseCode} da `) });
    expect(await fact(request, 'Base').textContent()).toBe('Provvedimento del tribunale');
    expect(await fact(request, 'Motivazione').textContent()).toBe(reason);
    await expectAccessible(page, 'transfers page');
    await request.getByRole('button', { name: 'Accetta il trasferimento' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `il caso ${caseCode} è ora del tuo servizio` })
      .waitFor();
    await page.getByRole('link', { name: `Apri il caso ${caseCode}` }).click();
    await h1(page, `Caso ${caseCode}`).waitFor();
    expect(await fact(page, 'Servizio').textContent()).toBe(ROMANO);
    await caseTab(page, 'Cronologia');
    await page.getByText('Caso trasferito ad altro Ambito').waitFor();
    await caseTab(page, 'Chiusura');
    await page
      .getByRole('table', { name: '1 cambiamento di stato del caso' })
      .getByRole('rowheader', { name: 'Caso trasferito' })
      .waitFor();
    await expectAccessible(page, 'closure tab with the status history');
  });

  it('operatrice no longer reaches the case', async () => {
    const page = await as('operatrice');
    await page.goto(`/cases/${caseId}`);
    await h1(page, 'Pagina non trovata').waitFor();
  });

  it('coordinatrice reaches the reports waiting for her approval from Home', async () => {
    const page = await as('coordinatrice');
    await page.goto('/');
    await h1(page, 'Home').waitFor();
    const card = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Relazioni al tribunale da approvare' }),
    });
    await card.getByRole('link', { name: 'Vedi le relazioni da approvare' }).click();
    await h1(page, 'Relazioni da approvare').waitFor();
    const table = page.getByRole('table', { name: /relazion[ei] da approvare$/ });
    const first = table.getByRole('row').nth(1);
    await first.waitFor();
    await expectAccessible(page, 'reports to approve');
    await first.getByRole('link').click();
    await h1(page, /^Caso /).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tribunale' }).waitFor();
  });
});
