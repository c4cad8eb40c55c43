import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startApp, stopApp } from './support.js';

/*
 * Exports as background jobs: asked for from the page whose data they hold, followed while the
 * server's workers make the file, downloaded once; a bulk export of case data approved by a second
 * person; the admin's view of the jobs. And the DPO ending someone's emergency access early.
 */

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
/** The first day of the month `offset` months from this one (a request's day, deadline and latest extension). */
const firstOfMonth = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
};
const ownExports = (page: Page) => page.getByRole('table', { name: /^\d+ esportazion[ei]$/ });

describe('exports', () => {
  it('operatrice.cav asks for the incident register, follows it to ready and downloads it once', async () => {
    const { page } = await signIn('operatrice.cav');
    await menu(page).getByRole('link', { name: 'Osservatorio', exact: true }).click();
    await h1(page, 'Osservatorio sulla violenza di genere').waitFor();
    await page.getByRole('link', { name: 'Esporta elenco…' }).click();

    await h1(page, 'Esportazioni').waitFor();
    const kind = page.getByLabel(/^Che cosa esportare/);
    await expect.poll(() => kind.inputValue()).toBe('observatory.incidents');
    // The observatory's year comes along; an empty year would export every year.
    expect(await page.getByLabel(/^Anno/).inputValue()).toMatch(/^20\d\d$/);
    await page.getByLabel(/^Anno/).fill('');
    expect(await page.getByRole('radio', { name: 'CSV' }).isChecked()).toBe(true);
    await page.getByText('Non hai ancora chiesto esportazioni.').waitFor();
    await expectAccessible(page, 'exports, new request form');

    await page.getByRole('button', { name: 'Chiedi l’esportazione' }).click();
    await page.getByRole('status').filter({ hasText: 'Richiesta inviata' }).waitFor();

    // The list is asked again every second while the file is made: no reload needed.
    const row = ownExports(page).getByRole('row', { name: /Registro degli episodi/ });
    await row.getByText('Pronto da scaricare').waitFor({ timeout: 60_000 });
    const bar = row.getByRole('progressbar', { name: 'Avanzamento di Registro degli episodi (righe)' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Righe: (\d+) su \1 \(100%\)$/);
    await expectAccessible(page, 'exports, file ready');

    const downloading = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Scarica Registro degli episodi (righe) (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^observatory-incidents-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = readFileSync(await download.path(), 'utf8');
    expect(file.replace(/^\uFEFF/, '')).toMatch(/^Codice della persona;Mese;/);

    await row.getByText('Scaricato', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /^Scarica/ }).count()).toBe(0);
    // Still downloaded once the server is asked again.
    await page.reload();
    await h1(page, 'Esportazioni').waitFor();
    await ownExports(page)
      .getByRole('row', { name: /Registro degli episodi/ })
      .getByText('Scaricato')
      .waitFor();
    await expectAccessible(page, 'exports, file downloaded');
  });

  it('responsabile asks for the case list, supervisora approves it, and it is made', async () => {
    const requester = (await signIn('responsabile')).page;
    await menu(requester).getByRole('link', { name: 'Casi', exact: true }).click();
    await h1(requester, 'Casi').waitFor();
    await requester.getByRole('link', { name: 'Esporta elenco…' }).click();
    await h1(requester, 'Esportazioni').waitFor();
    await expect.poll(() => requester.getByLabel(/^Che cosa esportare/).inputValue()).toBe('cases.bulk');
    await requester.getByRole('note').filter({ hasText: 'seconda persona' }).waitFor();
    await requester.getByLabel(/^Stato dei casi/).selectOption({ label: 'Aperto' });
    await requester
      .locator('label')
      .filter({ hasText: /^Excel \(XLSX\)$/ })
      .click();
    await requester.getByRole('button', { name: 'Chiedi l’esportazione' }).click();
    await requester
      .getByRole('status')
      .filter({ hasText: 'parte quando una seconda persona la approva' })
      .waitFor();
    const row = ownExports(requester).getByRole('row', { name: /Elenco dei casi/ });
    await row.getByText('In attesa di approvazione').waitFor();
    await expectAccessible(requester, 'exports, awaiting approval');

    const approver = (await signIn('supervisora')).page;
    await menu(approver).getByRole('link', { name: 'Esportazioni', exact: true }).click();
    await h1(approver, 'Esportazioni').waitFor();
    await approver.getByRole('heading', { level: 2, name: 'Da approvare' }).waitFor();
    const approve = approver.getByRole('button', {
      name: 'Approva Elenco dei casi (righe) chiesta da responsabile',
    });
    await approve.waitFor();
    await expectAccessible(approver, 'exports, to approve');
    await approve.click();
    await approver
      .getByRole('status')
      .filter({ hasText: 'Approvata: «Elenco dei casi (righe)» chiesta da responsabile' })
      .waitFor();
    await approver.getByText('Nessun’altra richiesta da approvare.').waitFor();
    await expectAccessible(approver, 'exports, approved');

    // The requester's page polls only while a file is in the making: asked again, it follows it.
    await requester.reload();
    await h1(requester, 'Esportazioni').waitFor();
    const approved = ownExports(requester).getByRole('row', { name: /Elenco dei casi/ });
    await approved.getByText('Pronto da scaricare').waitFor({ timeout: 60_000 });
    await approved.getByText('Approvata da supervisora').waitFor();
  });

  it('admin follows the background jobs', async () => {
    const { page } = await signIn('admin');
    await menu(page).getByRole('link', { name: 'Attività in background' }).click();
    await h1(page, 'Attività in background').waitFor();
    const jobs = page.getByRole('table', { name: /attività, dalla più recente$/ });
    await jobs
      .getByRole('row', { name: /Esportazioni e report/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'background jobs');

    await page.getByLabel('Stato').selectOption({ label: 'Completata' });
    await page.getByRole('button', { name: 'Mostra' }).click();
    const done = page.getByRole('table', { name: /nello stato «Completata»/ });
    const exportsDone = done.getByRole('row', { name: /Esportazioni e report/ });
    await exportsDone.first().waitFor();
    // The incident register and the case list of the tests above.
    expect(await exportsDone.count()).toBeGreaterThanOrEqual(2);
    expect(await exportsDone.first().textContent()).toMatch(/1 di 3/);
    expect(new URL(page.url()).searchParams.get('state')).toBe('done');
    await expectAccessible(page, 'background jobs, done');
  });
});

describe('emergency access', () => {
  it('the DPO ends someone else’s active access early, saying why', async () => {
    const { page } = await signIn('coordinatrice');
    const users = (await (await page.request.get('/api/users?q=operatrice')).json()) as {
      items: { id: string; username: string }[];
    };
    const target = users.items.find((u) => u.username === 'operatrice');
    expect(target).toBeDefined();
    await menu(page).getByRole('link', { name: 'Accesso di emergenza' }).click();
    await h1(page, 'Accesso di emergenza').waitFor();
    await page.getByLabel(/^Tipo di dato/).selectOption('user');
    await page.getByLabel(/^Identificativo del dato/).fill(target?.id ?? '');
    await page.getByLabel(/^Motivazione/).fill('Reperibilità: verifica urgente dei recapiti della collega.');
    await page.getByRole('button', { name: "Richiedi l'accesso di emergenza" }).click();
    await page.getByRole('status').filter({ hasText: 'Accesso concesso' }).waitFor();

    const dpo = (await signIn('dpo')).page;
    await menu(dpo).getByRole('link', { name: 'Accesso di emergenza' }).click();
    await h1(dpo, 'Accesso di emergenza').waitFor();
    const end = dpo.getByRole('button', { name: 'Chiudi ora l’accesso di coordinatrice' });
    await end.waitFor();
    await expectAccessible(dpo, 'emergency accesses with an active one');
    await end.click();
    // The reason is required: an empty one is refused on the field.
    await dpo.getByRole('button', { name: 'Chiudi ora l’accesso', exact: true }).click();
    const reason = dpo.getByLabel(/^Motivo della chiusura/);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('La reperibilità è terminata.');
    await dpo.getByRole('button', { name: 'Chiudi ora l’accesso', exact: true }).click();
    await dpo.getByText(/^Chiuso in anticipo il /).waitFor();
    expect(await dpo.getByRole('button', { name: /^Chiudi ora l’accesso/ }).count()).toBe(0);
    await expectAccessible(dpo, 'emergency access ended early');
  });
});

describe('privacy operations', () => {
  it('the DPO makes a dry run, approves it, and the old households are anonymised while the held one is not', async () => {
    const { page } = await signIn('dpo');
    await menu(page).getByRole('link', { name: 'Protezione dei dati' }).click();
    await h1(page, 'Protezione dei dati').waitFor();
    await page
      .getByRole('table', { name: 'Periodi di conservazione per organizzazione e categoria' })
      .waitFor();
    await page
      .getByRole('table', { name: /^\d+ blocc(o|hi) legal[ei]$/ })
      .getByText('RG 1234/2025 Tribunale di Bergamo')
      .waitFor();
    await expectAccessible(page, 'privacy operations, before any dry run');

    await page.getByRole('button', { name: 'Esegui una simulazione' }).click();
    const report = page.getByRole('table', { name: /^\d+ nucle[oi]$/ });
    const row = (code: string) => report.getByRole('row', { name: new RegExp(code) });
    await row('N-ARCHIV1').getByText('Da anonimizzare').waitFor();
    await row('N-ARCHIV2').getByText('Da anonimizzare').waitFor();
    await row('N-ARCHIV3').getByText('Bloccato da un blocco legale').waitFor();
    await row('N-ARCHIV3')
      .getByText(/RG 1234\/2025/)
      .waitFor();
    await page.getByText(/nessun dato è stato modificato/).waitFor();
    await expectAccessible(page, 'privacy operations, dry run report');

    await page.getByRole('button', { name: 'Approva e anonimizza' }).click();
    await page
      .getByRole('alert')
      .getByText(/Stai per anonimizzare \d+ nucle/)
      .waitFor();
    await page.getByRole('alert').getByRole('button', { name: 'Approva e anonimizza' }).click();
    // The server's worker anonymises in the background; the report follows it without a reload.
    await page.getByText(/^Anonimizzazione completata/).waitFor({ timeout: 60_000 });
    await row('N-ARCHIV1').getByText('Anonimizzato').waitFor();
    await row('N-ARCHIV3').getByText('Bloccato da un blocco legale').waitFor();
    await expectAccessible(page, 'privacy operations, run finished');
  });

  it('the DPO records a breach, sees what the account reached and the 72-hour clock, decides and notifies', async () => {
    const { page } = await signIn('dpo');
    await menu(page).getByRole('link', { name: 'Protezione dei dati' }).click();
    await h1(page, 'Protezione dei dati').waitFor();
    await page.getByText('Registra una violazione').click();
    await page.getByLabel(/^Titolo/).fill('Credenziali di una collega usate da terzi');
    await page.getByLabel(/^Che cosa è successo/).fill('Accessi notturni dall’account della responsabile.');
    await page.getByLabel(/^Come è stata scoperta/).fill('Segnalazione della collega');
    await page.getByLabel(/^Periodo interessato: dal/).fill('2020-01-01T00:00');
    await page.getByLabel(/^Account usato/).fill('nessuno.cosi');
    await page.getByRole('button', { name: 'Registra la violazione' }).click();
    // An unknown username is refused on its field, in words.
    await page.getByText('Nessun account ha questo nome utente.').waitFor();
    await page.getByLabel(/^Account usato/).fill('responsabile');
    await page.getByRole('button', { name: 'Registra la violazione' }).click();
    const detail = page.getByRole('heading', { level: 3, name: 'Credenziali di una collega usate da terzi' });
    await detail.waitFor();
    await page
      .getByText(/^Entro il /)
      .first()
      .waitFor();
    // What the account reached in the window, or that it reached nothing logged: never contents.
    await page.getByText(/nucle[oi] familiar[ei] coinvolt[oi]|non hanno raggiunto dati registrati/).waitFor();
    await expectAccessible(page, 'breach register, one breach open');

    await page.getByLabel(/^Stato/).selectOption('confirmed');
    await page.getByLabel(/^Motivi \(notifica al Garante\)/).fill('Dati di persone vulnerabili raggiunti.');
    await page
      .getByLabel(/^Motivi \(comunicazione alle persone\)/)
      .fill('Le persone vanno avvisate dal servizio.');
    await page.getByRole('button', { name: 'Registra la decisione' }).click();
    await page.getByRole('status').filter({ hasText: 'Decisione registrata.' }).waitFor();
    await page.getByLabel(/^Canale/).fill('Procedura telematica del Garante');
    await page.getByRole('button', { name: 'Registra la notifica' }).click();
    await page.getByText(/^Garante per la protezione dei dati personali: /).waitFor();
    await page.getByText('Notificata o non dovuta').first().waitFor();
    await expectAccessible(page, 'breach register, Garante notified');
  });

  it('the DPO records an access request, downloads the person’s copy, extends and answers it', async () => {
    const { page } = await signIn('dpo');
    await menu(page).getByRole('link', { name: 'Protezione dei dati' }).click();
    await h1(page, 'Protezione dei dati').waitFor();
    await page.getByText('Registra una richiesta').click();
    // N-ARCHIV3 is under a legal hold: whatever the other tests do, it is never anonymised.
    await page.getByLabel(/^Codice del nucleo familiare/).fill('N-ARCHIV3');
    await page.getByLabel(/^Nome della persona/).fill('Samina');
    await page.getByLabel(/^Cognome della persona/).fill('Rossi');
    await page.getByLabel(/^Come è stata verificata l’identità/).fill('Passaporto esibito allo sportello.');
    await page.getByLabel(/^Ricevuta il/).fill(firstOfMonth(0));
    await page.getByRole('button', { name: 'Registra la richiesta' }).click();
    await page
      .getByText('Nel nucleo con questo codice non c’è una persona con questo nome e cognome.')
      .waitFor();
    await page.getByLabel(/^Cognome della persona/).fill('Iqbal');
    await page.getByRole('button', { name: 'Registra la richiesta' }).click();
    await page.getByRole('status').filter({ hasText: 'Richiesta di Samina Iqbal registrata' }).waitFor();
    await expectAccessible(page, 'data subjects’ requests, one recorded');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Copia dei dati (PDF) di Samina Iqbal' }).first().click();
    expect((await downloading).suggestedFilename()).toBe(`copia-dati-${firstOfMonth(0)}.pdf`);
    await page
      .getByRole('link', { name: 'Esclusioni da verificare (PDF) per Samina Iqbal' })
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Proroga la richiesta di Samina Iqbal' }).first().click();
    await page.getByLabel(/^Nuova scadenza/).fill(`${firstOfMonth(3).slice(0, 8)}02`);
    await page.getByLabel(/^Motivo della proroga/).fill('Dati in archivio cartaceo');
    await page.getByRole('button', { name: 'Proroga', exact: true }).click();
    await page
      .getByText(
        `La proroga va oltre la scadenza e al massimo fino al ${firstOfMonth(3).split('-').reverse().join('/')} (due mesi).`,
      )
      .waitFor();
    await page.getByLabel(/^Nuova scadenza/).fill(firstOfMonth(3));
    await page.getByRole('button', { name: 'Proroga', exact: true }).click();
    await page.getByText('Prorogata: Dati in archivio cartaceo').first().waitFor();

    await page
      .getByRole('button', { name: 'Registra la risposta alla richiesta di Samina Iqbal' })
      .first()
      .click();
    await page.getByLabel(/^Risposta data alla persona/).fill('Copia consegnata di persona dal servizio.');
    await page.getByRole('button', { name: 'Salva la risposta' }).click();
    await page.getByText('Copia consegnata di persona dal servizio.').first().waitFor();
    await expectAccessible(page, 'data subjects’ requests, one answered');

    // A restriction granted, then lifted with the reason (the person told first). The form stays open.
    await page.getByLabel(/^Tipo di richiesta/).selectOption('restriction');
    await page.getByLabel(/^Codice del nucleo familiare/).fill('N-ARCHIV3');
    await page.getByLabel(/^Nome della persona/).fill('Samina');
    await page.getByLabel(/^Cognome della persona/).fill('Iqbal');
    await page.getByLabel(/^Come è stata verificata l’identità/).fill('Passaporto esibito allo sportello.');
    await page.getByLabel(/^Ricevuta il/).fill(firstOfMonth(0));
    await page.getByRole('button', { name: 'Registra la richiesta' }).click();
    await page.getByRole('status').filter({ hasText: 'Richiesta di Samina Iqbal registrata' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'Limitazione del trattamento' })
      .getByRole('button', { name: 'Registra la risposta alla richiesta di Samina Iqbal' })
      .first()
      .click();
    await page
      .getByLabel(/^Risposta data alla persona/)
      .fill('Limitazione accolta durante la verifica dei dati.');
    await page.getByRole('button', { name: 'Salva la risposta' }).click();
    await page.getByRole('button', { name: 'Revoca la limitazione di Samina Iqbal' }).first().click();
    await page.getByLabel(/^Motivo della revoca/).fill('Dati verificati; la persona è stata informata.');
    await page.getByRole('button', { name: 'Revoca la limitazione', exact: true }).click();
    await page
      .getByText(/^Limitazione revocata il .*: Dati verificati/)
      .first()
      .waitFor();
    await expectAccessible(page, 'data subjects’ requests, a restriction lifted');
  });

  it('the DPO reads the record of processing, completes an activity and downloads it', async () => {
    const { page } = await signIn('dpo');
    await menu(page).getByRole('link', { name: 'Protezione dei dati' }).click();
    await h1(page, 'Protezione dei dati').waitFor();
    await page.getByText('Presa in carico sociale ed etnoclinica dei nuclei').click();
    await page
      .getByRole('button', { name: 'Completa: Presa in carico sociale ed etnoclinica dei nuclei' })
      .click();
    await page.getByLabel('Titolare e contitolari').fill('Comune di Treviglio, capofila dell’Ambito');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText(/^Completato da Davide Protezione Dati il /).waitFor();
    await expectAccessible(page, 'record of processing, one activity open');
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Scarica il registro (PDF)' }).click();
    expect((await downloading).suggestedFilename()).toMatch(/^registro-trattamenti-\d{4}-\d{2}-\d{2}\.pdf$/);
  });
});
