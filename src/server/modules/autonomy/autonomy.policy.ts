import { type SQL, sql } from 'drizzle-orm';
import type { AccessContext } from '../../platform/access/access-context.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';

/**
 * Who may do what in autonomy paths and protected housing (RLS: 0041_autonomy_rls; the same rules
 * here, RLS beneath as the backstop).
 * - A plan is read by the household's team (who works it, supervises it or holds a grant into one of
 *   its cases) and by its tutor; written by the team that works the household and by the tutor.
 * - The catalogue and the initiatives are kept by the autonomy workers (coordinators and
 *   practitioners of an autonomy_housing service); everyone with autonomy.read reads them.
 * - Units and occupancy: the housing team (the same workers); the address: its coordinators after a
 *   step-up, anyone else once after a coordinator approved their request.
 * - Budgets, payment orders and the ledger: the service's finance officers (and the housing team
 *   reads them); a request is never decided by who made it.
 */

export type AutonomyRole = 'coordinator' | 'practitioner' | 'clinician' | 'finance';

/**
 * The households with someone the caller is blocked from (a perpetrator's follower, a
 * conflict-of-interest lock), as an SQL array for a `= any (…)` test: their stays, the apartments
 * they live in and their rent support are out of the caller's reach, even in a household the caller
 * works (a perpetrator and a victim may share one). 0043_autonomy_review.
 */
export const BLOCKED_HOUSEHOLDS = sql`((select trama_blocked_households())::uuid[])`;

/** The acting membership's role in an autonomy_housing service, or null when it is held elsewhere. */
export async function autonomyRoleOf(tx: Tx): Promise<AutonomyRole | null> {
  const [row] = await queryRows<{ role: AutonomyRole | null }>(tx, sql`select trama_autonomy_role() as role`);
  return row?.role ?? null;
}

const onlyFor = (it: string, en: string) =>
  new HttpProblem(403, 'not-autonomy-service', { it: 'Non consentito', en: 'Not allowed' }, { it, en });

/** Whether the acting membership keeps the catalogue, the enterprises and the employers. */
export async function isAutonomyWorker(tx: Tx) {
  const role = await autonomyRoleOf(tx);
  return role === 'coordinator' || role === 'practitioner';
}

export async function requireAutonomyWorker(tx: Tx) {
  if (!(await isAutonomyWorker(tx)))
    throw onlyFor(
      'Il catalogo, le imprese sociali e gli appartamenti sono curati dagli operatori di un servizio Autonomia e abitare.',
      'The catalogue, the social enterprises and the apartments are kept by the workers of an autonomy and housing service.',
    );
}

/**
 * A record of the catalogue (an offer, a social enterprise) is changed by the autonomy workers of
 * the service that keeps it; `why` tells the others whose it is (403).
 */
export async function requireKeeper(
  tx: Tx,
  ctx: AccessContext,
  keptBy: string,
  why: { it: string; en: string },
) {
  await requireAutonomyWorker(tx);
  if (keptBy !== ctx.serviceId) throw onlyFor(why.it, why.en);
}

export const unknownField = (field: string): FieldError => ({
  field,
  code: 'unknown',
  message: { it: 'Non si trova: scegline uno dall’elenco.', en: 'Not found: choose one from the list.' },
});

/**
 * The records an input names must exist: each field maps to the rows it must find, or to nothing
 * when the field is not given. Read as the owner (organisations and the registry are outside most
 * callers' RLS; only yes or no comes back); every missing one is named at once (400).
 */
export async function requireKnown(tx: Tx, references: Record<string, SQL | '' | null | undefined>) {
  const given = Object.entries(references).filter((entry): entry is [string, SQL] => Boolean(entry[1]));
  if (given.length === 0) return;
  const [found] = await unsafeAsSystem(tx, (sys) =>
    queryRows<Record<string, boolean>>(
      sys,
      sql`select ${sql.join(
        given.map(([field, rows]) => sql`exists (${rows}) as ${sql.identifier(field)}`),
        sql`, `,
      )}`,
    ),
  );
  const missing = given.filter(([field]) => !found?.[field]);
  if (missing.length > 0) throw problems.fields(missing.map(([field]) => unknownField(field)));
}

export async function requireHousingCoordinator(tx: Tx) {
  if ((await autonomyRoleOf(tx)) !== 'coordinator')
    throw onlyFor(
      'Solo chi coordina un servizio Autonomia e abitare gestisce gli appartamenti e le permanenze.',
      'Only the coordinator of an autonomy and housing service manages the apartments and the stays.',
    );
}

export async function requireFinance(tx: Tx) {
  if ((await autonomyRoleOf(tx)) !== 'finance')
    throw onlyFor(
      'Solo un referente amministrativo del servizio approva e paga il sostegno all’affitto.',
      'Only a finance officer of the service approves and pays rent support.',
    );
}

export interface PlanAccess {
  id: string;
  personId: string;
  householdId: string;
  status: 'active' | 'closed';
  tutorUserId: string;
  /** Whether the caller may change it (the household's working team or the tutor). */
  writable: boolean;
}

/** A plan the caller reads (404 otherwise, audited); `write` asks for a plan the caller may change. */
export async function requirePlan({
  tx,
  planId,
  write = false,
}: {
  tx: Tx;
  planId: string;
  write?: boolean;
}): Promise<PlanAccess> {
  const [row] = await queryRows<{
    id: string;
    person_id: string;
    household_id: string;
    status: 'active' | 'closed';
    tutor_user_id: string;
    writable: boolean;
  }>(
    tx,
    sql`select p.id, p.person_id, p.household_id, p.status, p.tutor_user_id,
               p.id = any (trama_writable_plans()) as writable
          from autonomy_plans p where p.id = ${planId}`,
  );
  if (!row || (write && !row.writable)) throw new OutOfScope('autonomy_plan', planId);
  return {
    id: row.id,
    personId: row.person_id,
    householdId: row.household_id,
    status: row.status,
    tutorUserId: row.tutor_user_id,
    writable: row.writable,
  };
}

/** Refuses a change to a closed plan. */
export function requireActivePlan(plan: PlanAccess) {
  if (plan.status !== 'active')
    throw new HttpProblem(
      409,
      'plan-closed',
      { it: 'Progetto chiuso', en: 'Plan closed' },
      {
        it: 'Il progetto di autonomia è chiuso: non si modifica più.',
        en: 'The autonomy plan is closed: it can no longer be changed.',
      },
    );
}
