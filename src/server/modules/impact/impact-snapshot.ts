import { IMPACT_REGISTRY, PROJECT_PERIOD } from '../../../contracts/impact.js';
import type { ReportingPeriod, TReportRow } from '../../../contracts/impact-periods.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import type { Queryable } from '../../platform/db/client.js';
import { sliceUnderK } from '../../platform/disclosure/disclosure.js';
import type { Indicator } from '../../platform/indicators/indicator.js';
import { inSavepoint, reasonOf } from './impact-values.js';

/**
 * A period's values as a report freezes them (issue 25, items 3–5): each indicator computed by
 * its module's function over the period and over the project up to the period's end, with the
 * formula's version and the pseudonymous codes counted; then the report's rows, with the rule of
 * suppression applied — the project's totals exact (the promises every partner knows), every
 * breakdown of a count under k and every average over fewer than k records hidden.
 */

export interface MeasuredValue {
  key: string;
  formulaVersion: number;
  value: number | null;
  cumulative: number | null;
  /** Records counted within the period, and up to its end (for averages' disclosure). */
  records: number;
  cumulativeRecords: number;
  codes: string[];
  error: string | null;
}

/** Averages: hidden when computed over fewer than k records; never added up. */
const AVERAGES = new Set<Indicator['unit']>(['days', 'score']);

export const versionOf = (indicator: Indicator) => indicator.version ?? 1;

export async function measurePeriod({
  indicators,
  on,
  period,
  keyring,
}: {
  indicators: readonly Indicator[];
  on: Queryable;
  period: ReportingPeriod;
  keyring: Keyring;
}): Promise<MeasuredValue[]> {
  const measured: MeasuredValue[] = [];
  const upToEnd = { from: PROJECT_PERIOD.from, to: period.to };
  // One after the other: the functions share the connection they are given.
  for (const indicator of indicators) {
    const row: MeasuredValue = {
      key: indicator.key,
      formulaVersion: versionOf(indicator),
      value: null,
      cumulative: null,
      records: 0,
      cumulativeRecords: 0,
      codes: [],
      error: null,
    };
    try {
      const within = await inSavepoint(on, () =>
        indicator.compute({ on, period: { from: period.from, to: period.to }, keyring }),
      );
      const total =
        period.from === PROJECT_PERIOD.from
          ? within
          : await inSavepoint(on, () => indicator.compute({ on, period: upToEnd, keyring }));
      Object.assign(row, {
        value: within.value,
        cumulative: total.value,
        records: within.recordIds.length,
        cumulativeRecords: total.recordIds.length,
        codes: within.recordIds,
      });
    } catch (error) {
      row.error = reasonOf(error);
    }
    measured.push(row);
  }
  return measured;
}

/** Whether a figure may be shown: anything but an average over fewer than k records. */
function shown(unit: Indicator['unit'], value: number | null, records: number, k: number): boolean {
  if (value === null || !AVERAGES.has(unit)) return true;
  return !sliceUnderK({ population: records, k });
}

/** What the previous period's lock missed: now minus frozen, for what adds up. */
export function lateChange(
  unit: Indicator['unit'],
  now: number | null,
  frozen: number | null,
): number | null {
  if (AVERAGES.has(unit) || now === null || frozen === null || now === frozen) return null;
  return now - frozen;
}

export function reportRows({
  indicators,
  measured,
  afterLock,
  k,
}: {
  indicators: readonly Indicator[];
  measured: readonly MeasuredValue[];
  afterLock: ReadonlyMap<string, { period: string; value: number }>;
  k: number;
}): TReportRow[] {
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  return measured.flatMap((m) => {
    const indicator = byKey.get(m.key);
    if (!indicator) return [];
    const placed = IMPACT_REGISTRY[m.key];
    const target = placed?.kind === 'target' ? (placed.target?.value ?? null) : null;
    const valueShown = shown(indicator.unit, m.value, m.records, k);
    const cumulativeShown = shown(indicator.unit, m.cumulative, m.cumulativeRecords, k);
    const late = afterLock.get(m.key);
    return [
      {
        key: m.key,
        label: indicator.label,
        workPackage: placed?.workPackage ?? 'wp6',
        kind: placed?.kind ?? 'context',
        unit: indicator.unit,
        formulaVersion: m.formulaVersion,
        value: valueShown ? m.value : null,
        valueHidden: !valueShown,
        cumulative: cumulativeShown ? m.cumulative : null,
        cumulativeHidden: !cumulativeShown,
        target,
        targetSource: target === null ? null : (placed?.target?.source ?? null),
        progress: target && m.cumulative !== null ? m.cumulative / target : null,
        error: m.error,
        // Only counts and sums change after a lock (lateChange): totals, shown exactly.
        afterLock: late ? { period: late.period, value: late.value } : null,
      },
    ];
  });
}
