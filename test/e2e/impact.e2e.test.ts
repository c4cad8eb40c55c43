import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectAccessible, signIn, startApp, stopApp } from './support.js';

/*
 * The steering dashboard (issue 25, part one) from the coordinator's side: reached from the menu,
 * every seed target with its live value, axe clean.
 */

beforeAll(async () => {
  await startApp();
});
afterAll(async () => {
  await stopApp();
});

describe('impact dashboard', () => {
  it('the coordinator reads every target of the project with its live value', async () => {
    const { context, page } = await signIn('coordinatrice');
    await page.goto('/');
    await page.getByRole('link', { name: 'Impatto del progetto' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Impatto del progetto' }).waitFor();
    const targets = page.getByRole('table', { name: /Obiettivi del progetto/ });
    await targets.waitFor();
    for (const quote of [
      '97 operatori',
      '240 residenti',
      '200 residenti',
      '15 operatori sociali',
      '20 nuclei',
      '7 nuclei',
    ])
      await targets.getByText(quote, { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'Esiti' }).waitFor();
    await expectAccessible(page, 'the impact dashboard');
    await context.close();
  });
});
