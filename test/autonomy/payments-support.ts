import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TBudget, TRentRequest } from '../../src/contracts/housing.js';
import { todayInRome } from '../../src/server/modules/cases/rome-time.js';
import { autonomyTestKit, FINANCE, HOUSING } from './support.js';

/**
 * What the rent support tests share: the autonomy kit, a household hosted in a fresh unit of the
 * demo autonomy service (written as the owner: housing is not under test here), budgets and
 * requests, and the database's own refusals.
 */
export function paymentsKit() {
  const kit = autonomyTestKit();
  const { ok, system, userId, newHousehold, refs } = kit;
  let serial = 0;

  async function hostedHousehold() {
    serial += 1;
    const { household } = await newHousehold();
    const unitId = randomUUID();
    const label = `Alloggio Glicine ${serial}`;
    await system(sql`insert into housing_units (id, service_id, label, managing_organisation_id, capacity, district_id,
                       address_encrypted, created_by)
                     values (${unitId}, ${refs.serviceId}, ${label}, ${refs.organisationId}, 4, ${refs.districtId}, 'sealed',
                       ${await userId(HOUSING)})`);
    await system(sql`insert into housing_occupancies (unit_id, household_id, people, starts_on, created_by)
                     values (${unitId}, ${household.id}, 2, '2026-01-10', ${await userId(HOUSING)})`);
    return { code: household.code, unitId, label };
  }

  async function newBudget(amountCents = 500_000) {
    serial += 1;
    return ok<TBudget>(FINANCE, 'POST', '/api/payments/budgets', {
      year: 2026,
      fundingLine: `FAMI prova ${serial}`,
      amountCents,
    });
  }

  const requestBody = (budgetId: string, code: string, extra: object = {}) => ({
    budgetId,
    householdCode: code,
    amountCents: 45_000,
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    payeeKind: 'partner',
    payeeOrganisationId: refs.organisationId,
    ...extra,
  });

  async function newRequest(who: string, budgetId: string, extra: object = {}) {
    const { code, unitId } = await hostedHousehold();
    return ok<TRentRequest>(
      who,
      'POST',
      '/api/payments/requests',
      requestBody(budgetId, code, { unitId, ...extra }),
    );
  }

  /** The database's own refusal of a statement run as the owner (null when it went through). */
  async function refusal(query: ReturnType<typeof sql>) {
    try {
      await system(query);
      return null;
    } catch (error) {
      const e = error as { message?: string; cause?: { message?: string } };
      return e.cause?.message ?? e.message ?? '';
    }
  }

  async function budgetOf(id: string) {
    const { items } = await ok<{ items: TBudget[] }>(FINANCE, 'GET', '/api/payments/budgets');
    return items.find((b) => b.id === id)!;
  }

  return { ...kit, hostedHousehold, newBudget, requestBody, newRequest, refusal, budgetOf };
}

/** Today in Rome: a payment is dated on or after its approval, a reversal on or after the payment. */
export const today = todayInRome();
export const path = (id: string, action = '') => `/api/payments/requests/${id}${action}`;
export const problemType = (res: { json(): unknown }) => (res.json() as { type?: string }).type ?? '';
export const detail = (res: { json(): unknown }) =>
  JSON.stringify((res.json() as { errors?: { message: unknown }[] }).errors ?? res.json());
