import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { autonomyContext } from '../../src/server/modules/autonomy/autonomy.fields.js';
import { encryptField } from '../../src/server/platform/crypto/field-crypto.js';
import { randomTypedCode } from '../../src/server/platform/crypto/pseudonyms.js';
import { type autonomyTestKit, FINANCE, HOUSING, TREVIGLIO, TUTOR } from './support.js';

/**
 * Builders of the records the WP5 figures count, written as the owner (the tests of the figures
 * date them years before the demo and the other tests, so a period holds only what a test wrote).
 * Plans are opened through the API (autonomyTestKit.newPlan) and then re-dated.
 */
export function figureBuilders(kit: ReturnType<typeof autonomyTestKit>) {
  const { system, userId, newPlan, refs } = kit;
  const one = async <T>(query: ReturnType<typeof sql>) => (await system<T>(query))[0]!;

  /** An active plan started on `started`, its person's household with its code. */
  async function plan(started: string) {
    const { plan: p, household, adultId } = await newPlan();
    await system(
      sql`update autonomy_plans set started_on = ${started}, next_review_on = null where id = ${p.id}`,
    );
    return {
      id: p.id,
      code: p.code,
      personId: adultId,
      householdId: household.id,
      householdCode: household.code,
    };
  }

  async function close(planId: string, reason: 'autonomy_reached' | 'moved' | 'dropped', on: string) {
    await system(
      sql`update autonomy_plans set status = 'closed', exit_reason = ${reason}, exit_on = ${on} where id = ${planId}`,
    );
  }

  /** An earlier plan of the same person, closed on `exitOn`. */
  async function earlierPlan(of: { personId: string; householdId: string }, started: string, exitOn: string) {
    const tutor = await userId(TUTOR);
    return one<{ id: string; code: string }>(
      sql`insert into autonomy_plans (code, person_id, household_id, service_id, tutor_user_id, origin, status,
            started_on, exit_reason, exit_on, created_by)
          values (${randomTypedCode('AP', 8)}, ${of.personId}, ${of.householdId}, ${refs.serviceId}, ${tutor}, 'direct',
            'closed', ${started}, 'dropped', ${exitOn}, ${tutor}) returning id, code`,
    );
  }

  async function skills(planId: string, savedOn: string) {
    await system(sql`insert into autonomy_skills (plan_id, updated_by, updated_at)
      values (${planId}, ${await userId(TUTOR)}, ${`${savedOn}T10:00:00Z`})`);
  }

  async function meeting(planId: string, kind: 'tutoring' | 'orientation' | 'review', heldOn: string) {
    await system(sql`insert into autonomy_meetings (plan_id, kind, held_on, minutes, author_id)
      values (${planId}, ${kind}, ${heldOn}, 60, ${await userId(TUTOR)})`);
  }

  async function holder(kind: 'employer' | 'social_enterprise') {
    const row = await one<{
      id: string;
    }>(sql`insert into community_holders (name, kind, municipality, created_by)
      values (${`Impresa ${randomUUID().slice(0, 6)}`}, ${kind}, ${TREVIGLIO}, ${await userId(TUTOR)}) returning id`);
    return row.id;
  }

  async function initiative(createdOn: string, jobsCreated: number) {
    const row = await one<{ id: string }>(
      sql`insert into autonomy_initiatives (service_id, name, partner_organisation_id, stage, jobs_created, created_by, created_at)
          values (${refs.serviceId}, ${`Iniziativa ${randomUUID().slice(0, 6)}`}, ${refs.organisationId}, 'running', ${jobsCreated},
            ${await userId(TUTOR)}, ${`${createdOn}T10:00:00Z`}) returning id`,
    );
    return row.id;
  }

  async function placement(
    planId: string,
    p: {
      holderId: string;
      initiativeId?: string | null;
      kind?: 'tirocinio' | 'fixed_term' | 'open_ended';
      status?: 'proposed' | 'active' | 'ended' | 'not_started';
      startsOn: string;
      endsOn?: string | null;
    },
  ) {
    const row = await one<{ id: string }>(
      sql`insert into autonomy_job_placements (plan_id, employer_holder_id, initiative_id, kind, status, starts_on,
            ends_on, hours_per_week, wage_band, created_by)
          values (${planId}, ${p.holderId}, ${p.initiativeId ?? null}, ${p.kind ?? 'tirocinio'}, ${p.status ?? 'active'},
            ${p.startsOn}, ${p.endsOn ?? null}, 20, 'under_600', ${await userId(TUTOR)}) returning id`,
    );
    return row.id;
  }

  async function followUp(placementId: string, months: 6 | 12, outcome: string, recordedOn: string) {
    await system(sql`insert into autonomy_placement_follow_ups (placement_id, months, outcome, recorded_on, recorded_by)
      values (${placementId}, ${months}, ${outcome}, ${recordedOn}, ${await userId(TUTOR)})`);
  }

  async function unit() {
    const id = randomUUID();
    const address = encryptField({
      keyring: kit.t.deps.keyring,
      plaintext: 'Via di prova 1, Treviglio',
      context: autonomyContext('housing_units.address', id),
    });
    await system(sql`insert into housing_units (id, service_id, label, managing_organisation_id, capacity, district_id,
        address_encrypted, created_by)
      values (${id}, ${refs.serviceId}, ${`Alloggio ${id.slice(0, 6)}`}, ${refs.organisationId}, 6, ${refs.districtId}, ${address},
        ${await userId(HOUSING)})`);
    return id;
  }

  async function stay(unitId: string, householdId: string, startsOn: string, endsOn: string | null = null) {
    await system(sql`insert into housing_occupancies (unit_id, household_id, people, starts_on, ends_on, created_by)
      values (${unitId}, ${householdId}, 2, ${startsOn}, ${endsOn}, ${await userId(HOUSING)})`);
  }

  async function budget(year: number, amountCents: number) {
    const row = await one<{ id: string }>(
      sql`insert into rent_budgets (service_id, year, funding_line, amount_cents, created_by)
          values (${refs.serviceId}, ${year}, ${`Linea ${randomUUID().slice(0, 8)}`}, ${amountCents}, ${await userId(FINANCE)})
          returning id`,
    );
    return row.id;
  }

  /** A request of the housing coordinator in `status`, paid on `paidOn` (with its ledger line) when given. */
  async function rentRequest(
    budgetId: string,
    householdId: string,
    amountCents: number,
    {
      status = 'paid',
      paidOn = null,
      requestedBy = HOUSING,
    }: { status?: string; paidOn?: string | null; requestedBy?: string } = {},
  ) {
    const [requester, finance] = [await userId(requestedBy), await userId(FINANCE)];
    const decided = status === 'approved' || status === 'paid';
    const row = await one<{ id: string; code: string }>(
      sql`insert into rent_requests (code, service_id, budget_id, household_id, amount_cents, period_from, period_to,
            payee_kind, payee_organisation_id, status, requested_by, approved_by, approved_at, paid_on, payment_reference, paid_by)
          values (${randomTypedCode('RS', 6)}, ${refs.serviceId}, ${budgetId}, ${householdId}, ${amountCents}, '2019-01-01',
            '2019-01-31', 'partner', ${refs.organisationId}, ${status}, ${requester}, ${decided ? finance : null},
            ${decided ? new Date() : null}, ${paidOn}, ${paidOn ? 'BON-1' : null}, ${paidOn ? finance : null})
          returning id, code`,
    );
    if (paidOn)
      await system(sql`insert into rent_ledger_entries (budget_id, request_id, household_id, kind, amount_cents, entry_on, recorded_by)
        values (${budgetId}, ${row.id}, ${householdId}, 'payment', ${amountCents}, ${paidOn}, ${finance})`);
    return row;
  }

  async function reversal(
    request: { id: string },
    budgetId: string,
    householdId: string,
    amountCents: number,
    on: string,
  ) {
    await system(sql`insert into rent_ledger_entries (budget_id, request_id, household_id, kind, amount_cents, entry_on,
        reason, recorded_by)
      values (${budgetId}, ${request.id}, ${householdId}, 'reversal', ${-amountCents}, ${on}, 'Pagato due volte',
        ${await userId(FINANCE)})`);
  }

  return {
    plan,
    close,
    earlierPlan,
    skills,
    meeting,
    holder,
    initiative,
    placement,
    followUp,
    unit,
    stay,
    budget,
    rentRequest,
    reversal,
  };
}
