import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TConsultation, TConsultationStatus } from '../../../contracts/consultations.js';
import { CONSULTATION_STATUSES, type ZConsultationUpdateSchema } from '../../../contracts/consultations.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { requireCase } from './cases.policy.js';
import { referrals } from './cases.sql.js';
import { type ConsultationAccess, isFinished, requireConsultation } from './consultations.policy.js';
import {
  listConsultations as listRows,
  loadConsultationRow,
  loadOpinions,
  loadSessions,
  referralPeopleNames,
  serviceUsers,
  toListItem,
} from './consultations.repository.js';
import { consultations } from './consultations.sql.js';
import { openCaseFromReferral } from './referral-answers.service.js';

/**
 * Consultations (issue 22, item 5): opened when the ethnoclinical team accepts a consultation
 * referral, worked by the team (consultation-sessions.service.ts, consultation-opinion.service.ts),
 * read by the requesting service as status, deadline and approved opinion, turned into a case
 * without retyping when the team takes the family into care.
 */
export const DEFAULT_OPINION_DAYS = 60;
const TEAM = ['team'] as const;
const READERS = ['team', 'supervisor', 'requester'] as const;

export function auditConsultation({
  tx,
  ctx,
  action,
  id,
  details,
}: {
  tx: Tx;
  ctx: AccessContext;
  action: AuditAction;
  id: string;
  details?: Record<string, unknown>;
}) {
  return writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action, recordType: 'consultation', recordId: id, ...(details ? { details } : {}) },
  });
}

/** Statuses only move forward (a later stage never falls back to an earlier one). */
export function advanced(current: TConsultationStatus, target: TConsultationStatus) {
  return CONSULTATION_STATUSES.indexOf(target) > CONSULTATION_STATUSES.indexOf(current) ? target : current;
}

/** Moves the consultation forward to `target` (never back) and returns the status it now has. */
export async function advanceTo({
  tx,
  found,
  target,
}: {
  tx: Tx;
  found: { id: string; status: TConsultationStatus };
  target: TConsultationStatus;
}): Promise<TConsultationStatus> {
  const status = advanced(found.status, target);
  if (status !== found.status)
    await tx
      .update(consultations)
      .set({ status, updatedAt: new Date() })
      .where(eq(consultations.id, found.id));
  return status;
}

export function finishedProblem() {
  return new HttpProblem(
    409,
    'consultation-finished',
    { it: 'Consulenza conclusa', en: 'Consultation finished' },
    {
      it: 'La consulenza è chiusa o è diventata una presa in carico: non si può modificare.',
      en: 'The consultation is closed or became a case: it cannot be changed.',
    },
  );
}

/** Team work on a consultation still running: its standing, or a 404/403/409. */
export async function requireWorkable({ tx, id }: { tx: Tx; id: string }) {
  const found = await requireConsultation({ tx, id, needs: TEAM });
  if (isFinished(found.status)) throw finishedProblem();
  return found;
}

/**
 * A court investigation needs its legal basis before the team works on it: the court's request,
 * and, when that request does not cover involving the team, a valid 'consultation' consent of every
 * person of the referral for the consulting service (read as the owner: only a yes/no).
 */
