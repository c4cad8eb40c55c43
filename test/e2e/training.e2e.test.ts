import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startApp, stopApp } from './support.js';

/*
 * Training (issue 17), one journey: the trainer makes a course and an edition of it, an operator
 * asks for a seat, the coordinator reads the dashboard and the competence gain of a finished edition;
 * every page checked by axe on a desk and a phone.
 */

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A datetime-local value `days` from now at the given hour, in the browser's (and this process's) zone. */
function localAt(days: number, hour: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

describe('training', () => {
  it('formatore makes a course and an edition, operatrice takes a seat, coordinatrice reads the dashboard', async () => {
    const title = 'Mediazione linguistica nei colloqui';
    const trainer = (await signIn('formatore')).page;
    await menu(trainer).getByRole('link', { name: 'Formazione', exact: true }).click();
    await h1(trainer, 'Catalogo dei corsi').waitFor();
    await expectAccessible(trainer, 'training catalogue');

    await trainer.getByRole('link', { name: 'Nuovo corso' }).click();
    await h1(trainer, 'Nuovo corso').waitFor();
    await trainer.getByLabel(/^Titolo/).fill(title);
    await trainer.getByLabel(/^Filone/).selectOption({ label: 'Comunicazione interculturale' });
    await trainer.getByLabel(/^Ore \*$/).fill('8');
    await trainer.getByLabel(/^Obiettivi/).fill('Lavorare con interpreti e mediatrici nei colloqui.');
    await trainer.getByLabel(/^Docenti/).fill('Giulia Bianchi');
    await expectAccessible(trainer, 'new course form');
    await trainer.getByRole('button', { name: 'Crea il corso' }).click();

    await h1(trainer, title).waitFor();
    await trainer.getByRole('heading', { name: 'Perché questo corso' }).waitFor();
    await trainer.getByRole('button', { name: 'Nuova edizione' }).click();
    await trainer.getByLabel(/^Posti disponibili/).fill('2');
    await trainer.getByLabel(/^Apertura delle iscrizioni/).fill(localAt(-1, 9));
    await trainer.getByLabel(/^Chiusura delle iscrizioni/).fill(localAt(5, 18));
    await trainer.getByLabel(/^Data e ora di inizio/).fill(localAt(7, 9));
    await trainer.getByLabel(/^Ora di fine/).fill('13:00');
    await trainer.getByLabel(/^Luogo/).fill('Sala riunioni, via Roma 1');
    await expectAccessible(trainer, 'course page with the new edition form');
    await trainer.getByRole('button', { name: 'Crea l’edizione' }).click();

    const editionLink = trainer.getByRole('link', { name: /^Edizione del / });
    await editionLink.waitFor();
    await expect.poll(() => trainer.getByText('2 posti liberi su 2').count()).toBeGreaterThan(0);
    await editionLink.click();
    await h1(trainer, new RegExp(`^${title}, edizione del `)).waitFor();
    await trainer.getByRole('table', { name: '1 incontro' }).waitFor();
    await trainer.getByRole('heading', { name: 'Iscrivi una persona esterna' }).waitFor();
    await expectAccessible(trainer, 'edition page, trainer');
    const editionPath = new URL(trainer.url()).pathname;

    const operator = (await signIn('operatrice')).page;
    await operator.goto(editionPath);
    await h1(operator, new RegExp(`^${title}`)).waitFor();
    await operator.getByLabel(/^Professione/).selectOption({ label: 'Assistente sociale' });
    await operator.getByRole('button', { name: 'Chiedi un posto' }).click();
    await operator.getByText('Stato della tua iscrizione:').waitFor();
    expect(await operator.getByRole('region', { name: 'La mia iscrizione' }).textContent()).toContain(
      'Confermata',
    );
    await operator.getByText('1 posto libero su 2').waitFor();
    await menu(operator).getByRole('link', { name: 'La mia formazione' }).click();
    await h1(operator, 'La mia formazione').waitFor();
    await operator
      .getByRole('table', { name: /^\d+ iscrizion[ei]$/ })
      .getByRole('link', { name: title })
      .waitFor();
    await expectAccessible(operator, 'my training');

    const coordinator = (await signIn('coordinatrice')).page;
    await menu(coordinator).getByRole('link', { name: 'Cruscotto della formazione' }).click();
    await h1(coordinator, 'Cruscotto della formazione').waitFor();
    await coordinator.getByRole('heading', { name: 'Obiettivi del progetto' }).waitFor();
    await expectAccessible(coordinator, 'training dashboard');

    // The demo's finished edition of the ethnoclinical course: seven pairs of answers, so the gain shows.
    const courses = (await (await coordinator.request.get('/api/training/courses')).json()) as {
      id: string;
      title: string;
    }[];
    const course = courses.find((c) => c.title === 'Etnoclinica e violenza di genere nei percorsi migratori');
    expect(course).toBeDefined();
    const editions = (await (
      await coordinator.request.get(`/api/training/courses/${course?.id}/editions`)
    ).json()) as { id: string; phase: string }[];
    const finished = editions.find((e) => e.phase === 'finished');
    expect(finished).toBeDefined();
    await coordinator.goto(`/training/editions/${finished?.id}`);
    await coordinator.getByRole('heading', { name: 'Risultati del questionario' }).waitFor();
    await coordinator.getByText('7 coppie di risposte prima e dopo.').waitFor();
    const results = coordinator.getByRole('table', { name: 'Competenza per ambito, prima e dopo il corso' });
    await expect.poll(() => results.getByRole('row').count()).toBe(4);
    const gains = await results.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(gains).toHaveLength(3);
    for (const gain of gains) expect(gain).toMatch(/^[+−-]?\d+(,\d)?$/);
    expect(await results.textContent()).not.toContain('riservato');
    await expectAccessible(coordinator, 'finished edition with the competence results');
  }, 240_000);
});
