import { sql } from 'drizzle-orm';
import { PLAN_REVIEW_DAYS, type TCaseListItem, type TCaseListQuery } from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { displayNames } from './cases.policy.js';

import { iso } from './cases.service.js';

/** The work list of cases (its SQL, also timed bare by the benchmark), its filters, and the reminders on Home. */
/** The work list condition: cases the user works on or supervises, never a referrer's or mediator's row. */
export function caseListWhere(query: TCaseListQuery) {
  const conditions = [
    sql`(c.service_id in (select unnest(trama_supervised_services())) or c.id = any((select trama_team_cases('{lead,member}'))::uuid[]))`,
  ];
  if (query.status) conditions.push(sql`c.status = ${query.status}`);
  if (query.serviceId) conditions.push(sql`c.service_id = ${query.serviceId}`);
  if (query.districtId) conditions.push(sql`c.district_id = ${query.districtId}`);
  if (query.workerId)
    conditions.push(sql`exists (select 1 from case_team t where t.case_id = c.id and t.user_id = ${query.workerId}
      and t.team_role in ('lead', 'member'))`);
  if (query.overdue === 'true')
    conditions.push(
      sql`c.status = 'open' and coalesce(c.plan_approved_at, c.opened_at) < now() - make_interval(days => ${PLAN_REVIEW_DAYS})`,
    );
  // starts_with (^@) is leakproof: under row-level security it may use the code index; LIKE may not.
  if (query.q) conditions.push(sql`c.code ^@ ${query.q.toUpperCase()}`);
  return sql.join(conditions, sql` and `);
}

/** The case list's SQL, also run bare by the benchmark for its ratio. */
export function caseListQueries(query: TCaseListQuery) {
  const where = caseListWhere(query);
  return {
    page: sql`select c.id, c.code, c.status, c.plan_status, s.name as service_name, d.name as district_name,
        c.lead_user_id, c.opened_at, c.plan_approved_at,
        (c.status = 'open' and coalesce(c.plan_approved_at, c.opened_at) < now() - make_interval(days => ${PLAN_REVIEW_DAYS})) as overdue
      from cases c join services s on s.id = c.service_id left join districts d on d.id = c.district_id
      where ${where} order by c.opened_at desc, c.id
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    count: sql`select count(*)::int as n from cases c where ${where}`,
  };
}

export async function listCases({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: TCaseListQuery;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { page, count } = caseListQueries(query);
      const rows = await queryRows<{
        id: string;
        code: string;
        status: TCaseListItem['status'];
        plan_status: TCaseListItem['planStatus'];
        service_name: string;
        district_name: string | null;
        lead_user_id: string | null;
        opened_at: Date;
        plan_approved_at: Date | null;
        overdue: boolean;
      }>(tx, page);
      const [total] = await queryRows<{ n: number }>(tx, count);
      const names = await displayNames({
        tx,
        ids: rows.flatMap((r) => (r.lead_user_id ? [r.lead_user_id] : [])),
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'case.listed', details: { shown: rows.length, page: query.page } },
      });
      const items: TCaseListItem[] = rows.map((r) => ({
        id: r.id,
        code: r.code,
        status: r.status,
        planStatus: r.plan_status,
        serviceName: r.service_name,
        districtName: r.district_name,
        leadName: r.lead_user_id ? (names.get(r.lead_user_id)?.name ?? null) : null,
        openedAt: iso(r.opened_at)!,
        planReviewDue: iso(
          new Date(new Date(r.plan_approved_at ?? r.opened_at).getTime() + PLAN_REVIEW_DAYS * 86_400_000),
        ),
        overdue: r.overdue,
      }));
      return { items, page: query.page, pageSize: query.pageSize, total: total!.n };
    },
  });
}

/** What the filters of the work list can offer this user. */
export async function caseFilters({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const services = await queryRows<{ id: string; name: string }>(
        tx,
        sql`select s.id, s.name from services s where s.id = any((select trama_supervised_services())::uuid[])
              or s.id in (select c.service_id from cases c where c.id = any((select trama_team_cases('{lead,member}'))::uuid[]))
            order by s.name`,
      );
      const districts = await queryRows<{ id: string; name: string }>(
        tx,
        sql`select id, name from districts order by name`,
      );
      const team = await queryRows<{ user_id: string }>(
        tx,
        sql`select distinct t.user_id from case_team t where t.team_role in ('lead', 'member')
              and t.case_id in (select o.id from openable_cases o) limit 200`,
      );
      const names = await displayNames({ tx, ids: team.map((t) => t.user_id) });
      const workers = [...names.entries()]
        .map(([id, n]) => ({ id, displayName: n.name }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      return { services, districts, workers };
    },
  });
}

/**
 * The case reminders on the home page: referrals to the acting service not answered in time, plans
 * of one's cases not reviewed for PLAN_REVIEW_DAYS, and (for a supervisor) plans and closures
 * waiting for approval.
 */
export async function caseReminders({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  const [row] = await queryRows<{ overdue: number; review: number; approval: number }>(
    tx,
    sql`select
      (select count(*)::int from referrals r where r.to_service_id = (select trama_service()) and r.status = 'sent'
         and r.due_by < now()) as overdue,
      (select count(*)::int from cases c where c.id = any((select trama_team_cases('{lead}'))::uuid[]) and c.status = 'open'
         and coalesce(c.plan_approved_at, c.opened_at) < now() - make_interval(days => ${PLAN_REVIEW_DAYS})) as review,
      (select count(*)::int from cases c where c.service_id = any((select trama_supervised_services())::uuid[])
         and (c.plan_status = 'submitted' or c.status = 'closing')) as approval`,
  );
  return [
    { kind: 'referrals_overdue' as const, count: row!.overdue, link: '/referrals?overdue=true' },
    {
      kind: 'plans_to_review' as const,
      count: ctx.permissions.has('cases.write') ? row!.review : 0,
      link: '/cases?overdue=true',
    },
    {
      kind: 'awaiting_approval' as const,
      count: ctx.permissions.has('cases.supervise') ? row!.approval : 0,
      link: '/cases',
    },
  ];
}
