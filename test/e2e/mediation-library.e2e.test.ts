import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startApp, stopApp } from './support.js';

/*
 * The intercultural communication unit (issue 18, item 7), on the demo library
 * (mediation-library.demo.ts): Amina, a mediator, opens the library and the rights leaflet, reads
 * the Arabic version right to left, searches the glossary; Giulia, the mediation coordinator,
 * approves the Spanish version waiting for review. Every page checked by axe on a desk and a phone.
 */

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const LEAFLET = 'I tuoi diritti se subisci violenza';

describe('materials library and glossary', () => {
  it('mediatrice reads the Arabic leaflet and searches the glossary; referente.mediazione approves a draft', async () => {
    const mediator = (await signIn('mediatrice')).page;
    await menu(mediator).getByRole('link', { name: 'Biblioteca dei materiali' }).click();
    await h1(mediator, 'Biblioteca dei materiali').waitFor();
    const table = mediator.getByRole('table', { name: '3 materiali' });
    await table.waitFor();
    const leafletRow = table.getByRole('row', { name: new RegExp(LEAFLET) });
    await expect.poll(() => leafletRow.textContent()).toContain('arabo');
    expect(await leafletRow.textContent()).toContain('spagnolo');
    await expectAccessible(mediator, 'library');

    await table.getByRole('link', { name: LEAFLET }).click();
    await h1(mediator, LEAFLET).waitFor();
    const arabic = mediator.getByRole('region', { name: 'Arabo' });
    await arabic.getByRole('heading', { name: 'Versione 1: approvata, in uso' }).waitFor();
    const text = arabic.locator('[lang="ar"]');
    expect(await text.getAttribute('dir')).toBe('rtl');
    expect(await text.textContent()).toContain('حقوقك إذا تعرضت للعنف');
    const pdf = arabic.getByRole('link', { name: 'Scarica il PDF (arabo)' });
    const response = await mediator.request.get(
      new URL((await pdf.getAttribute('href')) ?? '', mediator.url()).href,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await expectAccessible(mediator, 'material page, mediator');

    await menu(mediator).getByRole('link', { name: 'Glossario' }).click();
    await h1(mediator, 'Glossario').waitFor();
    await mediator.getByLabel('Parola da cercare').fill('TUTELA');
    await mediator.getByLabel('Lingua della traduzione').selectOption({ label: 'urdu' });
    await mediator.getByRole('button', { name: 'Cerca', exact: true }).click();
    await mediator.getByText('1 voce trovata.').waitFor();
    const term = mediator.getByRole('article', { name: 'tutela minori' });
    const urdu = term.locator('[lang="ur"]');
    expect(await urdu.getAttribute('dir')).toBe('rtl');
    expect(await urdu.textContent()).toBe('بچوں کا تحفظ');
    await expectAccessible(mediator, 'glossary search');

    // A new term with an Arabic translation, typed right to left.
    await mediator.getByRole('button', { name: 'Nuova voce' }).click();
    const form = mediator.getByRole('region', { name: 'Nuova voce' });
    await form.getByLabel(/^Termine in italiano/).fill('incidente probatorio');
    await form.getByLabel(/^Ambito/).selectOption({ label: 'Giustizia e diritto' });
    await form.getByLabel(/^Lingua \*$/).selectOption({ label: 'arabo' });
    const translation = form.getByLabel(/^Traduzione \*$/);
    expect(await translation.getAttribute('dir')).toBe('rtl');
    await translation.fill('الاستماع المسبق للشاهد');
    await expectAccessible(mediator, 'new glossary term form');
    await form.getByRole('button', { name: 'Aggiungi la voce' }).click();
    await form.waitFor({ state: 'detached' });
    await mediator.getByLabel('Parola da cercare').fill('INCIDENTE probatorio');
    await mediator.getByLabel('Lingua della traduzione').selectOption({ label: 'Tutte le lingue' });
    await mediator.getByRole('button', { name: 'Cerca', exact: true }).click();
    await mediator
      .getByRole('article', { name: 'incidente probatorio' })
      .getByText('الاستماع المسبق للشاهد')
      .waitFor();

    const coordinator = (await signIn('referente.mediazione')).page;
    await menu(coordinator).getByRole('link', { name: 'Biblioteca dei materiali' }).click();
    await coordinator.getByRole('link', { name: LEAFLET }).click();
    await h1(coordinator, LEAFLET).waitFor();
    const spanish = coordinator.getByRole('region', { name: 'Spagnolo' });
    await spanish.getByRole('heading', { name: 'Versione 1: in revisione' }).waitFor();
    await expectAccessible(coordinator, 'material page with a version in review');
    await spanish.getByRole('button', { name: 'Approva' }).click();
    await spanish.getByRole('heading', { name: 'Versione 1: approvata, in uso' }).waitFor();
    await spanish.getByRole('link', { name: 'Scarica il PDF (spagnolo)' }).waitFor();
    await coordinator.getByText(/In uso in: .*spagnolo/).waitFor();
  });
});