export async function requireBasis({ tx, found }: { tx: Tx; found: Pick<ConsultationAccess, 'id'> }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ kind: string; authority: string | null; covers: boolean | null; uncovered: number }>(
      sys,
      sql`select k.kind, k.requesting_authority as authority, k.covers_team_involvement as covers,
            (select count(*)::int from referral_people rp where rp.referral_id = k.referral_id and not exists (
               select 1 from consents c where c.person_id = rp.person_id and c.purpose = 'consultation'
                 and c.recipient_service_id = k.service_id and c.revoked_at is null
                 and c.given_on <= current_date and (c.expires_on is null or c.expires_on >= current_date))) as uncovered
          from consultations k where k.id = ${found.id}`,
    ),
  );
  if (row?.kind !== 'court_investigation') return;
  if (!row.authority)
    throw problems.field(
      'courtRequest',
      'required',
      {
        it: 'Per un’indagine del tribunale registra la richiesta dell’autorità giudiziaria (la base giuridica).',
        en: 'For a court investigation, record the judicial authority’s request (the legal basis).',
      },
      422,
    );
  if (!row.covers && row.uncovered > 0)
    throw problems.field(
      'courtRequest.coversTeamInvolvement',
      'consent-required',
      {
        it: 'La richiesta del tribunale non copre il coinvolgimento dell’équipe e manca un consenso valido della famiglia alla consulenza.',
        en: 'The court’s request does not cover involving the team and a valid consultation consent of the family is missing.',
      },
      422,
    );
}

/** Called by acceptReferral for a referral whose purpose is 'consultation' (in its transaction). */
export async function openConsultation({
  tx,
  ctx,
  referral,
}: {
  tx: Tx;
  ctx: AccessContext;
  referral: typeof referrals.$inferSelect;
}) {
  const due = new Date(Date.now() + DEFAULT_OPINION_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [opened] = await tx
    .insert(consultations)
    .values({
      code: randomTypedCode('K', 7),
      referralId: referral.id,
      householdId: referral.householdId,
      requestingServiceId: referral.fromServiceId,
      serviceId: referral.toServiceId,
      kind: referral.courtInvestigation ? 'court_investigation' : 'stuck_case',
      leadUserId: ctx.userId,
      opinionDueOn: due,
      reason: referral.message,
      createdBy: ctx.userId,
    })
    .returning({ id: consultations.id });
  await auditConsultation({ tx, ctx, action: 'consultation.opened', id: opened!.id });
  return opened!.id;
}

export function listConsultations({
  deps,
  ctx,
  status,
}: {
  deps: Deps;
  ctx: AccessContext;
  status?: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const items = await listRows({ tx, ...(status ? { status } : {}) });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'consultation.listed', details: { count: items.length } },
      });
      return items;
    },
  });
}

/** One consultation as the viewer may read it (the requester: no presentation, no sessions, no drafts). */
export async function readConsultation({ tx, found }: { tx: Tx; found: ConsultationAccess }) {
  const row = (await loadConsultationRow({ tx, id: found.id }))!;
  const clinical = found.access !== 'requester';
  const lead = row.lead_user_id
    ? (await serviceUsers({ tx, serviceId: row.service_id })).find((u) => u.id === row.lead_user_id)
    : undefined;
  return {
    ...toListItem(row),
    householdCode: row.household_code,
    referralId: row.referral_id,
    reason: row.reason,
    courtRequest: row.requesting_authority
      ? {
          requestingAuthority: row.requesting_authority,
          requestReference: row.request_reference ?? '',
          requestDate: row.request_date ?? '',
          coversTeamInvolvement: row.covers_team_involvement ?? false,
        }
      : null,
    leadUserId: row.lead_user_id,
    leadName: lead?.name ?? null,
    caseId: row.case_id,
    presentation: clinical ? { summary: row.presentation_summary, axes: row.axes } : null,
    sessions: clinical ? await loadSessions({ tx, consultationId: found.id }) : null,
    opinions: await loadOpinions({ tx, consultationId: found.id }),
    familyMembers:
      found.access === 'team' ? await referralPeopleNames({ tx, referralId: row.referral_id }) : null,
    teamUsers: found.access === 'team' ? await serviceUsers({ tx, serviceId: row.service_id }) : null,
  } satisfies TConsultation;
}

export function getConsultation({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireConsultation({ tx, id, needs: READERS });
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.read',
        id,
        details: { access: found.access },
      });
      return readConsultation({ tx, found });
    },
  });
}

