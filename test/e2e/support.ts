import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp.js';
import type { DemoAccount } from '../../src/server/seed/demo.js';
import { demoAccountsOf, seededDataDir, startTrama, type TramaProcess } from '../harness/trama-process.js';

/*
 * End-to-end harness: one Trama server on a copy of the run's migrated and seeded database (embedded
 * PGlite, demo seed) and one Chromium, both started by `startApp()` in a file's beforeAll and
 * stopped by `stopApp()` in afterAll.
 */

export interface E2eApp {
  /** http://localhost:<port> — localhost, not 127.0.0.1, so Chromium keeps the `__Host-` Secure cookie. */
  baseUrl: string;
  dataDir: string;
  browser: Browser;
  accounts: Map<string, DemoAccount>;
}

let server: TramaProcess | undefined;
let app: E2eApp | undefined;

export async function startApp(): Promise<E2eApp> {
  // The run's migrated and seeded database (test/harness/global-setup.ts), as a first start leaves it:
  // each file would otherwise migrate and seed the demo again (about a minute of two cores).
  const dataDir = await seededDataDir(inject('fixtureDir'));
  server = await startTrama({
    dataDir,
    timeoutMs: 150_000,
    // The test identity provider runs on 127.0.0.1 over plain http (test/harness/oidc-provider.ts).
    env: { TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER: 'true' },
  });
  const baseUrl = server.url.replace('127.0.0.1', 'localhost');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const accounts = new Map(demoAccountsOf(dataDir).map((a) => [a.username, a]));
  app = { baseUrl, dataDir, browser, accounts };
  return app;
}

export async function stopApp(): Promise<void> {
  await app?.browser.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  server = undefined;
  app = undefined;
}

export function account(username: string): DemoAccount {
  const found = app?.accounts.get(username);
  if (!found) throw new Error(`no demo account ${username}`);
  return found;
}

export async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  if (!app) throw new Error('startApp() first');
  const context = await app.browser.newContext({ baseURL: app.baseUrl, locale: 'it-IT' });
  return { context, page: await context.newPage() };
}

/**
 * A TOTP code is accepted once per 30-second step per user: remember the step each user last
 * signed in with and, if it is the current one, wait for the next.
 */
const lastStep = new Map<string, number>();

export async function freshTotp(username: string): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  if (lastStep.get(username) === step()) await sleep(30_000 - (Date.now() % 30_000) + 200);
  lastStep.set(username, step());
  return currentTotp(account(username).totpSecret);
}

/** Fills username and password on /login and submits; the caller waits for what should follow. */
export async function enterPassword(page: Page, username: string, password = account(username).password) {
  await page.goto('/login');
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/** The whole sign-in journey through the UI; resolves on Home. */
export async function signIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage();
  await enterPassword(page, username);
  await page.getByRole('heading', { name: 'Verifica in due passaggi' }).waitFor();
  await page.getByLabel('Codice di verifica').fill(await freshTotp(username));
  await page.getByRole('button', { name: 'Verifica', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  return { context, page };
}

/** The width of a small phone, at which every page must work (docs/adding-a-module.md). */
export const PHONE = { width: 390, height: 844 } as const;

/** Two animation frames: media queries, resize observers and the renders they cause have run. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** axe-core itself, injected into the page under test (through the DevTools protocol, so the app's CSP does not apply). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's WCAG 2.0 and 2.1, levels A and AA, on the page as it is now. axe is injected once per
 * document (the app is a single page, so a navigation keeps it) and reports violations only; with
 * @axe-core/playwright, which injects it on every call and collects every passing node too, each
 * check took about 2.5 times as long (cases and journeys files, same machine).
 */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, WCAG_21_AA);
}

/**
 * WCAG 2.1 A/AA checks by axe on the page as it is now, at the page's own width and then at 390 px
 * (a phone: the compact header, tables as cards). The page gets its width back afterwards.
 */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  // Check the page as the user reads it, not a half-loaded one.
  await page.waitForFunction(() => !/Caricamento in corso…|Loading…/.test(document.body.textContent));
  expect(await axeViolations(page), `axe violations on ${what}`).toEqual([]);
  if (page.viewportSize()?.width !== PHONE.width) await expectAccessibleOnPhone(page, what);
}

/** The same checks at 390 × 844 only; the viewport is restored afterwards. */
export async function expectAccessibleOnPhone(page: Page, what = page.url()): Promise<void> {
  const before = page.viewportSize();
  const phone = before?.width === PHONE.width && before.height === PHONE.height;
  if (!phone) await page.setViewportSize(PHONE);
  try {
    await settled(page);
    await page.waitForFunction(() => !/Caricamento in corso…|Loading…/.test(document.body.textContent));
    expect(await axeViolations(page), `axe violations on ${what} at ${PHONE.width} px`).toEqual([]);
  } finally {
    if (before && !phone) {
      await page.setViewportSize(before);
      await settled(page);
    }
  }
}
