import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import incidentsIt from '../../src/web/features/incidents/i18n/it.json' with { type: 'json' };
import { expectAccessible, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * The observatory's journeys: a practitioner of the anti-violence network records an incident with
 * the GBVIMS classification helper and imports a register; a coordinator reads the
 * disclosure-controlled dashboard; a trainer reads the training needs; a coordinator cannot reach
 * the incident records.
 */
beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });

/**
 * Bootstrap Italia draws radios and checkboxes on their labels (the input itself is transparent
 * under it), so a user, and the test, clicks the label.
 */
async function choose(scope: Locator | Page, label: string | RegExp): Promise<void> {
  const text = typeof label === 'string' ? new RegExp(`^${label}$`) : label;
  await scope.locator('label').filter({ hasText: text }).click();
}

/** The coordinator's signed-in page, shared by the dashboard and the refused journey. */
let coordinator: Page | undefined;
async function coordinatorPage(): Promise<Page> {
  coordinator ??= (await signIn('coordinatrice')).page;
  return coordinator;
}

describe('incident records (operatrice.cav, anti-violence network)', () => {
  let page: Page;

  it('records an incident: the classification helper routes female genital mutilation to sexual assault', async () => {
    page = (await signIn('operatrice.cav')).page;
    await menu(page).getByRole('link', { name: 'Episodi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Episodi di violenza' }).waitFor();
    await page.getByRole('table', { name: /episodi/ }).waitFor();
    await expectAccessible(page, 'incident list');

    await page.getByRole('link', { name: 'Nuovo episodio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo episodio' }).waitFor();
    // The reference lists fill the selects before the form is checked.
    await page
      .locator('#incident-municipality option', { hasText: 'Treviglio' })
      .waitFor({ state: 'attached' });
    await expectAccessible(page, 'new incident form');

    await page.getByLabel('Numero di registro del servizio').fill('CAV/2026-001');
    // Nothing is chosen for the person recording: not the gender, not the month.
    expect(await page.getByLabel('Genere').inputValue()).toBe('');
    expect(await page.getByLabel("Mese dell'episodio").inputValue()).toBe('');
    await page.getByLabel('Genere').selectOption({ label: 'Donna o ragazza' });
    await page.getByLabel("Mese dell'episodio").fill(new Date().toISOString().slice(0, 7));
    // The age gives the band: the band is not asked.
    await page.getByLabel("Età al momento dell'episodio").fill('15');
    await page.getByText("Fascia d'età GBVIMS: 12–17 anni.").waitFor();
    expect(await page.getByLabel("Fascia d'età").count()).toBe(0);
    await choose(page.getByRole('group', { name: 'Disabilità' }), 'No');
    await page.getByLabel('Cittadinanza').selectOption({ label: 'Marocco' });
    await page.getByLabel('Lingua in cui si esprime meglio').selectOption({ label: 'arabo' });
    await choose(page.getByRole('group', { name: 'Serviva un interprete' }), 'Sì');
    await choose(page.getByRole('group', { name: "L'interprete o il mediatore era presente?" }), 'Sì');
    await page.getByLabel("Comune dell'episodio").selectOption({ label: 'Treviglio' });

    // GBVIMS: no, no, yes → physical assault; the later questions go away.
    const result = page.getByRole('status').filter({ hasText: 'Tipo (GBVIMS)' });
    expect(await result.textContent()).toBe('Tipo (GBVIMS): da stabilire');
    expect(await page.getByRole('group', { name: /^Domanda 2 di 6/ }).count()).toBe(0);
    await choose(page.getByRole('group', { name: /^Domanda 1 di 6/ }), 'No');
    const question2 = page.getByRole('group', { name: /^Domanda 2 di 6/ });
    expect(await page.locator('#classification-sexualContact legend').textContent()).toContain(
      'mutilazione genitale femminile',
    );
    await choose(question2, 'No');
    await choose(page.getByRole('group', { name: /^Domanda 3 di 6/ }), 'Sì');
    await expect.poll(() => result.textContent()).toBe('Tipo (GBVIMS): Aggressione fisica');
    expect(await page.getByRole('group', { name: /^Domanda 4 di 6/ }).count()).toBe(0);

    // A mutilation answered as physical assault: the server's rule is said before saving.
    await choose(page.getByRole('group', { name: /^Pratica tradizionale dannosa/ }), 'Sì');
    await page
      .getByLabel('Tipo di pratica dannosa')
      .selectOption({ label: 'Mutilazione genitale femminile' });
    const rule = page.locator('#classification-warning');
    await rule
      .getByText(/mutilazione genitale femminile è un'aggressione sessuale.*«Aggressione fisica»/)
      .waitFor();
    // Question 2 says it: the answer is "yes", and the rule goes away.
    await choose(question2, 'Sì');
    await expect.poll(() => result.textContent()).toBe('Tipo (GBVIMS): Aggressione sessuale');
    await expect.poll(() => rule.textContent()).toBe('');
    expect(await page.getByRole('group', { name: /^Domanda 3 di 6/ }).count()).toBe(0);

    // The form the type implies is ticked for the practitioner; the one the first answers ticked goes.
    const sexual = page.getByRole('checkbox', { name: /Violenza sessuale/ });
    expect(await sexual.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Violenza fisica/ }).isChecked()).toBe(false);
    // Children who witnessed were not necessarily there: two answers, neither ticks the other.
    await choose(page, /^Minori che hanno assistito/);
    expect(await page.getByRole('checkbox', { name: /^Figli presenti/ }).isChecked()).toBe(false);
    await page.getByLabel("Relazione dell'autore con la persona").selectOption({ label: 'Genitore' });
    // "None" stands alone: choosing it clears the addiction chosen before.
    const addictions = page.getByRole('group', { name: "Dipendenze dell'autore" });
    await choose(addictions, 'Alcol');
    await choose(addictions, 'Nessuna dipendenza');
    expect(await addictions.getByRole('checkbox', { name: 'Alcol' }).isChecked()).toBe(false);

    // The brief risk assessment first, each factor rated now and in the past.
    const brief = page.getByRole('heading', {
      level: 3,
      name: 'Valutazione breve del rischio (linee guida DPCM 2017)',
    });
    await brief.waitFor();
    const weapon = page.getByRole('group', { name: 'Ha usato un’arma o l’ha minacciata con un’arma' });
    await weapon.getByLabel('Ora').selectOption({ label: 'Presente' });
    await weapon.getByLabel('In passato').selectOption({ label: 'Forse presente' });

    // A service sent her: which one is asked then.
    expect(await page.getByRole('group', { name: /Quali servizi l'hanno inviata/ }).count()).toBe(0);
    await choose(page.getByRole('group', { name: /Chi l'ha inviata al servizio/ }), 'Un servizio');
    await choose(page.getByRole('group', { name: /Quali servizi l'hanno inviata/ }), 'Scuola');
    await choose(page.getByRole('group', { name: 'Servizi erogati' }), 'Ascolto e accoglienza');
    await choose(page, /acconsente a essere conteggiata/);
    expect(await page.getByRole('checkbox', { name: 'Nessuna dipendenza' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Ascolto e accoglienza' }).isChecked()).toBe(true);
    // The risk factors stack on a phone: nothing is wider than the screen.
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectAccessible(page, 'incident form filled in');

    await page.getByRole('button', { name: 'Registra episodio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Episodi di violenza' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Episodio registrato.' }).waitFor();
    // Newest first: the incident just recorded, with its keyed survivor code, never the register number.
    const first = page
      .getByRole('table', { name: /episodi/ })
      .getByRole('row')
      .nth(1);
    // The cached list shows first; the refetch after saving brings the new record to the top.
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('Aggressione sessuale');
    const text = await first.textContent();
    expect(text).toContain('Registrato');
    expect(text).toMatch(/S-[A-Z0-9]{5}-[A-Z0-9]{5}/);
    expect(await page.getByText('CAV/2026-001').count()).toBe(0);
  });

  it('routes a child marriage to forced marriage, an early marriage for a girl of 16', async () => {
    await page.getByRole('link', { name: 'Nuovo episodio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo episodio' }).waitFor();
    await page.getByLabel('Numero di registro del servizio').fill('CAV/2026-002');
    await page.getByLabel('Genere').selectOption({ label: 'Donna o ragazza' });
    await page.getByLabel("Mese dell'episodio").fill(new Date().toISOString().slice(0, 7));
    await page.getByLabel("Età al momento dell'episodio").fill('16');
    await choose(page.getByRole('group', { name: 'Serviva un interprete' }), 'No');
    // The helper's result, said as it changes (a status): a type, or outside the six types.
    const result = page.locator('#classification-result[role="status"]');
    for (const n of [1, 2, 3, 4])
      await choose(page.getByRole('group', { name: new RegExp(`^Domanda ${n} di 6`) }), 'No');

    // Denial of resources: economic violence is offered, never ticked for her.
    await choose(page.getByRole('group', { name: /^Domanda 5 di 6/ }), 'Sì');
    await expect
      .poll(() => result.textContent())
      .toBe('Tipo (GBVIMS): Negazione di risorse, opportunità o servizi');
    const economic = page.getByRole('checkbox', { name: 'Violenza economica' });
    expect(await economic.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Aggiungi violenza economica' }).click();
    await expect.poll(() => economic.isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Aggiungi violenza economica' }).count()).toBe(0);

    // Six "no": outside the six types, still recordable with a reason.
    await choose(page.getByRole('group', { name: /^Domanda 5 di 6/ }), 'No');
    await choose(page.getByRole('group', { name: /^Domanda 6 di 6/ }), 'No');
    await expect
      .poll(() => result.textContent())
      .toMatch(/^Non rientra nei sei tipi GBVIMS: controlla le risposte/);
    await page.getByLabel(/Motivo per cui l'episodio non rientra nei sei tipi/).waitFor();

    // Question 4 includes early (child) marriage.
    const question4 = page.getByRole('group', { name: /^Domanda 4 di 6/ });
    expect(await page.locator('#classification-forcedMarriage legend').textContent()).toContain(
      'matrimonio precoce',
    );
    await choose(question4, 'Sì');
    await expect.poll(() => result.textContent()).toBe('Tipo (GBVIMS): Matrimonio forzato');
    expect(await page.getByLabel(/Motivo per cui/).count()).toBe(0);
    await choose(page.getByRole('group', { name: /^Pratica tradizionale dannosa/ }), 'Sì');
    await page
      .getByLabel('Tipo di pratica dannosa')
      .selectOption({ label: 'Matrimonio precoce (di una persona minorenne)' });
    await page.getByLabel("Relazione dell'autore con la persona").selectOption({ label: 'Altro familiare' });
    await choose(page.getByRole('group', { name: /Chi l'ha inviata al servizio/ }), 'Si è rivolta da sola');
    await page.getByRole('button', { name: 'Registra episodio' }).click();
    await page.getByRole('status').filter({ hasText: 'Episodio registrato.' }).waitFor();
    const first = page
      .getByRole('table', { name: /episodi/ })
      .getByRole('row')
      .nth(1);
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('Matrimonio forzato');
    // The record's computed contexts: early marriage, as she was a minor at the time.
    const href = await first.getByRole('link').first().getAttribute('href');
    const id = href!.split('/').pop();
    const record = await (await page.context().request.get(`/api/incidents/${id}`)).json();
    expect(record).toMatchObject({
      coreType: 'forced_marriage',
      harmfulPracticeType: 'child_marriage',
      age: 16,
    });
    expect(record.contexts).toEqual(
      expect.arrayContaining(['early_marriage', 'harmful_traditional_practice']),
    );
  });

  it('shows the server’s field errors next to the fields when a record is incomplete', async () => {
    await page.getByRole('link', { name: 'Nuovo episodio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo episodio' }).waitFor();
    await choose(page.getByRole('group', { name: /Chi l'ha inviata al servizio/ }), 'Un servizio');
    await page.getByRole('button', { name: 'Registra episodio' }).click();
    const age = page.getByLabel("Età al momento dell'episodio");
    await expect.poll(() => age.getAttribute('aria-invalid')).toBe('true');
    await page
      .locator('#incident-age-error')
      .filter({ hasText: "per registrare l'episodio serve l'età o l'anno di nascita" })
      .waitFor();
    await page
      .locator('#classification-penetration-error')
      .filter({ hasText: "obbligatorio per registrare l'episodio" })
      .waitFor();
    await page
      .locator('#incident-referred-by-services-error')
      .filter({ hasText: "obbligatorio per registrare l'episodio" })
      .waitFor();
    // The summary names the fields by their labels, linked to them; never by the API's names.
    const summary = page.getByRole('alert').filter({ hasText: 'Correggi questi campi' });
    for (const name of [
      "Età al momento dell'episodio",
      'Genere',
      "Mese dell'episodio",
      'Classificazione (GBVIMS)',
      "Quali servizi l'hanno inviata",
    ])
      await summary.getByRole('link', { name, exact: true }).waitFor();
    // The band is not asked without a year of birth: no second message about it.
    expect(await summary.getByRole('link', { name: "Fascia d'età", exact: true }).count()).toBe(0);
    expect(await summary.textContent()).not.toMatch(
      /ageBand|interpreterNeeded|authorRelationship|referredBy|body\./,
    );
    await summary.getByRole('link', { name: 'Genere', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('incident-gender');
    await expectAccessible(page, 'incident form with field errors');
  });

  it('keeps a draft\u2019s chosen country and comune when it is opened again', async () => {
    await page.getByLabel('Cittadinanza').selectOption({ label: 'Albania' });
    await page.getByLabel("Comune dell'episodio").selectOption({ label: 'Caravaggio' });
    await page.getByRole('button', { name: 'Salva bozza' }).click();
    await page.getByRole('heading', { level: 1, name: 'Episodi di violenza' }).waitFor();
    const draft = page
      .getByRole('table', { name: /episodi/ })
      .getByRole('row')
      .filter({ hasText: 'Bozza' })
      .first();
    // A fresh load, as from a bookmark: the reference lists are not cached yet.
    const href = await draft.getByRole('link').first().getAttribute('href');
    await page.goto(new URL(href!, page.url()).toString());
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /episodio/i })
      .waitFor();
    const citizenship = page.getByLabel('Cittadinanza');
    await expect.poll(() => citizenship.inputValue()).toBe('AL');
    expect(await page.getByLabel("Comune dell'episodio").inputValue()).toBe('016053');
    await expectAccessible(page, 'draft opened again');
    await page.getByRole('link', { name: 'Torna agli episodi' }).click();
    await page.getByRole('link', { name: 'Nuovo episodio' }).waitFor();
    await page.getByRole('link', { name: 'Nuovo episodio' }).click();
  });

  it('imports a register: row errors first, then the counts', async () => {
    await page.getByRole('link', { name: 'Torna agli episodi' }).click();
    await page.getByRole('link', { name: 'Importa registro' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importa un registro' }).waitFor();
    await expectAccessible(page, 'import page');

    const header =
      'survivorReference,incidentMonth,age,ageBand,gender,interpreterNeeded,coreType,forms,authorRelationship,referredBy,consentReporting';
    const good = 'R-100,2026-03,30,,female,no,physical_assault,physical;psychological,former_partner,self,sì';
    const bad = 'R-101,2026-04,40,99-100,female,no,rape,sexual,stranger,self,sì';
    const upload = async (lines: string[]) => {
      await page.getByLabel('File del registro (CSV o XLSX)').setInputFiles({
        name: 'registro.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
      });
      await page.getByRole('button', { name: 'Importa', exact: true }).click();
    };

    await upload([header, good, bad]);
    const errors = page.getByRole('list', { name: 'Errori nel file' });
    await errors.waitFor();
    // The row as the spreadsheet numbers it and the column in words, never the API's name.
    expect(await errors.getByRole('listitem').first().textContent()).toMatch(
      /^Riga 3, colonna «Fascia d'età»: «99-100» non è un valore ammesso/,
    );
    await expectAccessible(page, 'import with row errors');

    await upload([header, good]);
    const done = page.getByRole('status').filter({ hasText: 'Importazione completata' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/Righe lette\s*1.*Episodi creati\s*1/);
    await expectAccessible(page, 'import done');
  });

  it('imports a register written with the form\u2019s Italian words, from a ";" CSV', async () => {
    await page.goto('/incidents/import');
    await page.getByRole('heading', { level: 1, name: 'Importa un registro' }).waitFor();
    const template = page.getByRole('link', { name: 'Scarica il modello (XLSX)' });
    expect(await template.getAttribute('href')).toBe('/api/incidents/import/template?lang=it');

    // Headers exactly as the form labels its fields; values as its options show them.
    const form = incidentsIt.incidents.form;
    const header = [
      form.survivorReference,
      form.incidentMonth,
      form.age,
      form.gender,
      form.citizenship,
      form.interpreterNeeded,
      incidentsIt.incidents.columns.coreType,
      form.forms,
      form.authorRelationship,
      form.referredBy,
      form.consentReporting,
    ];
    const row = (gender: string) => [
      'CAV/2026-300',
      '05/2026',
      '45',
      gender,
      'Marocco',
      'No',
      'Aggressione fisica',
      'Violenza fisica; Violenza psicologica',
      'Ex coniuge o ex partner',
      'Si è rivolta da sola',
      'Sì',
    ];
    const csv = (lines: string[][]) =>
      `\uFEFF${lines.map((cells) => cells.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';')).join('\r\n')}\r\n`;
    const upload = async (text: string) => {
      await page.getByLabel('File del registro (CSV o XLSX)').setInputFiles({
        name: 'registro-cav.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text, 'utf8'),
      });
      await page.getByRole('button', { name: 'Importa', exact: true }).click();
    };

    await upload(csv([header, row('Femmina')]));
    const errors = page.getByRole('list', { name: 'Errori nel file' });
    await errors.waitFor();
    const problem = await errors.getByRole('listitem').first().textContent();
    expect(problem).toContain(`Riga 2, colonna «${form.gender}»: «Femmina» non è un valore ammesso.`);
    expect(problem).toContain('Valori ammessi: Donna o ragazza; Uomo o ragazzo; Altro; Non dichiarato.');
    // On a phone the long messages wrap: nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectAccessible(page, 'import of a register in words, with an error');

    await upload(csv([header, row('Donna o ragazza')]));
    const done = page.getByRole('status').filter({ hasText: 'Importazione completata' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/Righe lette\s*1.*Episodi creati\s*1/);
    await expectAccessible(page, 'import of a register in words, done');
  });
});

describe('observatory dashboard and training needs', () => {
  it('a coordinator reads the dashboard: the rule, hidden counts as one neutral word, published numbers', async () => {
    const page = await coordinatorPage();
    await menu(page).getByRole('link', { name: 'Osservatorio', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Osservatorio sulla violenza di genere' }).waitFor();
    await page
      .getByText(/conteggi inferiori a 5 non sono mostrati.*soppressione complementare.*«riservato»/)
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tipi e forme' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Andamento' }).waitFor();

    expect(await page.getByText('riservato', { exact: true }).count()).toBeGreaterThan(0);
    // No label that could be false for a large complementary cell.
    expect(await page.getByText('< 5', { exact: true }).count()).toBe(0);
    const forms = page.getByRole('table', { name: /^Forme di violenza/ });
    const numbers = await forms.getByRole('cell').allTextContents();
    expect(numbers.some((n) => /^\d+$/.test(n.trim()) && Number(n) >= 5)).toBe(true);
    // A suppressed count is never written as 0 or left blank in a table.
    const byDistrict = page.getByRole('table', { name: /^Tipo di violenza per Ambito/ });
    expect((await byDistrict.getByRole('cell').allTextContents()).every((c) => c.trim() !== '')).toBe(true);

    const csv = page.getByRole('link', { name: 'Scarica CSV' });
    const href = await csv.getAttribute('href');
    expect(href).toMatch(/^\/api\/observatory\/statistics\/export\?format=csv&year=\d{4}$/);
    const file = await page.context().request.get(href!);
    expect(file.status()).toBe(200);
    const text = await file.text();
    // The tables as on screen, for Italian Excel: semicolons, the screen's one mark.
    expect(text).toContain(';riservato');
    expect(text).not.toContain(';< 5');
    expect(await page.getByRole('link', { name: 'formato lungo (CSV)' }).getAttribute('href')).toContain(
      'layout=long',
    );
    expect(await page.getByRole('link', { name: 'Scarica XLSX' }).getAttribute('href')).toContain(
      'format=xlsx',
    );
    await expectAccessible(page, 'observatory dashboard');
  });

  it('a trainer reads the training needs drawn from the published numbers', async () => {
    const page = (await signIn('formatore')).page;
    await menu(page).getByRole('link', { name: 'Fabbisogni formativi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fabbisogni formativi' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Forme di violenza' }).waitFor();
    await page
      .getByText(/Formazione sul riconoscimento della violenza (fisica|sessuale|psicologica|economica)/)
      .first()
      .waitFor();
    await page.getByText(/conteggi inferiori a 5 non sono mostrati/).waitFor();
    // A community reads as a phrase ("cittadine e cittadini dell'Albania"), not "Cittadinanza Albania".
    await page
      .getByText(/^Cittadine e cittadini (del|dello|della|dell'|dei|degli|delle|di) ?\S/)
      .first()
      .waitFor();
    expect(await page.getByText(/^Cittadinanza /).count()).toBe(0);
    await expectAccessible(page, 'training needs');
  });
});

describe('must be refused', () => {
  it('a coordinator opening the incident records sees the not-found page, no data, no menu entry', async () => {
    const page = await coordinatorPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await menu(page).getByRole('link', { name: 'Episodi' }).count()).toBe(0);

    await page.goto('/incidents');
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText(/S-[A-Z0-9]{5}-[A-Z0-9]{5}/).count()).toBe(0);
    // The server refuses too, whatever the page shows.
    expect((await page.context().request.get('/api/incidents')).status()).toBe(403);
    await expectAccessible(page, 'not found (coordinator on /incidents)');
  });
});
