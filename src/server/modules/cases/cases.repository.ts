import { eq, sql } from 'drizzle-orm';
import type { TAddressForm } from '../../../contracts/auth.js';
import {
  CASE_LIST_CURSOR_VALUES,
  PLAN_REVIEW_DAYS,
  type TCase,
  type TCaseListItem,
  type TCaseListQuery,
} from '../../../contracts/cases.js';
import { AFTER_CARE_DUE_DAYS } from '../../../contracts/tutela.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { countOf, isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import {
  defineKeyset,
  keysetAfter,
  keysetOrderBy,
  keysetPage,
  keysetSelect,
} from '../../platform/http/keyset.js';
import { mayReopen, statusOfCase } from './case-status.repository.js';
import { selectPeople, toPerson } from './cases.people.js';
import { type CaseAccess, displayNames } from './cases.policy.js';
import { caseFiles, caseTeam } from './cases.sql.js';

/**
 * Data access for cases: one case as its viewer may see it, the work list (its SQL also timed bare
 * by the benchmark) and its filters, the timeline, the reminder counts, and the reads the team and
 * plan rules need. Every query runs in the request's scoped transaction, where row-level security
 * applies; the few reads made as the owner say why.
 */
const days = (from: Date | null, to: Date | null) =>
  from && to
    ? Math.round(((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000) * 10) / 10
    : null;

/**
 * When the plan of a case aliased `c` is next due for review: as the latest review of the approved
 * version set it (PLAN_REVIEW_DAYS after that review when it left no date), else PLAN_REVIEW_DAYS
 * after the approval, else after the opening (planReviewDueOn gives the plan page the same date).
 * Reviews are read under the viewer's row-level security, as the case itself is.
 */
const PLAN_REVIEW_DUE = sql`coalesce(
    (select coalesce(r.next_review_on, r.held_on + ${PLAN_REVIEW_DAYS}::int)::timestamptz
      from case_plan_reviews r join case_plan_versions v on v.id = r.version_id and v.status = 'approved'
      where r.case_id = c.id order by r.held_on desc, r.created_at desc limit 1),
    coalesce(c.plan_approved_at, c.opened_at) + make_interval(days => ${PLAN_REVIEW_DAYS}))`;

/** The same rule as a day, for one case: the plan page shows it beside the reviews. */
export async function planReviewDueOn({ tx, caseId }: { tx: Tx; caseId: string }) {
  const [row] = await queryRows<{ due: string }>(
    tx,
    sql`select to_char(${PLAN_REVIEW_DUE}, 'YYYY-MM-DD') as due from cases c where c.id = ${caseId}`,
  );
  return row?.due ?? null;
}

/** The same rule as a condition: the review of an open case is overdue. */
const PLAN_REVIEW_OVERDUE = sql`${PLAN_REVIEW_DUE} < now()`;

/** The case as the policy found it for this viewer: a referrer sees the outline, the others the team, people and file too. */
export async function loadCase({
  tx,
  found,
  ctx,
}: {
  tx: Tx;
  found: CaseAccess;
  ctx: AccessContext;
}): Promise<TCase> {
  const [c] = await queryRows<{
    code: string;
    status: TCase['status'];
    service_name: string;
    district_name: string | null;
    opened_at: Date;
    first_session_at: Date | null;
    referral_sent_at: Date | null;
    plan_status: TCase['planStatus'];
    plan_approved_at: Date | null;
    plan_submitted_by: string | null;
    closure_outcome: TCase['closure']['outcome'];
    closure_requested_at: Date | null;
    closure_requested_by: string | null;
    closed_at: Date | null;
    plan_review_due: Date;
  }>(
    tx,
    sql`select c.code, c.status, s.name as service_name, d.name as district_name, c.opened_at, c.first_session_at,
          c.referral_sent_at, c.plan_status, c.plan_approved_at, c.plan_submitted_by, c.closure_outcome,
          c.closure_requested_at, c.closure_requested_by, c.closed_at, ${PLAN_REVIEW_DUE} as plan_review_due
        from cases c join services s on s.id = c.service_id left join districts d on d.id = c.district_id
        where c.id = ${found.id}`,
  );
  // The referral row is the two services' business: a break-the-glass grant or a team member of
  // another service opens the case, not the referral. What the case shows of it (its purpose and
  // who sent it, no personal data) is read as the owner, for a case the policy has just allowed.
  const [r] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{
      purpose: TCase['referral']['purpose'];
      from_name: string;
      origin: TCase['referral']['origin'];
      reporter_kind: TCase['referral']['reporterKind'];
    }>(
      sys,
      sql`select r.purpose, fs.name as from_name, r.origin, r.reporter_kind from referrals r join services fs on fs.id = r.from_service_id
          where r.id = ${found.referralId}`,
    ),
  );
  const base: TCase = {
    id: found.id,
    code: c!.code,
    status: c!.status,
    access: found.access,
    serviceName: c!.service_name,
    districtName: c!.district_name,
    openedAt: isoTime(c!.opened_at)!,
    referral: {
      id: found.referralId,
      purpose: r!.purpose,
      fromServiceName: r!.from_name,
      sentAt: isoTime(c!.referral_sent_at),
      origin: r!.origin,
      reporterKind: r!.reporter_kind,
    },
    indicators: {
      // A case the service opened itself was never waiting for acceptance.
      daysToAcceptance: r!.origin === 'service' ? days(c!.referral_sent_at, c!.opened_at) : null,
      daysToFirstSession: days(c!.referral_sent_at, c!.first_session_at),
    },
    planStatus: c!.plan_status,
    planApprovedAt: isoTime(c!.plan_approved_at),
    planReviewDue: c!.status === 'closed' ? null : isoTime(c!.plan_review_due),
    closure: {
      outcome: c!.closure_outcome,
      requestedAt: isoTime(c!.closure_requested_at),
      closedAt: isoTime(c!.closed_at),
    },
    can: {
      edit: found.access === 'clinical' && c!.status !== 'closed',
      lead: found.teamRole === 'lead' && found.access === 'clinical' && c!.status !== 'closed',
      supervise: found.access === 'supervisor' && ctx.permissions.has('cases.supervise'),
      reopen: mayReopen({ found, ctx, status: c!.status }),
    },
  };
  if (found.access === 'referrer') return base;
  const { transferredTo, afterCareOn, transfer, statusHistory } = await statusOfCase({
    tx,
    caseId: found.id,
  });
  const team = await queryRows<{ user_id: string; team_role: TCase['access'] }>(
    tx,
    sql`select user_id, team_role from case_team where case_id = ${found.id} order by added_at`,
  );
  const names = await displayNames({ tx, ids: team.map((t) => t.user_id) });
  const members = await selectPeople({
    tx,
    where: sql`p.id in (select rp.person_id from referral_people rp where rp.referral_id = ${found.referralId})`,
  });
  const [file] = await tx.select().from(caseFiles).where(eq(caseFiles.caseId, found.id));
  // Read as the caller: the sending service (and its coordinator) sees them; a team of another service does not.
  const sent = await queryRows<{
    id: string;
    to_name: string;
    purpose: TCase['referral']['purpose'];
    status: NonNullable<TCase['sentReferrals']>[number]['status'];
    sent_at: Date | null;
  }>(
    tx,
    sql`select r.id, s.name as to_name, r.purpose, r.status, r.sent_at from referrals r
        join services s on s.id = r.to_service_id where r.parent_case_id = ${found.id} order by r.created_at`,
  );
  return {
    ...base,
    sentReferrals: sent.map((r) => ({
      id: r.id,
      toServiceName: r.to_name,
      purpose: r.purpose,
      status: r.status,
      sentAt: isoTime(r.sent_at),
    })),
    closure: { ...base.closure, transferredTo, afterCareOn },
    transfer,
    statusHistory,
    team: team.map((t) => ({
      userId: t.user_id,
      displayName: names.get(t.user_id)?.name ?? '',
      teamRole: t.team_role as never,
      role: names.get(t.user_id)?.role ?? null,
      addressForm: names.get(t.user_id)?.addressForm ?? 'neutral',
    })),
    members: members.map(toPerson),
    file: {
      intake: (file?.intake as never) ?? null,
      closureReason: file?.closureReason ?? null,
    },
  };
}

