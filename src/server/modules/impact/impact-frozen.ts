import { sql } from 'drizzle-orm';
import { previousPeriod, type ReportingPeriod } from '../../../contracts/impact-periods.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { registeredIndicators } from '../../platform/indicators/indicator-registry.js';
import { lateChange, type MeasuredValue, measurePeriod } from './impact-snapshot.js';

/**
 * What a lock froze (ADR 0032): the period's values and the late records of the period before it,
 * read back for its reports; and those late records computed now, for the lock and for drafts.
 */

type FrozenRow = {
  indicator_key: string;
  formula_version: number;
  value: number | null;
  cumulative: number | null;
  error: string | null;
  records: number;
  cumulative_records: number;
  after_lock: number | null;
  after_lock_period: string | null;
};

export type LateRecords = Map<string, { period: string; value: number }>;

/** A locked period's frozen values and late records; null when the period is not locked. */
export async function frozenValues(
  tx: Tx,
  key: string,
): Promise<{ measured: MeasuredValue[]; afterLock: LateRecords } | null> {
  const [period] = await queryRows<{ status: string }>(
    tx,
    sql`select status from impact_periods where key = ${key}`,
  );
  if (period?.status !== 'locked') return null;
  const rows = await queryRows<FrozenRow>(
    tx,
    sql`select indicator_key, formula_version, value, cumulative, error, records, cumulative_records,
               after_lock, after_lock_period
          from impact_period_values where period_key = ${key} order by indicator_key`,
  );
  const afterLock: LateRecords = new Map();
  for (const r of rows)
    if (r.after_lock !== null && r.after_lock_period)
      afterLock.set(r.indicator_key, { period: r.after_lock_period, value: r.after_lock });
  return {
    measured: rows.map((r) => ({
      key: r.indicator_key,
      formulaVersion: r.formula_version,
      value: r.value,
      cumulative: r.cumulative,
      error: r.error,
      records: r.records,
      cumulativeRecords: r.cumulative_records,
      codes: [],
    })),
    afterLock,
  };
}

/** Late records of the previous period, if it is locked: what it counts now minus what it froze. */
export async function lateRecordsBefore(tx: Tx, deps: Deps, period: ReportingPeriod): Promise<LateRecords> {
  const late: LateRecords = new Map();
  const previous = previousPeriod(period);
  if (!previous) return late;
  const frozen = await frozenValues(tx, previous.key);
  if (!frozen) return late;
  const indicators = registeredIndicators();
  const now = await unsafeAsSystem(tx, (sys) =>
    measurePeriod({ indicators, on: sys, period: previous, keyring: deps.keyring }),
  );
  for (const indicator of indicators) {
    const then = frozen.measured.find((f) => f.key === indicator.key);
    const current = now.find((n) => n.key === indicator.key);
    const change = lateChange(indicator.unit, current?.value ?? null, then?.value ?? null);
    if (change !== null) late.set(indicator.key, { period: previous.key, value: change });
  }
  return late;
}
