import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  THoursReport,
  TMediationMode,
  TRequest,
  TStatement,
  WORK_PACKAGES,
} from '../../src/contracts/mediation.js';
import { MODULES } from '../../src/server/app.js';
import { indicatorsOf } from '../../src/server/platform/module.js';
import { COORD, mediationTestKit, ROMANO, TREVIGLIO, weekdayAt } from './support.js';

/**
 * Hours, cost and the monthly statements through the HTTP API: every total of the report, the
 * statement, its XLSX and its PDF is the sum of its lines and of the hours logged; the month is
 * Italy's (a mediation just after midnight on the 1st belongs to the new month, one just before
 * to the old); a cooperative's coordinator sees only their own, a requesting service's only its
 * requests; the indicators count the same mediations. The month is three months back, where the
 * demo's mediations (this month and the last) are not.
 */
const k = mediationTestKit();
const { t, call, ok, fields, system, newMediator, newRequest } = k;

const romeMonthOf = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' }).format(d);
/** A month `back` months before the current one (Italian time), as YYYY-MM. */
function monthsBack(back: number) {
  const [y, m] = romeMonthOf(new Date()).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
/** The instant whose Italian wall time is `date` `hour`:`minute`. */
function romeAt(date: string, hour: number, minute = 0) {
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(
      `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${offset}`,
    );
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Rome',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
    if (wall === `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`) return at;
  }
  throw new Error('no such wall time');
}

const MONTH = monthsBack(3);
const BEFORE = monthsBack(4);
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

type Coop = 'cerchio' | 'risorsa';
const COOP_NAMES: Record<Coop, string> = {
  cerchio: 'Cooperativa sociale Il Cerchio',
  risorsa: "Risorsa Sociale Gera d'Adda",
};
const RATES: Record<Coop, { inPersonCents: number; remoteCents: number; travelCentsPerKm: number }> = {
  cerchio: { inPersonCents: 3000, remoteCents: 2500, travelCentsPerKm: 50 },
  risorsa: { inPersonCents: 2800, remoteCents: 2200, travelCentsPerKm: 30 },
};

interface Planned {
  mediator: 'a1' | 'a2' | 'b1';
  language: 'tw' | 'ff';
  who: 'operatrice' | 'clinica';
  mode: TMediationMode;
  municipality: string | null;
  workPackage: (typeof WORK_PACKAGES)[number];
  /** Italian wall time of the mediation. */
  at: [date: string, hour: number, minute?: number];
  minutes: number;
  travelMinutes: number;
  travelKm: number;
  noShow?: boolean;
}

const COOP_OF = { a1: 'cerchio', a2: 'cerchio', b1: 'risorsa' } as const;
const LANGUAGE_OF = { a1: 'tw', a2: 'ff', b1: 'ff' } as const;
const planned = (
  mediator: Planned['mediator'],
  mode: TMediationMode,
  at: Planned['at'],
  rest: Partial<Omit<Planned, 'mediator' | 'mode' | 'at' | 'language'>> & { minutes: number },
): Planned => ({
  mediator,
  language: LANGUAGE_OF[mediator],
  who: 'operatrice',
  mode,
  municipality: null,
  workPackage: 'wp1',
  at,
  travelMinutes: 0,
  travelKm: 0,
  ...rest,
});
const PLAN: Planned[] = [
  // 00:30 on the 1st in Italy is still the previous day in UTC: it belongs to MONTH.
  planned('a1', 'video', [`${MONTH}-01`, 0, 30], { minutes: 40 }),
  planned('a1', 'in_person', [`${MONTH}-05`, 10], {
    municipality: TREVIGLIO,
    minutes: 90,
    travelMinutes: 30,
    travelKm: 12,
  }),
  planned('a1', 'phone', [`${MONTH}-06`, 11], { who: 'clinica', workPackage: 'wp2', minutes: 45 }),
  planned('a2', 'in_person', [`${MONTH}-12`, 9], {
    municipality: ROMANO,
    minutes: 30,
    travelMinutes: 20,
    travelKm: 8.5,
    noShow: true,
  }),
  planned('b1', 'in_person', [`${MONTH}-07`, 15], {
    who: 'clinica',
    municipality: TREVIGLIO,
    workPackage: 'wp3',
    minutes: 60,
    travelMinutes: 15,
    travelKm: 7.3,
  }),
  planned('b1', 'video', [`${MONTH}-14`, 16], { minutes: 75 }),
  // 23:30 on the last day of the month before, in Italy: not in MONTH, though UTC has the same day.
  planned('a2', 'phone', [lastDayOf(BEFORE), 23, 30], { minutes: 50 }),
];
const inMonth = PLAN.slice(0, -1);

