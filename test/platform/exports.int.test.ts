import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TExport } from '../../src/contracts/exports.js';
import { countOf, queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

let t: TestApp;
const as: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['operatrice.cav', 'operatrice', 'responsabile', 'clinica', 'supervisora'])
    as[u] = await t.signIn(u);
});
afterAll(() => t.close());

async function ask(who: string, payload: object) {
  const res = await as[who]!.request({ method: 'POST', url: '/api/exports', payload });
  return { status: res.statusCode, body: res.json() as TExport & { errors?: { field: string }[] } };
}
const get = async (who: string, id: string) => as[who]!.request({ method: 'GET', url: `/api/exports/${id}` });

async function download(who: string, id: string) {
  const link = await as[who]!.request({ method: 'POST', url: `/api/exports/${id}/download` });
  if (link.statusCode !== 200) return { status: link.statusCode, body: Buffer.alloc(0) };
  const file = await as[who]!.request({ method: 'GET', url: (link.json() as { url: string }).url });
  return { status: file.statusCode, body: file.rawPayload, type: file.headers['content-type'] };
}

describe('exports as jobs', () => {
  it('runs the incident register as its requester, with progress, in words, downloadable once', async () => {
    const asked = await ask('operatrice.cav', { kind: 'observatory.incidents', format: 'csv' });
    expect(asked.status).toBe(202);
    expect(asked.body.state).toBe('queued');
    await t.runJobs();
    const done = (await get('operatrice.cav', asked.body.id)).json() as TExport;
    // Every recorded incident the requester's service holds, counted as them (row-level security).
    const expected = await countOf(
      t.database.db,
      sql`select count(*)::int as n from incidents i join memberships m on m.service_id = i.service_id
           join users u on u.id = m.user_id where u.username = 'operatrice.cav' and i.status = 'recorded'`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(done).toMatchObject({ state: 'ready', rowsDone: expected, rowsTotal: expected, mine: true });

    // Nobody else sees or downloads it.
    expect((await get('operatrice', asked.body.id)).statusCode).toBe(404);
    expect((await download('operatrice', asked.body.id)).status).toBe(404);

    const file = await download('operatrice.cav', asked.body.id);
    expect(file.status).toBe(200);
    const text = file.body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toMatch(/^Codice della persona;Mese;Fascia d’età;Genere;/);
    expect(lines).toHaveLength(expected + 1);
    // Words, not codes.
    expect(text).not.toMatch(/;(rape|physical_assault|sexual_assault|female|spouse_partner);/);
    expect(text).toMatch(/;(Stupro|Aggressione fisica|Violenza sessuale|[A-Z][a-zà-ù ]+);/);
    expect((await download('operatrice.cav', asked.body.id)).status).toBe(409);
    const audited = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_events where record_id = ${asked.body.id} order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'export.requested',
      'file.stored',
      'export.completed',
      'export.downloaded',
      'file.link_created',
      'file.downloaded',
    ]);
    // Nor can a second link be made for its file afterwards.
    const [run] = await t.database.query<{ file_id: string }>(
      `select file_id from export_runs where id = $1`,
      [asked.body.id],
    );
    await t.database.query(
      `update export_runs set downloaded_at = now() - interval '5 minutes' where id = $1`,
      [asked.body.id],
    );
    const again = await as['operatrice.cav']!.request({
      method: 'POST',
      url: `/api/files/${run!.file_id}/link`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('writes XLSX that opens, with the same rows', async () => {
    const asked = await ask('operatrice.cav', {
      kind: 'observatory.incidents',
      format: 'xlsx',
      params: { year: 2025 },
    });
    await t.runJobs();
    const done = (await get('operatrice.cav', asked.body.id)).json() as TExport;
    expect(done.state).toBe('ready');
    const file = await download('operatrice.cav', asked.body.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Codice della persona');
    expect(sheet.actualRowCount).toBe(done.rowsTotal! + 1);
  });

  it('refuses an export one may not ask for, and bad parameters, naming the field', async () => {
    expect((await ask('clinica', { kind: 'observatory.incidents', format: 'csv' })).status).toBe(400);
    const bad = await ask('operatrice.cav', {
      kind: 'observatory.incidents',
      format: 'csv',
      params: { year: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['params.year']);
  });

  it('holds a bulk export of case data for a second person, never the requester', async () => {
    const asked = await ask('responsabile', { kind: 'cases.bulk', format: 'csv' });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ state: 'awaiting_approval', needsApproval: true });
    await t.runJobs();
    expect(((await get('responsabile', asked.body.id)).json() as TExport).state).toBe('awaiting_approval');

    const self = await as.responsabile!.request({
      method: 'POST',
      url: `/api/exports/${asked.body.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(self.statusCode).toBe(409);
    // Another service's staff does not see it at all.
    expect((await get('operatrice', asked.body.id)).statusCode).toBe(404);
    const list = (await as.supervisora!.request({ method: 'GET', url: '/api/exports' })).json() as TExport[];
    expect(list.find((e) => e.id === asked.body.id)).toMatchObject({ canDecide: true, mine: false });

    const approved = await as.supervisora!.request({
      method: 'POST',
      url: `/api/exports/${asked.body.id}/decision`,
      payload: { decision: 'approve', note: 'Per la relazione annuale' },
    });
    expect(approved.statusCode).toBe(200);
    expect((approved.json() as TExport).state).toBe('queued');
    const twice = await as.supervisora!.request({
      method: 'POST',
      url: `/api/exports/${asked.body.id}/decision`,
      payload: { decision: 'refuse' },
    });
    expect(twice.statusCode).toBe(409);
    await t.runJobs();
    const done = (await get('responsabile', asked.body.id)).json() as TExport;
    expect(done).toMatchObject({ state: 'ready', decidedBy: 'supervisora' });
    const file = await download('responsabile', asked.body.id);
    const text = file.body.toString('utf8');
    expect(text).toMatch(/^\uFEFFCodice del caso;Codice del nucleo;Stato;/);
    // Only the requester's own service's cases, never those reached as referrer, team member elsewhere or by emergency grant.
    const own = await countOf(
      t.database.db,
      sql`select count(*)::int as n from cases c join memberships m on m.service_id = c.service_id
           join users u on u.id = m.user_id where u.username = 'responsabile'`,
    );
    expect(done.rowsTotal).toBeLessThanOrEqual(own);
    const services = new Set(
      text
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(';')[6]),
    );
    expect(services.size).toBeLessThanOrEqual(1);
    // The supervisor approved it; the file is still the requester's alone.
    expect((await download('supervisora', asked.body.id)).status).toBe(404);
  });

  it('fails, reading nothing, when the requester lost the role before it ran', async () => {
    const asked = await ask('responsabile', { kind: 'cases.bulk', format: 'csv' });
    await as.supervisora!.request({
      method: 'POST',
      url: `/api/exports/${asked.body.id}/decision`,
      payload: { decision: 'approve' },
    });
    await t.database.query(`update users set disabled_at = now() where username = 'responsabile'`);
    try {
      await t.runJobs();
      const [run] = await t.database.query<{ state: string; rows_done: number; file_id: string | null }>(
        `select state, rows_done, file_id from export_runs where id = $1`,
        [asked.body.id],
      );
      expect(run).toEqual({ state: 'failed', rows_done: 0, file_id: null });
    } finally {
      await t.database.query(`update users set disabled_at = null where username = 'responsabile'`);
    }
  });
});