export function teamOf({ tx, caseId }: { tx: Tx; caseId: string }) {
  return tx.select().from(caseTeam).where(eq(caseTeam.caseId, caseId));
}

/** Which of these users exist and are not disabled: read as the owner, ids only. */
export function activeStaff({ tx, ids }: { tx: Tx; ids: string[] }) {
  return unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string }>(
      sys,
      sql`select u.id from users u where u.disabled_at is null and u.id in (${uuidList(ids)})`,
    ),
  );
}

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
  if (query.overdue === 'true') conditions.push(sql`c.status = 'open' and ${PLAN_REVIEW_OVERDUE}`);
  // starts_with (^@) is leakproof: under row-level security it may use the code index; LIKE may not.
  if (query.q) conditions.push(sql`c.code ^@ ${query.q.toUpperCase()}`);
  return sql.join(conditions, sql` and `);
}

/**
 * The work list's order, newest opening first, ties by id: the order of `cases_opened_idx`
 * (opened_at DESC, id), so page 1 and every page after a cursor read the index from where they
 * start and stop after one page, with no sort.
 */
export const CASE_LIST_KEYSET = defineKeyset({
  values: CASE_LIST_CURSOR_VALUES,
  columns: [{ expr: sql`c.opened_at`, direction: 'desc' }],
  id: { expr: sql`c.id`, direction: 'asc' },
});

