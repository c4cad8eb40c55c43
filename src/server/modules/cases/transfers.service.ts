import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZTransferCreateSchema, ZTransferRefuseSchema } from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { auditCase } from './cases.audit.js';
import {
  caseAccessOf,
  followsPerpetratorRefused,
  isBlockedFrom,
  refused,
  requireCase,
  straddlesPerpetrator,
} from './cases.policy.js';
import { loadCase } from './cases.repository.js';
import { cases } from './cases.sql.js';
import {
  caseOfTransfer,
  casePersonIds,
  consentBasis,
  findTransfer,
  householdCanMove,
  listTransfers as listVisibleTransfers,
  orderOfCase,
  serviceFacts,
  transferTarget,
  whyNotAcceptable,
} from './transfers.repository.js';
import { caseTransfers } from './tutela.sql.js';

/**
 * Transfers between Ambiti (issue 15, item 6): the case's lead asks a service of the same kind in
 * another Ambito to take the case, on a basis (the family's consent to that service, or a court
 * order of the case); the receiving service sees the request — the case code, the services, the
 * basis and the reason, never the case — and accepts or refuses it. Accepting moves the case, its
 * household and its intake in one statement (`trama_accept_case_transfer`, migration 0021): the
 * previous team, its service and its coordinator lose the case in that same transaction.
 */

type TransferInput = z.infer<typeof ZTransferCreateSchema>;

const NOT_OPEN = {
  it: 'Il caso è in chiusura o chiuso: non si può trasferire.',
  en: 'The case is closing or closed: it cannot be transferred.',
};

/** A transfer the caller may not act on: the same audited 404 as a case they cannot see. */
async function outOfScope({ tx, id }: { tx: Tx; id: string }): Promise<never> {
  throw new OutOfScope('case', (await caseOfTransfer({ tx, id })) ?? id);
}

/** The target is an active service of the case's own kind, in another Ambito. */
async function checkTarget({
  tx,
  fromServiceId,
  toServiceId,
}: {
  tx: Tx;
  fromServiceId: string;
  toServiceId: string;
}) {
  const [from, to] = [
    await serviceFacts({ tx, id: fromServiceId }),
    await serviceFacts({ tx, id: toServiceId }),
  ];
  if (!to?.active)
    throw problems.field('toServiceId', 'unknown', {
      it: 'Servizio sconosciuto o non attivo.',
      en: 'Unknown or inactive service.',
    });
  if (to.kind !== from?.kind)
    throw problems.field('toServiceId', 'kind', {
      it: 'Il caso passa a un servizio dello stesso tipo (Tutela Minori a Tutela Minori).',
      en: 'A case goes to a service of the same kind (child protection to child protection).',
    });
  if (!to.district_id || to.district_id === from.district_id)
    throw problems.field('toServiceId', 'same_district', {
      it: 'Il trasferimento è verso il servizio di un altro Ambito.',
      en: 'A transfer goes to the service of another Ambito.',
    });
}

/** "A transfer to a service without a basis is refused" (issue 15): the consent or the order must hold. */
async function checkBasis({
  tx,
  caseId,
  referralId,
  input,
}: {
  tx: Tx;
  caseId: string;
  referralId: string;
  input: TransferInput;
}) {
  if (input.basis === 'court_order') {
    if (!input.orderId || !(await orderOfCase({ tx, orderId: input.orderId, caseId })))
      throw problems.field('orderId', 'unknown', {
        it: 'Indica un provvedimento del tribunale registrato su questo caso.',
        en: 'Name a court order recorded on this case.',
      });
    return;
  }
  const basis = input.consentId
    ? await consentBasis({ tx, consentId: input.consentId, toServiceId: input.toServiceId, referralId })
    : null;
  if (!basis?.named)
    throw problems.field('consentId', 'not_in_force', {
      it: 'Indica un consenso in vigore alla presa in carico da parte del servizio che riceve, di una persona del caso.',
      en: 'Name a consent in force to being taken into care by the receiving service, of a person of the case.',
    });
  if (basis.uncovered > 0)
    throw problems.field('consentId', 'not_everyone', {
      it: 'Il nucleo passa con il caso: ogni persona del nucleo deve avere un consenso in vigore verso il servizio che riceve. Registra quelli mancanti, o trasferisci su provvedimento del tribunale.',
      en: 'The household moves with the case: every person of the household needs a consent in force to the receiving service. Record the missing ones, or transfer on a court order.',
    });
}

