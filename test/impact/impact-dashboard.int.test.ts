import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IMPACT_REGISTRY, PROJECT_PERIOD, type TImpactDashboard } from '../../src/contracts/impact.js';
import { impactDashboard, projectSoFar } from '../../src/server/modules/impact/impact-values.js';
import { systemTransaction } from '../../src/server/platform/db/context.js';
import type { Indicator } from '../../src/server/platform/indicators/indicator.js';
import { registeredIndicators } from '../../src/server/platform/indicators/indicator-registry.js';
import { testAppKit } from '../harness/test-app.js';

/*
 * The impact dashboard, part one (issue 25, items 1, 2 and 7): every module's indicator computed
 * live over the project so far against the project's targets, a failing function shown as not
 * available (never zero) while the others are computed, coordinators only, every reading audited.
 */
const { t, call, ok, system } = testAppKit();

const TARGETS: Record<string, number> = {
  'training.ethnoclinical_professionals': 97,
  'community.residents_workshops': 240,
  'community.residents_labs': 200,
  'training.experiential_professionals': 15,
  'cases.families_in_ethnoclinical_care': 20,
  'autonomy.families_hosted': 7,
  'autonomy.job_orientation': 25,
  'autonomy.placed_social_enterprises': 25,
};

describe('impact dashboard', () => {
  it('shows every seed target with its live value, as the modules count it', async () => {
    const dashboard = await ok<TImpactDashboard>('coordinatrice', 'GET', '/api/impact/dashboard');
    expect(dashboard.period.from).toBe(PROJECT_PERIOD.from);
    const byKey = new Map(dashboard.rows.map((r) => [r.key, r]));
    for (const [key, target] of Object.entries(TARGETS)) {
      const row = byKey.get(key);
      expect(row, key).toMatchObject({ kind: 'target', target, error: null });
      expect(row!.targetSource).toContain(String(target));
    }
    // Every registered indicator is there, placed or not, none failing on the demo data.
    expect(dashboard.rows.map((r) => r.key).sort()).toEqual(
      registeredIndicators()
        .map((i) => i.key)
        .sort(),
    );
    expect(dashboard.rows.filter((r) => r.error)).toEqual([]);
    // The value is the module's own count over the same period.
    const workshops = registeredIndicators().find((i) => i.key === 'community.residents_workshops')!;
    const direct = await workshops.compute({
      on: t.database.db,
      period: dashboard.period,
      keyring: t.deps.keyring,
    });
    expect(byKey.get('community.residents_workshops')).toMatchObject({
      value: direct.value,
      records: direct.recordIds.length,
      progress: direct.value! / 240,
    });
    // Late targets first; a reached one says so.
    const order = ['late', 'not_available', 'on_track', 'reached', 'no_target'];
    const ranks = dashboard.rows.map((r) => order.indexOf(r.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const row of dashboard.rows.filter((r) => r.kind === 'target'))
      expect(row.status).toBe(
        row.value! >= row.target! ? 'reached' : row.projected! >= row.target! ? 'on_track' : 'late',
      );

    const [audited] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'impact.dashboard_read'`,
    );
    expect(audited!.n).toBeGreaterThan(0);
  });

  it('is the coordinators’ only', async () => {
    for (const who of ['operatrice', 'redazione', 'ricercatrice', 'admin'])
      expect((await call(who, 'GET', '/api/impact/dashboard')).statusCode, who).toBe(403);
  });

  it('shows a failing function as not available, never zero, and computes the others', async () => {
    const failing: Indicator = {
      key: 'test.failing',
      label: { it: 'Prova', en: 'Test' },
      unit: 'people',
      compute: async ({ on }) => {
        await on.execute(sql`select * from a_table_that_does_not_exist`);
        return { value: 0, recordIds: [] };
      },
    };
    const works = registeredIndicators().find((i) => i.key === 'autonomy.families_hosted')!;
    const dashboard = await systemTransaction(t.database.db, (tx) =>
      impactDashboard({ indicators: [failing, works], on: tx, keyring: t.deps.keyring, today: '2026-12-01' }),
    );
    const [bad, good] = [
      dashboard.rows.find((r) => r.key === 'test.failing')!,
      dashboard.rows.find((r) => r.key === works.key)!,
    ];
    expect(bad).toMatchObject({ value: null, status: 'not_available', kind: 'context' });
    expect(bad.error).toContain('a_table_that_does_not_exist');
    // The database's reason, not the query text with its parameters.
    expect(bad.error).not.toContain('select');
    expect(good.error).toBeNull();
    expect(good.value).toEqual(expect.any(Number));
  });

  it('projects a target at the pace so far, within the project', () => {
    expect(projectSoFar('2025-06-01').elapsed).toBe(0);
    expect(projectSoFar('2030-01-01')).toMatchObject({ period: { to: PROJECT_PERIOD.to }, elapsed: 1 });
    const half = projectSoFar('2027-07-02');
    expect(half.elapsed).toBeCloseTo(0.5, 2);
    expect(Object.values(IMPACT_REGISTRY).filter((e) => e.target)).toHaveLength(Object.keys(TARGETS).length);
  });
});
