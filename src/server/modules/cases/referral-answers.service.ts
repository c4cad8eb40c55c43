import { and, eq, sql } from 'drizzle-orm';
import type { TReferral } from '../../../contracts/referrals.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { randomCode } from './cases.identifiers.js';
import { followsPerpetratorRefused, straddlesPerpetrator } from './cases.policy.js';
import { caseFiles, cases, caseTeam, referrals } from './cases.sql.js';
import { openConsultation } from './consultations.service.js';

import { findReferral, toReferral } from './referrals.repository.js';
import { requireReferral, wrongState } from './referrals.service.js';

/** The recipient's answer to a sent referral (accept, which opens the case; decline), the sender's revocation, and closing. */
/**
 * Accepting opens the case. The state change is one conditional UPDATE: of two people accepting
 * at once, the second finds the referral no longer 'sent' and gets a 409.
 */
export async function acceptReferral({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [taken] = await tx
        .update(referrals)
        .set({ status: 'accepted', answeredAt: new Date(), answeredBy: ctx.userId, updatedAt: new Date() })
        .where(
          and(
            eq(referrals.id, id),
            eq(referrals.status, 'sent'),
            sql`${referrals.toServiceId} = (select trama_service())`,
            sql`${referrals.basisLapsedAt} is null and (${referrals.basisExpiresOn} is null or ${referrals.basisExpiresOn} >= current_date)`,
          ),
        )
        .returning();
      if (!taken) {
        const row = await requireReferral({ tx, id });
        if (row.mine && row.to_service_id !== ctx.serviceId) throw problems.forbidden();
        if (row.status !== 'sent') throw wrongState(row.status);
        throw problems.field(
          'consent',
          'lapsed',
          {
            it: 'Il consenso alla base dell’invio non è più valido.',
            en: 'The consent behind this referral is no longer valid.',
          },
          409,
        );
      }
      // A consultation referral opens a consultation: the team consults, the family stays with the sender.
      if (taken.purpose === 'consultation') {
        const consultationId = await openConsultation({ tx, ctx, referral: taken });
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'referral.accepted',
            recordType: 'referral',
            recordId: id,
            details: { consultationId },
          },
        });
        return { consultationId };
      }
      const opened = { id: await openCaseFromReferral({ tx, ctx, referral: taken }) };
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'referral.accepted',
          recordType: 'referral',
          recordId: id,
          details: { caseId: opened.id },
        },
      });
      return { caseId: opened.id };
    },
  });
}

/**
 * Opens the case of an accepted referral, led by the caller with the referrer on the team: used when
 * a referral is accepted and when a consultation becomes a case (consultations.service.ts).
 */
export async function openCaseFromReferral({
  tx,
  ctx,
  referral,
}: {
  tx: Tx;
  ctx: AccessContext;
  referral: typeof referrals.$inferSelect;
}) {
  const [opened] = await tx
    .insert(cases)
    .values({
      code: randomCode('C'),
      householdId: referral.householdId,
      referralId: referral.id,
      serviceId: referral.toServiceId,
      // The Ambito is the household's, set by the database (migration 0008): the accepting
      // team may not read the household.
      leadUserId: ctx.userId,
      referralSentAt: referral.sentAt,
      basisExpiresOn: referral.basisExpiresOn,
    })
    .returning({ id: cases.id });
  await tx.insert(caseFiles).values({ caseId: opened!.id, updatedBy: ctx.userId });
  await tx
    .insert(caseTeam)
    .values([
      { caseId: opened!.id, userId: ctx.userId, teamRole: 'lead', addedBy: ctx.userId },
      ...(referral.createdBy !== ctx.userId
        ? [{ caseId: opened!.id, userId: referral.createdBy, teamRole: 'referrer', addedBy: ctx.userId }]
        : []),
    ]);
  // Leading the perpetrator's case while working with someone he may harm: refused, all rolled back.
  if (await straddlesPerpetrator({ tx, userId: ctx.userId })) throw followsPerpetratorRefused();
  return opened!.id;
}

async function answerOrWithdraw({
  deps,
  ctx,
  id,
  side,
  from,
  set,
  action,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  side: 'sender' | 'recipient';
  from: TReferral['status'];
  set: Partial<typeof referrals.$inferInsert>;
  action: 'referral.declined' | 'referral.revoked' | 'referral.closed';
  reason?: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      const isSide = side === 'sender' ? row.mine : row.to_service_id === ctx.serviceId;
      if (!isSide) throw problems.forbidden();
      const [changed] = await tx
        .update(referrals)
        .set({ ...set, updatedAt: new Date() })
        .where(and(eq(referrals.id, id), eq(referrals.status, from)))
        .returning({ id: referrals.id });
      if (!changed) throw wrongState(row.status);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action, recordType: 'referral', recordId: id, ...(reason ? { purpose: reason } : {}) },
      });
      return toReferral({ tx, row: (await findReferral({ tx, id }))! });
    },
  });
}

export function declineReferral({
  deps,
  ctx,
  id,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  reason: string;
}) {
  return answerOrWithdraw({
    deps,
    ctx,
    id,
    side: 'recipient',
    from: 'sent',
    set: { status: 'declined', declineReason: reason, answeredAt: new Date(), answeredBy: ctx.userId },
    action: 'referral.declined',
  });
}

/** The sender withdraws a referral not yet answered; the recipient's view of its content ends at once. */
export function revokeReferral({
  deps,
  ctx,
  id,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  reason: string;
}) {
  return answerOrWithdraw({
    deps,
    ctx,
    id,
    side: 'sender',
    from: 'sent',
    set: { status: 'revoked', revokedAt: new Date(), revocationReason: reason },
    action: 'referral.revoked',
    reason,
  });
}

/** The sender files a declined referral; an accepted one closes with its case. */
export function closeReferral({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return answerOrWithdraw({
    deps,
    ctx,
    id,
    side: 'sender',
    from: 'declined',
    set: { status: 'closed', closedAt: new Date() },
    action: 'referral.closed',
  });
}
