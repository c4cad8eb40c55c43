import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TCaseListItem } from '../../src/contracts/cases.js';
import { casesTestKit } from './support.js';

/**
 * The case list read by cursor (keyset) against the same list read by page number (OFFSET): every
 * case once, in the same order, with each filter, through ties on the opening time (down to the
 * millisecond, the column's precision); a page after a cursor does not move when a
 * newer case opens; a forged cursor is a 400 naming the field, never a 500. (Microseconds, which
 * a JavaScript date would lose, are tested on the helper: test/platform/keyset.int.test.ts.)
 */
const { t, ids, call, ok, system, registerFamily, openCaseFor } = casesTestKit();

type Page = { items: TCaseListItem[]; page: number; total: number; nextCursor: string | null };
const PAGE_SIZE = 2;
const opened: string[] = [];

function listUrl(filters: Record<string, string>, page: number, cursor?: string | null) {
  const params = new URLSearchParams({ ...filters, pageSize: String(PAGE_SIZE), page: String(page) });
  if (cursor) params.set('cursor', cursor);
  return `/api/cases?${params}`;
}

async function walkByOffset(who: string, filters: Record<string, string>) {
  const first = await ok<Page>(who, 'GET', listUrl(filters, 1));
  const seen = [...first.items.map((i) => i.id)];
  for (let page = 2; page <= Math.ceil(first.total / PAGE_SIZE); page++)
    seen.push(...(await ok<Page>(who, 'GET', listUrl(filters, page))).items.map((i) => i.id));
  return { ids: seen, total: first.total };
}

