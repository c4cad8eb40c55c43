import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THome } from '../../src/contracts/home.js';
import type { TAutonomyDashboard } from '../../src/contracts/housing.js';
import { DEMO_UNIT_ADDRESSES } from '../../src/server/modules/autonomy/autonomy.demo.js';
import { autonomyContext } from '../../src/server/modules/autonomy/autonomy.fields.js';
import { DEMO_UNITS } from '../../src/server/modules/autonomy/autonomy-demo-data.js';
import { decryptField } from '../../src/server/platform/crypto/field-crypto.js';
import { sqlArray } from '../../src/server/platform/db/client.js';
import { figureBuilders } from './figures-support.js';
import { autonomyTestKit, FINANCE, HOUSING, TUTOR } from './support.js';

/**
 * The WP5 dashboard (issue 20, item 6) — targets as they are, breakdowns and exits under disclosure
 * control, read by who holds autonomy.dashboard and audited — what autonomy adds to Home, and the
 * demo data. Dashboard records are dated in 2018, away from the demo.
 */
const kit = autonomyTestKit();
const { t, call, ok, system, userId, fields, newPlan } = kit;
const b = figureBuilders(kit);

const MAY = '?from=2018-05-01&to=2018-05-31';
const dashboard = (query = MAY, who = HOUSING) =>
  ok<TAutonomyDashboard>(who, 'GET', `/api/autonomy/dashboard${query}`);
const shownValues = (d: TAutonomyDashboard) =>
  [...d.placementsByKind, ...d.placementsByOutcome]
    .map((c) => c.value)
    .filter((v): v is number => v !== null);

/** An adult placed in May 2018 (and no longer) with a social enterprise, `kind` of contract. */
async function placedInMay(kind: 'tirocinio' | 'fixed_term' | 'open_ended', enterprise: string) {
  const plan = await b.plan('2018-04-01');
  const placement = await b.placement(plan.id, {
    holderId: enterprise,
    kind,
    status: 'ended',
    startsOn: '2018-05-02',
    endsOn: '2018-05-31',
  });
  return { plan, placement };
}

describe('the autonomy dashboard', () => {
  it('shows the targets as they are and hides every breakdown of fewer than k placements, audited', async () => {
    const enterprise = await b.holder('social_enterprise');
    const first = await placedInMay('tirocinio', enterprise);
    await placedInMay('tirocinio', enterprise);
    await placedInMay('fixed_term', enterprise);
    await b.close(first.plan.id, 'autonomy_reached', '2018-05-30');
    const unit = await b.unit();
    await b.stay(unit, first.plan.householdId, '2018-03-01', '2018-05-30');

    const d = await dashboard();
    expect(d).toMatchObject({
      from: '2018-05-01',
      to: '2018-05-31',
      jobOrientation: { value: 3, target: 25 },
      placedInSocialEnterprises: { value: 3, target: 25 },
      familiesHosted: { value: 1, target: 7 },
      exitsToAutonomy: null,
      rentSpentCents: 0,
    });
    expect(d.placementsByKind.map((c) => c.key)).toEqual(['tirocinio', 'fixed_term', 'open_ended']);
    expect(d.placementsByKind.every((c) => c.value === null)).toBe(true);
    expect(d.placementsByOutcome).toHaveLength(12);
    expect(d.placementsByOutcome.every((c) => c.value === null)).toBe(true);

    const [audit] = await system<{ details: { from: string; to: string } }>(
      sql`select details from audit_events where action = 'autonomy.dashboard_read'
           and actor_user_id = ${await userId(HOUSING)} order by id desc limit 1`,
    );
    expect(audit!.details).toEqual({ from: '2018-05-01', to: '2018-05-31' });
  });

  it('publishes the breakdowns from k placements on, protected, and exits from k on', async () => {
    const enterprise = await b.holder('social_enterprise');
    const june = '?from=2018-06-01&to=2018-06-30';
    const placed = [];
    for (let i = 0; i < 6; i += 1) {
      const plan = await b.plan('2018-05-15');
      placed.push({
        plan,
        placement: await b.placement(plan.id, { holderId: enterprise, startsOn: '2018-06-04' }),
      });
    }
    for (const { plan } of placed.slice(0, 5)) await b.close(plan.id, 'autonomy_reached', '2018-06-28');
    // Outcomes recorded by the period's end count; one recorded later is still not recorded for it.
    for (const { placement } of placed) await b.followUp(placement, 6, 'employed_same', '2018-06-20');
    await b.followUp(placed[5]!.placement, 12, 'unemployed', '2018-07-10');

    const clear = await dashboard(june);
    expect(clear.placementsByKind).toEqual([
      { key: 'tirocinio', value: 6 },
      { key: 'fixed_term', value: 0 },
      { key: 'open_ended', value: 0 },
    ]);
    const outcome = (d: TAutonomyDashboard, months: number, key: string) =>
      d.placementsByOutcome.find((c) => c.months === months && c.key === key)?.value;
    expect(outcome(clear, 6, 'employed_same')).toBe(6);
    expect(outcome(clear, 6, 'not_recorded')).toBe(0);
    expect(outcome(clear, 12, 'unemployed')).toBe(0);
    expect(outcome(clear, 12, 'not_recorded')).toBe(6);
    expect(clear.exitsToAutonomy).toBe(5);

    // One open-ended contract more: a cell of 1, hidden, and enough beside it that it cannot be worked out.
    const other = await b.plan('2018-05-15');
    await b.placement(other.id, { holderId: enterprise, kind: 'open_ended', startsOn: '2018-06-10' });
    const protectedOnes = await dashboard(june);
    expect(protectedOnes.placementsByKind.find((c) => c.key === 'open_ended')?.value).toBeNull();
    expect(protectedOnes.placementsByKind.find((c) => c.key === 'tirocinio')?.value).toBeNull();
    expect(outcome(protectedOnes, 6, 'not_recorded')).toBeNull();
    expect(outcome(protectedOnes, 6, 'employed_same')).toBeNull();
    for (const value of shownValues(protectedOnes)) expect(value === 0 || value >= 5).toBe(true);
    // The targets stay as they are.
    expect(protectedOnes.placedInSocialEnterprises.value).toBe(7);
  });

  it('is for who holds autonomy.dashboard, and names the end of a period that ends before it starts', async () => {
    expect((await call(FINANCE, 'GET', `/api/autonomy/dashboard${MAY}`)).statusCode).toBe(200);
    for (const who of [TUTOR, 'operatrice', 'ricercatrice'])
      expect((await call(who, 'GET', '/api/autonomy/dashboard')).statusCode).toBe(403);
    const backwards = await call(HOUSING, 'GET', '/api/autonomy/dashboard?from=2018-06-01&to=2018-05-01');
    expect(backwards.statusCode).toBe(400);
    expect(fields(backwards)).toEqual(['to']);
  });
});

