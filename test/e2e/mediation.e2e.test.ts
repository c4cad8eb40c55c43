import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startApp, stopApp } from './support.js';

/*
 * Mediation (issue 18), the requester's and the coordinator's journey: an operator asks for an Arabic
 * mediator in Treviglio and sees the ranked matches with their reasons; the mediation coordinator
 * assigns the first, opens the registry and the month's hours with a cooperative's statement. Every
 * page checked by axe on a desk and a phone. (The mediator's side is mediation-mine.e2e.test.ts.)
 */

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Wednesday of next week at 10:00, as a datetime-local value in the browser's (and this process's) zone. */
function nextWednesdayAtTen(): string {
  const d = new Date();
  const weekday = ((d.getDay() + 6) % 7) + 1;
  d.setDate(d.getDate() + (8 - weekday) + 2);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

describe('mediation', () => {
  it('operatrice asks for an Arabic mediator, referente.mediazione assigns the first and reads the hours', async () => {
    const operator = (await signIn('operatrice')).page;
    await menu(operator).getByRole('link', { name: 'Mediazione', exact: true }).click();
    await h1(operator, 'Richieste di mediazione').waitFor();
    await expectAccessible(operator, 'my mediation requests');

    await operator.getByRole('link', { name: 'Chiedi un mediatore' }).click();
    await h1(operator, 'Chiedi un mediatore').waitFor();
    await operator.getByLabel(/^Lingua \*$/).selectOption({ label: 'arabo' });
    await operator.getByLabel(/^Data e ora/).fill(nextWednesdayAtTen());
    await operator.getByLabel(/^Durata prevista/).fill('90');
    await operator.getByRole('radio', { name: 'In presenza' }).check();
    await operator.getByLabel(/^Comune/).selectOption({ label: 'Treviglio' });
    await operator.getByLabel(/^Luogo/).fill('Tutela Minori, via Roma 8 — sala colloqui 2');
    await operator.getByLabel(/^Scopo/).selectOption({ label: 'Colloquio' });
    const contact = operator.getByLabel(/^Il tuo recapito/);
    if ((await contact.inputValue()) === '') await contact.fill('0363 317 500');
    await expectAccessible(operator, 'new mediation request form');
    await operator.getByRole('button', { name: 'Invia la richiesta' }).click();

    await h1(operator, /^Richiesta di mediazione M-/).waitFor();
    const matches = operator.getByRole('region', { name: 'Mediatori adatti' });
    await matches.getByRole('heading', { level: 3 }).first().waitFor();
    const first = (await matches.getByRole('heading', { level: 3 }).first().textContent()) ?? '';
    expect(first).toMatch(/^1\. /);
    const topName = first.replace(/^1\. /, '');
    // Each rank comes with its reasons in words: the level, the distance from the place, the week's hours.
    const matchText = (await matches.textContent()) ?? '';
    expect(matchText).toMatch(/Livello nella lingua: (Madrelingua|Fluente|Buono|Base)/);
    expect(matchText).toMatch(/A \d+,\d km dal luogo/);
    expect(matchText).toMatch(/ore già assegnate in settimana/);
    expect(matchText).not.toMatch(/language_level|workload|\b[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The requester reads the matches; only the coordinator assigns.
    expect(await matches.getByRole('button', { name: /^Assegna/ }).count()).toBe(0);
    await expectAccessible(operator, 'mediation request with its ranked matches');
    const requestPath = new URL(operator.url()).pathname;

    const coordinator = (await signIn('referente.mediazione')).page;
    await coordinator.goto(requestPath);
    await h1(coordinator, /^Richiesta di mediazione M-/).waitFor();
    const coordinatorMatches = coordinator.getByRole('region', { name: 'Mediatori adatti' });
    await coordinatorMatches.getByRole('button', { name: `Assegna a ${topName}` }).waitFor();
    await expectAccessible(coordinator, 'mediation request, coordinator');
    await coordinatorMatches.getByRole('button', { name: `Assegna a ${topName}` }).click();
    const assigned = coordinator.getByRole('region', { name: 'Mediatore assegnato' });
    await assigned.waitFor();
    expect(await assigned.textContent()).toContain(topName);
    expect(await assigned.textContent()).toContain('Da confermare');
    await coordinator.getByText('Assegnata, in attesa di conferma').first().waitFor();
    await assigned.getByRole('button', { name: 'Togli il mediatore' }).waitFor();
    await expectAccessible(coordinator, 'mediation request, assigned');

    // The coordinator's queue, and the requests nobody can take.
    await menu(coordinator).getByRole('link', { name: 'Mediazione', exact: true }).click();
    await h1(coordinator, 'Richieste di mediazione').waitFor();
    await coordinator.getByRole('table', { name: /richiest[ae] di mediazione$/ }).waitFor();
    await coordinator.goto('/mediation/requests?unmatched=true');
    await h1(coordinator, 'Richieste di mediazione').waitFor();
    await expect.poll(() => coordinator.getByLabel('Solo senza mediatore adatto').isChecked()).toBe(true);
    await expectAccessible(coordinator, 'mediation queue, unmatched');

    await menu(coordinator).getByRole('link', { name: 'Registro dei mediatori' }).click();
    await h1(coordinator, 'Registro dei mediatori').waitFor();
    const registry = coordinator.getByRole('table', { name: /mediatori nel registro$/ });
    await registry.waitFor();
    expect(await registry.getByRole('row').count()).toBeGreaterThan(10);
    expect(await registry.textContent()).toMatch(/arabo/i);
    await coordinator.getByRole('heading', { name: 'Tariffe delle cooperative' }).waitFor();
    await expectAccessible(coordinator, 'mediator registry');
    await registry.getByRole('link', { name: topName }).click();
    await h1(coordinator, topName).waitFor();
    await coordinator.getByRole('heading', { name: 'Conflitti dichiarati' }).waitFor();
    await coordinator.getByRole('heading', { name: 'Pareri sulle mediazioni' }).waitFor();
    await expectAccessible(coordinator, 'a mediator’s record');

    await menu(coordinator).getByRole('link', { name: 'Ore e costi della mediazione' }).click();
    await h1(coordinator, 'Ore e costi della mediazione').waitFor();
    await coordinator.getByRole('heading', { name: 'Rendiconti mensili delle cooperative' }).waitFor();
    const total = coordinator.getByText(/^Totale: € [\d.]+,\d\d per [\d.]+,\d ore di mediazione/).first();
    await total.waitFor();
    expect(await total.textContent()).not.toMatch(/€ 0,00/);
    await coordinator
      .getByRole('link', { name: /^Scarica XLSX: rendiconto di / })
      .first()
      .waitFor();
    await coordinator
      .getByRole('link', { name: /^Scarica PDF: rendiconto di / })
      .first()
      .waitFor();
    await expectAccessible(coordinator, 'mediation hours and statements');
  }, 240_000);
});
