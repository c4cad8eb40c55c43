import { describe, expect, it } from 'vitest';
import type { TPlan } from '../../src/contracts/autonomy.js';
import { autonomyTestKit, TUTOR } from './support.js';

/**
 * Autonomy plans (issue 20, item 2): opened by the team that works the household, read by it and
 * by the tutor, never by anyone else; one active plan per person.
 */
const { ok, call, userId, newPlan, newHousehold, fields } = autonomyTestKit();

describe('an autonomy plan', () => {
  it('is opened by the household’s team for an adult, read by its tutor, and by nobody outside', async () => {
    const { plan, household } = await newPlan();
    expect(plan.code).toMatch(/^AP-/);
    expect(plan.household.code).toBe(household.code);
    expect(plan.tutor.name).toBe('Paolo Tutor');
    expect(plan.canWrite).toBe(true);
    const asTutor = await ok<TPlan>(TUTOR, 'GET', `/api/autonomy/plans/${plan.id}`);
    expect(asTutor.person.name).toBe('Samira Benali');
    expect(asTutor.canWrite).toBe(true);
    // Another service's practitioner and the finance officer get the same 404 as for nothing.
    for (const who of ['operatore.romano', 'ragioneria']) {
      const res = await call(who, 'GET', `/api/autonomy/plans/${plan.id}`);
      expect([403, 404]).toContain(res.statusCode);
    }
  });

  it('refuses a child, a second active plan and a tutor without a tutoring role', async () => {
    const { household, adultId, childId } = await newHousehold();
    const base = { origin: 'direct', startedOn: '2026-10-01', tutorUserId: await userId(TUTOR) };
    const minor = await call('operatrice', 'POST', '/api/autonomy/plans', { ...base, personId: childId });
    expect(minor.statusCode).toBe(400);
    expect(fields(minor)).toContain('personId');
    const wrongTutor = await call('operatrice', 'POST', '/api/autonomy/plans', {
      ...base,
      personId: adultId,
      tutorUserId: await userId('ragioneria'),
    });
    expect(fields(wrongTutor)).toContain('tutorUserId');
    await ok('operatrice', 'POST', '/api/autonomy/plans', { ...base, personId: adultId });
    const again = await call('operatrice', 'POST', '/api/autonomy/plans', { ...base, personId: adultId });
    expect(again.statusCode).toBe(409);
    expect(household.code).toMatch(/^N-/);
  });
});