const attention = async (who: string, kind: string) =>
  (await ok<THome>(who, 'GET', '/api/home')).attention.find((i) => i.kind === kind);
const countOn = async (who: string, kind: string) => (await attention(who, kind))?.count ?? 0;

describe('Home', () => {
  it('shows a tutor the active plans they tutor whose review is due, and no one else’s', async () => {
    const before = await countOn(TUTOR, 'autonomy_reviews_due');
    const due = await newPlan();
    await system(sql`update autonomy_plans set next_review_on = current_date - 1 where id = ${due.plan.id}`);
    const later = await newPlan();
    await system(
      sql`update autonomy_plans set next_review_on = current_date + 7 where id = ${later.plan.id}`,
    );
    const closed = await newPlan();
    await system(
      sql`update autonomy_plans set next_review_on = current_date - 1 where id = ${closed.plan.id}`,
    );
    await b.close(closed.plan.id, 'moved', '2026-10-02');
    const others = await newPlan({ tutor: 'clinica' });
    await system(
      sql`update autonomy_plans set next_review_on = current_date - 1 where id = ${others.plan.id}`,
    );

    expect(await countOn(TUTOR, 'autonomy_reviews_due')).toBe(before + 1);
    expect((await attention(TUTOR, 'autonomy_reviews_due'))?.link).toBe('/autonomy?mine=true&reviewDue=true');
    expect(await countOn('clinica', 'autonomy_reviews_due')).toBeGreaterThanOrEqual(1);
    expect(await countOn('operatrice', 'autonomy_reviews_due')).toBe(0);
  });

  it('shows a housing coordinator the address requests of the service’s units she may decide', async () => {
    const [unit] = await system<{ id: string }>(
      sql`select id from housing_units order by created_at limit 1`,
    );
    const ask = async (who: string, status = 'pending') =>
      system(sql`insert into housing_address_requests (unit_id, requested_by, reason, status, decided_by)
        values (${unit!.id}, ${await userId(who)}, 'Visita domiciliare con la famiglia', ${status},
          ${status === 'pending' ? null : await userId(HOUSING)})`);
    const before = await countOn(HOUSING, 'housing_address_requests');
    await ask('operatrice');
    await ask(HOUSING); // her own: another coordinator decides it
    await ask('clinica', 'refused');
    expect(await countOn(HOUSING, 'housing_address_requests')).toBe(before + 1);
    expect((await attention(HOUSING, 'housing_address_requests'))?.link).toBe('/housing/address-requests');
    expect(await attention(TUTOR, 'housing_address_requests')).toBeUndefined();
    expect(await attention('operatrice', 'housing_address_requests')).toBeUndefined();
  });

  it('shows a finance officer the rent support awaiting approval that someone else requested', async () => {
    const budget = await b.budget(2018, 500_000);
    const family = await b.plan('2018-01-01');
    const before = await countOn(FINANCE, 'rent_requests_to_approve');
    await b.rentRequest(budget, family.householdId, 10_000, { status: 'requested', requestedBy: TUTOR });
    await b.rentRequest(budget, family.householdId, 10_000, { status: 'requested', requestedBy: FINANCE });
    await b.rentRequest(budget, family.householdId, 10_000, { status: 'approved', requestedBy: TUTOR });
    expect(await countOn(FINANCE, 'rent_requests_to_approve')).toBe(before + 1);
    expect(await attention(HOUSING, 'rent_requests_to_approve')).toBeUndefined();
  });
});

