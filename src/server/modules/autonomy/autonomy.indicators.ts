import { sql } from 'drizzle-orm';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Indicator, IndicatorPeriod } from '../../platform/indicators/indicator.js';

/**
 * The numbers of autonomy paths and protected housing (WP5, issue 20), counted one way for the
 * dashboard (autonomy-dashboard.service.ts) and for the impact module. A period is of dates in
 * Italian time, both ends included. Definitions:
 * - job orientation: distinct adults whose plan, open on some day of the period, had a skills
 *   balance saved by the period's end, or an orientation meeting held in the period, or a job
 *   placement (active or ended) running on some day of it;
 * - placed in social enterprises: distinct adults with a placement (active or ended) running on some
 *   day of the period, with an employer of kind social_enterprise or within one of the project's
 *   initiatives;
 * - families hosted: distinct households with a stay in a protected apartment on some day of the
 *   period (a stay ending on the period's first day counts);
 * - exits to autonomy: plans closed with autonomy_reached on a day of the period;
 * - rent support spent: the ledger's net (payments less reversals) dated in the period; the budget
 *   is the funding lines of the period's years;
 * - enterprises supported and jobs created: the initiatives entered by the period's end and the jobs
 *   they have created.
 * The records behind a number are the plans' codes (AP-…), the households' (N-…), the rent
 * requests' and, for initiatives (organisations, not people), keyed pseudonyms `I-…`.
 */

/** An adult and the plan that counted them. */
interface Counted {
  person_id: string;
  code: string;
}

const planOpenDuring = ({ from, to }: IndicatorPeriod) =>
  sql`p.started_on <= ${to}::date and (p.exit_on is null or p.exit_on >= ${from}::date)`;

/** A placement that took place (active or ended) running on some day of the period. */
const placementDuring = ({ from, to }: IndicatorPeriod) =>
  sql`j.status in ('active', 'ended') and j.starts_on <= ${to}::date
      and (j.ends_on is null or j.ends_on >= ${from}::date)`;

export function jobOrientation({ on, period }: { on: Queryable; period: IndicatorPeriod }) {
  return queryRows<Counted>(
    on,
    sql`select p.person_id, p.code from autonomy_plans p
         where ${planOpenDuring(period)}
           and (exists (select 1 from autonomy_skills s where s.plan_id = p.id
                          and (s.updated_at at time zone 'Europe/Rome')::date <= ${period.to}::date)
             or exists (select 1 from autonomy_meetings m where m.plan_id = p.id and m.kind = 'orientation'
                          and m.held_on between ${period.from}::date and ${period.to}::date)
             or exists (select 1 from autonomy_job_placements j where j.plan_id = p.id and ${placementDuring(period)}))
         order by p.code`,
  );
}

export function placedInSocialEnterprises({ on, period }: { on: Queryable; period: IndicatorPeriod }) {
  return queryRows<Counted>(
    on,
    sql`select p.person_id, p.code from autonomy_plans p
         where exists (select 1 from autonomy_job_placements j
                         join community_holders h on h.id = j.employer_holder_id
                        where j.plan_id = p.id and ${placementDuring(period)}
                          and (h.kind = 'social_enterprise' or j.initiative_id is not null))
         order by p.code`,
  );
}

export async function familiesHosted({ on, period }: { on: Queryable; period: IndicatorPeriod }) {
  const rows = await queryRows<{ code: string }>(
    on,
    sql`select distinct h.code from housing_occupancies o join households h on h.id = o.household_id
         where o.starts_on <= ${period.to}::date and (o.ends_on is null or o.ends_on >= ${period.from}::date)
         order by h.code`,
  );
  return rows.map((r) => r.code);
}

export async function exitsToAutonomy({ on, period }: { on: Queryable; period: IndicatorPeriod }) {
  const rows = await queryRows<{ code: string }>(
    on,
    sql`select p.code from autonomy_plans p
         where p.status = 'closed' and p.exit_reason = 'autonomy_reached'
           and p.exit_on between ${period.from}::date and ${period.to}::date
         order by p.code`,
  );
  return rows.map((r) => r.code);
}

async function rentSupport({ on, period }: { on: Queryable; period: IndicatorPeriod }) {
  const [totals] = await queryRows<{ spent: string | number; budget: string | number }>(
    on,
    sql`select (select coalesce(sum(e.amount_cents), 0) from rent_ledger_entries e
                 where e.entry_on between ${period.from}::date and ${period.to}::date) as spent,
               (select coalesce(sum(b.amount_cents), 0) from rent_budgets b
                 where b.year between extract(year from ${period.from}::date) and extract(year from ${period.to}::date)) as budget`,
  );
  const requests = await queryRows<{ code: string }>(
    on,
    sql`select distinct r.code from rent_ledger_entries e join rent_requests r on r.id = e.request_id
         where e.entry_on between ${period.from}::date and ${period.to}::date order by r.code`,
  );
  return {
    spentCents: Number(totals!.spent),
    budgetCents: Number(totals!.budget),
    requestCodes: requests.map((r) => r.code),
  };
}