/**
 * The case list's SQL, also run bare by the benchmark for its ratio. With a cursor the page starts
 * after it (no OFFSET); without one, `page` counts from the top. One row more than the page is
 * read to know whether a next page exists.
 */
export function caseListQueries(query: TCaseListQuery) {
  const where = caseListWhere(query);
  const position = query.cursor
    ? sql`and ${keysetAfter(CASE_LIST_KEYSET, query.cursor)} order by ${keysetOrderBy(CASE_LIST_KEYSET)} limit ${query.pageSize + 1}`
    : sql`order by ${keysetOrderBy(CASE_LIST_KEYSET)} limit ${query.pageSize + 1} offset ${(query.page - 1) * query.pageSize}`;
  return {
    page: sql`select c.id, c.code, c.status, c.plan_status, s.name as service_name, d.name as district_name,
        c.lead_user_id, c.opened_at, ${PLAN_REVIEW_DUE} as plan_review_due,
        (c.status = 'open' and ${PLAN_REVIEW_OVERDUE}) as overdue, ${keysetSelect(CASE_LIST_KEYSET)}
      from cases c join services s on s.id = c.service_id left join districts d on d.id = c.district_id
      where ${where} ${position}`,
    count: sql`select count(*)::int as n from cases c where ${where}`,
  };
}

export async function pageOfCases({ tx, query }: { tx: Tx; query: TCaseListQuery }) {
  const { page, count } = caseListQueries(query);
  const found = await queryRows<{
    id: string;
    code: string;
    status: TCaseListItem['status'];
    plan_status: TCaseListItem['planStatus'];
    service_name: string;
    district_name: string | null;
    lead_user_id: string | null;
    opened_at: Date;
    plan_review_due: Date;
    overdue: boolean;
    keyset_id: string;
  }>(tx, page);
  const { rows, nextCursor } = keysetPage({
    keyset: CASE_LIST_KEYSET,
    rows: found,
    pageSize: query.pageSize,
  });
  const total = await countOf(tx, count);
  const names = await displayNames({
    tx,
    ids: rows.flatMap((r) => (r.lead_user_id ? [r.lead_user_id] : [])),
  });
  const items: TCaseListItem[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    planStatus: r.plan_status,
    serviceName: r.service_name,
    districtName: r.district_name,
    leadName: r.lead_user_id ? (names.get(r.lead_user_id)?.name ?? null) : null,
    openedAt: isoTime(r.opened_at)!,
    planReviewDue: isoTime(r.plan_review_due),
    overdue: r.overdue,
  }));
  return { items, page: query.page, pageSize: query.pageSize, total, nextCursor };
}

/** What the filters of the work list can offer this user. */
export async function caseFilterOptions({ tx }: { tx: Tx }) {
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
}

