import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  PLAN_REVIEW_DAYS,
  type TCase,
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

export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const days = (from: Date | null, to: Date | null) =>
  from && to
    ? Math.round(((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000) * 10) / 10
    : null;

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
