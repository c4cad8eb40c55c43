import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodOfKey, type ReportingPeriod } from '../../../contracts/impact-periods.js';
import { impactTranslators } from './impact-translators.js';
import {
  groupPeriodsByKind,
  periodDates,
  periodName,
  periodTiming,
  reportFileUrl,
  romeToday,
  shortHash,
} from './period-format.js';

let tIt: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ tIt, tEn } = await impactTranslators());
});

const period = (key: string): ReportingPeriod => {
  const found = periodOfKey(key);
  if (!found) throw new Error(`no period ${key}`);
  return found;
};

describe('periods in words', () => {
  it('names a quarter with its dates, in Italian and in English', () => {
    expect(periodName(period('2026-q3'), tIt, 'it')).toBe('3º trimestre 2026 (1 luglio – 30 settembre 2026)');
    expect(periodName(period('2026-q3'), tEn, 'en')).toBe('Q3 2026 (1 July – 30 September 2026)');
    expect(periodName(period('2027-q1'), tIt, 'it')).toBe('1º trimestre 2027 (1 gennaio – 31 marzo 2027)');
  });

  it('names semesters, years and the whole project', () => {
    expect(periodName(period('2026-h2'), tIt, 'it')).toBe('2º semestre 2026');
    expect(periodName(period('2026-h2'), tEn, 'en')).toBe('H2 2026');
    expect(periodName(period('2026'), tIt, 'it')).toBe('Anno 2026');
    expect(periodName(period('2026'), tEn, 'en')).toBe('Year 2026');
    expect(periodName(period('project'), tIt, 'it')).toBe('Intero progetto');
    expect(periodName(period('project'), tEn, 'en')).toBe('Whole project');
  });

  it('writes the dates, with the first year only when the years differ', () => {
    expect(periodDates(period('2026-h2'), 'it')).toBe('1 luglio – 31 dicembre 2026');
    expect(periodDates(period('project'), 'it')).toBe('1 gennaio 2026 – 31 dicembre 2028');
    expect(periodDates(period('project'), 'en')).toBe('1 January 2026 – 31 December 2028');
  });

  it('has every status and history action in both languages', () => {
    for (const t of [tIt, tEn]) {
      for (const status of ['open', 'submitted', 'locked'])
        expect(t(`impact.periods.status.${status}`)).not.toContain('impact.');
      for (const action of ['submitted', 'returned', 'locked', 'unlocked'])
        expect(t(`impact.periods.history.actions.${action}`)).not.toContain('impact.');
    }
    expect(tIt('impact.periods.history.actions.locked')).toBe('Approvato e chiuso');
    expect(tIt('impact.periods.status.submitted')).toBe('Inviato per l’approvazione');
  });
});

describe('timing, grouping and files', () => {
  it('tells a period not begun from one under way; the server says when one is over', () => {
    const q3 = { from: '2026-07-01', ended: false };
    expect(periodTiming(q3, '2026-06-30')).toBe('future');
    expect(periodTiming(q3, '2026-07-01')).toBe('current');
    expect(periodTiming({ ...q3, ended: true }, '2026-07-01')).toBe('ended');
  });

  it('reads today in Rome, not in UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in Rome (summer time, UTC+2).
    expect(romeToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('groups by kind in the contract’s order, keeping each kind’s order and leaving out empty kinds', () => {
    const groups = groupPeriodsByKind([
      { key: '2026-q1', kind: 'quarter' as const },
      { key: '2026', kind: 'year' as const },
      { key: '2026-q2', kind: 'quarter' as const },
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['quarter', 'year']);
    expect(groups[0]?.periods.map((p) => p.key)).toEqual(['2026-q1', '2026-q2']);
  });

  it('shortens fingerprints and builds the files’ addresses', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab');
    expect(reportFileUrl('4b1c0d2e-0000-4000-8000-000000000000', 'pdf', 'en')).toBe(
      '/api/impact/reports/4b1c0d2e-0000-4000-8000-000000000000/file?format=pdf&lang=en',
    );
  });
});
