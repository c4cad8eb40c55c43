import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStatistics } from '../../src/contracts/observatory.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { hiddenIntervals } from './interval-audit.js';

/**
 * The observatory's disclosure control seen from outside: what an attacker can work out from
 * everything a dashboard publishes (all tables solved together), and what a year of fewer than
 * k incidents gives away. The demo incidents (src/server/modules/observatory/observatory.demo.ts) fill this year
 * and the last; 2018 gets this file's own few incidents.
 */
const K = 5;
const SMALL_YEAR = 2018;
const EMPTY_YEAR = 2017;
let t: TestApp;
let coordinator: Session;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn('coordinatrice');
});
afterAll(() => t.close());

async function statistics(year: number) {
  const res = await coordinator.request({ method: 'GET', url: `/api/observatory/statistics?year=${year}` });
  expect(res.statusCode).toBe(200);
  return res.json() as TStatistics;
}

/** Three survivors alike but for their district: one hidden non-zero cell per table, once. */
async function recordFewIncidents() {
  const cav = await t.signIn('operatrice.cav');
  for (const [i, municipality] of ['016219', '016219', '016183'].entries()) {
    const res = await cav.request({
      method: 'POST',
      url: '/api/incidents',
      payload: {
        status: 'recorded',
        survivorReference: `CAV-${SMALL_YEAR}/${i + 1}`,
        incidentMonth: `${SMALL_YEAR}-02`,
        age: 14,
        gender: 'female',
        citizenship: 'PK',
        yearsInItaly: '1_5',
        language: 'ur',
        interpreterNeeded: true,
        interpreterUsed: false,
        municipality,
        classification: { penetration: false, sexualContact: false, physicalAssault: true },
        forms: ['physical', 'psychological'],
        childrenPresent: false,
        childrenWitnessed: false,
        authorRelationship: 'parent',
        riskAssessment: { escalation: { now: 'present' } },
        referredBy: ['service'],
        referredByServices: ['school'],
        referredTo: [],
        servicesProvided: ['listening'],
        consentReporting: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe('a year with fewer than k incidents', () => {
  it('publishes only that it is under k: no table, in the dashboard, the CSV, the XLSX or the training report', async () => {
    await recordFewIncidents();
    for (const year of [SMALL_YEAR, EMPTY_YEAR]) {
      const stats = await statistics(year);
      expect(stats.underK).toBe(true);
      expect(stats.tables).toEqual([]);
      expect(stats.years).not.toContain(year);

      const csv = await coordinator.request({
        method: 'GET',
        url: `/api/observatory/statistics/export?format=csv&year=${year}`,
      });
      expect(csv.statusCode).toBe(200);
      const lines = csv.body.split('\r\n').filter(Boolean);
      // The privacy note only (title, intro, rule, "fewer than k", date): no table, nothing per district, month or age.
      expect(lines).toHaveLength(5);
      expect(lines[3]).toContain(`meno di ${K} episodi`);
      expect(csv.body).not.toMatch(/riservato;|;riservato/);
      const long = await coordinator.request({
        method: 'GET',
        url: `/api/observatory/statistics/export?format=csv&year=${year}&layout=long`,
      });
      // The analysts' file: its notes, then the header and no line of data.
      expect(long.body.split('\r\n').filter(Boolean).at(-1)).toMatch(/^Tabella;Codice tabella;/);

      const xlsx = await coordinator.request({
        method: 'GET',
        url: `/api/observatory/statistics/export?format=xlsx&year=${year}`,
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Nota sulla riservatezza']);

      const report = await coordinator.request({
        method: 'GET',
        url: `/api/observatory/training-report?year=${year}`,
      });
      expect(report.json().findings).toEqual([]);
      expect(report.json().total).toBeNull();
    }
    // 0 and 1..k−1 read the same: the answer never says that someone came this year.
    const { generatedAt: _a, ...empty } = await statistics(EMPTY_YEAR);
    const { generatedAt: _b, ...small } = await statistics(SMALL_YEAR);
    expect({ ...small, year: 0 }).toEqual({ ...empty, year: 0 });
  });
});

describe('hidden numbers of the demo dashboard, all tables solved together', () => {
  it('leave every hidden number at least k possible values, and none exactly recoverable', async () => {
    const thisYear = new Date().getFullYear();
    for (const year of [thisYear - 1, thisYear]) {
      const stats = await statistics(year);
      expect(stats.underK).toBe(false);
      // The survivors' table is solved with the rest: its own total, and at most the incidents.
      expect(stats.tables.find((tb) => tb.key === 'survivors')?.unit).toBe('survivors');
      const hidden = stats.tables.flatMap((tb) => tb.cells.flat()).filter((v) => v === null).length;
      expect(hidden).toBeGreaterThan(0);
      // A reader knows which group each country belongs to (Italy is Italian, Egypt a third country).
      const countries = await queryRows<{ code: string; eu_member: boolean }>(
        t.database.db,
        sql`select code, eu_member from countries`,
      );
      const countryGroup = new Map(
        countries.map((c) => [c.code, c.code === 'IT' ? 'italian' : c.eu_member ? 'eu' : 'third_country']),
      );
      const intervals = await hiddenIntervals(stats, countryGroup);
      const narrowest = intervals[0]!;
      console.log(
        `disclosure audit ${year}: ${intervals.length} hidden numbers; narrowest "${narrowest.name}" ` +
          `in [${narrowest.min}, ${narrowest.max}], ${narrowest.values} possible values (k = ${K})`,
      );
      expect(intervals.filter((i) => i.values <= 1).map((i) => i.name)).toEqual([]);
      expect(intervals.filter((i) => i.values < K).map((i) => `${i.name}: [${i.min}, ${i.max}]`)).toEqual([]);
    }
  });
});