const costOf = (p: Planned) => {
  const rate = RATES[COOP_OF[p.mediator]];
  const hourly = p.mode === 'in_person' ? rate.inPersonCents : rate.remoteCents;
  return Math.round(((p.minutes + p.travelMinutes) * hourly) / 60 + p.travelKm * rate.travelCentsPerKm);
};
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

const mediators = {} as Record<Planned['mediator'], { id: string; username: string; name: string }>;
const organisations = {} as Record<Coop, string>;
const logged: { plan: Planned; request: TRequest; assignmentId: string }[] = [];
let districtNames: Record<'TREVIGLIO' | 'ROMANO', string>;

/** Asks, assigns, confirms, moves the mediation to the planned time in the past, and logs its hours. */
async function mediate(plan: Planned, i: number) {
  const mediator = mediators[plan.mediator];
  const request = await newRequest(
    {
      language: plan.language,
      startsAt: weekdayAt(2 + i, 8 + i),
      mode: plan.mode,
      municipality: plan.municipality,
      place: plan.municipality ? 'Sala colloqui' : null,
      workPackage: plan.workPackage,
    },
    plan.who,
  );
  const assigned = await ok<TRequest>(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, {
    mediatorId: mediator.id,
  });
  const assignmentId = assigned.assignment!.id;
  await ok(mediator.username, 'POST', `/api/mediation/my/assignments/${assignmentId}/confirm`, {});
  const startsAt = romeAt(plan.at[0], plan.at[1], plan.at[2] ?? 0).toISOString();
  await system(
    sql`update mediation_requests set starts_at = ${startsAt}::timestamptz, ends_at = ${startsAt}::timestamptz + interval '1 hour'
         where id = ${request.id}`,
  );
  await system(
    sql`update mediation_assignments set starts_at = ${startsAt}::timestamptz, ends_at = ${startsAt}::timestamptz + interval '1 hour'
         where id = ${assignmentId}`,
  );
  await ok(mediator.username, 'POST', `/api/mediation/my/assignments/${assignmentId}/hours`, {
    actualMinutes: plan.minutes,
    travelMinutes: plan.travelMinutes,
    travelKm: plan.travelKm,
    noShow: plan.noShow ?? false,
  });
  logged.push({ plan, request, assignmentId });
}

beforeAll(async () => {
  for (const coop of ['cerchio', 'risorsa'] as const) {
    organisations[coop] = await k.organisationId(COOP_NAMES[coop]);
    await ok(COORD, 'POST', `/api/mediation/organisations/${organisations[coop]}/rates`, {
      ...RATES[coop],
      validFrom: `${BEFORE}-01`,
    });
  }
  const speaks = (language: string) => [{ language, level: 'native' as const, written: false }];
  for (const [key, coop, language] of [
    ['a1', 'cerchio', 'tw'],
    ['a2', 'cerchio', 'ff'],
    ['b1', 'risorsa', 'ff'],
  ] as const) {
    const { username, mediator } = await newMediator({
      organisationId: organisations[coop],
      languages: speaks(language),
      municipalities: [TREVIGLIO, ROMANO],
    });
    mediators[key] = { id: mediator.id, username, name: `Mediatore ${username}` };
  }
  for (const [i, plan] of PLAN.entries()) await mediate(plan, i);
  const districts = await system<{ code: 'TREVIGLIO' | 'ROMANO'; name: string }>(
    sql`select code, name from districts where code in ('TREVIGLIO', 'ROMANO')`,
  );
  districtNames = Object.fromEntries(districts.map((d) => [d.code, d.name])) as typeof districtNames;
}, 120_000);

const hours = (who: string, month = MONTH) =>
  ok<THoursReport>(who, 'GET', `/api/mediation/hours?month=${month}`);
const rowOf = (rows: THoursReport['byMediator'], key: string) => rows.find((r) => r.key === key);
const GROUPINGS = [
  'byMediator',
  'byLanguage',
  'byService',
  'byDistrict',
  'byWorkPackage',
  'byOrganisation',
] as const;