export function updateConsultation({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZConsultationUpdateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      if (input.leadUserId && input.leadUserId !== found.leadUserId) {
        // Only the lead therapist names another (the lead approves the opinion: nobody takes that by
        // naming themselves); a trigger holds the same rule (migration 0051).
        if (found.leadUserId !== null && found.leadUserId !== ctx.userId)
          throw problems.field(
            'leadUserId',
            'not-lead',
            {
              it: 'Cambia il terapeuta referente solo chi lo è ora.',
              en: 'Only the current lead therapist names another lead.',
            },
            403,
          );
        const team = await serviceUsers({ tx, serviceId: found.serviceId });
        if (!team.some((u) => u.id === input.leadUserId))
          throw problems.field('leadUserId', 'not-in-team', {
            it: 'Il terapeuta referente deve far parte dell’équipe che svolge la consulenza.',
            en: 'The lead therapist must belong to the team giving the consultation.',
          });
      }
      const court = input.courtRequest;
      await tx
        .update(consultations)
        .set({
          ...(input.kind ? { kind: input.kind } : {}),
          ...(input.leadUserId ? { leadUserId: input.leadUserId } : {}),
          ...(input.opinionDueOn !== undefined ? { opinionDueOn: input.opinionDueOn } : {}),
          ...(court !== undefined
            ? {
                requestingAuthority: court?.requestingAuthority ?? null,
                requestReference: court?.requestReference ?? null,
                requestDate: court?.requestDate ?? null,
                coversTeamInvolvement: court?.coversTeamInvolvement ?? null,
              }
            : {}),
          updatedAt: new Date(),
        })
        .where(eq(consultations.id, id));
      // Changing the kind or the court's request: a court investigation without its basis is refused (nothing changes).
      if (input.kind !== undefined || court !== undefined) await requireBasis({ tx, found });
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.updated',
        id,
        details: { fields: Object.keys(input) },
      });
      return readConsultation({ tx, found: (await requireConsultation({ tx, id, needs: TEAM }))! });
    },
  });
}

export function closeConsultation({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      await tx
        .update(consultations)
        .set({ status: 'closed', updatedAt: new Date() })
        .where(eq(consultations.id, found.id));
      await auditConsultation({ tx, ctx, action: 'consultation.closed', id });
      return readConsultation({ tx, found: { ...found, status: 'closed' } });
    },
  });
}

/**
 * The team takes the family into care: the case opens from the consultation's own referral (same
 * household, people and reason: nothing retyped), with the caller as lead and the requester as
 * referrer, by the same function that opens a case on acceptance; the consultation becomes
 * `converted` and names the case, the case reaches it through the shared referral.
 */
export function convertConsultation({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      if (found.serviceId !== ctx.serviceId)
        throw problems.field('serviceId', 'wrong-service', {
          it: 'Apri il caso agendo per il servizio che svolge la consulenza.',
          en: 'Open the case acting for the service giving the consultation.',
        });
      await requireBasis({ tx, found });
      const [referral] = await tx.select().from(referrals).where(eq(referrals.id, found.referralId));
      if (!referral) throw problems.notFound();
      const caseId = await openCaseFromReferral({ tx, ctx, referral });
      const [changed] = await tx
        .update(consultations)
        .set({ status: 'converted', caseId, updatedAt: new Date() })
        .where(and(eq(consultations.id, found.id), eq(consultations.status, found.status)))
        .returning({ id: consultations.id });
      if (!changed) throw finishedProblem();
      await auditConsultation({ tx, ctx, action: 'consultation.converted', id, details: { caseId } });
      return { caseId };
    },
  });
}

/** The consultation a case was opened from, if any (the link back from the case). */
export function consultationOfCase({
  deps,
  ctx,
  caseId,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Asked only of a case the viewer reaches (others get the case's audited 404).
      await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor', 'break_glass'] });
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`select k.id from consultations k where k.case_id = ${caseId}`,
      );
      return { consultationId: row?.id ?? null };
    },
  });
}
