import { describe, expect, it } from 'vitest';
import { MODULES } from '../../src/server/app.js';
import { autonomyFigures } from '../../src/server/modules/autonomy/autonomy.indicators.js';
import type { IndicatorPeriod } from '../../src/server/platform/indicators/indicator.js';
import { indicatorsOf } from '../../src/server/platform/module.js';
import { figureBuilders } from './figures-support.js';
import { autonomyTestKit } from './support.js';

/**
 * The numbers autonomy and housing give the impact module (issue 20, item 6), counted from records
 * this file writes in 2019 — years before the demo and the other tests — with the records behind
 * each number as plan, household and request codes, never names or database ids.
 */
const kit = autonomyTestKit();
const { t } = kit;
const b = figureBuilders(kit);

const indicator = (key: string) => {
  const found = indicatorsOf(MODULES).find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};
const compute = (key: string, period: IndicatorPeriod) =>
  indicator(key).compute({ on: t.database.db, keyring: t.deps.keyring, period });

describe('autonomy indicators', () => {
  it('count in job orientation each adult once, by a skills balance, an orientation meeting or a placement', async () => {
    const spring = { from: '2019-03-01', to: '2019-05-31' };
    const winter = { from: '2019-01-01', to: '2019-01-31' };
    const key = 'autonomy.job_orientation';

    const balanced = await b.plan('2019-01-10');
    await b.skills(balanced.id, '2019-02-15'); // saved after January: not in orientation then
    const oriented = await b.plan('2019-02-01');
    await b.meeting(oriented.id, 'orientation', '2019-04-02');
    const tutoredOnly = await b.plan('2019-02-01');
    await b.meeting(tutoredOnly.id, 'tutoring', '2019-04-02'); // tutoring is not orientation
    const placed = await b.plan('2019-02-01');
    await b.placement(placed.id, { holderId: await b.holder('employer'), startsOn: '2019-05-20' });
    const proposed = await b.plan('2019-02-01');
    await b.placement(proposed.id, {
      holderId: await b.holder('employer'),
      status: 'proposed',
      startsOn: '2019-04-01',
    });
    // One adult, two plans that both count: counted once, both plans behind the number.
    const again = await b.earlierPlan(balanced, '2018-06-01', '2019-01-05');
    await b.skills(again.id, '2018-07-01');

    const inSpring = await compute(key, spring);
    expect(inSpring.recordIds).toEqual([balanced.code, oriented.code, placed.code].sort());
    expect(inSpring.value).toBe(3);
    const inWinter = await compute(key, winter);
    expect(inWinter.recordIds).toEqual([again.code]);
    expect(inWinter.value).toBe(1);
    const wholeYear = await compute(key, { from: '2019-01-01', to: '2019-12-31' });
    expect(wholeYear.recordIds).toEqual([balanced.code, again.code, oriented.code, placed.code].sort());
    expect(wholeYear.value).toBe(3);
    // A plan closed before the period does not count for it, whatever it had.
    await b.close(oriented.id, 'moved', '2019-06-01');
    expect((await compute(key, { from: '2019-07-01', to: '2019-07-31' })).recordIds).not.toContain(
      oriented.code,
    );
    expect(JSON.stringify(wholeYear)).not.toContain(balanced.id);
    expect(JSON.stringify(wholeYear)).not.toContain('Benali');
  });

  it('count as placed in social enterprises the adults placed with one, or within one of the project’s initiatives', async () => {
    const period = { from: '2019-09-01', to: '2019-09-30' };
    const enterprise = await b.holder('social_enterprise');
    const employer = await b.holder('employer');
    const initiative = await b.initiative('2019-01-01', 1);

    const inEnterprise = await b.plan('2019-08-01');
    await b.placement(inEnterprise.id, { holderId: enterprise, startsOn: '2019-09-10', kind: 'fixed_term' });
    await b.placement(inEnterprise.id, {
      holderId: enterprise,
      startsOn: '2019-08-10',
      status: 'ended',
      endsOn: '2019-09-09',
    });
    const inInitiative = await b.plan('2019-08-01');
    await b.placement(inInitiative.id, {
      holderId: employer,
      initiativeId: initiative,
      startsOn: '2019-08-15',
    });
    const elsewhere = await b.plan('2019-08-01');
    await b.placement(elsewhere.id, { holderId: employer, startsOn: '2019-09-01', kind: 'open_ended' });
    const notStarted = await b.plan('2019-08-01');
    await b.placement(notStarted.id, { holderId: enterprise, startsOn: '2019-09-01', status: 'not_started' });
    const endedBefore = await b.plan('2019-06-01');
    await b.placement(endedBefore.id, {
      holderId: enterprise,
      startsOn: '2019-06-10',
      status: 'ended',
      endsOn: '2019-08-31',
    });

    const placed = await compute('autonomy.placed_social_enterprises', period);
    expect(placed.recordIds).toEqual([inEnterprise.code, inInitiative.code].sort());
    expect(placed.value).toBe(2);
  });

  it('count families hosted by household, once, while a stay overlaps the period', async () => {
    const period = { from: '2019-10-01', to: '2019-10-31' };
    const unit = await b.unit();
    const staying = await b.plan('2019-01-01');
    await b.stay(unit, staying.householdId, '2019-09-01', '2019-10-10');
    await b.stay(unit, staying.householdId, '2019-10-15'); // back again: still one family
    const leftOnFirstDay = await b.plan('2019-01-01');
    await b.stay(unit, leftOnFirstDay.householdId, '2019-08-01', '2019-10-01');
    const leftBefore = await b.plan('2019-01-01');
    await b.stay(unit, leftBefore.householdId, '2019-08-01', '2019-09-30');
    const arrivedAfter = await b.plan('2019-01-01');
    await b.stay(unit, arrivedAfter.householdId, '2019-11-01');

    const hosted = await compute('autonomy.families_hosted', period);
    expect(hosted.recordIds).toEqual([staying.householdCode, leftOnFirstDay.householdCode].sort());
    expect(hosted.value).toBe(2);
  });

  it('count exits to autonomy by the plans closed with autonomy reached in the period', async () => {
    const period = { from: '2019-11-01', to: '2019-11-30' };
    const reached = await b.plan('2019-01-01');
    await b.close(reached.id, 'autonomy_reached', '2019-11-20');
    const moved = await b.plan('2019-01-01');
    await b.close(moved.id, 'moved', '2019-11-21');
    const reachedLater = await b.plan('2019-01-01');
    await b.close(reachedLater.id, 'autonomy_reached', '2019-12-02');
    expect(await compute('autonomy.exits_to_autonomy', period)).toEqual({
      value: 1,
      recordIds: [reached.code],
    });
  });

  it('give the rent support spent in euros, net of reversals, by the requests behind it', async () => {
    const period = { from: '2019-02-01', to: '2019-02-28' };
    const budget = await b.budget(2019, 1_000_000);
    const family = await b.plan('2019-01-01');
    const paid = await b.rentRequest(budget, family.householdId, 45_000, { paidOn: '2019-02-05' });
    const twice = await b.rentRequest(budget, family.householdId, 45_000, { paidOn: '2019-02-06' });
    await b.reversal(twice, budget, family.householdId, 45_000, '2019-02-20');
    await b.rentRequest(budget, family.householdId, 30_000, { status: 'approved' }); // not paid: not spent
    const march = await b.rentRequest(budget, family.householdId, 10_000, { paidOn: '2019-03-01' });

    const spent = await compute('autonomy.rent_support_spent', period);
    expect(spent).toEqual({ value: 450, recordIds: [paid.code, twice.code].sort() });
    expect(spent.recordIds).not.toContain(march.code);
    const figures = await autonomyFigures({ on: t.database.db, period });
    expect(figures.rent).toEqual({
      spentCents: 45_000,
      budgetCents: 1_000_000,
      requestCodes: spent.recordIds,
    });
  });

  it('give the jobs the initiatives entered by the period’s end created, behind keyed codes', async () => {
    const period = { from: '2017-01-01', to: '2017-12-31' };
    const first = await b.initiative('2017-03-01', 3);
    const second = await b.initiative('2017-11-30', 2);
    await b.initiative('2018-01-02', 7);
    const jobs = await compute('autonomy.jobs_created', period);
    expect(jobs.value).toBe(5);
    expect(jobs.recordIds).toHaveLength(2);
    for (const code of jobs.recordIds) expect(code).toMatch(/^I-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(JSON.stringify(jobs)).not.toContain(first);
    expect(JSON.stringify(jobs)).not.toContain(second);
    // The same initiative keeps its code from one computation to the next.
    expect((await compute('autonomy.jobs_created', period)).recordIds).toEqual(jobs.recordIds);
  });

  it('agree with the figures the impact module reads in one call', async () => {
    const period = { from: '2019-01-01', to: '2019-12-31' };
    const figures = await autonomyFigures({ on: t.database.db, period });
    const value = async (key: string) => (await compute(key, period)).value;
    expect(figures.jobOrientation.people).toBe(await value('autonomy.job_orientation'));
    expect(figures.placedInSocialEnterprises.people).toBe(await value('autonomy.placed_social_enterprises'));
    expect(figures.familiesHosted.households).toBe(await value('autonomy.families_hosted'));
    expect(figures.exitsToAutonomy.plans).toBe(await value('autonomy.exits_to_autonomy'));
    expect(figures.initiatives.jobsCreated).toBe(await value('autonomy.jobs_created'));
    expect(figures.familiesHosted.households).toBeGreaterThan(0);
  });
});
