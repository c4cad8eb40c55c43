import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TExport, TExportKind } from '../../src/contracts/exports.js';
import type { TAddressRequest, TBudget, TRentRequest, TUnit } from '../../src/contracts/housing.js';
import type { TRole } from '../../src/contracts/roles.js';
import { buildApp } from '../../src/server/app.js';
import { DEMO_UNIT_ADDRESSES } from '../../src/server/modules/autonomy/autonomy-demo-data.js';
import { ROLE_PERMISSIONS } from '../../src/server/platform/access/permissions.js';
import type { RouteDeclaration } from '../../src/server/platform/access/route-access.js';
import { queryRows, sqlArray } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/*
 * Issue 20, "Done when": "a leak test that searches every export, list, log line and mail of the
 * demo run for the apartments' addresses and finds none". On the seeded demo, with the server's
 * log written to a buffer at its most verbose: the demo run (a family hosted, its adult written to
 * under her safe-contact rules, an apartment added, a request to see an address decided, rent
 * support asked, approved and paid, the addresses revealed by the housing coordinator after a
 * step-up); then, as every demo account in each of its memberships, every GET route the app
 * declares with the demo's real ids, the ledger's files, every platform export the account may run
 * and the research dataset. The reveals are the only answers that hold an address; no other
 * answer, log line, mail, export, audit event or job payload holds one, nor a street's name.
 */

const HOUSING = 'coordinatrice.abitare';
const TUTOR = 'tutor.autonomia';
const FINANCE = 'ragioneria';
const SAFE_MAIL = 'shabnam.rifugio@example.org';
/** An apartment the run adds: its address is searched for too. */
const NEW_ADDRESS = 'Via dei Tigli 9, Treviglio';
const ADDRESSES = [...DEMO_UNIT_ADDRESSES, NEW_ADDRESS];
/** The addresses, their street with the number, and the street's own name ("Glicini"), lower case. */
const NEEDLES = ADDRESSES.flatMap((a) => {
  const street = a.split(',')[0]!;
  return [a, street, street.replace(/^Via (de[il]|delle|degli|della) /, '').replace(/\s\d+$/, '')];
}).map((s) => s.toLowerCase());

const found = (text: string) => NEEDLES.filter((n) => text.toLowerCase().includes(n));

interface Answer {
  who: string;
  url: string;
  status: number;
  text: string;
}

let t: TestApp;
let declarations: RouteDeclaration[];
const logLines: string[] = [];
const answers: Answer[] = [];
const reveals: Answer[] = [];
const sessions = new Map<string, { session: Session; role: TRole; username: string }>();

beforeAll(async () => {
  // Whatever else writes to the console in the run is kept with the log.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logLines.push(args.map(String).join(' '));
    });
  t = await createTestApp({
    // The most verbose level pino has (the app's own setting goes to `debug`).
    logger: { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } },
  });
  const built = await buildApp({ deps: t.deps, serveWeb: false });
  declarations = built.declarations;
  await built.app.close();
  const memberships = await system<{ username: string; role: TRole }>(
    sql`select u.username, m.role from memberships m join users u on u.id = m.user_id
         where u.username = any (${sqlArray(t.accounts.map((a) => a.username))})
         order by u.username, m.created_at`,
  );
  const index = new Map<string, number>();
  for (const { username, role } of memberships) {
    const i = index.get(username) ?? 0;
    index.set(username, i + 1);
    sessions.set(i === 0 ? username : `${username}#${i}`, {
      session: await t.signIn(username, i),
      role,
      username,
    });
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
  vi.restoreAllMocks();
});

function system<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(t.database.db, query);
}

/** An answer's words: a spreadsheet's cells, else its body as text. */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').includes('spreadsheetml')) return res.body;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
  return cells.join('\n');
}

async function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await sessions.get(who)!.session.request({ method, url, ...(payload ? { payload } : {}) });
  answers.push({ who, url: `${method} ${url}`, status: res.statusCode, text: await textOf(res) });
  return res;
}
async function ok<T>(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await call(who, method, url, payload);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return (res.body ? res.json() : null) as T;
}

const romeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

