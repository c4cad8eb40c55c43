import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  callApi,
  caseIdOf,
  caseTab,
  caseTabs,
  choose,
  codeInHeading,
  demoHousehold,
  ETNO,
  fact,
  fullName,
  h1,
  idInUrl,
  member,
  menu,
  openCase,
  ROMANO,
  wrongTotp,
} from './case-helpers.js';
import { expectAccessible, freshTotp, startApp, stopApp } from './support.js';

/*
 * Case management in the browser: a household registered by the Tutela Minori, its consents, a
 * referral to the Équipe etnoclinica, the case the team opens, plans, sessions with sealed notes,
 * supervision and closure; then one refused journey per safety rule.
 *
 * TOTP replay protection allows one sign-in per user per 30-second step, so each user signs in once
 * in this file and keeps their page (`as`).
 */
beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

describe('main journey: from the household to the closed case', () => {
  const mother = { givenName: 'Leila', familyName: 'Haddad' };
  const child = { givenName: 'Omar', familyName: 'Haddad' };
  const sections = ['Famiglia e percorso migratorio', 'Lingue e mediazione', 'Protezione e sicurezza'];
  const goal = 'Autonomia abitativa della madre entro un anno';
  const psychologicalNote = 'La madre elabora la separazione; Omar dorme meglio.';
  const mediationNote = 'Spiegato il ruolo del servizio con riferimenti alla famiglia allargata.';
  const closureReason = 'Obiettivi raggiunti: la madre ha casa e lavoro, Omar frequenta la scuola.';
  let householdCode = '';
  let referralId = '';
  let caseId = '';
  let caseCode = '';

  it('operatrice registers a household: the mother as victim and a child', async () => {
    const page = await as('operatrice');
    await menu(page).getByRole('link', { name: 'Nuclei familiari' }).click();
    await h1(page, 'Nuclei familiari').waitFor();
    await page.getByRole('link', { name: 'Nuovo nucleo' }).click();
    await h1(page, 'Nuovo nucleo familiare').waitFor();
    await page
      .locator('#household-municipality option', { hasText: 'Treviglio' })
      .waitFor({ state: 'attached' });
    await expectAccessible(page, 'new household form');

    await page.getByLabel('Comune *', { exact: true }).selectOption({ label: 'Treviglio' });
    const first = page.getByRole('group', { name: 'Persona di riferimento' });
    await first.getByLabel(/^Nome/).fill(mother.givenName);
    await first.getByLabel(/^Cognome/).fill(mother.familyName);
    // The reference person is the victim unless told otherwise.
    expect(await first.getByLabel(/^Ruolo nel caso/).inputValue()).toBe('victim');
    await first.getByLabel(/^Genere/).selectOption({ label: 'Donna o ragazza' });
    await first.getByLabel('Anno di nascita').fill('1991');
    await first.getByLabel('Cittadinanza').selectOption({ label: 'Marocco' });
    // No codice fiscale: the identifier is optional.
    expect(await first.getByLabel('Tipo di identificativo').inputValue()).toBe('none');

    await page.getByRole('button', { name: 'Aggiungi un componente' }).click();
    const second = page.getByRole('group', { name: 'Componente 2' });
    await second.getByLabel(/^Nome/).fill(child.givenName);
    await second.getByLabel(/^Cognome/).fill(child.familyName);
    await second.getByLabel(/^Relazione/).selectOption({ label: 'Figlia o figlio' });
    await second.getByLabel(/^Ruolo nel caso/).selectOption({ label: 'Minore' });
    await second.getByLabel(/^Genere/).selectOption({ label: 'Uomo o ragazzo' });
    await second.getByLabel('Anno di nascita').fill('2016');
    await page.getByRole('button', { name: 'Registra il nucleo' }).click();

    await h1(page, /^Nucleo /).waitFor();
    householdCode = await codeInHeading(page);
    const members = page.getByRole('table', { name: /componenti del nucleo/ });
    await members
      .getByRole('row', { name: new RegExp(`${mother.givenName} ${mother.familyName}.*Vittima`) })
      .waitFor();
    await members
      .getByRole('row', { name: new RegExp(`${child.givenName} ${child.familyName}.*Minore`) })
      .waitFor();
    await expectAccessible(page, 'household detail');
  });

  it('operatrice records the consents for the Équipe etnoclinica, the child’s by a legal representative', async () => {
    const page = await as('operatrice');
    const recordConsent = async (name: string, byRepresentative: string | null) => {
      const panel = page.getByRole('region', { name: `${name}: consensi, sicurezza, esclusioni` });
      await panel.waitFor();
      await panel.getByRole('button', { name: 'Registra un consenso' }).click();
      const form = page.getByRole('region', { name: `Nuovo consenso di ${name}` });
      await form.waitFor();
      if (byRepresentative) {
        await choose(form.getByRole('group', { name: /^Chi dà il consenso/ }), 'Il rappresentante legale');
        await form.getByLabel(/^Nome del rappresentante legale/).fill(byRepresentative);
      }
      expect(await form.getByLabel(/^Finalità/).inputValue()).toBe('taking_into_care');
      await form.getByLabel(/^Servizio destinatario/).selectOption({ label: ETNO });
      for (const section of sections)
        await choose(form.getByRole('group', { name: 'Dati condivisi' }), section);
      return form;
    };

    const motherForm = await recordConsent(`${mother.givenName} ${mother.familyName}`, null);
    await expectAccessible(page, 'consent form');
    await motherForm.getByRole('button', { name: 'Registra il consenso' }).click();
    const motherConsents = page.getByRole('table', {
      name: `Consensi di ${mother.givenName} ${mother.familyName}`,
    });
    const motherRow = motherConsents.getByRole('row', { name: /Presa in carico/ });
    await motherRow.waitFor();
    expect(await motherRow.textContent()).toContain(ETNO);
    expect(await motherRow.textContent()).toContain(sections.join(', '));

    const childName = `${child.givenName} ${child.familyName}`;
    await page.getByRole('button', { name: `Consensi e sicurezza di ${childName}` }).click();
    const childForm = await recordConsent(childName, 'Leila Haddad (madre)');
    await childForm.getByRole('button', { name: 'Registra il consenso' }).click();
    const childRow = page.getByRole('table', { name: `Consensi di ${childName}` }).getByRole('row', {
      name: /Presa in carico/,
    });
    await childRow.waitFor();
    expect(await childRow.textContent()).toContain('dato da Leila Haddad (madre)');
    await expectAccessible(page, 'household detail with consents');
  });

  it('operatrice refers the household to the Équipe etnoclinica with those sections and sends it', async () => {
    const page = await as('operatrice');
    await page.getByRole('link', { name: 'Invia a un servizio' }).click();
    await h1(page, `Nuovo invio del nucleo ${householdCode}`).waitFor();
    const people = page.getByRole('group', { name: /^Persone inviate/ });
    // The victim is ticked for the practitioner; the child is added by hand.
    expect(await people.getByRole('checkbox', { name: /Leila Haddad/ }).isChecked()).toBe(true);
    await choose(people, /^Omar Haddad/);
    await page.getByLabel(/^Servizio destinatario/).selectOption({ label: ETNO });
    for (const section of sections)
      await choose(page.getByRole('group', { name: 'Sezioni condivise' }), section);
    await page
      .getByLabel(/^Messaggio al servizio/)
      .fill('Madre e figlio usciti da una situazione di violenza: chiediamo la presa in carico etnoclinica.');
    await expectAccessible(page, 'referral form');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    await h1(page, `Invio del nucleo ${householdCode}`).waitFor();
    referralId = idInUrl(page);
    await page.getByRole('status').filter({ hasText: 'Bozza salvata' }).waitFor();
    await expectAccessible(page, 'referral detail (draft)');

    await page.getByRole('button', { name: 'Invia', exact: true }).click();
    await page.getByText(`L'invio sarà trasmesso a «${ETNO}»`).waitFor();
    await page.getByRole('button', { name: "Conferma l'invio" }).click();
    await expect.poll(() => fact(page, 'Base giuridica').textContent()).not.toBe('—');
    await page.locator('.badge', { hasText: /^Inviato$/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Invia', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'referral detail (sent)');
  });

  it('responsabile accepts the referral, writes and submits the plan, and adds clinica and mediatrice to the team', async () => {
    const page = await as('responsabile');
    await menu(page).getByRole('link', { name: 'Invii' }).click();
    await h1(page, 'Invii').waitFor();
    await page.getByRole('table').getByRole('link', { name: householdCode }).click();
    await h1(page, `Invio del nucleo ${householdCode}`).waitFor();
    // The recipient reads what was shared while the referral waits for an answer.
    await page.getByRole('table', { name: '2 persone inviate' }).waitFor();
    await expectAccessible(page, 'referral detail (received)');
    await page.getByRole('button', { name: 'Accetta e apri il caso' }).click();

    await h1(page, /^Caso C/).waitFor();
    caseId = idInUrl(page);
    caseCode = await codeInHeading(page);
    expect(await fact(page, 'Stato').first().textContent()).toBe('Aperto');
    // The household is in Treviglio: the case is the Ambito's, though the team cannot read the household.
    expect(await fact(page, 'Ambito').textContent()).toMatch(/Treviglio/);
    await page.getByRole('table', { name: '2 persone del caso' }).waitFor();
    await expectAccessible(page, 'case overview (lead)');

    // The plan is a version: a draft with a goal for the child, sent to the supervisor.
    await caseTab(page, 'Piano');
    await page.getByRole('button', { name: 'Scrivi il piano' }).click();
    await page.getByRole('button', { name: 'Aggiungi obiettivo' }).click();
    await page.getByLabel(/^Obiettivo/).fill(goal);
    await page.getByLabel(/^Indicatore/).fill('Frequenza scolastica regolare per tre mesi');
    await expectAccessible(page, 'case plan goal form');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByText(goal).waitFor();
    await page.getByRole('button', { name: 'Invia per l’approvazione' }).click();
    await page.getByText('In attesa di approvazione').first().waitFor();
    await expect
      .poll(() => fact(page, 'Piano').textContent(), { timeout: 10_000 })
      .toBe('Piano da approvare');

    await caseTab(page, 'Équipe');
    await expectAccessible(page, 'case team');
    await page.getByRole('button', { name: "Modifica l'équipe" }).click();
    const editor = page.getByRole('region', { name: 'Équipe del caso', exact: true });
    await editor.getByRole('group', { name: 'Componente 1' }).waitFor();
    const addMember = async (n: number, person: string, role: string) => {
      await editor.getByRole('button', { name: 'Aggiungi un componente' }).click();
      const row = editor.getByRole('group', { name: `Componente ${n}` });
      await row.getByLabel(/^Persona/).selectOption({ label: person });
      await row.getByLabel(/^Ruolo nel caso/).selectOption({ label: role });
    };
    const existing = await editor.getByRole('group', { name: /^Componente \d+$/ }).count();
    await addMember(existing + 1, 'Elena Clinica (Clinica)', "Componente dell'équipe");
    await addMember(
      existing + 2,
      'Amina Mediatrice (Mediatrice linguistico-culturale)',
      'Mediazione linguistico-culturale',
    );
    await expectAccessible(page, 'case team editor');
    await editor.getByRole('button', { name: 'Salva', exact: true }).click();

    const team = page.getByRole('table', { name: `Équipe del caso ${caseCode}` });
    await team.getByRole('row', { name: /Elena Clinica.*Componente dell'équipe/ }).waitFor();
    await team.getByRole('row', { name: /Amina Mediatrice.*Mediazione linguistico-culturale/ }).waitFor();
    await team.getByRole('row', { name: /Luca Responsabile Etnoclinica.*Responsabile del caso/ }).waitFor();
    await team.getByRole('row', { name: /Paola Operatrice.*Servizio inviante/ }).waitFor();

    // The other tabs, each checked once.
    for (const tab of ['Accoglienza', 'Valutazione', 'Incontri', 'Cronologia', 'Chiusura']) {
      await caseTab(page, tab);
      await expectAccessible(page, `case tab ${tab}`);
    }
  });

  it('clinica records an ethnoclinical group session with mediatrice, both clinicians and sealed notes', async () => {
    const page = await as('clinica');
    await menu(page).getByRole('link', { name: 'Casi' }).click();
    await h1(page, 'Casi').waitFor();
    await page.getByRole('table', { name: /casi?$/ }).waitFor();
    await expectAccessible(page, 'case list');
    await page.getByRole('table').getByRole('link', { name: caseCode }).click();
    await h1(page, `Caso ${caseCode}`).waitFor();

    await caseTab(page, 'Incontri');
    await page.getByText('Nessun incontro registrato.').waitFor();
    await page.getByRole('button', { name: 'Nuovo incontro' }).click();
    const form = page.getByRole('region', { name: 'Nuovo incontro' });
    await form.getByLabel(/^Tipo di incontro/).waitFor();
    await form
      .locator('#session-mediator option', { hasText: 'Amina Mediatrice' })
      .waitFor({ state: 'attached' });
    await expectAccessible(page, 'session form');

    await form.getByLabel(/^Tipo di incontro/).selectOption({ label: 'Gruppo etnoclinico' });
    await form.getByLabel(/^Durata in minuti/).fill('120');
    await form.getByLabel(/^Mediatore/).selectOption({ label: 'Amina Mediatrice' });
    const staff = form.getByRole('group', { name: 'Operatori presenti' });
    await choose(staff, 'Luca Responsabile Etnoclinica');
    await choose(staff, 'Elena Clinica');
    await choose(form.getByRole('group', { name: 'Persone presenti' }), /^Omar Haddad/);
    await form.getByLabel('Note psicologiche').fill(psychologicalNote);
    await form.getByLabel('Note di mediazione').fill(mediationNote);
    await form.getByRole('button', { name: "Registra l'incontro" }).click();

    await page.getByRole('status').filter({ hasText: 'Incontro registrato.' }).waitFor();
    const sessions = page.getByRole('table', { name: `1 incontro del caso ${caseCode}` });
    const row = sessions.getByRole('row', { name: /Gruppo etnoclinico/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Amina Mediatrice');
    expect(await row.textContent()).toContain('Luca Responsabile Etnoclinica');
    expect(await row.textContent()).toContain('Elena Clinica');
    await expectAccessible(page, 'case sessions with a session');

    await row.getByRole('link').click();
    await h1(page, /^Gruppo etnoclinico del /).waitFor();
    // The clinician reads every section she may: the psychological and the mediation notes.
    await page.getByText(psychologicalNote).waitFor();
    await page.getByText(mediationNote).waitFor();
    expect(await page.getByText('sigillata').count()).toBe(0);
    await expectAccessible(page, 'session detail (clinician)');
  });

  it('supervisora approves the plan', async () => {
    const page = await as('supervisora');
    await menu(page).getByRole('link', { name: 'Casi' }).click();
    await h1(page, 'Casi').waitFor();
    const row = page.getByRole('table').getByRole('row', { name: new RegExp(caseCode) });
    expect(await row.textContent()).toContain('Piano da approvare');
    await row.getByRole('link', { name: caseCode }).click();
    await h1(page, `Caso ${caseCode}`).waitFor();
    await caseTab(page, 'Piano');
    await page.getByText(goal).waitFor();
    await expectAccessible(page, 'case plan (supervisor)');
    await page.getByRole('button', { name: 'Approva', exact: true }).click();
    // The approved version is frozen and shown as the plan in force.
    await page.getByRole('heading', { name: 'Piano in vigore (versione 1)' }).waitFor();
    await expect.poll(() => fact(page, 'Piano').textContent(), { timeout: 10_000 }).toBe('Piano approvato');
  });

  it('responsabile proposes closure, supervisora approves it, and the case is closed', async () => {
    const lead = await as('responsabile');
    await openCase(lead, caseId, 'closure');
    await lead.getByLabel(/^Esito/).selectOption({ label: 'Autonomia raggiunta' });
    await lead.getByLabel(/^Motivazione della chiusura/).fill(closureReason);
    await lead.getByRole('button', { name: 'Chiedi la chiusura' }).click();
    await lead.getByText("La chiusura attende l'approvazione di un supervisore.").waitFor();
    expect(await fact(lead, 'Esito').textContent()).toBe('Autonomia raggiunta');
    expect(await lead.locator('.badge', { hasText: /^In chiusura$/ }).count()).toBeGreaterThan(0);
    await expectAccessible(lead, 'case closure requested');

    const supervisor = await as('supervisora');
    await openCase(supervisor, caseId, 'closure');
    // The reason shows with the closure and again in the case's status history.
    await supervisor.getByText(closureReason).first().waitFor();
    await supervisor.getByRole('button', { name: 'Approva la chiusura' }).click();
    await expect.poll(() => fact(supervisor, 'Chiuso il').textContent()).not.toBe('—');
    await supervisor.locator('h1 + p .badge', { hasText: /^Chiuso$/ }).waitFor();
    await expectAccessible(supervisor, 'case closed (supervisor)');

    await openCase(lead, caseId);
    expect(await fact(lead, 'Stato').first().textContent()).toBe('Chiuso');
    // A closed case takes no new session.
    await caseTab(lead, 'Incontri');
    expect(await lead.getByRole('button', { name: 'Nuovo incontro' }).count()).toBe(0);
  });

  it('operatrice’s referral shows the case closed with its outcome, and no clinical content', async () => {
    const page = await as('operatrice');
    await menu(page).getByRole('link', { name: 'Invii' }).click();
    await h1(page, 'Invii').waitFor();
    // A practitioner also answers referrals: her list opens on those received.
    await page
      .getByRole('navigation', { name: 'Invii ricevuti e inviati' })
      .getByRole('link', { name: 'Inviati' })
      .click();
    await page
      .getByRole('table', { name: /^Inviati:/ })
      .getByRole('link', { name: householdCode })
      .click();
    await h1(page, `Invio del nucleo ${householdCode}`).waitFor();
    expect(idInUrl(page)).toBe(referralId);
    const outcome = page.getByRole('region', { name: 'Esito', exact: true });
    await outcome.waitFor();
    expect(await fact(outcome, 'Stato del caso').textContent()).toBe('Chiuso');
    expect(await fact(outcome, 'Esito della chiusura').textContent()).toBe('Autonomia raggiunta');
    expect(await fact(outcome, 'Chiuso il').textContent()).not.toBe('—');
    // Closing the case filed the referral.
    await page.locator('h1 + p .badge', { hasText: /^Archiviato$/ }).waitFor();
    await expectAccessible(page, 'referral detail (sender, case closed)');

    await page.getByRole('link', { name: 'Apri il caso' }).click();
    await h1(page, `Caso ${caseCode}`).waitFor();
    await page
      .getByText("Come servizio inviante vedi lo stato e l'esito del caso, non il suo contenuto.")
      .waitFor();
    expect(await fact(page, 'Esito').textContent()).toBe('Autonomia raggiunta');
    expect(await caseTabs(page).count()).toBe(0);
    await expectAccessible(page, 'case overview (referrer)');

    // Asking for a tab by its URL still shows only the overview.
    await page.goto(`/cases/${caseId}?tab=plan`);
    await h1(page, `Caso ${caseCode}`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Riepilogo' }).waitFor();
    const shown = (await page.locator('main').textContent()) ?? '';
    for (const clinical of [goal, psychologicalNote, mediationNote, closureReason]) {
      expect(shown).not.toContain(clinical);
    }
    // Nor does the server send it: no file, no notes.
    const asSeen = await callApi<{ access: string; file?: unknown }>(page, 'GET', `/api/cases/${caseId}`);
    expect(asSeen.access).toBe('referrer');
    expect(asSeen.file ?? null).toBeNull();
    for (const clinical of [goal, psychologicalNote, mediationNote, closureReason]) {
      expect(JSON.stringify(asSeen)).not.toContain(clinical);
    }
  });

  it('mediatrice finds the session in “my sessions”: the mediation note readable, the psychological sealed', async () => {
    const page = await as('mediatrice');
    await menu(page).getByRole('link', { name: 'I miei incontri' }).click();
    await h1(page, 'I miei incontri').waitFor();
    const row = page.getByRole('row', { name: new RegExp(caseCode) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Gruppo etnoclinico');
    expect(await row.textContent()).toContain(ETNO);
    expect(await page.getByText(/Leila|Haddad/).count()).toBe(0);
    await expectAccessible(page, 'my sessions');

    await row.getByRole('link').click();
    await h1(page, /^Gruppo etnoclinico del /).waitFor();
    await page.getByText(mediationNote).waitFor();
    const psychological = page.getByRole('region', { name: /^Note psicologiche/ });
    await psychological.getByText('sigillata').waitFor();
    await psychological
      .getByText('Questa sezione è stata scritta ma non è tra quelle che puoi leggere.')
      .waitFor();
    expect(await page.getByText(psychologicalNote).count()).toBe(0);
    await page.getByRole('link', { name: 'Torna ai miei incontri' }).waitFor();
    await expectAccessible(page, 'session detail (mediator)');
  });
});

// ---- 2. Refused journeys, one per safety rule ----

describe('safety rules: refused journeys', () => {
  it('victim and perpetrator are referred separately: both in one referral is refused on the people field', async () => {
    const page = await as('operatrice');
    const hussain = await demoHousehold(page, 'Hussain');
    const sentBefore = await callApi<{ total: number }>(page, 'GET', '/api/referrals?box=sent&page=1');

    await page.goto(`/households/${hussain.id}`);
    await h1(page, `Nucleo ${hussain.code}`).waitFor();
    await page.getByRole('link', { name: 'Invia a un servizio' }).click();
    await h1(page, `Nuovo invio del nucleo ${hussain.code}`).waitFor();
    const people = page.getByRole('group', { name: /^Persone inviate/ });
    const victim = member(hussain, 'Ayesha');
    const perpetrator = member(hussain, 'Imran');
    expect(await people.getByRole('checkbox', { name: new RegExp(fullName(victim)) }).isChecked()).toBe(true);
    await choose(people, new RegExp(`^${fullName(perpetrator)}`));
    await page.getByLabel(/^Servizio destinatario/).selectOption({ label: ETNO });
    await page.getByLabel(/^Messaggio al servizio/).fill('Invio della vittima e dell’autore insieme.');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    const error = page.locator('#referral-people-error');
    await error.filter({ hasText: 'Vittima e autore si inviano separatamente' }).waitFor();
    expect(await people.getAttribute('aria-describedby')).toContain('referral-people-error');
    expect(new URL(page.url()).pathname).toBe('/referrals/new');
    await expectAccessible(page, 'referral form with the victim-and-perpetrator error');
    // Nothing was created.
    const sentAfter = await callApi<{ total: number }>(page, 'GET', '/api/referrals?box=sent&page=1');
    expect(sentAfter.total).toBe(sentBefore.total);
  });

  it('whoever follows the perpetrator cannot open the victim’s case, not even by break-the-glass', async () => {
    // Set-up through the API: the operatrice refers the perpetrator alone to Tutela Minori Romano.
    const sender = await as('operatrice');
    const hussain = await demoHousehold(sender, 'Hussain');
    const victimCaseId = await caseIdOf(sender, hussain.code);
    const services = await callApi<{ id: string; name: string }[]>(sender, 'GET', '/api/services');
    const romano = services.find((s) => s.name === ROMANO)!;
    const perpetrator = member(hussain, 'Imran');
    await callApi(sender, 'POST', `/api/people/${perpetrator.id}/consents`, {
      givenBy: 'self',
      purpose: 'taking_into_care',
      recipientServiceId: romano.id,
      sections: [],
      givenOn: new Date().toISOString().slice(0, 10),
      method: 'written',
    });
    const referral = await callApi<{ id: string }>(sender, 'POST', '/api/referrals', {
      householdId: hussain.id,
      personIds: [perpetrator.id],
      toServiceId: romano.id,
      purpose: 'taking_into_care',
      courtInvestigation: false,
      urgency: 'routine',
      sections: [],
      message: 'Percorso per uomini autori di violenza.',
    });
    const sent = await callApi<{ status: string }>(sender, 'POST', `/api/referrals/${referral.id}/send`, {});
    expect(sent.status).toBe('sent');

    // operatore.romano accepts it in the UI and leads the perpetrator's case.
    const page = await as('operatore.romano');
    await menu(page).getByRole('link', { name: 'Invii' }).click();
    await page
      .getByRole('table', { name: /^Ricevuti:/ })
      .getByRole('link', { name: hussain.code })
      .click();
    await h1(page, `Invio del nucleo ${hussain.code}`).waitFor();
    expect(idInUrl(page)).toBe(referral.id);
    await page.getByRole('button', { name: 'Accetta e apri il caso' }).click();
    await h1(page, /^Caso C/).waitFor();
    expect(idInUrl(page)).not.toBe(victimCaseId);

    // The victim's case: not found.
    await page.goto(`/cases/${victimCaseId}`);
    await h1(page, 'Pagina non trovata').waitFor();
    expect(await page.getByText('Ayesha').count()).toBe(0);
    expect((await page.request.get(`/api/cases/${victimCaseId}`)).status()).toBe(404);
    await expectAccessible(page, 'not found (perpetrator’s practitioner on the victim’s case)');

    // Break-the-glass is refused too, and says why.
    await menu(page).getByRole('link', { name: 'Accesso di emergenza' }).click();
    await h1(page, 'Accesso di emergenza').waitFor();
    await page.getByLabel(/^Tipo di dato/).selectOption('case');
    await page.getByLabel(/^Identificativo del dato/).fill(victimCaseId);
    await page
      .getByLabel(/^Motivazione/)
      .fill('Urgenza: devo verificare la situazione dei figli nel caso della vittima.');
    await page.getByRole('button', { name: "Richiedi l'accesso di emergenza" }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Accesso escluso' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Una regola di sicurezza o di conflitto di interessi ti esclude da questo caso.',
    );
    expect(await page.getByRole('status').filter({ hasText: 'Accesso concesso' }).count()).toBe(0);
    await page.getByText('Nessun accesso di emergenza.').waitFor();
    await expectAccessible(page, 'break-the-glass refused');
    expect((await page.request.get(`/api/cases/${victimCaseId}`)).status()).toBe(404);
  });

  it('safety details stay hidden until revealed with a reason and a fresh second factor; a wrong code reveals nothing', async () => {
    const page = await as('operatrice');
    const benali = await demoHousehold(page, 'Benali');
    const address = 'Via dei Mille 12, 24047 Treviglio';
    const phone = '+39 333 1234567';
    await page.goto(`/households/${benali.id}`);
    await h1(page, `Nucleo ${benali.code}`).waitFor();
    const safety = page.getByRole('region', { name: 'Dati di sicurezza', exact: true });
    await safety.getByText('Nessun dato di sicurezza registrato.').waitFor();
    await safety.getByRole('button', { name: 'Registra i dati di sicurezza' }).click();
    await safety.getByLabel('Indirizzo').fill(address);
    await safety.getByLabel('Telefono').fill(phone);
    await choose(safety.getByRole('group', { name: 'Canali sicuri' }), 'Tramite il servizio');
    await expectAccessible(page, 'safety details form');
    await safety.getByRole('button', { name: 'Salva', exact: true }).click();
    await safety.getByText(address).waitFor();
    await safety.getByRole('button', { name: 'Nascondi' }).click();

    // A fresh load: the household page shows no safety detail, only the way to reveal them.
    await page.reload();
    await h1(page, `Nucleo ${benali.code}`).waitFor();
    await safety.getByRole('button', { name: 'Mostra i dati di sicurezza' }).waitFor();
    expect(await page.getByText(address).count()).toBe(0);
    expect(await page.getByText(phone).count()).toBe(0);

    await safety.getByRole('button', { name: 'Mostra i dati di sicurezza' }).click();
    await safety
      .getByLabel(/^Perché devi consultare questi dati/)
      .fill('Devo concordare un contatto sicuro per il colloquio.');
    await safety.getByRole('button', { name: 'Mostra', exact: true }).click();
    const stepUp = safety.getByRole('form', { name: 'Conferma la tua identità' });
    await stepUp.waitFor();
    await expectAccessible(page, 'step-up form');

    await stepUp.getByLabel(/^Codice di verifica/).fill(wrongTotp('operatrice'));
    await stepUp.getByRole('button', { name: 'Conferma e mostra' }).click();
    await stepUp.locator('#step-up-code-error').filter({ hasText: 'Codice non valido' }).waitFor();
    expect(await stepUp.getByLabel(/^Codice di verifica/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(address).count()).toBe(0);
    expect(await page.getByText(phone).count()).toBe(0);
    await expectAccessible(page, 'step-up form with a wrong code');

    // The right code (a step not used to sign in) reveals them.
    await stepUp.getByLabel(/^Codice di verifica/).fill(await freshTotp('operatrice'));
    await stepUp.getByRole('button', { name: 'Conferma e mostra' }).click();
    await expect.poll(() => fact(safety, 'Indirizzo').textContent(), { timeout: 10_000 }).toBe(address);
    expect(await fact(safety, 'Telefono').textContent()).toBe(phone);
    expect(await fact(safety, 'Canali sicuri').textContent()).toBe('Tramite il servizio');
    await expectAccessible(page, 'safety details revealed');
    await safety.getByRole('button', { name: 'Nascondi' }).click();
    expect(await page.getByText(address).count()).toBe(0);
  });

  it('a mediator excluded from a person (conflict of interest) cannot be that person’s session mediator', async () => {
    const operatrice = await as('operatrice');
    const popescu = await demoHousehold(operatrice, 'Popescu');
    const caseId = await caseIdOf(operatrice, popescu.code);
    const elena = member(popescu, 'Elena');

    await operatrice.goto(`/households/${popescu.id}`);
    await h1(operatrice, `Nucleo ${popescu.code}`).waitFor();
    const panel = operatrice.getByRole('region', {
      name: `${fullName(elena)}: consensi, sicurezza, esclusioni`,
    });
    const exclusions = panel.getByRole('region', { name: 'Esclusioni', exact: true });
    await exclusions.getByText('Nessuna esclusione.').waitFor();
    await exclusions.getByRole('button', { name: "Aggiungi un'esclusione" }).click();
    const form = exclusions.getByRole('region', { name: 'Nuova esclusione' });
    await form
      .getByLabel(/^Persona da escludere/)
      .selectOption({ label: 'Amina Mediatrice (Mediatrice linguistico-culturale)' });
    await form.getByLabel(/^Motivo/).selectOption({ label: 'Appartiene alla stessa piccola comunità' });
    await expectAccessible(operatrice, 'exclusion form');
    await form.getByRole('button', { name: 'Escludi' }).click();
    await exclusions
      .getByRole('table', { name: `Esclusioni per ${fullName(elena)}` })
      .getByRole('row', { name: /Amina Mediatrice.*stessa piccola comunità/ })
      .waitFor();

    // The lead of Elena's case tries to name her as the mediator of a session.
    const lead = await as('responsabile');
    await openCase(lead, caseId, 'sessions');
    const before = await callApi<unknown[]>(lead, 'GET', `/api/cases/${caseId}/sessions`);
    await lead.getByRole('button', { name: 'Nuovo incontro' }).click();
    const session = lead.getByRole('region', { name: 'Nuovo incontro' });
    const mediator = session.getByLabel(/^Mediatore/);
    await session
      .locator('#session-mediator option', { hasText: 'Amina Mediatrice' })
      .waitFor({ state: 'attached' });
    await mediator.selectOption({ label: 'Amina Mediatrice' });
    await session.getByRole('button', { name: "Registra l'incontro" }).click();

    await session
      .locator('#session-mediator-error')
      .filter({ hasText: 'Mediatore escluso dal caso (conflitto di interessi).' })
      .waitFor();
    expect(await mediator.getAttribute('aria-invalid')).toBe('true');
    expect(await lead.getByRole('status').filter({ hasText: 'Incontro registrato.' }).count()).toBe(0);
    await expectAccessible(lead, 'session form with the excluded-mediator error');
    const after = await callApi<unknown[]>(lead, 'GET', `/api/cases/${caseId}/sessions`);
    expect(after.length).toBe(before.length);
  });

  it('a referral without consent is not sent: the consent error, and no override for a practitioner', async () => {
    const page = await as('operatrice');
    const benali = await demoHousehold(page, 'Benali');
    await page.goto(`/households/${benali.id}`);
    await h1(page, `Nucleo ${benali.code}`).waitFor();
    await page.getByText('Nessun consenso registrato.').waitFor();
    await page.getByRole('link', { name: 'Invia a un servizio' }).click();
    await h1(page, `Nuovo invio del nucleo ${benali.code}`).waitFor();
    await page.getByLabel(/^Servizio destinatario/).selectOption({ label: ETNO });
    await page.getByLabel(/^Messaggio al servizio/).fill('Richiesta di presa in carico etnoclinica.');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await h1(page, `Invio del nucleo ${benali.code}`).waitFor();
    await page.getByRole('status').filter({ hasText: 'Bozza salvata' }).waitFor();

    // Before any confirmation, the page says whose consent is missing; "draft saved" is gone.
    await page.getByRole('button', { name: 'Invia', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Manca il consenso per questo invio' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /Nessun consenso in vigore per questo servizio, finalità e sezioni: .*Benali/,
    );
    expect(await page.getByRole('button', { name: "Conferma l'invio" }).count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Bozza salvata' }).count()).toBe(0);
    await refusal.getByRole('link', { name: `vai al nucleo ${benali.code}` }).waitFor();
    // No way round it for a practitioner: no override reason, no "send without consent".
    expect(await page.getByLabel(/Motivo dell'invio senza consenso/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Invia senza consenso' }).count()).toBe(0);
    expect(await page.getByText(/DPO/).count()).toBe(0);
    await expectAccessible(page, 'referral send refused for want of consent');

    // Still a draft.
    await page.getByRole('button', { name: 'Annulla' }).click();
    await page.locator('h1 + p .badge', { hasText: /^Bozza$/ }).waitFor();
    await page.getByRole('button', { name: 'Invia', exact: true }).waitFor();
  });
});

// ---- 3. Finding, registering again and correcting people ----
