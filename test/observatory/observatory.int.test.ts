import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStatistics } from '../../src/contracts/observatory.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/** Incidents of 2019: the demo data has none, so every count below is this file's own. */
const YEAR = 2019;
let t: TestApp;
let cav: Session;
beforeAll(async () => {
  t = await createTestApp();
  cav = await t.signIn('operatrice.cav');
});
afterAll(() => t.close());

function incident(overrides: Record<string, unknown> = {}) {
  return {
    status: 'recorded',
    survivorReference: 'CAV-2019/1',
    incidentMonth: `${YEAR}-03`,
    ageBand: '26-40',
    gender: 'female',
    citizenship: 'MA',
    yearsInItaly: '1_5',
    language: 'ar',
    interpreterNeeded: true,
    interpreterUsed: false,
    municipality: '016219',
    classification: { penetration: false, sexualContact: false, physicalAssault: true },
    forms: ['physical', 'psychological'],
    childrenPresent: true,
    childrenWitnessed: true,
    authorRelationship: 'spouse_partner',
    riskIndicators: ['escalation'],
    firstContact: 'anti_violence_centre',
    referredTo: ['social_services'],
    servicesProvided: ['listening'],
    consentReporting: true,
    ...overrides,
  };
}

async function statistics(session: Session, query = '') {
  const res = await session.request({
    method: 'GET',
    url: `/api/observatory/statistics?year=${YEAR}${query}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as TStatistics;
}

async function countedTotal() {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select coalesce(sum(count), 0)::int as n from incident_counts where year = ${YEAR} and table_key = 'age-by-gender'`,
  );
  return row!.n;
}

async function incidentRows() {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from incidents`);
  return row!.n;
}

describe('recording an incident', () => {
  it('derives type, contexts, district and a stable survivor code, and counts it', async () => {
    const before = await countedTotal();
    const res = await cav.request({ method: 'POST', url: '/api/incidents', payload: incident() });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.coreType).toBe('physical_assault');
    expect(body.contexts).toEqual(['intimate_partner_violence']);
    expect(body.citizenshipGroup).toBe('third_country');
    expect(body.districtId).not.toBeNull();
    expect(body.survivorCode).toMatch(/^S-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(JSON.stringify(body)).not.toContain('CAV-2019/1');
    const again = await cav.request({ method: 'POST', url: '/api/incidents', payload: incident() });
    expect(again.json().survivorCode).toBe(body.survivorCode);
    expect(await countedTotal()).toBe(before + 2);
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'incident.created' and record_id = ${body.id}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('gives another service a different code for the same register number', async () => {
    const tm = await t.signIn('operatrice');
    const mine = (await cav.request({ method: 'POST', url: '/api/incidents', payload: incident() })).json();
    const theirs = (await tm.request({ method: 'POST', url: '/api/incidents', payload: incident() })).json();
    expect(theirs.survivorCode).not.toBe(mine.survivorCode);
  });

  it('keeps drafts and records without consent out of every count', async () => {
    const before = await countedTotal();
    const draft = await cav.request({
      method: 'POST',
      url: '/api/incidents',
      payload: { status: 'draft', consentReporting: true, incidentMonth: `${YEAR}-04` },
    });
    expect(draft.statusCode).toBe(201);
    const noConsent = await cav.request({
      method: 'POST',
      url: '/api/incidents',
      payload: incident({ consentReporting: false }),
    });
    expect(noConsent.statusCode).toBe(201);
    expect(await countedTotal()).toBe(before);
    const completed = await cav.request({
      method: 'PUT',
      url: `/api/incidents/${draft.json().id}`,
      payload: incident({ incidentMonth: `${YEAR}-04` }),
    });
    expect(completed.statusCode).toBe(200);
    expect(await countedTotal()).toBe(before + 1);
    const backToDraft = await cav.request({
      method: 'PUT',
      url: `/api/incidents/${draft.json().id}`,
      payload: { status: 'draft', consentReporting: true },
    });
    expect(backToDraft.statusCode).toBe(409);
    expect(
      (await cav.request({ method: 'DELETE', url: `/api/incidents/${draft.json().id}` })).statusCode,
    ).toBe(409);
  });

  it('refuses impossible or contradictory input with field errors and writes nothing', async () => {
    const before = await incidentRows();
    const cases: [Record<string, unknown>, string][] = [
      [{ incidentMonth: '2099-01' }, 'incidentMonth'],
      [{ municipality: '999999' }, 'municipality'],
      [{ coreType: 'rape' }, 'coreType'],
      [{ classification: { penetration: false, physicalAssault: true } }, 'classification.sexualContact'],
      [{ birthYear: 2010 }, 'ageBand'],
      [{ forms: ['psychological'] }, 'forms'],
      [{ interpreterNeeded: false, interpreterUsed: true }, 'interpreterUsed'],
      [{ coreType: ['rape', 'physical_assault'] }, 'coreType'],
      [{ name: 'Fatima' }, 'name'],
      [{ codiceFiscale: 'RSSMRA80A41H501U' }, 'codiceFiscale'],
      [{ phone: '+39 333 1234567' }, 'phone'],
      [{ survivorReference: 'Fatima Rossi' }, 'survivorReference'],
      [{ survivorReference: undefined }, 'survivorReference'],
      [{ citizenship: 'ZZ' }, 'citizenship'],
    ];
    for (const [override, field] of cases) {
      const res = await cav.request({ method: 'POST', url: '/api/incidents', payload: incident(override) });
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields, JSON.stringify(override)).toContain(field);
    }
    expect(await incidentRows()).toBe(before);
  });
});

describe('home', () => {
  it('asks a recording service to finish its drafts, and nobody else', async () => {
    const attention = async (username: string) =>
      (
        (await (await t.signIn(username)).request({ method: 'GET', url: '/api/home' })).json() as {
          attention: { kind: string; count: number }[];
        }
      ).attention.find((item) => item.kind === 'incident_drafts');
    expect((await attention('operatrice'))?.count).toBeGreaterThanOrEqual(2);
    expect(await attention('coordinatrice')).toBeUndefined();
  });
});

describe('who sees incidents', () => {
  it('shows records only to the recording service; others get 404 and the refusal is audited', async () => {
    const created = (
      await cav.request({ method: 'POST', url: '/api/incidents', payload: incident() })
    ).json();
    expect((await cav.request({ method: 'GET', url: `/api/incidents/${created.id}` })).statusCode).toBe(200);
    const other = await t.signIn('operatrice');
    const res = await other.request({ method: 'GET', url: `/api/incidents/${created.id}` });
    expect(res.statusCode).toBe(404);
    const list = (await other.request({ method: 'GET', url: '/api/incidents?pageSize=100' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    const [denied] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${created.id}`,
    );
    expect(denied!.n).toBe(1);
  });

  it('refuses detail to roles that only see aggregates', async () => {
    for (const username of ['coordinatrice', 'ricercatrice', 'formatore']) {
      const s = await t.signIn(username);
      expect((await s.request({ method: 'GET', url: '/api/incidents' })).statusCode).toBe(403);
      expect(
        (await s.request({ method: 'GET', url: `/api/observatory/statistics?year=${YEAR}` })).statusCode,
      ).toBe(200);
    }
    const mediator = await t.signIn('mediatrice');
    expect((await mediator.request({ method: 'GET', url: '/api/observatory/statistics' })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/observatory/statistics' })).statusCode).toBe(401);
  });

  it('lets only statistics roles read the raw counts, and never turns a record back into a draft', async () => {
    const asRole = (role: string) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('role', 'trama_app', true), set_config('trama.role', ${role}, true)`,
        );
        return (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from incident_counts`))[0]!
          .n;
      });
    expect(await asRole('mediator')).toBe(0);
    expect(await asRole('coordinator')).toBeGreaterThan(0);
    await expect(
      t.database.db.execute(sql`update incidents set status = 'draft' where status = 'recorded'`),
    ).rejects.toThrow();
  });

  it('keeps the row-level backstop: trama_app cannot read another service\u2019s incidents', async () => {
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'trama_app', true), set_config('trama.service_id', '00000000-0000-4000-8000-000000000000', true)`,
      );
      return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from incidents`);
    });
    expect(rows[0]!.n).toBe(0);
  });
});

