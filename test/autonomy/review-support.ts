import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { THousehold } from '../../src/contracts/households.js';
import type { TBudget, TRentRequest, TUnit } from '../../src/contracts/housing.js';
import { todayInRome } from '../../src/server/modules/cases/rome-time.js';
import { autonomyTestKit, FINANCE, HOUSING, TREVIGLIO } from './support.js';

/**
 * What the security review's tests share (review.int.test.ts, review-money.int.test.ts): the
 * autonomy kit, a family of a protected mother and her adult son, units and stays of the demo
 * autonomy service, conflict-of-interest locks, and a household hosted with a budget and a request.
 */
export function reviewKit() {
  const kit = autonomyTestKit();
  const { ok, call, system, userId, refs } = kit;
  let serial = 0;

  const person = {
    familyName: 'Rahimi',
    gender: 'female',
    citizenship: 'AF',
    languages: ['fa'],
    preferredLanguage: 'fa',
    interpreterNeeded: false,
    municipality: TREVIGLIO,
  };

  /** A mother (protected: a victim) and her adult son, registered by operatrice. */
  async function family() {
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: TREVIGLIO,
      members: [
        {
          ...person,
          givenName: 'Zahra',
          relationship: 'reference_person',
          caseRole: 'victim',
          birthYear: 1980,
        },
        {
          ...person,
          givenName: 'Omid',
          relationship: 'child',
          caseRole: 'other',
          birthYear: 2000,
          gender: 'male',
        },
      ],
      acknowledgeDuplicates: true,
    });
    return { household: h, motherId: h.members[0]!.id, sonId: h.members[1]!.id };
  }

  async function newUnit() {
    serial += 1;
    return ok<TUnit>(HOUSING, 'POST', '/api/housing/units', {
      label: `Alloggio revisione ${serial}`,
      managingOrganisationId: refs.organisationId,
      capacity: 4,
      districtId: refs.districtId,
      address: `Via Riservata ${serial}, Treviglio`,
    });
  }

  const host = (unitId: string, householdCode: string, startsOn: string, endsOn: string | null = null) =>
    call(HOUSING, 'POST', `/api/housing/units/${unitId}/occupancies`, {
      householdCode,
      people: 2,
      startsOn,
      endsOn,
    });

  /** A conflict-of-interest lock: `username` may no longer reach the person (as a perpetrator's follower). */
  async function lock(personId: string, username: string) {
    await system(sql`insert into person_exclusions (person_id, user_id, reason, created_by)
                     values (${personId}, ${await userId(username)}, 'conflict_of_interest', ${await userId('admin')})`);
  }

  const reveal = (who: string, unitId: string) =>
    call(who, 'POST', `/api/housing/units/${unitId}/address/reveal`, {
      reason: 'Visita domiciliare concordata',
    });
  const askAddress = (who: string, unitId: string) =>
    call(who, 'POST', `/api/housing/units/${unitId}/address-requests`, { reason: 'Colloquio a domicilio' });

  /** A family hosted in a new unit since `startsOn`, a fresh budget line and a partner's request by the coordinator. */
  async function hostedRequest(startsOn: string, amountCents = 20_000) {
    const { household, motherId } = await family();
    const unit = await newUnit();
    await host(unit.id, household.code, startsOn);
    const budget = await ok<TBudget>(FINANCE, 'POST', '/api/payments/budgets', {
      year: 2026,
      fundingLine: `Linea revisione ${randomUUID().slice(0, 8)}`,
      amountCents: 300_000,
    });
    const body = {
      budgetId: budget.id,
      householdCode: household.code,
      unitId: unit.id,
      amountCents,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      payeeKind: 'partner',
      payeeOrganisationId: refs.organisationId,
    };
    const request = await ok<TRentRequest>(HOUSING, 'POST', '/api/payments/requests', body);
    return { household, motherId, unit, budget, body, request };
  }

  return { ...kit, family, newUnit, host, lock, reveal, askAddress, hostedRequest };
}

/** Today in Rome. */
export const today = todayInRome;
