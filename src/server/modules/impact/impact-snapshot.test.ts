import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../platform/indicators/indicator.js';
import { lateChange, type MeasuredValue, reportRows } from './impact-snapshot.js';

/*
 * The rule of suppression of every report (issue 25, item 5; ADR 0032), as a property: whatever
 * the values, no average a report shows is over fewer than k records, and no count — a total of
 * the project, which differences of totals to a date would give anyway — is hidden.
 */
const K = 5;
const UNITS = ['people', 'households', 'records', 'days', 'hours', 'euro', 'score'] as const;
const COUNTS = new Set(['people', 'households', 'records']);
const AVERAGES = new Set(['days', 'score']);

const measuredArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  value: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  extra: fc.integer({ min: 0, max: 300 }),
  records: fc.integer({ min: 0, max: 40 }),
  late: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
});

type Item = typeof measuredArb extends fc.Arbitrary<infer T> ? T : never;

function rowsOf(items: Item[]) {
  const indicators: Indicator[] = items.map((m, i) => ({
    key: `test.i${i}`,
    label: { it: `i${i}`, en: `i${i}` },
    unit: m.unit,
    compute: async () => ({ value: null, recordIds: [] }),
  }));
  const measured: MeasuredValue[] = items.map((m, i) => ({
    key: `test.i${i}`,
    formulaVersion: 1,
    value: m.value,
    cumulative: m.value === null ? null : m.value + m.extra,
    records: m.records,
    cumulativeRecords: m.records + Math.floor(m.extra / 10),
    codes: [],
    error: null,
  }));
  const afterLock = new Map(
    items.flatMap((m, i) => (m.late ? [[`test.i${i}`, { period: '2026-q2', value: m.late }] as const] : [])),
  );
  return { items, measured, rows: reportRows({ indicators, measured, afterLock, k: K }) };
}

describe('report suppression', () => {
  it('never shows an average over fewer than k records; counts are shown exactly', () => {
    fc.assert(
      fc.property(fc.array(measuredArb, { maxLength: 30 }), (items) => {
        const { rows, measured } = rowsOf(items);
        rows.forEach((row, i) => {
          const m = measured[i]!;
          if (row.value !== null && AVERAGES.has(row.unit)) expect(m.records).toBeGreaterThanOrEqual(K);
          if (row.cumulative !== null && AVERAGES.has(row.unit))
            expect(m.cumulativeRecords).toBeGreaterThanOrEqual(K);
          // A count is a total of the project: never hidden, small ones included.
          if (COUNTS.has(row.unit)) expect([row.value, row.cumulative]).toEqual([m.value, m.cumulative]);
          // Hidden means null and flagged: one neutral mark, whatever the reason.
          if (row.valueHidden) expect(row.value).toBeNull();
          if (row.cumulativeHidden) expect(row.cumulative).toBeNull();
        });
      }),
    );
  });

  it('hides an average of the first period and its total to date alike (the same records)', () => {
    const { rows } = rowsOf([{ unit: 'days', value: 30, extra: 0, records: 3, late: null }]);
    expect(rows[0]).toMatchObject({
      value: null,
      valueHidden: true,
      cumulative: null,
      cumulativeHidden: true,
    });
    const counted = rowsOf([{ unit: 'households', value: 3, extra: 0, records: 3, late: 2 }]);
    expect(counted.rows[0]).toMatchObject({
      value: 3,
      cumulative: 3,
      afterLock: { period: '2026-q2', value: 2 },
    });
  });

  it('counts late records only for what adds up', () => {
    expect(lateChange('people', 12, 9)).toBe(3);
    expect(lateChange('people', 9, 9)).toBeNull();
    expect(lateChange('score', 4.2, 3.9)).toBeNull();
    expect(lateChange('days', 40, 30)).toBeNull();
    expect(lateChange('euro', null, 5)).toBeNull();
  });
});
