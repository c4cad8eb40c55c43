import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  PLAN_REVIEW_DAYS,
  type TCase,
  type TCaseListItem,
  type TCaseListQuery,
  type ZClosureRequestSchema,
  type ZTeamUpdateSchema,
} from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { selectPeople, toPerson } from './cases.people.js';
import {
  type CaseAccess,
  caseAccessOf,
  displayNames,
  isBlockedFrom,
  refused,
  requireCase,
  requireOpen,
  STRADDLES_MESSAGE,
  straddlesPerpetrator,
} from './cases.policy.js';
import { caseFiles, cases, caseTeam, referrals } from './cases.sql.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const days = (from: Date | null, to: Date | null) =>
  from && to
    ? Math.round(((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000) * 10) / 10
    : null;

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

async function loadCase({
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
  }>(
    tx,
    sql`select c.code, c.status, s.name as service_name, d.name as district_name, c.opened_at, c.first_session_at,
          c.referral_sent_at, c.plan_status, c.plan_approved_at, c.plan_submitted_by, c.closure_outcome,
          c.closure_requested_at, c.closure_requested_by, c.closed_at
        from cases c join services s on s.id = c.service_id left join districts d on d.id = c.district_id
        where c.id = ${found.id}`,
  );
  // The referral row is the two services' business: a break-the-glass grant or a team member of
  // another service opens the case, not the referral. What the case shows of it (its purpose and
  // who sent it, no personal data) is read as the owner, for a case the policy has just allowed.
  const [r] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ purpose: TCase['referral']['purpose']; from_name: string }>(
      sys,
      sql`select r.purpose, fs.name as from_name from referrals r join services fs on fs.id = r.from_service_id
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
    openedAt: iso(c!.opened_at)!,
    referral: {
      id: found.referralId,
      purpose: r!.purpose,
      fromServiceName: r!.from_name,
      sentAt: iso(c!.referral_sent_at),
    },
    indicators: {
      daysToAcceptance: days(c!.referral_sent_at, c!.opened_at),
      daysToFirstSession: days(c!.referral_sent_at, c!.first_session_at),
    },
    planStatus: c!.plan_status,
    planApprovedAt: iso(c!.plan_approved_at),
    planReviewDue:
      c!.status === 'closed'
        ? null
        : iso(
            new Date(new Date(c!.plan_approved_at ?? c!.opened_at).getTime() + PLAN_REVIEW_DAYS * 86_400_000),
          ),
    closure: {
      outcome: c!.closure_outcome,
      requestedAt: iso(c!.closure_requested_at),
      closedAt: iso(c!.closed_at),
    },
    can: {
      edit: found.access === 'clinical' && c!.status !== 'closed',
      lead: found.teamRole === 'lead' && found.access === 'clinical' && c!.status !== 'closed',
      supervise: found.access === 'supervisor' && ctx.permissions.has('cases.supervise'),
    },
  };
  if (found.access === 'referrer') return base;
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
  return {
    ...base,
    team: team.map((t) => ({
      userId: t.user_id,
      displayName: names.get(t.user_id)?.name ?? '',
      teamRole: t.team_role as never,
      role: names.get(t.user_id)?.role ?? null,
    })),
    members: members.map(toPerson),
    file: {
      intake: (file?.intake as never) ?? null,
      assessment: (file?.assessment as never) ?? null,
      plan: (file?.plan as never) ?? null,
      closureReason: file?.closureReason ?? null,
    },
  };
}

const ANY_ACCESS = ['clinical', 'supervisor', 'break_glass', 'referrer'] as const;

export async function getCase({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs: ANY_ACCESS });
      const result = await loadCase({ tx, found, ctx });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'case.read', recordType: 'case', recordId: id, details: { access: found.access } },
      });
      return result;
    },
  });
}

/** Writes to the case under its rules, audits, and returns the case as the writer now sees it. */
async function changeCase({
  deps,
  ctx,
  id,
  needs,
  action,
  details,
  change,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  needs: CaseAccess['access'][];
  action: AuditAction;
  details?: Record<string, unknown>;
  change: (tx: Tx, found: CaseAccess) => Promise<void>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs });
      requireOpen(found);
      await change(tx, found);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action, recordType: 'case', recordId: id, details },
      });
      return loadCase({ tx, found: (await caseAccessOf({ tx, id }))!, ctx });
    },
  });
}

export function updateFile({
  deps,
  ctx,
  id,
  section,
  value,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  section: 'intake' | 'assessment' | 'plan';
  value: unknown;
}) {
  return changeCase({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'case.file_updated',
    details: { section },
    change: async (tx, found) => {
      await tx
        .update(caseFiles)
        .set({ [section]: value, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(eq(caseFiles.caseId, found.id));
      // A changed plan needs approval again.
      if (section === 'plan')
        await tx
          .update(cases)
          .set({ planStatus: 'draft', updatedAt: new Date() })
          .where(eq(cases.id, found.id));
    },
  });
}

export function submitPlan({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return changeCase({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'case.plan_submitted',
    change: async (tx, found) => {
      const [file] = await tx
        .select({ plan: caseFiles.plan })
        .from(caseFiles)
        .where(eq(caseFiles.caseId, found.id));
      if (!file?.plan)
        throw problems.field('plan', 'missing', {
          it: 'Scrivi prima il progetto.',
          en: 'Write the plan first.',
        });
      await tx
        .update(cases)
        .set({ planStatus: 'submitted', planSubmittedBy: ctx.userId, updatedAt: new Date() })
        .where(eq(cases.id, found.id));
    },
  });
}

/** A supervisor approves what someone else submitted: never their own plan. */
export function approvePlan({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return changeCase({
    deps,
    ctx,
    id,
    needs: ['supervisor'],
    action: 'case.plan_approved',
    change: async (tx, found) => {
      const [row] = await tx
        .update(cases)
        .set({
          planStatus: 'approved',
          planApprovedAt: new Date(),
          planApprovedBy: ctx.userId,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(cases.id, found.id),
            eq(cases.planStatus, 'submitted'),
            sql`${cases.planSubmittedBy} <> ${ctx.userId}`,
          ),
        )
        .returning({ id: cases.id });
      if (!row)
        throw problems.conflict({
          it: 'Il progetto non è in attesa di approvazione (o l’hai proposto tu).',
          en: 'The plan is not awaiting approval (or you submitted it).',
        });
    },
  });
}

/**
 * The team is explicit and the lead edits it. One lead, always the editor; the referrer stays;
 * nobody locked out of one of the case's people (conflict of interest, follows the perpetrator)
 * can join, and nobody working with someone the perpetrator may harm joins the perpetrator's team.
 */
export function updateTeam({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZTeamUpdateSchema>;
}) {
  return changeCase({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'case.team_updated',
    details: { members: input.members.length },
    change: async (tx, found) => {
      if (found.teamRole !== 'lead')
        throw refused({
          it: 'Solo il responsabile modifica l’équipe.',
          en: 'Only the team lead edits the team.',
        });
      const leads = input.members.filter((m) => m.teamRole === 'lead');
      if (leads.length !== 1 || leads[0]!.userId !== ctx.userId)
        throw problems.field('members', 'one_lead', {
          it: 'L’équipe ha un solo responsabile: tu (passa la responsabilità chiedendo al coordinatore).',
          en: 'The team has one lead: you (hand over through the coordinator).',
        });
      if (new Set(input.members.map((m) => m.userId)).size !== input.members.length)
        throw problems.field('members', 'duplicate', {
          it: 'Una persona compare due volte.',
          en: 'Someone is listed twice.',
        });
      const people = await queryRows<{ person_id: string }>(
        tx,
        sql`select person_id from referral_people where referral_id = ${found.referralId}`,
      );
      const current = await tx.select().from(caseTeam).where(eq(caseTeam.caseId, found.id));
      const referrer = current.find((m) => m.teamRole === 'referrer');
      for (const [i, m] of input.members.entries()) {
        if (m.teamRole === 'referrer' && m.userId !== referrer?.userId)
          throw problems.field(`members.${i}.teamRole`, 'referrer', {
            it: 'Il ruolo di inviante spetta a chi ha inviato.',
            en: 'Only the referring practitioner is the referrer.',
          });
        if (await isBlockedFrom({ tx, userId: m.userId, personIds: people.map((p) => p.person_id) }))
          throw problems.field(`members.${i}.userId`, 'excluded', {
            it: 'Questa persona è esclusa dal caso (conflitto di interessi o regola di sicurezza).',
            en: 'This person is excluded from the case (conflict of interest or a safety rule).',
          });
      }
      const staff = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string }>(
          sys,
          sql`select u.id from users u where u.disabled_at is null and u.id in (${uuidList(input.members.map((m) => m.userId))})`,
        ),
      );
      if (staff.length !== input.members.length)
        throw problems.field('members', 'unknown', {
          it: 'Utente sconosciuto o disattivato.',
          en: 'Unknown or disabled user.',
        });
      await tx.delete(caseTeam).where(eq(caseTeam.caseId, found.id));
      const kept = referrer && !input.members.some((m) => m.userId === referrer.userId) ? [referrer] : [];
      await tx.insert(caseTeam).values([
        ...input.members.map((m) => ({
          caseId: found.id,
          userId: m.userId,
          teamRole: m.teamRole,
          addedBy: ctx.userId,
        })),
        ...kept.map((r) => ({
          caseId: found.id,
          userId: r.userId,
          teamRole: 'referrer',
          addedBy: r.addedBy,
        })),
      ]);
      // The other way round, checked on the team as written (the transaction rolls back on refusal).
      for (const [i, m] of input.members.entries())
        if (await straddlesPerpetrator({ tx, userId: m.userId }))
          throw problems.field(`members.${i}.userId`, 'follows_perpetrator', STRADDLES_MESSAGE);
    },
  });
}

export function requestClosure({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZClosureRequestSchema>;
}) {
  return changeCase({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'case.closure_requested',
    details: { outcome: input.outcome },
    change: async (tx, found) => {
      if (found.teamRole !== 'lead')
        throw refused({
          it: 'La chiusura la propone il responsabile.',
          en: 'The team lead proposes closure.',
        });
      if (found.status !== 'open')
        throw problems.conflict({ it: 'Chiusura già proposta.', en: 'Closure already proposed.' });
      await tx
        .update(cases)
        .set({
          status: 'closing',
          closureOutcome: input.outcome,
          closureRequestedAt: new Date(),
          closureRequestedBy: ctx.userId,
          updatedAt: new Date(),
        })
        .where(eq(cases.id, found.id));
      await tx
        .update(caseFiles)
        .set({ closureReason: input.reason, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(eq(caseFiles.caseId, found.id));
    },
  });
}

/** Closing the case closes its referral: access derived from the referral ends with it. */
export function approveClosure({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return changeCase({
    deps,
    ctx,
    id,
    needs: ['supervisor'],
    action: 'case.closed',
    change: async (tx, found) => {
      const [row] = await tx
        .update(cases)
        .set({ status: 'closed', closedAt: new Date(), closureApprovedBy: ctx.userId, updatedAt: new Date() })
        .where(and(eq(cases.id, found.id), eq(cases.status, 'closing')))
        .returning({ id: cases.id });
      if (!row)
        throw problems.conflict({ it: 'Nessuna chiusura da approvare.', en: 'No closure to approve.' });
      await tx
        .update(referrals)
        .set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(referrals.id, found.referralId), eq(referrals.status, 'accepted')));
    },
  });
}

export async function caseTimeline({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({
        tx,
        id,
        needs: ['clinical', 'supervisor', 'break_glass'],
      });
      const events = await queryRows<{ at: Date; kind: string; detail: string | null }>(
        tx,
        sql`select * from (
              select referral_sent_at as at, 'referral_sent' as kind, null::text as detail from cases where id = ${id}
              union all select opened_at, 'accepted', null from cases where id = ${id}
              union all select plan_approved_at, 'plan_approved', null from cases where id = ${id}
              union all select closure_requested_at, 'closure_requested', closure_outcome from cases where id = ${id}
              union all select closed_at, 'closed', closure_outcome from cases where id = ${id}
              union all select starts_at, 'session', kind from case_sessions where case_id = ${id}
            ) e where at is not null order by at, kind`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'case.timeline_viewed', recordType: 'case', recordId: found.id },
      });
      return events.map((e) => ({ at: iso(e.at)!, kind: e.kind as never, detail: e.detail }));
    },
  });
}

/**
 * Staff who can be named on a case or excluded from a person: the members of the case's (or the
 * household's) service and every mediator. Names and roles only.
 */
export async function staffCandidates({
  deps,
  ctx,
  caseId,
  personId,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId?: string | undefined;
  personId?: string | undefined;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      let serviceId: string | null = null;
      if (caseId)
        serviceId = (await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor'] })).serviceId;
      else if (personId) {
        const [row] = await queryRows<{ service: string }>(
          tx,
          sql`select h.owner_service_id as service from people p join households h on h.id = p.household_id where p.id = ${personId}`,
        );
        if (!row) throw problems.notFound();
        serviceId = row.service;
      } else serviceId = ctx.serviceId;
      return unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string; displayName: string; role: string }>(
          sys,
          sql`select distinct u.id, u.display_name as "displayName", m.role from users u
              join memberships m on m.user_id = u.id
              where u.disabled_at is null and (m.service_id = ${serviceId} or m.role = 'mediator')
              order by 2`,
        ),
      );
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