/**
 * The counts behind the case reminders: referrals to the acting service not answered in time, plans
 * of one's cases not reviewed for PLAN_REVIEW_DAYS, plans and closures waiting for approval.
 */
export async function reminderCounts({ tx }: { tx: Tx }) {
  const [row] = await queryRows<{
    received: number;
    overdue: number;
    drafts: number;
    review: number;
    approval: number;
    transfers: number;
    after_care: number;
  }>(
    tx,
    sql`select
      (select count(*)::int from referrals r where r.to_service_id = (select trama_service()) and r.status = 'sent'
         and (r.due_by is null or r.due_by >= now())) as received,
      (select count(*)::int from referrals r where r.to_service_id = (select trama_service()) and r.status = 'sent'
         and r.due_by < now()) as overdue,
      (select count(*)::int from referrals r where r.created_by = (select trama_user()) and r.status = 'draft') as drafts,
      (select count(*)::int from cases c where c.id = any((select trama_team_cases('{lead}'))::uuid[]) and c.status = 'open'
         and ${PLAN_REVIEW_OVERDUE}) as review,
      (select count(*)::int from cases c where c.service_id = any((select trama_supervised_services())::uuid[])
         and (c.plan_status = 'submitted' or c.status = 'closing')) as approval,
      (select count(*)::int from case_transfers t where t.to_service_id = (select trama_service())
         and t.status = 'requested') as transfers,
      (select count(*)::int from cases c where c.id = any((select trama_team_cases('{lead}'))::uuid[]) and c.status = 'closed'
         and c.after_care_on <= current_date + ${AFTER_CARE_DUE_DAYS}::int) as after_care`,
  );
  return row!;
}

/** What happened to the case, in order: its milestones and its sessions. */
export async function timelineOf({ tx, id }: { tx: Tx; id: string }) {
  const events = await queryRows<{ at: Date; kind: string; detail: string | null }>(
    tx,
    sql`select * from (
          select referral_sent_at as at, 'referral_sent' as kind, null::text as detail from cases where id = ${id}
          union all select opened_at, 'accepted', null from cases where id = ${id}
          union all select plan_approved_at, 'plan_approved', null from cases where id = ${id}
          union all select closure_requested_at, 'closure_requested', closure_outcome from cases where id = ${id}
            and not exists (select 1 from case_status_changes h where h.case_id = ${id} and h.kind = 'closure_requested')
          union all select closed_at, 'closed', closure_outcome from cases where id = ${id}
            and not exists (select 1 from case_status_changes h where h.case_id = ${id} and h.kind = 'closed')
          -- The status history (issue 15): requests, refusals, returns, closings, reopenings, transfers;
          -- a case closed before it existed keeps its closure from the row above. The outcome shows
          -- on the current closure's events only (an earlier one's was cleared on reopening).
          union all select h.changed_at, h.kind, case when h.kind in ('closure_requested', 'closed')
              and h.changed_at >= c.closure_requested_at then c.closure_outcome end
            from case_status_changes h join cases c on c.id = h.case_id where h.case_id = ${id}
          union all select starts_at, 'session', kind from case_sessions where case_id = ${id}
        ) e where at is not null order by at, kind`,
  );
  return events.map((e) => ({ at: isoTime(e.at)!, kind: e.kind as never, detail: e.detail }));
}

/** The person's household's owning service, or null when the viewer cannot see the person. */
export async function ownerServiceOfPerson({ tx, personId }: { tx: Tx; personId: string }) {
  const [row] = await queryRows<{ service: string }>(
    tx,
    sql`select h.owner_service_id as service from people p join households h on h.id = p.household_id where p.id = ${personId}`,
  );
  return row ?? null;
}

/** The active members of a service and every mediator, read as the owner: names and roles only. */
export function staffOf({ tx, serviceId }: { tx: Tx; serviceId: string | null }) {
  return unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; displayName: string; role: string; addressForm: TAddressForm }>(
      sys,
      sql`select distinct u.id, u.display_name as "displayName", m.role, u.address_form as "addressForm" from users u
          join memberships m on m.user_id = u.id
          where u.disabled_at is null and (m.service_id = ${serviceId} or m.role = 'mediator')
          order by 2`,
    ),
  );
}
