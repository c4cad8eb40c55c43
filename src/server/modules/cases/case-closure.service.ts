import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZClosureDecisionSchema, ZReopenSchema } from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { mayReopen, recordStatusChange } from './case-status.repository.js';
import { type CaseAccess, caseAccessOf, refused, requireCase } from './cases.policy.js';
import { loadCase } from './cases.repository.js';
import { cases, referrals } from './cases.sql.js';

/**
 * Closing and reopening (issue 15, item 7): a coordinator supervising the case's service refuses a
 * closure request or sends it back to the lead with comments; a closed case is reopened, with its
 * reason, by its lead or that coordinator. Each step is one conditional statement on the case's
 * status (whoever comes second gets a 409) and a row of the case's status history.
 */

/** What is cleared when a closure is undone: the history rows keep what it said. */
const CLOSURE_CLEARED = {
  closureOutcome: null,
  closureRequestedAt: null,
  closureRequestedBy: null,
  transferredTo: null,
  afterCareOn: null,
} as const;

async function answerAsNow({ tx, ctx, found }: { tx: Tx; ctx: AccessContext; found: CaseAccess }) {
  return loadCase({ tx, found: (await caseAccessOf({ tx, id: found.id })) ?? found, ctx });
}

export async function decideClosure({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZClosureDecisionSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs: ['supervisor'] });
      const now = new Date();
      const [row] = await tx
        .update(cases)
        .set({ status: 'open', ...CLOSURE_CLEARED, updatedAt: now })
        .where(and(eq(cases.id, found.id), eq(cases.status, 'closing')))
        .returning({ id: cases.id });
      if (!row)
        throw problems.conflict({
          it: 'Nessuna chiusura in attesa di decisione.',
          en: 'No closure awaiting a decision.',
        });
      const refuse = input.decision === 'refuse';
      await recordStatusChange({
        tx,
        ctx,
        caseId: found.id,
        kind: refuse ? 'closure_refused' : 'closure_returned',
        reason: input.reason,
        at: now,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: refuse ? 'case.closure_refused' : 'case.closure_returned',
          recordType: 'case',
          recordId: found.id,
        },
      });
      return answerAsNow({ tx, ctx, found });
    },
  });
}

/**
 * A basis resting on consents is decided again before reopening: the consents trigger leaves a
 * closed case's referral alone, so a consent revoked since the closing has not lapsed it yet, and
 * reopening it would hand the team a case without a legal basis. A court decree or the service's
 * mandate does not lapse by itself.
 */
async function basisForReopening({ tx, referralId }: { tx: Tx; referralId: string }) {
  const [ref] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ legal_basis: string | null }>(
      sys,
      sql`select legal_basis from referrals where id = ${referralId}`,
    ),
  );
  if (!ref || !['consent', 'court_order'].includes(ref.legal_basis ?? '')) return { keep: true as const };
  const [b] = await queryRows<{ ok: boolean; expires_on: string | null }>(
    tx,
    sql`select ok, expires_on::text as expires_on from referral_basis(${referralId}::uuid)`,
  );
  if (!b?.ok)
    throw new HttpProblem(
      409,
      'basis-lapsed',
      { it: 'Base legale scaduta', en: 'Legal basis lapsed' },
      {
        it: 'Il consenso su cui il caso si basava è stato revocato o è scaduto: registra un nuovo consenso prima di riaprire.',
        en: 'The consent the case rested on was revoked or has expired: record a new consent before reopening.',
      },
    );
  return { keep: false as const, expiresOn: b.expires_on };
}

export async function reopenCase({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZReopenSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs: ['clinical', 'supervisor'] });
      if (found.status !== 'closed')
        throw problems.conflict({
          it: 'Si riapre solo un caso chiuso.',
          en: 'Only a closed case is reopened.',
        });
      if (!mayReopen({ found, ctx, status: found.status }))
        throw refused({
          it: 'Riapre il caso il suo responsabile o il coordinatore che supervisiona il servizio.',
          en: 'The case lead or the coordinator supervising the service reopens a case.',
        });
      const basis = await basisForReopening({ tx, referralId: found.referralId });
      const renewed = basis.keep ? {} : { basisExpiresOn: basis.expiresOn, basisLapsedAt: null };
      const now = new Date();
      const [row] = await tx
        .update(cases)
        .set({
          status: 'open',
          ...CLOSURE_CLEARED,
          closedAt: null,
          closureApprovedBy: null,
          ...renewed,
          updatedAt: now,
        })
        .where(and(eq(cases.id, found.id), eq(cases.status, 'closed')))
        .returning({ id: cases.id });
      if (!row)
        throw problems.conflict({
          it: 'Il caso è già stato riaperto.',
          en: 'The case was already reopened.',
        });
      // Its referral closed with it: reopened, the case is usable again as before the closing.
      await tx
        .update(referrals)
        .set({ status: 'accepted', closedAt: null, ...renewed, updatedAt: now })
        .where(and(eq(referrals.id, found.referralId), eq(referrals.status, 'closed')));
      await recordStatusChange({
        tx,
        ctx,
        caseId: found.id,
        kind: 'reopened',
        reason: input.reason,
        at: now,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case.reopened',
          recordType: 'case',
          recordId: found.id,
          details: { access: found.access },
        },
      });
      return answerAsNow({ tx, ctx, found });
    },
  });
}
