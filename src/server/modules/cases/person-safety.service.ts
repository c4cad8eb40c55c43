import { eq } from 'drizzle-orm';
import type { TAtRiskUpdate, TSafeContact, TSafetyDetails } from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { requireRecentStepUp } from '../../platform/auth/step-up.js';
import type { Deps } from '../../platform/deps.js';
import { contactContext, openJson, safeContactContext, sealJson } from './cases.people.js';
import { requireOwnPerson, requirePersonInCare } from './cases.policy.js';
import { people } from './cases.sql.js';
import { findSealedContact } from './households.repository.js';

/** A person's safety details (encrypted; revealed after step-up with a reason) and the at-risk mark. */
export async function revealSafety({
  deps,
  ctx,
  personId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  reason: string;
}): Promise<TSafetyDetails> {
  requireRecentStepUp({
    ctx,
    why: {
      it: 'I dati di sicurezza si vedono solo dopo aver confermato il codice di autenticazione.',
      en: 'Safety details are shown only after you confirm your authentication code.',
    },
  });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePersonInCare({ tx, personId });
      const row = await findSealedContact({ tx, personId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'person.safety_read', recordType: 'person', recordId: personId, purpose: reason },
      });
      const { keyring } = deps;
      const contact =
        openJson<object>({ keyring, value: row!.contact, context: contactContext(personId) }) ?? {};
      const safeContact = openJson<TSafeContact>({
        keyring,
        value: row!.safe,
        context: safeContactContext(personId),
      }) ?? { channels: [], neverWriteTo: [] };
      return { ...contact, safeContact } as TSafetyDetails;
    },
  });
}

export async function updateSafety({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: TSafetyDetails;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireOwnPerson({ tx, personId });
      const { safeContact, ...contact } = input;
      await tx
        .update(people)
        .set({
          contactEncrypted: sealJson({
            keyring: deps.keyring,
            value: contact,
            context: contactContext(personId),
          }),
          safeContactEncrypted: sealJson({
            keyring: deps.keyring,
            value: safeContact,
            context: safeContactContext(personId),
          }),
          updatedAt: new Date(),
        })
        .where(eq(people.id, personId));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.safety_updated',
          recordType: 'person',
          recordId: personId,
          details: { fields: Object.keys(input) },
        },
      });
    },
  });
}

/**
 * Marks someone at risk from the household's perpetrator, or clears the mark: the household's own
 * service decides, with a reason, audited. The mark protects at once (trama_blocked_people_of).
 */
export async function setAtRisk({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: TAtRiskUpdate;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireOwnPerson({ tx, personId });
      await tx
        .update(people)
        .set({ atRisk: input.atRisk, updatedAt: new Date() })
        .where(eq(people.id, personId));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.at_risk_updated',
          recordType: 'person',
          recordId: personId,
          purpose: input.reason,
          details: { atRisk: input.atRisk },
        },
      });
    },
  });
}