/** The household moves with the case, so it must be wholly the sender's to hand over. */
const HOUSEHOLD_STAYS = {
  it: 'Il nucleo passa con il caso, ma ha un altro caso aperto in questo servizio: chiudi o trasferisci prima l’altro caso.',
  en: 'The household moves with the case, but it has another open case in this service: close or transfer the other case first.',
};

export async function requestTransfer({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: TransferInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      if (found.teamRole !== 'lead')
        throw refused({
          it: 'Il trasferimento lo chiede il responsabile del caso.',
          en: 'The case lead asks for a transfer.',
        });
      // The case row is locked first: two requests at once for one case wait for each other.
      await queryRows(tx, sql`select id from cases where id = ${found.id} for update`);
      const [now] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, found.id));
      if (now?.status !== 'open') throw problems.conflict(NOT_OPEN);
      await checkTarget({ tx, fromServiceId: found.serviceId, toServiceId: input.toServiceId });
      await checkBasis({ tx, caseId: found.id, referralId: found.referralId, input });
      if (!(await householdCanMove({ tx, caseId: found.id }))) throw problems.conflict(HOUSEHOLD_STAYS);
      const open = await tx
        .select({ id: caseTransfers.id })
        .from(caseTransfers)
        .where(and(eq(caseTransfers.caseId, found.id), eq(caseTransfers.status, 'requested')));
      if (open.length > 0)
        throw problems.conflict({
          it: 'Un trasferimento di questo caso attende già risposta: ritiralo prima di chiederne un altro.',
          en: 'A transfer of this case is already waiting for an answer: withdraw it before asking for another.',
        });
      const [row] = await tx
        .insert(caseTransfers)
        .values({
          caseId: found.id,
          fromServiceId: found.serviceId,
          toServiceId: input.toServiceId,
          basis: input.basis,
          consentId: input.basis === 'consent' ? input.consentId : null,
          orderId: input.basis === 'court_order' ? input.orderId : null,
          reason: input.reason,
          requestedBy: ctx.userId,
        })
        .returning({ id: caseTransfers.id });
      await auditCase({
        tx,
        ctx,
        action: 'case_transfer.requested',
        caseId: found.id,
        details: { transferId: row!.id, basis: input.basis, toServiceId: input.toServiceId },
      });
      return (await findTransfer({ tx, id: row!.id }))!;
    },
  });
}

export async function listTransfers({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const items = await listVisibleTransfers({ tx });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'case_transfer.listed', details: { shown: items.length } },
      });
      return items;
    },
  });
}

/** A transfer addressed to the caller's service and still open, or the reason why not. */
async function requireReceived({ tx, ctx, id }: { tx: Tx; ctx: AccessContext; id: string }) {
  const target = await transferTarget({ tx, id });
  if (!target || !ctx.serviceId || target.to_service_id !== ctx.serviceId) return outOfScope({ tx, id });
  if (target.status !== 'requested')
    throw problems.conflict({
      it: 'Questa richiesta di trasferimento ha già avuto risposta o è stata ritirata.',
      en: 'This transfer request has already been answered or was withdrawn.',
    });
  return target;
}

/**
 * The receiving practitioner or clinician accepts: the database moves the case (or refuses, null),
 * then the same checks as joining any case apply to the new lead — nobody locked out of one of its
 * people, nobody on both sides of a perpetrator — and the case must be readable to the new team
 * (a basis that holds for every person), or the whole acceptance rolls back.
 */