function expectReconciled(report: THoursReport) {
  for (const grouping of GROUPINGS) {
    expect(sum(report[grouping].map((r) => r.minutes)), grouping).toBe(report.totalMinutes);
    expect(sum(report[grouping].map((r) => r.costCents)), grouping).toBe(report.totalCostCents);
    for (const row of report[grouping]) {
      expect(Number.isInteger(row.minutes) && Number.isInteger(row.costCents)).toBe(true);
      expect(row.label).not.toBe('');
    }
  }
}

describe('hours report', () => {
  it('gives the mediation coordinator every line, with totals that reconcile with the lines and the hours logged', async () => {
    const report = await hours(COORD);
    expectReconciled(report);
    expect(report.totalMinutes).toBe(sum(inMonth.map((p) => p.minutes)));
    expect(report.totalCostCents).toBe(sum(inMonth.map(costOf)));
    // The database's own sum of the assignments logged in the month agrees, cost as fixed when logged.
    const [db] = await system<{ minutes: number; cost: number }>(
      sql`select coalesce(sum(actual_minutes), 0)::int as minutes, coalesce(sum(cost_cents), 0)::int as cost
            from mediation_assignments where status in ('completed', 'no_show')
             and to_char(starts_at at time zone 'Europe/Rome', 'YYYY-MM') = ${MONTH}`,
    );
    expect(report.totalMinutes).toBe(db!.minutes);
    expect(report.totalCostCents).toBe(db!.cost);

    const of = (m: Planned['mediator']) => inMonth.filter((p) => p.mediator === m);
    for (const m of ['a1', 'a2', 'b1'] as const)
      expect(rowOf(report.byMediator, mediators[m].id)).toEqual({
        key: mediators[m].id,
        label: mediators[m].name,
        minutes: sum(of(m).map((p) => p.minutes)),
        costCents: sum(of(m).map(costOf)),
        assignments: of(m).length,
      });
    // The no-show is paid (waiting and travel) and counted.
    expect(rowOf(report.byMediator, mediators.a2.id)?.costCents).toBeGreaterThan(0);
    expect(rowOf(report.byLanguage, 'tw')).toMatchObject({ label: 'Twi', minutes: 175, assignments: 3 });
    expect(rowOf(report.byLanguage, 'ff')).toMatchObject({ label: 'Fula', minutes: 165, assignments: 3 });
    expect(report.byWorkPackage.map((r) => r.label)).toEqual(['WP1', 'WP2', 'WP3']);
    expect(report.byOrganisation.map((r) => r.label).sort()).toEqual(
      [COOP_NAMES.cerchio, COOP_NAMES.risorsa].sort(),
    );
    // In person: the comune's district; at a distance: the requesting service's.
    const romano = report.byDistrict.find((r) => r.label === districtNames.ROMANO);
    expect(romano).toMatchObject({ minutes: 30, assignments: 1 });
    const treviglio = report.byDistrict.find((r) => r.label === districtNames.TREVIGLIO);
    expect(treviglio?.assignments).toBe(inMonth.length - 1);
    expect(report.byService.map((r) => r.label).sort()).toEqual(
      ['Tutela Minori — Ambito di Treviglio', 'Équipe etnoclinica'].sort(),
    );
    // Italy's month: the mediation at 23:30 on the last day of the month before is there, not here.
    const before = await hours(COORD, BEFORE);
    expect(rowOf(before.byMediator, mediators.a2.id)).toMatchObject({ minutes: 50, assignments: 1 });
  });

  it('shows a cooperative’s coordinator their own mediators, a requesting service’s coordinator its requests', async () => {
    const own = await hours('coordinatrice'); // Risorsa Sociale
    expectReconciled(own);
    const risorsa = inMonth.filter((p) => COOP_OF[p.mediator] === 'risorsa');
    expect(own.byMediator.map((r) => r.key)).toEqual([mediators.b1.id]);
    expect(own.byOrganisation.map((r) => r.label)).toEqual([COOP_NAMES.risorsa]);
    expect(own.totalMinutes).toBe(sum(risorsa.map((p) => p.minutes)));
    expect(own.totalCostCents).toBe(sum(risorsa.map(costOf)));

    // The coordinator of the Équipe etnoclinica (Il Cerchio): Il Cerchio's mediators, and the
    // Équipe's requests whoever mediated them — not Risorsa's mediation for another service.
    const supervisora = await hours('supervisora');
    expectReconciled(supervisora);
    const seen = inMonth.filter((p) => COOP_OF[p.mediator] === 'cerchio' || p.who === 'clinica');
    expect(supervisora.totalMinutes).toBe(sum(seen.map((p) => p.minutes)));
    expect(supervisora.totalCostCents).toBe(sum(seen.map(costOf)));
    expect(rowOf(supervisora.byMediator, mediators.b1.id)?.assignments).toBe(1);
  });

  it('refuses practitioners and mediators, and names a bad month', async () => {
    expect((await call('operatrice', 'GET', `/api/mediation/hours?month=${MONTH}`)).statusCode).toBe(403);
    expect((await call('clinica', 'GET', `/api/mediation/hours?month=${MONTH}`)).statusCode).toBe(403);
    expect((await call(mediators.a1.username, 'GET', `/api/mediation/hours?month=${MONTH}`)).statusCode).toBe(
      403,
    );
    for (const month of ['2026-13', '2026-1', 'agosto', monthsBack(-1), monthsBack(25)]) {
      const res = await call(COORD, 'GET', `/api/mediation/hours?month=${encodeURIComponent(month)}`);
      expect(res.statusCode, month).toBe(400);
      expect(fields(res), month).toEqual(['querystring.month']);
    }
    const missing = await call(COORD, 'GET', '/api/mediation/hours');
    expect(fields(missing)).toEqual(['querystring.month']);
    const italian = await call(COORD, 'GET', '/api/mediation/hours?month=2026-13');
    expect(JSON.stringify(italian.json())).toContain('un mese nel formato AAAA-MM');
  });
});

