import { authenticator } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { account, signIn } from './support.js';

/**
 * What the case-management browser tests share: one signed-in page per demo user (TOTP replay
 * protection allows one sign-in per user per 30-second step, so each file signs each user in once),
 * locators for the app's landmarks, and builders that call the API from a signed-in page.
 */
export const ETNO = 'Équipe etnoclinica';
export const ROMANO = 'Tutela Minori — Ambito di Romano di Lombardia';

/** One signed-in page per demo user, kept for the whole file. */
export const pages = new Map<string, Page>();
export async function as(username: string): Promise<Page> {
  let page = pages.get(username);
  if (!page) {
    page = (await signIn(username)).page;
    pages.set(username, page);
  }
  return page;
}

export const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principale' });
/** The page's h1: a string is the whole heading ("Invio del nucleo …" is not "Nuovo invio del nucleo …"). */
export const h1 = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
export const caseTabs = (page: Page) => page.getByRole('navigation', { name: 'Sezioni del caso' });

/**
 * Bootstrap Italia draws radios and checkboxes on their labels (the input itself is transparent
 * under it), so a user, and the test, clicks the label.
 */
export async function choose(scope: Locator | Page, label: string | RegExp): Promise<void> {
  const text = typeof label === 'string' ? new RegExp(`^${label}$`) : label;
  await scope.locator('label').filter({ hasText: text }).click();
}

/** The value next to a label in a list of facts (`<dt>label</dt><dd>value</dd>`). */
export function fact(scope: Locator | Page, label: string): Locator {
  return scope
    .locator('dt')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** The last word of the h1 ("Nucleo N-…", "Caso C-…"): the record's code. */
export async function codeInHeading(page: Page): Promise<string> {
  const text = (await h1(page, /.+/).textContent()) ?? '';
  return text.trim().split(' ').at(-1)!;
}

/** The id at the end of the current URL's path (/households/<id>, /cases/<id>). */
export const idInUrl = (page: Page) => new URL(page.url()).pathname.split('/').at(-1)!;

/**
 * The API as the signed-in page calls it: its cookies, and for a change the CSRF token the app
 * keeps in memory, which the session answer carries (src/web/api/client.ts: `x-csrf-token`).
 */
export async function callApi<T>(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const session = await page.request.get('/api/auth/session');
    headers['x-csrf-token'] = ((await session.json()) as { csrfToken: string }).csrfToken;
  }
  const response = await page.request.fetch(path, {
    method,
    headers,
    ...(method === 'GET' ? {} : { data: body ?? {} }),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

export interface HouseholdMember {
  id: string;
  givenName: string;
  familyName: string;
  caseRole: string;
}
export interface Household {
  id: string;
  code: string;
  members: HouseholdMember[];
}

/** A demo household of the operatrice's service, found by its family name. */
export async function demoHousehold(page: Page, familyName: string): Promise<Household> {
  const list = await callApi<{ items: { id: string }[] }>(page, 'GET', '/api/households?page=1');
  for (const { id } of list.items) {
    const household = await callApi<Household>(page, 'GET', `/api/households/${id}`);
    if (household.members.some((m) => m.familyName === familyName)) return household;
  }
  throw new Error(`no demo household ${familyName}`);
}

export const member = (household: Household, givenName: string) =>
  household.members.find((m) => m.givenName === givenName)!;
export const fullName = (m: HouseholdMember) => `${m.givenName} ${m.familyName}`;

/** The case the Équipe etnoclinica opened for a household, as its referrer (the operatrice) finds it. */
export async function caseIdOf(page: Page, householdCode: string): Promise<string> {
  const sent = await callApi<{ items: { id: string; householdCode: string; toServiceName: string }[] }>(
    page,
    'GET',
    '/api/referrals?box=sent&page=1',
  );
  const referral = sent.items.find((r) => r.householdCode === householdCode && r.toServiceName === ETNO);
  expect(referral, `a referral of ${householdCode} to ${ETNO}`).toBeDefined();
  const detail = await callApi<{ caseId: string | null }>(page, 'GET', `/api/referrals/${referral!.id}`);
  expect(detail.caseId).toBeTruthy();
  return detail.caseId!;
}

/** A six-digit code valid in none of the steps the server accepts (now and one either side). */
export function wrongTotp(username: string): string {
  const { totpSecret } = account(username);
  const valid = [-1, 0, 1].map((k) =>
    authenticator.clone({ epoch: Date.now() + k * 30_000 }).generate(totpSecret),
  );
  let wrong = 0;
  while (valid.includes(String(wrong).padStart(6, '0'))) wrong += 1;
  return String(wrong).padStart(6, '0');
}

/** Opens a case at a tab by its URL (a fresh load: what another user changed is shown). */
export async function openCase(page: Page, caseId: string, tab?: string): Promise<void> {
  await page.goto(`/cases/${caseId}${tab ? `?tab=${tab}` : ''}`);
  await h1(page, /^Caso /).waitFor();
}

/** Goes to a tab through the case's tab links. */
export async function caseTab(page: Page, name: string): Promise<void> {
  await caseTabs(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

// ---- 1. The main journey ----
