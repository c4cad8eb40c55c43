import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TPlacement,
  ZPlacementCreateSchema,
  ZPlacementEndSchema,
  ZPlacementVisitSchema,
} from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { requireRecentStepUp } from '../../platform/auth/step-up.js';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { type CaseAccess, isPerpetratorCase, refused, requireCase, requireOpen } from './cases.policy.js';
import {
  findPlacement,
  orderOfCase,
  placementAddressContext,
  placementsOfCase,
} from './placements.repository.js';
import { referralPersonIds } from './referrals.repository.js';
import { placements, placementVisits } from './tutela.sql.js';

/**
 * Placements (alternative care, issue 15 item 5): where a child of the case lives by an order, with
 * the provider, the dates and the visits. The clinical team writes; a supervisor and a
 * break-the-glass grant read. The address is always encrypted and shown only to the clinical team:
 * in the list when the order does not protect it, otherwise revealed one placement at a time after
 * a step-up, with a reason, audited. On a perpetrator's case it never shows.
 */

const READERS = ['clinical', 'supervisor', 'break_glass'] as const;

/** The case's placements as this viewer may see them. */
async function viewOf({
  deps,
  tx,
  found,
  placementId,
}: {
  deps: Deps;
  tx: Tx;
  found: CaseAccess;
  placementId?: string;
}) {
  const protectAll = await isPerpetratorCase({ tx, caseId: found.id });
  return placementsOfCase({
    tx,
    keyring: deps.keyring,
    caseId: found.id,
    showAddress: found.access === 'clinical',
    protectAll,
    ...(placementId ? { placementId } : {}),
  });
}

async function requirePlacement({
  tx,
  caseId,
  placementId,
}: {
  tx: Tx;
  caseId: string;
  placementId: string;
}) {
  const placement = await findPlacement({ tx, caseId, placementId });
  if (!placement) throw problems.notFound();
  return placement;
}

export async function listPlacements({
  deps,
  ctx,
  caseId,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
}): Promise<TPlacement[]> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: READERS });
      const list = await viewOf({ deps, tx, found });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'placement.listed',
          recordType: 'case',
          recordId: caseId,
          details: { shown: list.length, addressesShown: list.filter((p) => p.address !== null).length },
        },
      });
      return list;
    },
  });
}

export async function createPlacement({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: z.infer<typeof ZPlacementCreateSchema>;
}): Promise<TPlacement> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'caseId');
      const errors: FieldError[] = [];
      if (!(await referralPersonIds({ tx, referralId: found.referralId })).includes(input.personId))
        errors.push({
          field: 'personId',
          code: 'not_in_case',
          message: { it: 'Persona non presente nel caso.', en: 'Person not in this case.' },
        });
      const order = input.orderId ? await orderOfCase({ tx, caseId, orderId: input.orderId }) : null;
      if (input.orderId && !order)
        errors.push({
          field: 'orderId',
          code: 'not_in_case',
          message: { it: 'Il provvedimento non è di questo caso.', en: 'The order is not one of this case.' },
        });
      if (errors.length > 0) throw problems.fields(errors);
      const id = crypto.randomUUID();
      await tx.insert(placements).values({
        id,
        caseId,
        personId: input.personId,
        kind: input.kind,
        providerName: input.providerName,
        startsOn: input.startsOn,
        orderId: input.orderId ?? null,
        addressEncrypted: input.address
          ? encryptField({
              keyring: deps.keyring,
              plaintext: input.address,
              context: placementAddressContext(id),
            })
          : null,
        createdBy: ctx.userId,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'placement.created',
          recordType: 'case',
          recordId: caseId,
          details: {
            placementId: id,
            address: Boolean(input.address),
            addressProtected: Boolean(order?.address_protected),
          },
        },
      });
      const [created] = await viewOf({ deps, tx, found, placementId: id });
      return created!;
    },
  });
}

export async function endPlacement({
  deps,
  ctx,
  caseId,
  placementId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  placementId: string;
  input: z.infer<typeof ZPlacementEndSchema>;
}): Promise<TPlacement> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'caseId');
      const placement = await requirePlacement({ tx, caseId, placementId });
      if (placement.ends_on)
        throw problems.conflict({
          it: 'Il collocamento è già concluso.',
          en: 'The placement has already ended.',
        });
      if (input.endsOn < placement.starts_on)
        throw problems.field('endsOn', 'before_start', {
          it: 'La fine non può precedere l’inizio.',
          en: 'The end cannot come before the start.',
        });
      // Conditional: of two requests at once, the second finds it ended.
      const [ended] = await tx
        .update(placements)
        .set({ endsOn: input.endsOn })
        .where(and(eq(placements.id, placementId), isNull(placements.endsOn)))
        .returning({ id: placements.id });
      if (!ended)
        throw problems.conflict({
          it: 'Il collocamento è già concluso.',
          en: 'The placement has already ended.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'placement.ended', recordType: 'case', recordId: caseId, details: { placementId } },
      });
      const [view] = await viewOf({ deps, tx, found, placementId });
      return view!;
    },
  });
}

export async function addVisit({
  deps,
  ctx,
  caseId,
  placementId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  placementId: string;
  input: z.infer<typeof ZPlacementVisitSchema>;
}): Promise<TPlacement> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'caseId');
      const placement = await requirePlacement({ tx, caseId, placementId });
      if (input.visitedOn < placement.starts_on)
        throw problems.field('visitedOn', 'before_start', {
          it: 'La visita non può precedere l’inizio del collocamento.',
          en: 'The visit cannot come before the placement started.',
        });
      const [row] = await tx
        .insert(placementVisits)
        .values({ placementId, visitedOn: input.visitedOn, note: input.note ?? null, visitedBy: ctx.userId })
        .returning({ id: placementVisits.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'placement.visit_added',
          recordType: 'case',
          recordId: caseId,
          details: { placementId, visitId: row!.id },
        },
      });
      const [visited] = await viewOf({ deps, tx, found, placementId });
      return visited!;
    },
  });
}

/**
 * The address of one placement, to the clinical team: after a recent step-up (ASVS 7.5.3), with a
 * reason kept as the audit event's purpose. Never on a perpetrator's case.
 */
export async function revealAddress({
  deps,
  ctx,
  caseId,
  placementId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  placementId: string;
  reason: string;
}) {
  requireRecentStepUp({
    ctx,
    why: {
      it: 'L’indirizzo di un collocamento si vede solo dopo aver confermato il codice di autenticazione.',
      en: 'A placement’s address is shown only after you confirm your authentication code.',
    },
  });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      if (await isPerpetratorCase({ tx, caseId: found.id })) throw perpetratorCaseRefused();
      const placement = await requirePlacement({ tx, caseId, placementId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'placement.address_read',
          recordType: 'case',
          recordId: caseId,
          purpose: reason,
          details: { placementId, addressProtected: placement.protected },
        },
      });
      return {
        address: placement.address_encrypted
          ? decryptField({
              keyring: deps.keyring,
              value: placement.address_encrypted,
              context: placementAddressContext(placementId),
            })
          : null,
      };
    },
  });
}

function perpetratorCaseRefused() {
  return refused({
    it: 'Sul caso dell’autore di violenza l’indirizzo di un collocamento non si mostra.',
    en: 'A placement’s address is never shown on the perpetrator’s case.',
  });
}
