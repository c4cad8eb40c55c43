import { sql } from 'drizzle-orm';
import {
  IMPACT_REGISTRY,
  PROJECT_PERIOD,
  type TImpactDashboard,
  type TImpactRow,
  type TIndicatorStatus,
} from '../../../contracts/impact.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import type { Queryable } from '../../platform/db/client.js';
import type { Indicator, IndicatorPeriod } from '../../platform/indicators/indicator.js';

/**
 * The live values of the project's indicators (issue 25, item 2): each computed now by its module's
 * own function over the project so far, never typed in. A function that fails makes its indicator
 * "not available" with the error — never zero — and the others are still computed. A target's
 * projection assumes the pace so far holds to the project's end.
 */

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The project so far: from its start to `today` (within the project's end), and the share of days gone. */
export function projectSoFar(today: string): { period: IndicatorPeriod; elapsed: number } {
  const to = today < PROJECT_PERIOD.to ? today : PROJECT_PERIOD.to;
  const total = (dayOf(PROJECT_PERIOD.to) - dayOf(PROJECT_PERIOD.from)) / DAY + 1;
  const gone = Math.max(0, (dayOf(to) - dayOf(PROJECT_PERIOD.from)) / DAY + 1);
  return { period: { from: PROJECT_PERIOD.from, to }, elapsed: Math.min(1, gone / total) };
}

function statusOf(
  value: number | null,
  error: string | null,
  target: number | null,
  projected: number | null,
) {
  if (error) return 'not_available' satisfies TIndicatorStatus;
  if (target === null) return 'no_target' satisfies TIndicatorStatus;
  if (value !== null && value >= target) return 'reached' satisfies TIndicatorStatus;
  return (projected ?? 0) >= target ? ('on_track' as const) : ('late' as const);
}

/**
 * Runs `work` in a savepoint of the transaction `on`: a failing statement must not abort the
 * others'. Written by hand: a request's transaction refuses Drizzle's nested `begin`, and rolling
 * back to the savepoint also restores the role it was taken under.
 */
export async function inSavepoint<T>(on: Queryable, work: () => Promise<T>): Promise<T> {
  await on.execute(sql`savepoint impact_indicator`);
  try {
    const result = await work();
    await on.execute(sql`release savepoint impact_indicator`);
    return result;
  } catch (error) {
    await on.execute(sql`rollback to savepoint impact_indicator`);
    throw error;
  }
}

/** The database's own reason (Drizzle wraps it with the query text and its parameters, which stay here). */
export function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

const ORDER: Record<TIndicatorStatus, number> = {
  late: 0,
  not_available: 1,
  on_track: 2,
  reached: 3,
  no_target: 4,
};

export async function computeRow(
  indicator: Indicator,
  {
    on,
    period,
    elapsed,
    keyring,
  }: { on: Queryable; period: IndicatorPeriod; elapsed: number; keyring: Keyring },
): Promise<TImpactRow> {
  const placed = IMPACT_REGISTRY[indicator.key];
  let value: number | null = null;
  let records = 0;
  let error: string | null = null;
  try {
    const computed = await inSavepoint(on, () => indicator.compute({ on, period, keyring }));
    value = computed.value;
    records = computed.recordIds.length;
  } catch (e) {
    error = reasonOf(e);
  }
  const target = placed?.target?.value ?? null;
  const counted = placed?.kind === 'target' && value !== null && target !== null ? value : null;
  const projected = counted !== null && elapsed > 0 ? Math.round(counted / elapsed) : null;
  return {
    key: indicator.key,
    label: indicator.label,
    workPackage: placed?.workPackage ?? 'wp6',
    kind: placed?.kind ?? 'context',
    unit: indicator.unit,
    value,
    error,
    target,
    targetSource: placed?.target?.source ?? null,
    progress: counted !== null && target ? counted / target : null,
    projected,
    status: statusOf(value, error, target, projected),
    records,
  };
}

export async function impactDashboard({
  indicators,
  on,
  keyring,
  today,
}: {
  indicators: readonly Indicator[];
  on: Queryable;
  keyring: Keyring;
  today: string;
}): Promise<TImpactDashboard> {
  const { period, elapsed } = projectSoFar(today);
  const rows: TImpactRow[] = [];
  // One after the other: the functions share the connection they are given.
  for (const indicator of indicators)
    rows.push(await computeRow(indicator, { on, period, elapsed, keyring }));
  rows.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      a.workPackage.localeCompare(b.workPackage) ||
      a.key.localeCompare(b.key),
  );
  return { period, projectEnd: PROJECT_PERIOD.to, elapsed, computedAt: new Date().toISOString(), rows };
}
