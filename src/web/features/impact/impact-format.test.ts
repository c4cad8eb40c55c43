import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TImpactRow } from '../../../contracts/impact.js';
import {
  barWidth,
  formatImpactValue,
  formatLongDay,
  groupByKind,
  percentOf,
  workPackageName,
} from './impact-format.js';
import { impactTranslators } from './impact-translators.js';

let tIt: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ tIt, tEn } = await impactTranslators());
});

/** Intl may write a narrow or a normal no-break space: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const row = (over: Partial<TImpactRow>): TImpactRow => ({
  key: 'x.y',
  label: { it: 'Etichetta', en: 'Label' },
  workPackage: 'wp1',
  kind: 'context',
  unit: 'people',
  value: 1,
  error: null,
  target: null,
  targetSource: null,
  progress: null,
  projected: null,
  status: 'no_target',
  records: 1,
  ...over,
});

describe('impact values in words', () => {
  it('counts people, households, days and hours in Italian, singular and plural', () => {
    expect(formatImpactValue(12, 'people', 'it', tIt)).toBe('12 persone');
    expect(formatImpactValue(1, 'people', 'it', tIt)).toBe('1 persona');
    expect(formatImpactValue(5, 'households', 'it', tIt)).toBe('5 nuclei');
    expect(formatImpactValue(1, 'households', 'it', tIt)).toBe('1 nucleo');
    expect(formatImpactValue(14, 'days', 'it', tIt)).toBe('14 giorni');
    expect(formatImpactValue(14.25, 'days', 'it', tIt)).toBe('14,3 giorni');
    expect(formatImpactValue(120, 'hours', 'it', tIt)).toBe('120 ore');
    expect(formatImpactValue(1, 'hours', 'it', tIt)).toBe('1 ora');
  });

  it('counts them in English too', () => {
    expect(formatImpactValue(12, 'people', 'en', tEn)).toBe('12 people');
    expect(formatImpactValue(1, 'people', 'en', tEn)).toBe('1 person');
    expect(formatImpactValue(5, 'households', 'en', tEn)).toBe('5 households');
    expect(formatImpactValue(1200, 'hours', 'en', tEn)).toBe('1,200 hours');
  });

  it('writes records as a plain number, euros as currency and scores out of 5', () => {
    expect(formatImpactValue(1234, 'records', 'it', tIt)).toBe('1234');
    expect(formatImpactValue(12345, 'records', 'it', tIt)).toBe('12.345');
    expect(formatImpactValue(12345, 'records', 'en', tEn)).toBe('12,345');
    expect(plain(formatImpactValue(1200.5, 'euro', 'it', tIt))).toBe('1200,50 €');
    expect(plain(formatImpactValue(12000, 'euro', 'it', tIt))).toBe('12.000 €');
    expect(formatImpactValue(1200.5, 'euro', 'en', tEn)).toBe('€1,200.50');
    expect(formatImpactValue(4.2, 'score', 'it', tIt)).toBe('4,2 su 5');
    expect(formatImpactValue(4, 'score', 'en', tEn)).toBe('4.0 out of 5');
  });

  it('turns shares into percentages and bars that stay inside their track', () => {
    expect(percentOf(0.424)).toBe(42);
    expect(percentOf(1.3)).toBe(130);
    expect(barWidth(1.3)).toBe(100);
    expect(barWidth(-0.1)).toBe(0);
    expect(barWidth(0.5)).toBe(50);
  });

  it('names work packages and writes dates in words', () => {
    expect(workPackageName('wp2', 'it')).toBe('WP2 — Tutela minori');
    expect(workPackageName('wp2', 'en')).toBe('WP2 — Child protection');
    expect(formatLongDay('2028-12-31', 'it')).toBe('31 dicembre 2028');
    expect(formatLongDay('2026-01-01', 'en')).toBe('1 January 2026');
  });
});

describe('grouping by kind', () => {
  it('keeps the order the rows came in, within each kind', () => {
    const rows = [
      row({ key: 'a', kind: 'target', status: 'late' }),
      row({ key: 'b', kind: 'context' }),
      row({ key: 'c', kind: 'outcome' }),
      row({ key: 'd', kind: 'target', status: 'reached' }),
    ];
    const groups = groupByKind(rows);
    expect(groups.target.map((r) => r.key)).toEqual(['a', 'd']);
    expect(groups.outcome.map((r) => r.key)).toEqual(['c']);
    expect(groups.context.map((r) => r.key)).toEqual(['b']);
  });

  it('gives every kind a list, empty when no row has it', () => {
    expect(groupByKind([])).toEqual({ target: [], outcome: [], context: [] });
  });
});