async function initiativesSupported({ on, period }: { on: Queryable; period: IndicatorPeriod }) {
  const rows = await queryRows<{ id: string; jobs_created: number }>(
    on,
    sql`select i.id, i.jobs_created from autonomy_initiatives i
         where (i.created_at at time zone 'Europe/Rome')::date <= ${period.to}::date order by i.id`,
  );
  return { ids: rows.map((r) => r.id), jobsCreated: rows.reduce((sum, r) => sum + r.jobs_created, 0) };
}

const distinctPeople = (rows: Counted[]) => new Set(rows.map((r) => r.person_id)).size;
const codesOf = (rows: Counted[]) => [...new Set(rows.map((r) => r.code))].sort();

/**
 * Every WP5 figure over what `on` may read, unprotected: the impact module calls it on the system
 * connection; the dashboard publishes it through disclosure control.
 */
export async function autonomyFigures({ on, period }: { on: Queryable; period: IndicatorPeriod }) {
  const orientation = await jobOrientation({ on, period });
  const placed = await placedInSocialEnterprises({ on, period });
  const households = await familiesHosted({ on, period });
  const exits = await exitsToAutonomy({ on, period });
  const rent = await rentSupport({ on, period });
  const initiatives = await initiativesSupported({ on, period });
  return {
    period,
    jobOrientation: { people: distinctPeople(orientation), planCodes: codesOf(orientation) },
    placedInSocialEnterprises: { people: distinctPeople(placed), planCodes: codesOf(placed) },
    familiesHosted: { households: households.length, householdCodes: households },
    exitsToAutonomy: { plans: exits.length, planCodes: exits },
    rent,
    initiatives: { count: initiatives.ids.length, jobsCreated: initiatives.jobsCreated },
  };
}

async function initiativeCoder(on: Queryable, keyring: Keyring) {
  // The pseudonymiser runs two statements on whatever connection it is given: a transaction or the pool.
  return systemPseudonymiser({ tx: on as Tx, keyring, scope: 'autonomy-indicators', prefix: 'I' });
}

const jobOrientationIndicator: Indicator = {
  key: 'autonomy.job_orientation',
  label: { it: 'Adulti in orientamento al lavoro', en: 'Adults in job orientation' },
  unit: 'people',
  async compute({ on, period }) {
    const rows = await jobOrientation({ on, period });
    return { value: distinctPeople(rows), recordIds: codesOf(rows) };
  },
};

const placedIndicator: Indicator = {
  key: 'autonomy.placed_social_enterprises',
  label: {
    it: 'Adulti inseriti nelle imprese sociali del progetto',
    en: 'Adults placed in the project’s social enterprises',
  },
  unit: 'people',
  async compute({ on, period }) {
    const rows = await placedInSocialEnterprises({ on, period });
    return { value: distinctPeople(rows), recordIds: codesOf(rows) };
  },
};

const familiesIndicator: Indicator = {
  key: 'autonomy.families_hosted',
  label: { it: 'Famiglie accolte in appartamenti protetti', en: 'Families hosted in protected apartments' },
  unit: 'households',
  async compute({ on, period }) {
    const codes = await familiesHosted({ on, period });
    return { value: codes.length, recordIds: codes };
  },
};

const exitsIndicator: Indicator = {
  key: 'autonomy.exits_to_autonomy',
  label: { it: 'Uscite verso l’autonomia', en: 'Exits to autonomy' },
  unit: 'people',
  async compute({ on, period }) {
    const codes = await exitsToAutonomy({ on, period });
    return { value: codes.length, recordIds: codes };
  },
};

const rentIndicator: Indicator = {
  key: 'autonomy.rent_support_spent',
  label: { it: 'Sostegno all’affitto erogato', en: 'Rent support paid' },
  unit: 'euro',
  async compute({ on, period }) {
    const rent = await rentSupport({ on, period });
    return { value: rent.spentCents / 100, recordIds: rent.requestCodes };
  },
};

const jobsCreatedIndicator: Indicator = {
  key: 'autonomy.jobs_created',
  label: {
    it: 'Posti di lavoro creati dalle imprese sociali del progetto',
    en: 'Jobs created by the project’s social enterprises',
  },
  unit: 'records',
  async compute({ on, period, keyring }) {
    const initiatives = await initiativesSupported({ on, period });
    const code = await initiativeCoder(on, keyring);
    return { value: initiatives.jobsCreated, recordIds: initiatives.ids.map((id) => code(id)).sort() };
  },
};

export const AUTONOMY_INDICATORS: readonly Indicator[] = [
  jobOrientationIndicator,
  placedIndicator,
  familiesIndicator,
  exitsIndicator,
  rentIndicator,
  jobsCreatedIndicator,
];