/** The demo's records a route's `:id` names, by the route's path. */
async function demoIds() {
  const column = async (query: ReturnType<typeof sql>) =>
    (await system<{ id: string }>(query)).map((r) => r.id);
  const households = await column(
    sql`select household_id as id from autonomy_plans union select household_id from housing_occupancies`,
  );
  const [studies, plans, units, requests, people, cases, holders, users] = await Promise.all([
    column(sql`select id from studies`),
    column(sql`select id from autonomy_plans`),
    column(sql`select id from housing_units`),
    column(sql`select id from rent_requests`),
    column(
      sql`select id from people where household_id = any (${sqlArray(households, 'uuid')}) and position = 0`,
    ),
    column(sql`select origin_case_id as id from autonomy_plans where origin_case_id is not null`),
    column(sql`select distinct employer_holder_id as id from autonomy_job_placements limit 2`),
    column(sql`select id from users where username in (${HOUSING}, ${TUTOR}, ${FINANCE})`),
  ]);
  return [
    [/^\/api\/autonomy\/plans\/:id/, plans],
    [/^\/api\/housing\/units\/:id/, units],
    [/^\/api\/payments\/requests\/:id/, requests],
    [/^\/api\/households\/:id/, households],
    [/^\/api\/people\/:/, people],
    [/^\/api\/cases\/:id/, cases],
    [/^\/api\/community\/holders\/:id/, holders],
    [/^\/api\/users\/:id/, users],
    [/^\/api\/research\/studies\/:id/, studies],
  ] as [RegExp, string[]][];
}

/** Query strings that make a list or a file answer in full (the searches by the hosted families' names). */
const QUERIES: Record<string, string[]> = {
  '/api/autonomy/plans': ['?pageSize=100', '?status=closed&pageSize=100'],
  '/api/autonomy/plan-candidates': ['?q=Ahmadi', '?q=Okoro', '?q=Quispe'],
  '/api/households': ['?page=1', '?q=Ahmadi', '?q=Okoro', '?q=Quispe'],
  '/api/payments/ledger/export': ['?format=csv', '?format=xlsx'],
  '/api/research/studies/:id/export': ['?format=json', '?format=csv'],
  '/api/payments/requests': ['', '?status=paid', '?status=requested', '?status=approved'],
  '/api/audit/events': ['', '?action=housing.', '?action=payments.'],
};

