import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSealedFile } from '../../src/server/platform/audit/file-seal.js';
import { expectAccessible, newPage, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * The steering dashboard (issue 25, part one) from the coordinator's side: reached from the menu,
 * every seed target with its live value, axe clean.
 */

const VERIFY_INPUT = 'File del rapporto (PDF o XLSX)';
const VALID_HEADING = 'Il file è autentico e integro';

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

  it('the chair approves the submitted semester, generates its signed report and anyone checks the file', async () => {
    const { context, page } = await signIn('coordinatrice');
    await page.goto('/impact');
    await page.getByRole('link', { name: 'Periodi, chiusure e rapporti firmati' }).click();
    await page.getByRole('heading', { level: 1, name: 'Periodi e rapporti' }).waitFor();
    // The demo's first semester, submitted by another coordinator, waits for the chair.
    const semester = page.getByTestId('impact-period-2026-h1');
    await semester.getByText('Inviato per l’approvazione').first().waitFor();
    await expectAccessible(page, 'the reporting periods');
    await semester.getByRole('button', { name: 'Approva e chiudi' }).click();
    await semester.getByRole('button', { name: 'Conferma l’approvazione' }).click();
    await semester.getByText('Periodo approvato e chiuso.').waitFor();
    await semester.getByRole('button', { name: 'Genera il rapporto firmato' }).click();
    await semester.getByText('Rapporto generato e firmato.').waitFor();
    await semester.getByText('Definitivo').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      semester.getByRole('link', { name: 'PDF (italiano)' }).first().click(),
    ]);
    // Kept beyond the context, which deletes its downloads when it closes.
    const path = join(mkdtempSync(join(tmpdir(), 'trama-e2e-')), 'rapporto.pdf');
    await download.saveAs(path);
    const pdf = readFileSync(path);
    const key = (await (await page.request.get('/api/public/impact/signing-key')).json()) as {
      keyId: string;
      publicKeyPem: string;
    };
    expect(
      checkSealedFile({ bytes: pdf, publicKeys: new Map([[key.keyId, createPublicKey(key.publicKeyPem)]]) }),
    ).toMatchObject({ ok: true, statement: { about: { period: '2026-h1', final: true } } });
    const text = execFileSync('pdftotext', [path, '-']).toString();
    expect(text).toContain('Definitivo — periodo approvato e chiuso');
    expect(text).toContain('1º semestre 2026');
    expect(text).not.toContain('BOZZA');
    await context.close();

    // Anyone, on a phone and without signing in, checks the file on the public page.
    const visitor = await newPage();
    await visitor.page.setViewportSize(PHONE);
    await visitor.page.goto('/verifica-rapporto');
    await visitor.page.getByRole('heading', { level: 1, name: 'Verifica un rapporto di impatto' }).waitFor();
    await visitor.page.getByLabel(VERIFY_INPUT).setInputFiles(path);
    await visitor.page.getByRole('button', { name: 'Verifica il file' }).click();
    await visitor.page.getByRole('heading', { name: VALID_HEADING }).waitFor();
    await visitor.page.getByText('1º semestre 2026').first().waitFor();
    await expectAccessible(visitor.page, 'the public report verification');
    await visitor.context.close();
  });
});
