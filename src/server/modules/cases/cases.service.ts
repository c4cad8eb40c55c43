import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZClosureRequestSchema, ZTeamUpdateSchema } from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { recordStatusChange } from './case-status.repository.js';
import {
  type CaseAccess,
  caseAccessOf,
  isBlockedFrom,
  refused,
  requireCase,
  requireOpen,
  STRADDLES_MESSAGE,
  straddlesPerpetrator,
} from './cases.policy.js';
import { activeStaff, loadCase, teamOf } from './cases.repository.js';
import { caseFiles, cases, caseTeam, referrals } from './cases.sql.js';
import { referralPersonIds } from './referrals.repository.js';
import { todayInRome } from './rome-time.js';

/**
 * One case under its rules: reading it, its file and plan, its team, its closure. What a case shows
 * (and the reads the rules need) is read in cases.repository.ts.
 */

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

/** The intake; the assessment and the plan are versioned records of their own (care-plan.routes.ts). */
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
  section: 'intake';
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
      const personIds = await referralPersonIds({ tx, referralId: found.referralId });
      const current = await teamOf({ tx, caseId: found.id });
      const referrer = current.find((m) => m.teamRole === 'referrer');
      for (const [i, m] of input.members.entries()) {
        if (m.teamRole === 'referrer' && m.userId !== referrer?.userId)
          throw problems.field(`members.${i}.teamRole`, 'referrer', {
            it: 'Il ruolo di inviante spetta a chi ha inviato.',
            en: 'Only the referring practitioner is the referrer.',
          });
        if (await isBlockedFrom({ tx, userId: m.userId, personIds }))
          throw problems.field(`members.${i}.userId`, 'excluded', {
            it: 'Questa persona è esclusa dal caso (conflitto di interessi o regola di sicurezza).',
            en: 'This person is excluded from the case (conflict of interest or a safety rule).',
          });
      }
      const staff = await activeStaff({ tx, ids: input.members.map((m) => m.userId) });
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
      const [pending] = await queryRows<{ id: string }>(
        tx,
        sql`select id from case_transfers where case_id = ${found.id} and status = 'requested'`,
      );
      if (pending)
        throw problems.conflict({
          it: 'Il caso ha un trasferimento in attesa di risposta: ritiralo prima di chiedere la chiusura.',
          en: 'The case has a transfer awaiting an answer: withdraw it before asking to close.',
        });
      if (input.afterCareOn && input.afterCareOn < todayInRome())
        throw problems.field('afterCareOn', 'past', {
          it: 'La data del follow-up non può essere passata.',
          en: 'The after-care date cannot be in the past.',
        });
      // One instant for the case row and its history row: the timeline matches them by time.
      const now = new Date();
      const [proposed] = await tx
        .update(cases)
        .set({
          status: 'closing',
          closureOutcome: input.outcome,
          closureRequestedAt: now,
          closureRequestedBy: ctx.userId,
          transferredTo: input.transferredTo ?? null,
          afterCareOn: input.afterCareOn ?? null,
          updatedAt: now,
        })
        // Conditional: of two requests at once, the second finds the closure proposed.
        .where(and(eq(cases.id, found.id), eq(cases.status, 'open')))
        .returning({ id: cases.id });
      if (!proposed)
        throw problems.conflict({ it: 'Chiusura già proposta.', en: 'Closure already proposed.' });
      await recordStatusChange({
        tx,
        ctx,
        caseId: found.id,
        kind: 'closure_requested',
        reason: input.reason,
        at: now,
      });
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
      const now = new Date();
      const [row] = await tx
        .update(cases)
        .set({ status: 'closed', closedAt: now, closureApprovedBy: ctx.userId, updatedAt: now })
        .where(and(eq(cases.id, found.id), eq(cases.status, 'closing')))
        .returning({ id: cases.id });
      if (!row)
        throw problems.conflict({ it: 'Nessuna chiusura da approvare.', en: 'No closure to approve.' });
      // The history keeps the reason the closure was approved on, past any reopening.
      const [file] = await tx
        .select({ reason: caseFiles.closureReason })
        .from(caseFiles)
        .where(eq(caseFiles.caseId, found.id));
      await recordStatusChange({
        tx,
        ctx,
        caseId: found.id,
        kind: 'closed',
        reason: file?.reason ?? null,
        at: now,
      });
      await tx
        .update(referrals)
        .set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(referrals.id, found.referralId), eq(referrals.status, 'accepted')));
    },
  });
}
