import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ANSWER_DAYS,
  type ZReferralCreateSchema,
  type ZReferralListQuerySchema,
  type ZReferralUpdateSchema,
} from '../../../contracts/referrals.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { noticeToDpos } from '../../platform/access/dpo-notice.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { actingService, caseAccessOf } from './cases.policy.js';
import { referralPeople, referrals } from './cases.sql.js';
import { findOwnHousehold } from './households.repository.js';
import {
  findActiveService,
  findReferral,
  householdPeopleAmong,
  pageOfReferrals,
  referralBasis,
  toReferral,
} from './referrals.repository.js';

export async function requireReferral({ tx, id }: { tx: Tx; id: string }) {
  const row = await findReferral({ tx, id });
  if (!row) throw new OutOfScope('referral', id);
  return row;
}

export function wrongState(status: string) {
  return new HttpProblem(
    409,
    'referral-state',
    { it: 'Invio già gestito', en: 'Referral already handled' },
    {
      it: `L'invio è in stato «${status}»: l'operazione non è più possibile.`,
      en: `The referral is "${status}": this is no longer possible.`,
    },
  );
}

export async function listReferrals({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.infer<typeof ZReferralListQuerySchema>;
}) {
  const pageSize = 25;
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const result = await pageOfReferrals({
        tx,
        box: query.box,
        status: query.status,
        overdue: query.overdue,
        page: query.page,
        pageSize,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.listed', details: { box: query.box, shown: result.items.length } },
      });
      return result;
    },
  });
}

export async function getReferral({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      const referral = await toReferral({ tx, row });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'referral.read',
          recordType: 'referral',
          recordId: id,
          details: { content: referral.content !== null },
        },
      });
      return referral;
    },
  });
}

/** A referral sent from a case: the sender is on its clinical team, the case is open and of the same household. */
async function checkParentCase({
  tx,
  householdId,
  parentCaseId,
}: {
  tx: Tx;
  householdId: string;
  parentCaseId: string;
}) {
  const parent = await caseAccessOf({ tx, id: parentCaseId });
  if (parent?.access !== 'clinical' || parent.householdId !== householdId || parent.status === 'closed')
    throw problems.field('parentCaseId', 'not_yours', {
      it: 'Il caso non è uno dei tuoi casi aperti di questo nucleo.',
      en: 'The case is not one of your open cases of this household.',
    });
}

/**
 * Who may be referred, and to whom: the household's own people, never the perpetrator together
 * with someone he may harm (a victim, a minor, anyone marked at risk): their cases stay apart.
 */
export async function checkReferralInput({
  tx,
  ctx,
  householdId,
  personIds,
  toServiceId,
  parentCaseId,
}: {
  tx: Tx;
  ctx: AccessContext;
  householdId: string;
  personIds?: string[] | undefined;
  toServiceId?: string | undefined;
  parentCaseId?: string | null | undefined;
}) {
  const household = await findOwnHousehold({ tx, id: householdId });
  if (!household)
    throw problems.field('householdId', 'unknown', {
      it: 'Nucleo sconosciuto o di un altro servizio.',
      en: 'Unknown household, or another service’s.',
    });
  if (toServiceId !== undefined) {
    if (toServiceId === ctx.serviceId)
      throw problems.field('toServiceId', 'self', {
        it: 'Non si invia al proprio servizio.',
        en: 'A service cannot refer to itself.',
      });
    const to = await findActiveService({ tx, id: toServiceId });
    if (!to)
      throw problems.field('toServiceId', 'unknown', { it: 'Servizio sconosciuto.', en: 'Unknown service.' });
  }
  if (parentCaseId) await checkParentCase({ tx, householdId, parentCaseId });
  if (personIds === undefined) return;
  const people = await householdPeopleAmong({ tx, householdId, personIds });
  if (people.length !== personIds.length)
    throw problems.field('personIds', 'unknown', {
      it: 'Una persona non appartiene al nucleo.',
      en: 'A person is not in this household.',
    });
  const perpetrators = people.filter((p) => p.case_role === 'perpetrator');
  if (people.some((p) => p.protected && perpetrators.some((q) => q.id !== p.id)))
    throw problems.field('personIds', 'victim_and_perpetrator', {
      it: 'Vittima e autore si inviano separatamente, come ogni persona che l’autore può colpire (minori, persone a rischio): i loro casi restano distinti.',
      en: 'Victim and perpetrator are referred separately, as is anyone the perpetrator may harm (minors, people at risk): their cases stay apart.',
    });
}