describe('monthly statement', () => {
  const statementOf = (who: string, coop: Coop) =>
    call(who, 'GET', `/api/mediation/statements/${organisations[coop]}?month=${MONTH}`);

  it('lists a cooperative’s mediations by date, with totals that are the sums of the lines', async () => {
    const statement = (await statementOf(COORD, 'cerchio')).json() as TStatement;
    const byDate = inMonth
      .filter((p) => COOP_OF[p.mediator] === 'cerchio')
      .sort((a, b) => romeAt(...a.at).getTime() - romeAt(...b.at).getTime());
    expect(statement.organisationName).toBe(COOP_NAMES.cerchio);
    expect(statement.lines.map((l) => l.date)).toEqual(byDate.map((p) => p.at[0]));
    expect(statement.lines.map((l) => l.costCents)).toEqual(byDate.map(costOf));
    expect(statement.lines.map((l) => l.noShow)).toEqual(byDate.map((p) => p.noShow ?? false));
    expect(statement.lines[0]).toMatchObject({
      language: 'Twi',
      mode: 'video',
      serviceName: 'Tutela Minori — Ambito di Treviglio',
      hourlyCents: RATES.cerchio.remoteCents,
      travelCentsPerKm: RATES.cerchio.travelCentsPerKm,
    });
    expect(statement.totalMinutes).toBe(sum(statement.lines.map((l) => l.minutes)));
    expect(statement.totalCostCents).toBe(sum(statement.lines.map((l) => l.costCents)));
    expect(statement.totalTravelKm).toBe(20.5);
    const codes = logged.filter((l) => COOP_OF[l.plan.mediator] === 'cerchio').map((l) => l.request.code);
    for (const line of statement.lines) expect(codes).toContain(line.requestCode);
  });

  it('is read by the mediation coordinator and the cooperative’s own coordinator only', async () => {
    expect((await statementOf('coordinatrice', 'risorsa')).statusCode).toBe(200);
    expect((await statementOf('coordinatrice', 'cerchio')).statusCode).toBe(403);
    expect((await statementOf('supervisora', 'cerchio')).statusCode).toBe(200);
    expect((await statementOf('operatrice', 'cerchio')).statusCode).toBe(403);
    const unknown = await call(
      COORD,
      'GET',
      `/api/mediation/statements/00000000-0000-4000-8000-000000000000?month=${MONTH}`,
    );
    expect(unknown.statusCode).toBe(404);
    const [audited] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events
           where action = 'mediation.statement_read' and record_id = ${organisations.risorsa}`,
    );
    expect(audited!.n).toBeGreaterThanOrEqual(1);
  });

  it('downloads as XLSX that reads back with the same lines and total', async () => {
    const statement = (await statementOf(COORD, 'cerchio')).json() as TStatement;
    const res = await call(
      COORD,
      'GET',
      `/api/mediation/statements/${organisations.cerchio}/xlsx?month=${MONTH}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="rendiconto-mediazioni-cooperativa-sociale-il-cerchio-${MONTH}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Rendiconto mensile delle mediazioni']);
    expect(String(rows[1]?.[0])).toContain(COOP_NAMES.cerchio);
    const headerAt = rows.findIndex((r) => r[0] === 'Data');
    const totalAt = rows.findIndex((r) => r[0] === 'Totale');
    const lines = rows.slice(headerAt + 1, totalAt);
    expect(lines).toHaveLength(statement.lines.length);
    expect(lines.map((r) => r[1])).toEqual(statement.lines.map((l) => l.requestCode));
    expect(lines.map((r) => r[5])).toEqual(['Video', 'In presenza', 'Telefono', 'In presenza']);
    expect(lines.map((r) => r[6])).toEqual(['Svolta', 'Svolta', 'Svolta', 'Assente']);
    expect(sum(lines.map((r) => Math.round(Number(r[12]) * 100)))).toBe(statement.totalCostCents);
    expect(Math.round(Number(rows[totalAt]![12]) * 100)).toBe(statement.totalCostCents);
    expect(rows[totalAt]![7]).toBe(statement.totalMinutes);
    expect(sheet.getColumn(13).numFmt).toContain('€');
  });

  it('prints as a PDF that shows the cooperative, the month in words and the total in euro', async () => {
    const statement = (await statementOf(COORD, 'cerchio')).json() as TStatement;
    const dir = mkdtempSync(join(tmpdir(), 'statement-'));
    try {
      const text = async (lang: string) => {
        const res = await call(
          COORD,
          'GET',
          `/api/mediation/statements/${organisations.cerchio}/pdf?month=${MONTH}&lang=${lang}`,
        );
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        const file = join(dir, `${lang}.pdf`);
        writeFileSync(file, res.rawPayload);
        return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      };
      const euros = Math.trunc(statement.totalCostCents / 100);
      const cents = String(statement.totalCostCents % 100).padStart(2, '0');
      const italian = await text('it');
      expect(italian).toContain('Rendiconto mensile delle mediazioni');
      expect(italian).toContain(COOP_NAMES.cerchio);
      const monthName = new Intl.DateTimeFormat('it-IT', { month: 'long', timeZone: 'UTC' }).format(
        new Date(`${MONTH}-01T00:00:00Z`),
      );
      expect(italian).toContain(`${monthName} ${MONTH.slice(0, 4)}`);
      expect(italian).toMatch(new RegExp(`Totale.*€ ${euros},${cents}`));
      expect(italian).toContain('Assente');
      expect(italian).toContain('In presenza');
      for (const line of statement.lines) expect(italian).toContain(line.requestCode);
      const english = await text('en');
      expect(english).toContain('Monthly statement of mediations');
      expect(english).toMatch(new RegExp(`Total.*€${euros}\\.${cents}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('indicators', () => {
  const indicator = (key: string) => {
    const found = indicatorsOf(MODULES).find((i) => i.key === key);
    if (!found) throw new Error(`no indicator ${key}`);
    return found;
  };
  const compute = (key: string, period: { from: string; to: string }) =>
    indicator(key).compute({ on: t.database.db, keyring: t.deps.keyring, period });
  const month = { from: `${MONTH}-01`, to: lastDayOf(MONTH) };

  it('count the hours, the languages of mediations held and the requests nobody could take', async () => {
    const codes = (filter: (p: Planned) => boolean) =>
      logged
        .filter((l) => inMonth.includes(l.plan) && filter(l.plan))
        .map((l) => l.request.code)
        .sort();
    const report = await hours(COORD);
    const hoursValue = await compute('mediation.hours', month);
    expect(hoursValue.value).toBe(Math.round((report.totalMinutes / 60) * 100) / 100);
    expect(hoursValue.recordIds).toEqual(codes(() => true));
    for (const code of hoursValue.recordIds) expect(code).toMatch(/^M-[2-9A-HJ-NP-Z]{6}$/);

    const languages = await compute('mediation.languages_covered', month);
    expect(languages.value).toBe(2);
    // The no-show is not a language covered.
    expect(languages.recordIds).toEqual(codes((p) => !p.noShow));

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const before = await compute('mediation.unmatched_requests', { from: today, to: today });
    const nobody = await newRequest({ language: 'pcm' });
    expect(nobody.unmatched).toBe(true);
    const after = await compute('mediation.unmatched_requests', { from: today, to: today });
    expect(after.value).toBe(before.value! + 1);
    expect(after.recordIds).toContain(nobody.code);
    const inTheMonth = await compute('mediation.unmatched_requests', month);
    expect(inTheMonth.recordIds).not.toContain(nobody.code);
  });
});