describe('the demo', () => {
  it('hosts four families in three apartments whose addresses are stored only encrypted, in their context', async () => {
    const units = await system<{ id: string; address_encrypted: string }>(
      sql`select id, address_encrypted from housing_units where label = any (${sqlArray(DEMO_UNITS.map((u) => u.label))})`,
    );
    const addresses = units.map((u) =>
      decryptField({
        keyring: t.deps.keyring,
        value: u.address_encrypted,
        context: autonomyContext('housing_units.address', u.id),
      }),
    );
    expect(addresses.sort()).toEqual([...DEMO_UNIT_ADDRESSES].sort());
    const demo = await dashboard('');
    expect(demo.familiesHosted).toEqual({ value: 4, target: 7 });
    expect(demo.rentSpentCents).toBe(80_000);
    expect(demo.enterprisesSupported).toBe(3);
    expect(demo.jobsCreated).toBe(6);
  });

  it('keeps four eyes on every decided request, and its budgets reconcile with the orders and the ledger', async () => {
    const [sameHands] = await system<{ n: number }>(
      sql`select count(*)::int as n from rent_requests
           where approved_by = requested_by or paid_by = requested_by or refused_by = requested_by`,
    );
    expect(sameHands!.n).toBe(0);
    const lines = await system<{ committed: number; held: number; paid: number; ledger: number }>(
      sql`select b.committed_cents::int as committed,
                 (select coalesce(sum(r.amount_cents), 0)::int from rent_requests r where r.budget_id = b.id
                   and r.status in ('approved', 'paid')
                   and not exists (select 1 from rent_ledger_entries e where e.request_id = r.id and e.kind = 'reversal')) as held,
                 (select coalesce(sum(r.amount_cents), 0)::int from rent_requests r where r.budget_id = b.id and r.status = 'paid'
                   and not exists (select 1 from rent_ledger_entries e where e.request_id = r.id and e.kind = 'reversal')) as paid,
                 (select coalesce(sum(e.amount_cents), 0)::int from rent_ledger_entries e where e.budget_id = b.id) as ledger
            from rent_budgets b join services s on s.id = b.service_id and s.name = 'Autonomia e abitare'
           where b.year >= 2026`,
    );
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.committed).toBe(line.held);
      expect(line.ledger).toBe(line.paid);
    }
    const [sealed] = await system<{ meeting_id: string; note_encrypted: string }>(
      sql`select meeting_id, note_encrypted from autonomy_sealed_notes limit 1`,
    );
    expect(
      decryptField({
        keyring: t.deps.keyring,
        value: sealed!.note_encrypted,
        context: autonomyContext('autonomy_sealed_notes.note', sealed!.meeting_id),
      }),
    ).toContain('tirocinio');
    const [meeting] = await system<{ id: string; note_encrypted: string }>(
      sql`select id, note_encrypted from autonomy_meetings where note_encrypted is not null limit 1`,
    );
    expect(
      decryptField({
        keyring: t.deps.keyring,
        value: meeting!.note_encrypted,
        context: autonomyContext('autonomy_meetings.note', meeting!.id),
      }).length,
    ).toBeGreaterThan(10);
    const [landlord] = await system<{ id: string; landlord_encrypted: string }>(
      sql`select id, landlord_encrypted from rent_requests where payee_kind = 'landlord' limit 1`,
    );
    const details = JSON.parse(
      decryptField({
        keyring: t.deps.keyring,
        value: landlord!.landlord_encrypted,
        context: autonomyContext('rent_requests.landlord', landlord!.id),
      }),
    ) as { iban: string };
    expect(details.iban).toMatch(/^IT\d{2}/);
  });
});
