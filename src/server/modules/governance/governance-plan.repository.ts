import { sql } from 'drizzle-orm';
import type { TActivity, TMilestone, TRisk } from '../../../contracts/governance-plan.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';

/**
 * The plan's reads: activities with their responsible partner and latest update, milestones with
 * the late flag (due before today in Italy and not reached), risks with their owner. The plan is
 * read under RLS (everyone signed in); only account names are read as the owner, because the
 * users table shows a user only to their own colleagues and an owner's name is part of the plan.
 */

const TODAY = sql`(now() at time zone 'Europe/Rome')::date`;

interface Named {
  id: string;
  name: string;
}
const named = (id: string | null, name: string | null): Named | null =>
  id ? { id, name: name ?? '' } : null;

export async function loadActivities(tx: Tx, where = sql`true`): Promise<TActivity[]> {
  const rows = await queryRows<{
    id: string;
    work_package: TActivity['workPackage'];
    title: string;
    org_id: string | null;
    org_name: string | null;
    starts_on: string;
    ends_on: string;
    status: TActivity['status'];
    upd_status: TActivity['status'] | null;
    upd_note: string | null;
    upd_on: string | null;
    upd_by: string | null;
  }>(
    tx,
    sql`select a.id, a.work_package, a.title, o.id as org_id, o.name as org_name, a.starts_on::text, a.ends_on::text,
               a.status, u.status as upd_status, u.note as upd_note,
               (u.updated_at at time zone 'Europe/Rome')::date::text as upd_on, u.updated_by as upd_by
          from governance_activities a
          left join organisations o on o.id = a.responsible_organisation_id
          left join lateral (select * from governance_activity_updates x where x.activity_id = a.id
                              order by x.updated_at desc, x.id desc limit 1) u on true
         where ${where}
         order by a.work_package, a.starts_on, a.title, a.id`,
  );
  const names = await userNames(
    tx,
    rows.flatMap((r) => (r.upd_by ? [r.upd_by] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    workPackage: r.work_package,
    title: r.title,
    responsible: named(r.org_id, r.org_name),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
    latestUpdate:
      r.upd_status && r.upd_on
        ? {
            status: r.upd_status,
            note: r.upd_note ?? '',
            updatedOn: r.upd_on,
            updatedBy: names.get(r.upd_by ?? '') ?? '',
          }
        : null,
  }));
}

export async function loadMilestones(tx: Tx, where = sql`true`): Promise<TMilestone[]> {
  const rows = await queryRows<{
    id: string;
    work_package: TMilestone['workPackage'];
    title: string;
    org_id: string | null;
    org_name: string | null;
    due_on: string;
    reached_on: string | null;
    late: boolean;
  }>(
    tx,
    sql`select m.id, m.work_package, m.title, o.id as org_id, o.name as org_name, m.due_on::text,
               m.reached_on::text, (m.reached_on is null and m.due_on < ${TODAY}) as late
          from governance_milestones m
          left join organisations o on o.id = m.responsible_organisation_id
         where ${where}
         order by m.work_package, m.due_on, m.title, m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    workPackage: r.work_package,
    title: r.title,
    responsible: named(r.org_id, r.org_name),
    dueOn: r.due_on,
    reachedOn: r.reached_on,
    late: r.late,
  }));
}

export async function loadRisks(tx: Tx, where = sql`true`): Promise<TRisk[]> {
  const rows = await queryRows<{
    id: string;
    kind: TRisk['kind'];
    work_package: TRisk['workPackage'];
    title: string;
    likelihood: TRisk['likelihood'];
    impact: TRisk['impact'];
    mitigation: string;
    owner_id: string | null;
    status: TRisk['status'];
  }>(
    tx,
    sql`select r.id, r.kind, r.work_package, r.title, r.likelihood, r.impact, r.mitigation, r.owner_id, r.status
          from governance_risks r where ${where}
         order by r.status = 'closed', r.kind, r.title, r.id`,
  );
  const names = await userNames(
    tx,
    rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    workPackage: r.work_package,
    title: r.title,
    likelihood: r.likelihood,
    impact: r.impact,
    mitigation: r.mitigation,
    owner: r.owner_id ? { id: r.owner_id, name: names.get(r.owner_id) ?? '' } : null,
    status: r.status,
  }));
}

/** Account names by id (only the ids the plan already names). */
export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; display_name: string }>(
      sys,
      sql`select id, display_name from users where id in (${sql.join(
        unique.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The network's organisations (for the responsible partner of an activity). */
export function loadOrganisations(tx: Tx) {
  return queryRows<Named>(tx, sql`select id, name from organisations order by name, id`);
}

/** Who may own a risk: the coordinators (the ones who keep the plan). */
export function loadCoordinators(tx: Tx) {
  return unsafeAsSystem(tx, (sys) =>
    queryRows<Named>(
      sys,
      sql`select distinct u.id, u.display_name as name from users u join memberships m on m.user_id = u.id
           where m.role = 'coordinator' and u.disabled_at is null order by u.display_name, u.id`,
    ),
  );
}

export async function isGovernanceManager(tx: Tx) {
  const [row] = await queryRows<{ ok: boolean }>(tx, sql`select trama_is_governance_manager() as ok`);
  return row?.ok ?? false;
}
