import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZConsentCreateSchema, ZExclusionCreateSchema } from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { refuseMerged, requirePersonInCare } from './cases.policy.js';
import { caseTeam, consents, personExclusions } from './cases.sql.js';
import { consentsOf, exclusionsOf, findConsent, toExclusions } from './households.repository.js';

/** A person's consents (recorded, revoked) and conflict-of-interest locks. */
export async function createConsent({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: z.infer<typeof ZConsentCreateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const person = await requirePersonInCare({ tx, personId });
      refuseMerged(person);
      if (person.minor && input.givenBy === 'self' && input.method !== 'court_order')
        throw problems.field('givenBy', 'minor', {
          it: 'Per un minore il consenso è dato dal legale rappresentante.',
          en: "A minor's consent is given by a legal representative.",
        });
      let row: { id: string } | undefined;
      try {
        [row] = await tx
          .insert(consents)
          .values({
            personId,
            givenBy: input.givenBy,
            representativeName: input.representativeName ?? null,
            purpose: input.purpose,
            recipientServiceId: input.recipientServiceId ?? null,
            sections: input.sections,
            givenOn: input.givenOn,
            expiresOn: input.expiresOn ?? null,
            method: input.method,
            witnessName: input.witnessName ?? null,
            courtOrderReference: input.courtOrderReference ?? null,
            recordedBy: ctx.userId,
          })
          .returning({ id: consents.id });
      } catch (error) {
        rethrowConstraintViolation(error, { reference: { field: 'recipientServiceId' } });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'consent.created',
          recordType: 'person',
          recordId: personId,
          details: { consentId: row!.id, purpose: input.purpose, method: input.method },
        },
      });
      const [consent] = await consentsOf({ tx, personIds: [personId] }).then((l) =>
        l.filter((c) => c.id === row!.id),
      );
      return consent!;
    },
  });
}

/** Revoking takes effect in the same transaction: the consents trigger lapses what rested on it. */
export async function revokeConsent({
  deps,
  ctx,
  consentId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  consentId: string;
  reason: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await findConsent({ tx, id: consentId });
      if (!row) throw new OutOfScope('consent', consentId);
      await requirePersonInCare({ tx, personId: row.personId });
      if (row.revokedAt)
        throw problems.conflict({ it: 'Consenso già revocato.', en: 'Consent already revoked.' });
      await tx
        .update(consents)
        .set({ revokedAt: new Date(), revocationReason: reason })
        .where(and(eq(consents.id, consentId), isNull(consents.revokedAt)));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'consent.revoked',
          recordType: 'person',
          recordId: row.personId,
          details: { consentId },
        },
      });
      return (await consentsOf({ tx, personIds: [row.personId] })).find((c) => c.id === consentId)!;
    },
  });
}

export async function listExclusions({
  deps,
  ctx,
  personId,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePersonInCare({ tx, personId });
      return exclusionsOf({ tx, personId });
    },
  });
}

/**
 * A conflict-of-interest lock: the user leaves every team of this person's cases at once and
 * can never be added again or reach them by break-the-glass (RLS: trama_blocked_people_of).
 */
export async function addExclusion({
  deps,
  ctx,
  personId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  personId: string;
  input: z.infer<typeof ZExclusionCreateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePersonInCare({ tx, personId });
      if (input.userId === ctx.userId)
        throw problems.field('userId', 'self', {
          it: 'Non puoi escludere te stesso: chiedi al responsabile.',
          en: 'You cannot exclude yourself: ask the team lead.',
        });
      let row: typeof personExclusions.$inferSelect | undefined;
      try {
        [row] = await tx
          .insert(personExclusions)
          .values({
            personId,
            userId: input.userId,
            reason: input.reason,
            note: input.note ?? null,
            createdBy: ctx.userId,
          })
          .returning();
      } catch (error) {
        rethrowConstraintViolation(error, {
          unique: { field: 'userId', message: { it: 'Già escluso.', en: 'Already excluded.' } },
          reference: { field: 'userId' },
        });
      }
      // The lock must hold even if the one who sets it does not lead every case of the person.
      await unsafeAsSystem(tx, (sys) =>
        sys.execute(sql`delete from ${caseTeam} where user_id = ${input.userId} and case_id in (
          select c.id from cases c join referral_people rp on rp.referral_id = c.referral_id
          where rp.person_id = ${personId})`),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'person.excluded',
          recordType: 'person',
          recordId: personId,
          details: { userId: input.userId, reason: input.reason },
        },
      });
      const [exclusion] = await toExclusions({ tx, rows: [row!] });
      return exclusion!;
    },
  });
}