export async function acceptTransfer({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [moved] = await queryRows<{ case_id: string | null }>(
        tx,
        sql`select trama_accept_case_transfer(${id}::uuid) as case_id`,
      );
      const caseId = moved?.case_id;
      if (!caseId) {
        await requireReceived({ tx, ctx, id });
        const why = await whyNotAcceptable({ tx, id });
        if (why && !why.case_gone && !why.household_moves) throw problems.conflict(HOUSEHOLD_STAYS);
        throw problems.conflict(
          why?.case_gone
            ? {
                it: 'Il caso è stato chiuso o non è più del servizio che l’ha inviato: il trasferimento non vale più.',
                en: 'The case was closed or is no longer with the sending service: the transfer no longer applies.',
              }
            : {
                it: 'La base del trasferimento non vale più (consenso revocato o scaduto, provvedimento non più sul caso): chiedi al servizio che invia di rinnovarla.',
                en: 'The basis of the transfer no longer holds (consent revoked or expired, order no longer on the case): ask the sending service to renew it.',
              },
        );
      }
      const personIds = await casePersonIds({ tx, caseId });
      if (await isBlockedFrom({ tx, userId: ctx.userId, personIds }))
        throw new HttpProblem(
          403,
          'case-locked',
          { it: 'Accesso escluso', en: 'Access excluded' },
          {
            it: 'Una regola di sicurezza o di conflitto di interessi ti esclude da questo caso: lo accetti un’altra persona del servizio.',
            en: 'A safety or conflict-of-interest rule excludes you from this case: someone else of the service accepts it.',
          },
        );
      if (await straddlesPerpetrator({ tx, userId: ctx.userId })) throw followsPerpetratorRefused();
      const found = await caseAccessOf({ tx, id: caseId });
      if (found?.access !== 'clinical')
        throw problems.conflict({
          it: 'Accettato, il caso sarebbe senza base legale per il nuovo servizio (manca il consenso di qualcuno): chiedi al servizio che invia di registrarlo.',
          en: 'Once accepted, the case would have no legal basis for the new service (someone’s consent is missing): ask the sending service to record it.',
        });
      await auditCase({ tx, ctx, action: 'case_transfer.accepted', caseId, details: { transferId: id } });
      return loadCase({ tx, found, ctx });
    },
  });
}

export async function refuseTransfer({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZTransferRefuseSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const target = await requireReceived({ tx, ctx, id });
      await answer({ tx, ctx, id, status: 'refused', refusalReason: input.reason });
      await auditCase({
        tx,
        ctx,
        action: 'case_transfer.refused',
        caseId: target.case_id,
        details: { transferId: id },
      });
      return (await findTransfer({ tx, id }))!;
    },
  });
}

/** The case's lead takes the request back while it waits. */
export async function withdrawTransfer({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const target = await transferTarget({ tx, id });
      if (!target) return outOfScope({ tx, id });
      const found = await requireCase({ tx, id: target.case_id, needs: ['clinical'] });
      if (found.teamRole !== 'lead')
        throw refused({
          it: 'Il trasferimento lo ritira il responsabile del caso.',
          en: 'The case lead withdraws a transfer.',
        });
      await answer({ tx, ctx, id, status: 'withdrawn', refusalReason: null });
      await auditCase({
        tx,
        ctx,
        action: 'case_transfer.withdrawn',
        caseId: found.id,
        details: { transferId: id },
      });
      return (await findTransfer({ tx, id }))!;
    },
  });
}

/** One conditional statement: only a request still open is answered, whoever comes second gets a 409. */
async function answer({
  tx,
  ctx,
  id,
  status,
  refusalReason,
}: {
  tx: Tx;
  ctx: AccessContext;
  id: string;
  status: 'refused' | 'withdrawn';
  refusalReason: string | null;
}) {
  const [row] = await tx
    .update(caseTransfers)
    .set({ status, answeredBy: ctx.userId, answeredAt: new Date(), refusalReason })
    .where(and(eq(caseTransfers.id, id), eq(caseTransfers.status, 'requested')))
    .returning({ id: caseTransfers.id });
  if (!row)
    throw problems.conflict({
      it: 'Questa richiesta di trasferimento ha già avuto risposta o è stata ritirata.',
      en: 'This transfer request has already been answered or was withdrawn.',
    });
}