export async function createReferral({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZReferralCreateSchema>;
}) {
  const fromServiceId = actingService(ctx);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await checkReferralInput({ tx, ctx, ...input });
      const { personIds, ...fields } = input;
      const [row] = await tx
        .insert(referrals)
        .values({ ...fields, fromServiceId, createdBy: ctx.userId })
        .returning({ id: referrals.id });
      await tx
        .insert(referralPeople)
        .values(personIds.map((personId) => ({ referralId: row!.id, personId })));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.created', recordType: 'referral', recordId: row!.id },
      });
      return toReferral({ tx, row: (await findReferral({ tx, id: row!.id }))! });
    },
  });
}

export async function updateReferral({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZReferralUpdateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      if (!row.mine) throw problems.forbidden();
      if (row.status !== 'draft') throw wrongState(row.status);
      await checkReferralInput({ tx, ctx, householdId: row.household_id, ...input });
      const { personIds, ...fields } = input;
      await tx
        .update(referrals)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(referrals.id, id));
      if (personIds) {
        await tx.delete(referralPeople).where(eq(referralPeople.referralId, id));
        await tx.insert(referralPeople).values(personIds.map((personId) => ({ referralId: id, personId })));
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'referral.updated',
          recordType: 'referral',
          recordId: id,
          details: { fields: Object.keys(input) },
        },
      });
      return toReferral({ tx, row: (await findReferral({ tx, id }))! });
    },
  });
}

export async function deleteReferral({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      if (!row.mine) throw problems.forbidden();
      if (row.status !== 'draft') throw wrongState(row.status);
      await tx.delete(referrals).where(and(eq(referrals.id, id), eq(referrals.status, 'draft')));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.deleted', recordType: 'referral', recordId: id },
      });
    },
  });
}

/**
 * Sends a draft. The legal basis comes first: consents (or a court order) on record for the
 * recipient, purpose and sections, decided by referral_basis() in the database, or an override
 * by someone permitted to, with a reason, which notifies every DPO.
 */
export async function sendReferral({
  deps,
  ctx,
  id,
  overrideReason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  overrideReason: string | null | undefined;
}) {
  const referral = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await requireReferral({ tx, id });
      if (!row.mine) throw problems.forbidden();
      if (row.status !== 'draft') throw wrongState(row.status);
      const basis = await referralBasis({ tx, id });
      let legalBasis = basis.basis;
      if (!basis.ok) {
        if (!overrideReason)
          throw problems.field(
            'consent',
            'missing',
            {
              it: 'Manca un consenso valido (o un provvedimento del tribunale) per questo servizio, scopo e dati, per ogni persona inviata.',
              en: 'A valid consent (or a court order) for this service, purpose and data is missing for a referred person.',
            },
            422,
          );
        if (!ctx.permissions.has('consent.override'))
          throw problems.field(
            'consentOverrideReason',
            'not_permitted',
            {
              it: 'Non hai il permesso di inviare senza consenso.',
              en: 'You are not permitted to refer without consent.',
            },
            403,
          );
        legalBasis = 'override';
        await noticeToDpos({
          deps,
          tx,
          kind: 'consent_override',
          payload: { referralId: id, by: ctx.username },
          mail: {
            subject: 'Trama: invio senza consenso / referral without consent',
            text: `${ctx.username} ha inviato senza consenso (invio ${id}). Motivo nel registro accessi.\n${ctx.username} sent a referral without consent (${id}). The reason is in the audit trail.\n`,
          },
        });
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'referral.consent_override',
            recordType: 'referral',
            recordId: id,
            purpose: overrideReason,
          },
        });
      }
      const now = new Date();
      await tx
        .update(referrals)
        .set({
          status: 'sent',
          sentAt: now,
          dueBy: new Date(now.getTime() + ANSWER_DAYS[row.urgency] * 86_400_000),
          legalBasis,
          consentOverrideReason: legalBasis === 'override' ? overrideReason! : null,
          basisExpiresOn: legalBasis === 'override' ? null : basis.expires_on,
          updatedAt: now,
        })
        .where(eq(referrals.id, id));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'referral.sent', recordType: 'referral', recordId: id, details: { legalBasis } },
      });
      return toReferral({ tx, row: (await findReferral({ tx, id }))! });
    },
  });
  return referral;
}