async function walkByCursor(who: string, filters: Record<string, string>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let page = 1;
  do {
    const body: Page = await ok<Page>(who, 'GET', listUrl(filters, page, cursor));
    seen.push(...body.items.map((i) => i.id));
    expect(body.page).toBe(page);
    cursor = body.nextCursor;
    page++;
    if (page > 200) throw new Error('the cursor never reached the end of the list');
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  // Eleven cases of the Équipe etnoclinica on top of the demo ones: several pages of two.
  for (let i = 0; i < 11; i++) {
    await registerFamily();
    opened.push((await openCaseFor([ids.mother!])).caseId);
  }
  // Ties the list must break by id: four cases opened at the same millisecond (the column's
  // precision), and one a millisecond either side.
  await system(sql`update cases set opened_at = '2025-06-01 10:00:00.123+00'
    where id in (${sql.join(
      opened.slice(0, 4).map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  await system(sql`update cases set opened_at = '2025-06-01 10:00:00.124+00' where id = ${opened[4]!}`);
  await system(sql`update cases set opened_at = '2025-06-01 10:00:00.122+00' where id = ${opened[5]!}`);
  // One of them closed, one overdue for its plan review: the filters have something to tell apart.
  await system(sql`update cases set status = 'closed', closed_at = now() where id = ${opened[6]!}`);
  await system(sql`update cases set opened_at = now() - interval '200 days' where id = ${opened[7]!}`);
});

describe('the case list by cursor', () => {
  it('walks every case once, in the order of the numbered pages, for every filter and viewer', async () => {
    const responsabile = await t.userId('responsabile');
    const views: [string, Record<string, string>][] = [
      ['responsabile', {}],
      ['supervisora', {}],
      ['coordinatrice', {}],
      ['supervisora', { status: 'open' }],
      ['supervisora', { status: 'closed' }],
      ['supervisora', { serviceId: ids.etno! }],
      ['supervisora', { workerId: responsabile }],
      ['supervisora', { overdue: 'true' }],
      ['supervisora', { q: 'C-' }],
    ];
    for (const [who, filters] of views) {
      const byOffset = await walkByOffset(who, filters);
      const byCursor = await walkByCursor(who, filters);
      expect(byCursor, `${who} ${JSON.stringify(filters)}`).toEqual(byOffset.ids);
      expect(new Set(byCursor).size).toBe(byCursor.length);
      expect(byCursor.length).toBe(byOffset.total);
    }
    // The walks covered the cases this file opened, ties included, and spanned several pages.
    const all = await walkByCursor('supervisora', {});
    for (const id of opened) expect(all).toContain(id);
    expect(all.length).toBeGreaterThan(5 * PAGE_SIZE);
    const overdue = await walkByCursor('supervisora', { overdue: 'true' });
    expect(overdue).toContain(opened[7]);
    expect(await walkByCursor('supervisora', { status: 'closed' })).toContain(opened[6]);
  });

  it('orders ties by id, a millisecond apart is not a tie', async () => {
    const all = await walkByCursor('supervisora', {});
    const [tied, later, earlier] = [opened.slice(0, 4), opened[4]!, opened[5]!];
    const at = (id: string) => all.indexOf(id);
    // Newest first: .124, then the four at .123 by id, then .122.
    const tiedInOrder = [...tied].sort();
    expect(tiedInOrder.map(at)).toEqual([...tiedInOrder.map(at)].sort((a, b) => a - b));
    expect(at(later)).toBeLessThan(Math.min(...tied.map(at)));
    expect(at(earlier)).toBeGreaterThan(Math.max(...tied.map(at)));
    expect(at(earlier) - at(later)).toBe(5);
  });

  it('gives a cursor on every page but the last, and the page after it equals the numbered page', async () => {
    const first = await ok<Page>('supervisora', 'GET', listUrl({}, 1));
    const pages = Math.ceil(first.total / PAGE_SIZE);
    const last = await ok<Page>('supervisora', 'GET', listUrl({}, pages));
    expect(last.nextCursor).toBeNull();
    const third = await ok<Page>('supervisora', 'GET', listUrl({}, 3));
    const fourthByNumber = await ok<Page>('supervisora', 'GET', listUrl({}, 4));
    const fourthByCursor = await ok<Page>('supervisora', 'GET', listUrl({}, 4, third.nextCursor));
    expect(fourthByCursor.items).toEqual(fourthByNumber.items);
    expect(fourthByCursor.total).toBe(first.total);
    // A list that fits one page has no next page at all.
    const one = await ok<Page>('supervisora', 'GET', `/api/cases?q=${encodeURIComponent('C-')}&pageSize=100`);
    expect(one.nextCursor).toBeNull();
  });

  it('keeps the next page in place when a newer case opens meanwhile (a numbered page would shift)', async () => {
    const first = await ok<Page>('supervisora', 'GET', listUrl({}, 1));
    const secondBefore = await ok<Page>('supervisora', 'GET', listUrl({}, 2, first.nextCursor));
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!]);
    const secondByCursor = await ok<Page>('supervisora', 'GET', listUrl({}, 2, first.nextCursor));
    const secondByNumber = await ok<Page>('supervisora', 'GET', listUrl({}, 2));
    expect(secondByCursor.items.map((i) => i.id)).toEqual(secondBefore.items.map((i) => i.id));
    expect(secondByNumber.items[0]!.id).toBe(first.items.at(-1)!.id);
    const newest = await ok<Page>('supervisora', 'GET', listUrl({}, 1));
    expect(newest.items[0]!.id).toBe(caseId);
  });

  it('refuses a malformed cursor with a 400 in words, naming the field, whatever is wrong with it', async () => {
    const b64 = (value: unknown) =>
      Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const id = opened[0]!;
    const forged = [
      'not base64!',
      '%00',
      'A',
      'a'.repeat(601),
      b64('plain text'),
      b64([]),
      b64({ v: ['2025-06-01T10:00:00.123456Z'] }),
      b64({ v: ['2025-06-01T10:00:00.123456Z'], id, extra: 1 }),
      b64({ v: [], id }),
      b64({ v: ['2025-06-01T10:00:00.123456Z', 'x'], id }),
      b64({ v: [null], id }),
      b64({ v: [12], id }),
      b64({ v: ['2025-02-30T10:00:00Z'], id }),
      b64({ v: ['0000-01-01T00:00:00Z'], id }),
      b64({ v: ['2025-06-01T10:00:00+02:00'], id }),
      b64({ v: ['2025-06-01T10:00:00.123456Z'], id: 'not-a-uuid' }),
      b64(`{"v":["2025-06-01T10:00:00Z"],"id":"${id}","__proto__":{"polluted":true}}`),
      Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url'),
    ];
    for (const cursor of forged) {
      const res = await call('supervisora', 'GET', `/api/cases?page=2&cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json() as {
        errors: { field: string; message: { it: string; en: string } }[];
        localized: { it: { detail: string } };
      };
      const cursorErrors = problem.errors.filter((e) => e.field === 'querystring.cursor');
      expect(cursorErrors.length, cursor).toBeGreaterThan(0);
      for (const error of cursorErrors) {
        expect(error.message.it).toBe('non è una posizione di questo elenco: riparti dalla prima pagina');
        expect(error.message.en).toBe('not a position in this list: start again from the first page');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('records the list read in the audit trail, by cursor as by page', async () => {
    const first = await ok<Page>('clinica', 'GET', listUrl({}, 1));
    await ok<Page>('clinica', 'GET', listUrl({}, 2, first.nextCursor));
    const rows = await system(sql`select details from audit_events
      where action = 'case.listed' and actor_username = 'clinica'`);
    const details = rows.map((r) => (r as { details: { byCursor: boolean; page: number } }).details);
    expect(details).toContainEqual(expect.objectContaining({ byCursor: false, page: 1 }));
    expect(details).toContainEqual(expect.objectContaining({ byCursor: true, page: 2 }));
  });
});
