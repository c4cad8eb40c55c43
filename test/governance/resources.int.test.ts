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

describe('community holders for fundraising', () => {
  it('a fundraiser picks an active holder (name and kind only) and records a resource from it', async () => {
    const [holder] = await system<{ id: string; name: string }>(
      sql`select id, name from community_holders where active order by name limit 1`,
    );
    const [inactive] = await system<{ id: string }>(
      sql`insert into community_holders (name, kind, municipality, created_by)
          select 'Gruppo sciolto (prova)', 'other', municipality, created_by from community_holders
           where id = ${holder!.id} returning id`,
    );
    await system(sql`update community_holders set active = false where id = ${inactive!.id}`);
    const choices = await ok<{ holders: Record<string, unknown>[] }>(
      FUNDRAISER,
      'GET',
      '/api/fundraising/choices',
    );
    const listed = choices.holders.find((h) => h.id === holder!.id);
    expect(listed).toEqual({ id: holder!.id, name: holder!.name, kind: expect.any(String) });
    expect(choices.holders.map((h) => h.id)).not.toContain(inactive!.id);
    for (const h of choices.holders) expect(Object.keys(h).sort()).toEqual(['id', 'kind', 'name']);

    const line = await ok<{ id: string }>(FUNDRAISER, 'POST', '/api/fundraising/resources', {
      sourceKind: 'community_holder',
      holderId: holder!.id,
      kind: 'room',
      description: 'Sala riunioni',
      quantity: 1,
      unit: 'days',
      valueCents: 15_000,
      valuationRule: 'market_rent',
      offeredOn: '2026-11-12',
    });
    const [row] = await system<{ holder_id: string; source_name: string }>(
      sql`select holder_id, source_name from community_resources where id = ${line.id}`,
    );
    expect(row).toEqual({ holder_id: holder!.id, source_name: holder!.name });

    const refused = await call(FUNDRAISER, 'POST', '/api/fundraising/resources', {
      sourceKind: 'community_holder',
      holderId: inactive!.id,
      kind: 'room',
      description: 'Sala',
      quantity: 1,
      unit: 'days',
      valueCents: 1_000,
      valuationRule: 'market_rent',
      offeredOn: '2026-11-12',
    });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['holderId']);
  });

  it('the registry itself stays closed to a fundraiser', async () => {
    const res = await call(FUNDRAISER, 'GET', '/api/community/holders');
    expect([403, 404]).toContain(res.statusCode);
  });
});
