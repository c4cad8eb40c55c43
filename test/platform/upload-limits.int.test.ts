import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { xlsxBomb } from '../harness/zip-bomb.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GiB = 1024 * 1024 * 1024;

let t: TestApp;
let cav: Session;
beforeAll(async () => {
  t = await createTestApp();
  cav = await t.signIn('operatrice.cav');
});
afterAll(() => t.close());

async function incidentRows() {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from incidents`);
  return row!.n;
}

function upload(payload: Buffer, contentType = XLSX) {
  return cav.request({
    method: 'POST',
    url: '/api/incidents/import',
    payload,
    headers: { 'content-type': contentType, 'accept-language': 'en' },
  });
}

/** Three uploads at once, and the status page asked while they run and after. */
async function threeAtOnce(payload: Buffer) {
  const before = await incidentRows();
  const began = performance.now();
  const [status, ...answers] = await Promise.all([
    t.app.inject({ method: 'GET', url: '/status' }),
    upload(payload),
    upload(payload),
    upload(payload),
  ]);
  const elapsed = performance.now() - began;
  expect(status.statusCode).toBe(200);
  for (const answer of answers) {
    expect(answer.statusCode).toBeGreaterThanOrEqual(413);
    expect(answer.statusCode).toBeLessThan(500);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    const problem = answer.json();
    expect(problem.errors[0].field).toBe('file');
    expect(problem.errors[0].message.it).toBeTruthy();
    expect(problem.errors[0].message.en).toBeTruthy();
  }
  expect(await incidentRows()).toBe(before);
  expect((await t.app.inject({ method: 'GET', url: '/status' })).statusCode).toBe(200);
  // Loose on purpose: the old reader took seconds and most of a gigabyte for each one.
  expect(elapsed).toBeLessThan(20_000);
  return answers.map((a) => a.statusCode);
}

describe('uploads that unpack to a gigabyte', () => {
  it('refuses three at once, writes nothing, and the server keeps answering', async () => {
    const statuses = await threeAtOnce(xlsxBomb({ size: GiB }));
    expect(statuses).toEqual([413, 413, 413]);
  });

  it('refuses them as well when the archive lies about its sizes', async () => {
    const statuses = await threeAtOnce(xlsxBomb({ size: GiB, declaredSize: 4096 }));
    expect(statuses).toEqual([422, 422, 422]);
  });

  it('bounds a CSV the same way (columns, cell length), naming the file', async () => {
    const wide = await upload(Buffer.from(`survivorReference${','.repeat(1000)}\n`), 'text/csv');
    expect(wide.statusCode).toBe(413);
    expect(wide.json().errors[0]).toMatchObject({ field: 'file', code: 'file_too_many_columns' });
    const tooBig = await upload(Buffer.alloc(6 * 1024 * 1024, 'a'), 'text/csv');
    expect(tooBig.statusCode).toBe(413);
  });
});