function csvOf(rows: string[][]) {
  return rows.map((r) => r.join(',')).join('\n');
}
const HEADER = [
  'survivorReference',
  'incidentMonth',
  'ageBand',
  'gender',
  'citizenship',
  'language',
  'interpreterNeeded',
  'interpreterUsed',
  'municipality',
  'coreType',
  'forms',
  'authorRelationship',
  'firstContact',
  'referredTo',
  'consentReporting',
];
const ROWS = [
  [
    'R-1',
    `${YEAR}-05`,
    '18-25',
    'female',
    'AL',
    'sq',
    'sì',
    'no',
    '016183',
    'psychological_abuse',
    'psychological',
    'former_partner',
    'help_desk',
    '',
    'sì',
  ],
  [
    'R-2',
    `${YEAR}-05`,
    '41-60',
    'female',
    'IT',
    'it',
    'no',
    '',
    '016219',
    'denial_of_resources',
    'economic;psychological',
    'spouse_partner',
    'social_services',
    'anti_violence_centre;legal',
    'sì',
  ],
  [
    'R-3',
    `${YEAR}-06`,
    '12-17',
    'female',
    'PK',
    'ur',
    'sì',
    'sì',
    '016053',
    'forced_marriage',
    'psychological',
    'parent',
    'school',
    'child_protection',
    'sì',
  ],
];