describe('the apartments’ addresses in a demo run', () => {
  it('are in the housing coordinator’s reveals only: no other answer, log line, mail, export or audit event', async () => {
    const today = romeToday();
    const [ahmadi] = await system<{ code: string; person_id: string }>(
      sql`select h.code, p.id as person_id from autonomy_plans a join people p on p.id = a.person_id
            join households h on h.id = p.household_id where p.family_name = 'Ahmadi'`,
    );
    const units = (await ok<{ items: TUnit[] }>(HOUSING, 'GET', '/api/housing/units')).items;
    const quercia = units.find((u) => u.label === 'Alloggio Quercia')!;

    // ---- the demo run ----
    // The Ahmadi family moves into Quercia; its adult is written to at the address her rules name.
    await ok(TUTOR, 'PUT', `/api/people/${ahmadi!.person_id}/safety`, {
      safeContact: { channels: ['email'], email: SAFE_MAIL },
    });
    await ok(HOUSING, 'POST', `/api/housing/units/${quercia.id}/occupancies`, {
      householdCode: ahmadi!.code,
      people: 3,
      startsOn: today,
    });
    const added = await ok<TUnit>(HOUSING, 'POST', '/api/housing/units', {
      label: 'Alloggio Castagno',
      managingOrganisationId: quercia.managingOrganisation.id,
      capacity: 3,
      districtId: quercia.district.id,
      address: NEW_ADDRESS,
    });
    // Someone of the housing team asks to see an address once; a coordinator approves.
    const asked = await ok<TAddressRequest>(
      TUTOR,
      'POST',
      `/api/housing/units/${quercia.id}/address-requests`,
      {
        reason: 'Accompagnare la signora Ahmadi alla prima visita',
      },
    );
    await ok(HOUSING, 'POST', `/api/housing/address-requests/${asked.id}/decision`, {
      approve: true,
      note: null,
    });
    // Rent support for the family, asked by the coordinator, approved and paid by finance.
    const budget = (await ok<{ items: TBudget[] }>(HOUSING, 'GET', '/api/payments/budgets')).items[0]!;
    const rent = await ok<TRentRequest>(HOUSING, 'POST', '/api/payments/requests', {
      budgetId: budget.id,
      householdCode: ahmadi!.code,
      unitId: quercia.id,
      amountCents: 35_000,
      periodFrom: `${today.slice(0, 8)}01`,
      periodTo: today,
      payeeKind: 'partner',
      payeeOrganisationId: quercia.managingOrganisation.id,
      note: 'Prima mensilità nell’alloggio.',
    });
    await ok(FINANCE, 'POST', `/api/payments/requests/${rent.id}/approve`, {});
    await ok(FINANCE, 'POST', `/api/payments/requests/${rent.id}/pay`, {
      paidOn: today,
      reference: 'BON-LEAK-1',
    });

    // The coordinator sees each address after a step-up, with a reason: the only answers holding one.
    await system(
      sql`update sessions set step_up_at = now() where user_id = (select id from users where username = ${HOUSING})`,
    );
    for (const unit of [...units, added]) {
      const url = `/api/housing/units/${unit.id}/address/reveal`;
      const res = await sessions.get(HOUSING)!.session.request({
        method: 'POST',
        url,
        payload: { reason: 'Sopralluogo con il gestore' },
      });
      expect(res.statusCode, res.body).toBe(200);
      reveals.push({ who: HOUSING, url, status: 200, text: res.body });
    }
    expect(reveals.map((r) => (JSON.parse(r.text) as { address: string }).address).sort()).toEqual(
      [...ADDRESSES].sort(),
    );
    await t.runJobs();

    // ---- every platform export each account may run, approved by a second person where needed ----
    const runs: { who: string; id: string; kind: string }[] = [];
    for (const who of sessions.keys()) {
      for (const { kind } of await ok<TExportKind[]>(who, 'GET', '/api/exports/kinds')) {
        let res = await call(who, 'POST', '/api/exports', { kind, format: 'csv', params: {} });
        if (res.statusCode === 400)
          res = await call(who, 'POST', '/api/exports', {
            kind,
            format: 'csv',
            params: { year: Number(today.slice(0, 4)) },
          });
        expect(res.statusCode, `${who} export ${kind}: ${res.body}`).toBe(202);
        runs.push({ who, id: (res.json() as TExport).id, kind });
      }
    }
    for (const who of sessions.keys())
      for (const e of await ok<TExport[]>(who, 'GET', '/api/exports'))
        if (e.canDecide && e.state === 'awaiting_approval')
          await ok(who, 'POST', `/api/exports/${e.id}/decision`, { decision: 'approve' });
    await t.runJobs();
    // A bulk export of case data nobody else in the requester's service may approve stays waiting.
    const downloaded: string[] = [];
    const stuck: string[] = [];
    for (const { who, id } of runs) {
      const link = await call(who, 'POST', `/api/exports/${id}/download`);
      if (link.statusCode === 200) {
        const file = await call(who, 'GET', (link.json() as { url: string }).url);
        expect(file.statusCode).toBe(200);
        downloaded.push((await ok<TExport>(who, 'GET', `/api/exports/${id}`)).kind);
      } else {
        const run = await ok<TExport>(who, 'GET', `/api/exports/${id}`);
        if (run.state !== 'awaiting_approval') stuck.push(`${who}: ${JSON.stringify(run)}`);
      }
    }
    expect(stuck).toEqual([]);
    expect(new Set(downloaded)).toEqual(new Set(runs.map((r) => r.kind)));

    // ---- every GET route, as every account in each membership, with the demo's ids ----
    const ids = await demoIds();
    const gets = declarations.filter((d) => d.method === 'GET');
    const refused = new Set<string>();
    for (const [who, { role }] of sessions) {
      const holds = (access: string) =>
        ['public', 'session', 'authenticated'].includes(access) ||
        (ROLE_PERMISSIONS[role] as readonly string[]).includes(access);
      for (const d of gets) {
        // One's own exports only: nobody else's is readable (test/platform/exports.int.test.ts).
        const values = d.url.startsWith('/api/exports/:id')
          ? runs.filter((r) => r.who === who).map((r) => r.id)
          : (ids.find(([pattern]) => pattern.test(d.url))?.[1] ?? []);
        const firsts = d.url.includes(':') ? (values.length > 0 ? values : [randomUUID()]) : [''];
        // A role without the route's permission is refused at the door: once per role is enough.
        const refusedBefore = !holds(d.access) && refused.has(`${role} ${d.url}`);
        refused.add(`${role} ${d.url}`);
        if (refusedBefore) continue;
        for (const id of holds(d.access) ? firsts : firsts.slice(0, 1)) {
          const base = d.url
            .replace(/:(id|personId)\b/, id)
            .replace(/:[a-zA-Z]+/g, () => randomUUID())
            .replace('/*', '/index.html');
          for (const query of QUERIES[d.url] ?? ['']) await call(who, 'GET', `${base}${query}`);
        }
      }
    }
    await t.runJobs();
    await t.runJobs();

    // ---- the collection is real: lists, records and files answered, the mail sent, the log written ----
    const okAnswers = answers.filter((a) => a.status === 200);
    const answered = (pattern: RegExp) => okAnswers.filter((a) => pattern.test(a.url)).length;
    expect(okAnswers.length).toBeGreaterThan(1000);
    expect(answered(/^GET \/api\/housing\/units$/)).toBeGreaterThanOrEqual(2);
    expect(answered(/^GET \/api\/housing\/units\/[0-9a-f-]{36}$/)).toBeGreaterThanOrEqual(8);
    expect(answered(/^GET \/api\/autonomy\/plans\/[0-9a-f-]{36}$/)).toBeGreaterThanOrEqual(16);
    expect(answered(/^GET \/api\/payments\/requests\/[0-9a-f-]{36}$/)).toBeGreaterThanOrEqual(16);
    expect(answered(/^GET \/api\/payments\/ledger$/)).toBeGreaterThanOrEqual(2);
    expect(answered(/^GET \/api\/payments\/ledger\/export\?format=xlsx$/)).toBeGreaterThanOrEqual(2);
    expect(answered(/^GET \/api\/payments\/ledger\/export\?format=csv$/)).toBeGreaterThanOrEqual(2);
    expect(answered(/^GET \/api\/research\/studies\/[0-9a-f-]{36}\/export/)).toBeGreaterThanOrEqual(2);
    expect(answered(/^GET \/api\/housing\/address-requests$/)).toBeGreaterThanOrEqual(2);
    expect(answered(/^GET \/api\/households\?q=Ahmadi$/)).toBeGreaterThanOrEqual(2);
    expect(answered(/^GET \/api\/files\/download\//)).toBe(downloaded.length);
    // The ledger's files hold the new payment (the spreadsheet read cell by cell).
    for (const format of ['csv', 'xlsx'])
      expect(
        okAnswers.find((a) => a.who === FINANCE && a.url.endsWith(`/ledger/export?format=${format}`))?.text,
      ).toContain(ahmadi!.code);
    expect(t.mails.filter((m) => m.to === SAFE_MAIL)).toHaveLength(1);
    expect(logLines.length).toBeGreaterThan(answers.length);

    // ---- and none holds an address ----
    const leaks = [
      ...answers.map((a) => ({ where: `${a.who} ${a.url} (${a.status})`, hits: found(a.text) })),
      ...logLines.map((line, i) => ({ where: `log line ${i}: ${line.slice(0, 200)}`, hits: found(line) })),
      ...t.mails.map((m) => ({ where: `mail to ${m.to}`, hits: found(JSON.stringify(m)) })),
    ].filter((l) => l.hits.length > 0);
    expect(leaks).toEqual([]);
    const audit = await system<{ action: string; text: string }>(
      sql`select action, concat_ws(' ', purpose, details::text) as text from audit_events`,
    );
    expect(audit.filter((a) => found(a.text).length > 0)).toEqual([]);
    expect(audit.filter((a) => a.action === 'housing.address_revealed').length).toBe(reveals.length);
    const jobs = await system<{ data: string }>(sql`select data::text as data from pgboss.job`);
    expect(jobs.filter((j) => found(j.data).length > 0)).toEqual([]);
    // It walks every answer of the demo: about 70 s alone on two cores, four times that beside other runs.
  }, 480_000);
});
