import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { COORDINATOR, FUNDRAISER, governanceTestKit } from './support.js';

const { call, ok, fields, system } = governanceTestKit();

describe('complementary resources', () => {
  it('values volunteer hours at the rate, whatever the client sends', async () => {
    const { volunteerHourCents } = await ok<{ volunteerHourCents: number }>(
      FUNDRAISER,
      'GET',
      '/api/fundraising/volunteer-rate',
    );
    const line = await ok<{ id: string; valueCents: number }>(
      FUNDRAISER,
      'POST',
      '/api/fundraising/resources',
      {
        sourceKind: 'other',
        sourceName: 'Volontari del sabato',
        kind: 'volunteer_hours',
        description: 'Accoglienza',
        quantity: 10,
        unit: 'hours',
        valueCents: 999_999,
        valuationRule: 'declared',
        offeredOn: '2026-11-10',
      },
    );
    expect(line.valueCents).toBe(10 * volunteerHourCents);
    const [row] = await system<{ valuation_rule: string; value_cents: string }>(
      sql`select valuation_rule, value_cents from community_resources where id = ${line.id}`,
    );
    expect(row).toMatchObject({ valuation_rule: 'volunteer_hour_rate' });
    const ledger = await ok<{
      items: { id: string }[];
      totalValueCents: number;
      bySourceKind: { sourceKind: string }[];
    }>(FUNDRAISER, 'GET', '/api/fundraising/resources?from=2026-01-01&to=2026-12-31');
    expect(ledger.items.map((i) => i.id)).toContain(line.id);
    expect(ledger.totalValueCents).toBeGreaterThanOrEqual(line.valueCents);
    expect(ledger.bySourceKind.map((s) => s.sourceKind)).toContain('other');
  });

  it('needs the value and rule for other kinds, refusing negatives by name', async () => {
    const res = await call(FUNDRAISER, 'POST', '/api/fundraising/resources', {
      sourceKind: 'other',
      sourceName: 'Parrocchia',
      kind: 'room',
      description: 'Salone',
      quantity: 2,
      unit: 'days',
      valueCents: -1,
      offeredOn: '2026-11-10',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['valueCents', 'valuationRule']));
  });

  it('only a coordinator changes the rate', async () => {
    const refused = await call(FUNDRAISER, 'PUT', '/api/fundraising/volunteer-rate', {
      volunteerHourCents: 2500,
      reason: 'Nuova tariffa regionale',
    });
    expect(refused.statusCode).toBe(403);
    const saved = await ok<{ volunteerHourCents: number; canEdit: boolean }>(
      COORDINATOR,
      'PUT',
      '/api/fundraising/volunteer-rate',
      { volunteerHourCents: 2200, reason: 'Delibera della cabina di regia' },
    );
    expect(saved).toMatchObject({ volunteerHourCents: 2200, canEdit: true });
    const line = await ok<{ valueCents: number }>(FUNDRAISER, 'POST', '/api/fundraising/resources', {
      sourceKind: 'other',
      sourceName: 'Volontari',
      kind: 'volunteer_hours',
      description: 'Trasloco',
      quantity: 1.5,
      unit: 'hours',
      offeredOn: '2026-11-11',
    });
    expect(line.valueCents).toBe(3300);
    const [audit] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'governance.settings_saved'`,
    );
    expect(audit!.n).toBeGreaterThan(0);
  });
});
