import { describe, expect, it } from 'vitest';
import { deriveDeadlines, nextReportDue, orderEndsOn } from './court-deadlines.js';
import { endOfRomeDay } from './rome-time.js';

const byKind = (list: ReturnType<typeof deriveDeadlines>) =>
  Object.fromEntries(list.map((d) => [d.kind, d.dueAt.toISOString()]));

describe('deadlines derived from a court order', () => {
  it('a 5-bis decree: worker in 15 days, a report every six months at most, the end after its duration', () => {
    const d = byKind(
      deriveDeadlines({ kind: 'placement_5bis', decidedOn: '2026-01-31', durationMonths: 24 }),
    );
    // 15 calendar days, at the end of the day in Rome (winter: UTC+1).
    expect(d.responsible_worker).toBe('2026-02-15T22:59:59.999Z');
    // Six months from 31 January is 31 July (summer time: UTC+2).
    expect(d.report).toBe('2026-07-31T21:59:59.999Z');
    expect(d.expiry).toBe('2028-01-31T22:59:59.999Z');
  });

  it('a month without the day clamps to its last day, and an order asking more often is followed', () => {
    expect(
      nextReportDue(
        { kind: 'placement_5bis', decidedOn: '2026-08-31', durationMonths: 24 },
        null,
      )?.toISOString(),
    ).toBe('2027-02-28T22:59:59.999Z');
    const d = byKind(
      deriveDeadlines({
        kind: 'placement_5bis',
        decidedOn: '2026-03-10',
        durationMonths: 12,
        reportEveryMonths: 3,
      }),
    );
    expect(d.report).toBe('2026-06-10T21:59:59.999Z');
  });

  it('the interval never exceeds six months, and the next report runs from the last one sent', () => {
    const terms = {
      kind: 'placement_5bis' as const,
      decidedOn: '2026-01-10',
      durationMonths: 24,
      reportEveryMonths: 6,
    };
    expect(nextReportDue(terms, '2026-05-02')?.toISOString()).toBe('2026-11-02T22:59:59.999Z');
    expect(nextReportDue({ ...terms, reportEveryMonths: 12 }, null)?.toISOString()).toBe(
      '2026-07-10T21:59:59.999Z',
    );
  });

  it('no report is scheduled after the order ends', () => {
    const terms = {
      kind: 'prescriptions' as const,
      decidedOn: '2026-01-10',
      durationMonths: 6,
      reportEveryMonths: 4,
    };
    expect(orderEndsOn(terms)).toBe('2026-07-10');
    expect(nextReportDue(terms, '2026-05-10')).toBeNull();
    expect(nextReportDue(terms, null)?.toISOString()).toBe('2026-05-10T21:59:59.999Z');
  });

  it('an art. 403 removal: 24 hours to the prosecutor, 72 more to the request, 48 more to the court', () => {
    const d = byKind(
      deriveDeadlines({
        kind: 'removal_403',
        decidedOn: '2026-11-27',
        removalAt: '2026-11-27T18:30:00+01:00',
      }),
    );
    expect(d.pm_notice).toBe('2026-11-28T17:30:00.000Z');
    expect(d.validation_request).toBe('2026-12-01T17:30:00.000Z');
    expect(d.validation_decision).toBe('2026-12-03T17:30:00.000Z');
    expect(d.report).toBeUndefined();
    expect(d.expiry).toBeUndefined();
  });

  it('an order that sets nothing sets no deadline', () => {
    expect(deriveDeadlines({ kind: 'urgent_measures', decidedOn: '2026-02-01' })).toEqual([]);
  });

  it('the end of a Rome day crosses the change to summer time correctly', () => {
    expect(endOfRomeDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfRomeDay('2026-03-28').toISOString()).toBe('2026-03-28T22:59:59.999Z');
  });
});