describe('importing a register', () => {
  it('creates every row once: the same file twice creates nothing new', async () => {
    const payload = csvOf([HEADER, ...ROWS]);
    const headers = { 'content-type': 'text/csv' };
    const first = await cav.request({ method: 'POST', url: '/api/incidents/import', payload, headers });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ rows: 3, created: 3, alreadyPresent: 0 });
    const second = await cav.request({ method: 'POST', url: '/api/incidents/import', payload, headers });
    expect(second.json()).toEqual({ rows: 3, created: 0, alreadyPresent: 3 });
    // The same register with an extra empty column and another spelling of "sì" is the same register.
    const respelled = csvOf([
      [...HEADER, 'servicesProvided'],
      ...ROWS.map((r) => [...r.map((v) => (v === 'sì' ? 'yes' : v)), '']),
    ]);
    const third = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: respelled,
      headers,
    });
    expect(third.json()).toEqual({ rows: 3, created: 0, alreadyPresent: 3 });
  });

  it('keeps two identical incidents apart by the register\u2019s entry number', async () => {
    const twice = csvOf([
      [...HEADER, 'registerEntry'],
      [...ROWS[0]!.map((v, i) => (i === 0 ? 'E-1' : v)), '2019/101'],
      [...ROWS[0]!.map((v, i) => (i === 0 ? 'E-1' : v)), '2019/102'],
    ]);
    const headers = { 'content-type': 'text/csv' };
    const first = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: twice,
      headers,
    });
    expect(first.json()).toEqual({ rows: 2, created: 2, alreadyPresent: 0 });
    const again = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: twice,
      headers,
    });
    expect(again.json()).toEqual({ rows: 2, created: 0, alreadyPresent: 2 });
  });

  it('reads XLSX the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('registro');
    sheet.addRow(HEADER);
    sheet.addRow(ROWS[0]!.map((v, i) => (i === 0 ? 'X-1' : v)));
    const payload = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(1);
  });

  it('names the row and field of a bad row and imports nothing', async () => {
    const before = await incidentRows();
    const bad = [...ROWS.map((r) => r.map((v, i) => (i === 0 ? `B${v}` : v)))];
    bad[1] = bad[1]!.map((v, i) => (i === 2 ? '70-80' : v));
    bad[2] = bad[2]!.map((v, i) => (i === 8 ? '123456' : v));
    const res = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: csvOf([HEADER, ...bad]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(400);
    // The field is the API's name; the message says the row and the column in words.
    const ageBand = res.json().errors.find((e: { field: string }) => e.field === 'ageBand');
    expect(ageBand.message.it).toMatch(/^Riga 3, colonna «Fascia d'età»: «70-80» non è un valore ammesso/);
    expect(await incidentRows()).toBe(before);
    const unknownColumn = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: csvOf([
        [...HEADER, 'nome'],
        [...ROWS[0]!, 'Fatima'],
      ]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json().errors[0].message.it).toMatch(
      /^Riga 1 \(intestazioni\), colonna \w+: «nome»/,
    );
    const blankReference = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: csvOf([HEADER, ['', ...ROWS[0]!.slice(1)]]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(blankReference.statusCode).toBe(400);
    expect(blankReference.json().errors[0]).toMatchObject({
      field: 'survivorReference',
      message: {
        it: expect.stringMatching(/^Riga 2, colonna «Numero di registro del servizio»: la cella è vuota/),
      },
    });
    const drafts = await cav.request({
      method: 'POST',
      url: '/api/incidents/import',
      payload: csvOf([
        [...HEADER, 'status'],
        [...ROWS[0]!, 'draft'],
      ]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(drafts.statusCode).toBe(400);
    expect(await incidentRows()).toBe(before);
  });
});

function publishedNumbers(stats: TStatistics) {
  return stats.tables.flatMap((t) => [...t.cells.flat(), ...(t.rowTotals ?? []), ...t.columnTotals, t.total]);
}

describe('published statistics', () => {
  it('never show a count between 1 and k-1, in the dashboard, the CSV or the XLSX', async () => {
    const coordinator = await t.signIn('coordinatrice');
    {
      const k = 5;
      const stats = await statistics(coordinator);
      expect(stats.rule.k).toBe(k);
      const numbers = publishedNumbers(stats).filter((v): v is number => v !== null);
      expect(numbers.some((v) => v >= k)).toBe(true);
      expect(numbers.filter((v) => v > 0 && v < k)).toEqual([]);
      expect(publishedNumbers(stats).some((v) => v === null)).toBe(true);

      const csv = await coordinator.request({
        method: 'GET',
        url: `/api/observatory/statistics/export?format=csv&year=${YEAR}&layout=long`,
      });
      expect(csv.statusCode).toBe(200);
      // The analysts' file: one value a line, last; the notes before the header start with #.
      const values = csv.body
        .split('\r\n')
        .filter((line) => line && !line.startsWith('#'))
        .slice(1)
        .map((line) => line.split(';').at(-1)!);
      expect(values).toContain('riservato');
      expect(values).not.toContain(`< ${k}`);
      expect(values.filter((v) => /^\d+$/.test(v) && Number(v) > 0 && Number(v) < k)).toEqual([]);

      const xlsx = await coordinator.request({
        method: 'GET',
        url: `/api/observatory/statistics/export?format=xlsx&year=${YEAR}`,
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      let cells = 0;
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) => {
          row.eachCell((cell) => {
            expect(cell.formula).toBeUndefined();
            if (typeof cell.value === 'number') {
              cells += 1;
              expect(cell.value === 0 || cell.value >= k).toBe(true);
            }
          });
        });
      }
      expect(cells).toBeGreaterThan(0);
    }
  });

  it('shows both counted and suppressed cells on the demo data of this year', async () => {
    const coordinator = await t.signIn('coordinatrice');
    const res = await coordinator.request({ method: 'GET', url: '/api/observatory/statistics' });
    const stats = res.json() as TStatistics;
    expect(stats.year).toBe(new Date().getFullYear());
    const numbers = publishedNumbers(stats);
    expect(numbers.filter((v) => v === null).length).toBeGreaterThan(0);
    expect(numbers.filter((v) => v !== null && v >= 5).length).toBeGreaterThan(0);
    expect(numbers.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
  });

  it('takes no threshold from the request: one k for every output, so releases cannot be subtracted', async () => {
    const coordinator = await t.signIn('coordinatrice');
    const res = await coordinator.request({ method: 'GET', url: `/api/observatory/statistics?k=2` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.k');
  });

  it('neutralises text a spreadsheet would run as a formula', async () => {
    await t.database.db.execute(
      sql`update districts set name = '=HYPERLINK("http://x")' where code = 'ROMANO'`,
    );
    try {
      const coordinator = await t.signIn('coordinatrice');
      const csv = await coordinator.request({
        method: 'GET',
        url: `/api/observatory/statistics/export?format=csv&year=${YEAR}`,
      });
      expect(csv.body).toContain(`'=HYPERLINK`);
      expect(csv.body).not.toMatch(/(^|;)"?=HYPERLINK/m);
    } finally {
      await t.database.db.execute(
        sql`update districts set name = 'Ambito di Romano di Lombardia' where code = 'ROMANO'`,
      );
    }
  });

  it('keeps the counts equal to a recount from the incidents', async () => {
    const snapshot = () =>
      queryRows<{ key: string; count: number }>(
        t.database.db,
        sql`select concat_ws('|', year, table_key, row_category, column_category) as key, count
            from incident_counts where count <> 0 order by 1`,
      );
    const kept = await snapshot();
    await t.database.db.execute(sql`select observatory_rebuild_counts()`);
    expect(await snapshot()).toEqual(kept);
  });

  it('turns the published numbers into training findings that cite only shown cells', async () => {
    const trainer = await t.signIn('formatore');
    const res = await trainer.request({
      method: 'GET',
      url: `/api/observatory/training-report?year=${YEAR}`,
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const stats = await statistics(trainer);
    for (const finding of report.findings) {
      const table = stats.tables.find((tb) => tb.key === finding.evidence.table)!;
      const row = table.rows.indexOf(finding.evidence.row);
      const value =
        finding.evidence.column === 'total'
          ? table.rowTotals![row]
          : table.cells[row]![table.columns.indexOf(finding.evidence.column)];
      expect(value).toBe(finding.evidence.value);
      expect(finding.evidence.value).toBeGreaterThanOrEqual(5);
    }
  });
});
