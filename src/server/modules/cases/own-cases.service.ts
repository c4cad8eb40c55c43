import { and, eq, sql } from 'drizzle-orm';
import { MANDATED_SERVICE_KINDS, type TOwnCaseCreate } from '../../../contracts/tutela.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { randomCode } from './cases.identifiers.js';
import { actingService, followsPerpetratorRefused, straddlesPerpetrator } from './cases.policy.js';
import { caseFiles, cases, caseTeam, referralPeople, referrals } from './cases.sql.js';
import { referralBasis } from './referrals.repository.js';
import { checkReferralInput } from './referrals.service.js';
import { todayInRome } from './rome-time.js';

/**
 * A case opened by the service with the mandate (Tutela Minori), from a court decree, a report or
 * the family's request (ADR 0017). Its intake is kept on a referral row whose sender and recipient
 * are the service itself (origin ≠ 'service'): the people it concerns, the legal basis and the
 * blocked-people rules then work exactly as for a case opened by accepting a referral.
 */
const BASIS_OF = { court_decree: 'court_decree', report: 'mandate', family_request: 'consent' } as const;

async function requireMandate({ tx, serviceId }: { tx: Tx; serviceId: string }) {
  const [row] = await queryRows<{ kind: string }>(
    tx,
    sql`select kind from services where id = ${serviceId} and active`,
  );
  if (!row || !(MANDATED_SERVICE_KINDS as readonly string[]).includes(row.kind))
    throw new HttpProblem(
      403,
      'not-mandated',
      { it: 'Servizio senza mandato', en: 'Service without a mandate' },
      {
        it: 'Solo il servizio con il mandato (Tutela Minori) apre un caso senza un invio: gli altri servizi inviano.',
        en: 'Only the service with the mandate (child protection) opens a case without a referral: other services refer.',
      },
    );
}

export async function openOwnCase({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TOwnCaseCreate;
}) {
  const serviceId = actingService(ctx);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMandate({ tx, serviceId });
      await checkReferralInput({ tx, ctx, householdId: input.householdId, personIds: input.personIds });
      // Midday of the day received, or now if that is still to come today.
      const receivedAt = new Date(Math.min(Date.parse(`${input.receivedOn}T12:00:00Z`), Date.now()));
      if (input.receivedOn > todayInRome())
        throw problems.field('receivedOn', 'future', {
          it: 'La data di ricezione non può essere futura.',
          en: 'The date received cannot be in the future.',
        });
      const [intake] = await tx
        .insert(referrals)
        .values({
          householdId: input.householdId,
          fromServiceId: serviceId,
          toServiceId: serviceId,
          origin: input.origin,
          reporterKind: input.reporterKind ?? null,
          purpose: 'taking_into_care',
          urgency: input.urgency,
          sections: [],
          message: input.summary,
          createdBy: ctx.userId,
        })
        .returning({ id: referrals.id });
      const referralId = intake!.id;
      await tx.insert(referralPeople).values(input.personIds.map((personId) => ({ referralId, personId })));
      // The family's request rests on their consent to this service; a decree or a report on the
      // court's order and the service's statutory duty, which do not lapse by themselves.
      let basisExpiresOn: string | null = null;
      if (input.origin === 'family_request') {
        const basis = await referralBasis({ tx, id: referralId });
        if (!basis.ok)
          throw problems.field(
            'personIds',
            'consent',
            {
              it: 'Registra prima il consenso di ogni persona (o del suo rappresentante) alla presa in carico da parte del servizio.',
              en: 'First record the consent of each person (or their representative) to being taken into care by the service.',
            },
            422,
          );
        basisExpiresOn = basis.expires_on;
      }
      await tx
        .update(referrals)
        .set({
          status: 'accepted',
          legalBasis: BASIS_OF[input.origin],
          basisExpiresOn,
          sentAt: receivedAt,
          answeredAt: new Date(),
          answeredBy: ctx.userId,
          updatedAt: new Date(),
        })
        .where(and(eq(referrals.id, referralId), eq(referrals.status, 'draft')));
      const [opened] = await tx
        .insert(cases)
        .values({
          code: randomCode('C'),
          householdId: input.householdId,
          referralId,
          serviceId,
          leadUserId: ctx.userId,
          referralSentAt: receivedAt,
          basisExpiresOn,
        })
        .returning({ id: cases.id });
      const caseId = opened!.id;
      await tx.insert(caseFiles).values({
        caseId,
        intake: { receivedOn: input.receivedOn, presentingProblem: input.summary },
        updatedBy: ctx.userId,
      });
      await tx.insert(caseTeam).values({ caseId, userId: ctx.userId, teamRole: 'lead', addedBy: ctx.userId });
      if (await straddlesPerpetrator({ tx, userId: ctx.userId })) throw followsPerpetratorRefused();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case.opened_by_service',
          recordType: 'case',
          recordId: caseId,
          // Who reported (the police, a hospital) says what happened to the family: not in the trail.
          details: { origin: input.origin, people: input.personIds.length },
        },
      });
      return { caseId };
    },
  });
}
