import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAssessmentList } from '../../src/contracts/care-plan.js';
import type { TCaseDocument } from '../../src/contracts/case-documents.js';
import { as, callApi, caseTab, h1, menu } from './case-helpers.js';
import { expectAccessible, startApp, stopApp } from './support.js';

/*
 * The record as practice needs it (issue 22), in the browser on the demo's records: the lead of the
 * ethnoclinical team compares two dated assessments of a child, reads the approved plan beside the
 * draft the supervisor returned, the services and follow-ups, a case's documents (fetched through
 * a single-use link), and the consultations asked of the team. The rules behind each page
 * (versions, who may read what, refusals) are integration tests in test/cases/.
 */
beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

/** A GET as the signed-in page makes it; null when refused (a case the user only referred, say). */
async function readOrNull<T>(page: Page, path: string): Promise<T | null> {
  const response = await page.request.get(path, { headers: { accept: 'application/json' } });
  return response.ok() ? ((await response.json()) as T) : null;
}

/** The first of the lead's cases for which `has` holds, asked of the API as the page would. */
async function caseWhere(username: string, has: (caseId: string) => Promise<boolean>): Promise<string> {
  const page = await as(username);
  const { items } = await callApi<{ items: { id: string }[] }>(page, 'GET', '/api/cases?pageSize=100');
  for (const { id } of items) if (await has(id)) return id;
  throw new Error('no demo case matches');
}

describe('the record as practice needs it: assessments, plan, services, documents, consultations', () => {
  it('the lead compares two dated assessments and reads the approved plan beside the returned draft', async () => {
    const page = await as('responsabile');
    const caseId = await caseWhere('responsabile', async (id) => {
      const list = await readOrNull<TAssessmentList>(page, `/api/cases/${id}/assessments`);
      return (list?.items.length ?? 0) >= 2;
    });
    await page.goto(`/cases/${caseId}`);
    await h1(page, /^Caso C/).waitFor();
    await caseTab(page, 'Valutazione');
    await page.getByRole('button', { name: 'Confronta' }).click();
    await page.getByRole('heading', { name: 'Confronta' }).waitFor();
    await expectAccessible(page, 'assessments compared');

    await caseTab(page, 'Piano');
    await page.getByRole('heading', { name: /^Piano in vigore \(versione 1\)/ }).waitFor();
    await page.getByText('Restituita con osservazioni').first().waitFor();
    await page.getByText(/^Osservazioni di /).waitFor();
    await expectAccessible(page, 'plan: approved version and returned draft');

    await caseTab(page, 'Servizi e verifiche');
    await page.getByRole('heading', { level: 2, name: 'Servizi e verifiche' }).waitFor();
    await expectAccessible(page, 'services and follow-ups');
  });

  it('the lead reads a case document through a single-use link', async () => {
    const page = await as('responsabile');
    let documents: TCaseDocument[] = [];
    const caseId = await caseWhere('responsabile', async (id) => {
      documents = (await readOrNull<TCaseDocument[]>(page, `/api/cases/${id}/documents`)) ?? [];
      return documents.length > 0;
    });
    await page.goto(`/cases/${caseId}`);
    await h1(page, /^Caso C/).waitFor();
    await caseTab(page, 'Documenti');
    await page.getByRole('button', { name: 'Apri «Relazione della scuola»' }).waitFor();
    await expectAccessible(page, 'case documents');

    const letter = documents.find((d) => d.title === 'Relazione della scuola')!;
    const link = await callApi<{ url: string }>(page, 'POST', `/api/files/${letter.fileId}/link`, {});
    const first = await page.request.get(link.url);
    expect(first.status()).toBe(200);
    expect(first.headers()['content-type']).toContain('application/pdf');
    // Single use: the same link a second time is refused.
    expect((await page.request.get(link.url)).status()).toBe(404);
  });

  it('the team finds the consultations it was asked for, each at its stage', async () => {
    const page = await as('responsabile');
    await menu(page).getByRole('link', { name: 'Consulenze' }).click();
    await h1(page, 'Consulenze etnocliniche').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await expectAccessible(page, 'consultations list');
    await page.getByRole('table').getByRole('link').first().click();
    await h1(page, /^Consulenza /).waitFor();
    await expectAccessible(page, 'consultation');
  });

  it('the operator merges a person registered twice, then undoes it from the person’s panel', async () => {
    const page = await as('operatrice');
    await page.goto('/households');
    await page.getByRole('link', { name: 'Possibili doppioni' }).click();
    await h1(page, 'Possibili doppioni').waitFor();
    const pair = page.getByRole('region', { name: /^Arta Hox\S+ e Arta Hox\S+$/ });
    await pair.waitFor();
    await expectAccessible(page, 'possible duplicates');
    const household = await pair.getByRole('link').first().getAttribute('href');
    await pair.getByRole('button', { name: /^Tieni la scheda di Arta Hoxha/ }).click();
    await pair
      .getByLabel('Perché sono la stessa persona')
      .fill('Cognome scritto male alla seconda accoglienza.');
    await pair.getByRole('button', { name: 'Unisci le schede' }).click();
    await expect.poll(() => pair.count(), { timeout: 10_000 }).toBe(0);

    await page.goto(household!);
    const row = page.getByRole('row', { name: /Arta Hoxa/ });
    await row.getByText('Unita a un’altra scheda').waitFor();
    await row.getByRole('button', { name: /^Consensi e sicurezza di Arta Hoxa/ }).click();
    await page.getByRole('heading', { name: 'Schede unite' }).waitFor();
    await expectAccessible(page, 'household with a merged record');
    await page.getByRole('button', { name: 'Annulla l’unione', exact: true }).click();
    await page
      .getByLabel('Perché annulli l’unione')
      .fill('Verificato: sono due accoglienze della stessa persona, ma da rivedere.');
    await page.getByRole('button', { name: 'Annulla l’unione', exact: true }).click();
    await page.getByText(/^Unione annullata il /).waitFor();
    await expect.poll(() => row.getByText('Unita a un’altra scheda').count(), { timeout: 10_000 }).toBe(0);
  });

  it('a researcher finds the sessions attended for research', async () => {
    const page = await as('ricercatrice');
    await menu(page).getByRole('link', { name: 'Sedute seguite' }).click();
    await h1(page, 'Sedute seguite per la ricerca').waitFor();
    await expectAccessible(page, 'research sessions');
  });
});
