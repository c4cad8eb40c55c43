import { sql } from 'drizzle-orm';
import type { TPlan, TPlanCreate } from '../../../contracts/autonomy.js';
import { ZPlanCreateSchema } from '../../../contracts/autonomy.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import { actingService } from '../cases/cases.policy.js';
import { requirePlan } from './autonomy.policy.js';
import { autonomyPlans } from './autonomy.sql.js';
import { loadPlanView } from './autonomy-plans.repository.js';

/** Roles that may tutor a plan (and be named its tutor). */
export const TUTOR_ROLES = ['practitioner', 'clinician', 'coordinator'] as const;

const field = (name: string, it: string, en: string): FieldError => ({
  field: name,
  code: 'invalid',
  message: { it, en },
});

/**
 * Checks what a new plan names, as the caller (RLS: the household must be one the caller's team
 * works) and as the owner for the tutor (a user of any service, who must hold a tutoring role and
 * must not be blocked from the person).
 */
async function judgeNewPlan({ tx, input }: { tx: Tx; input: ReturnType<typeof ZPlanCreateSchema.parse> }) {
  const [person] = await queryRows<{ household_id: string; adult: boolean; worked: boolean }>(
    tx,
    sql`select p.household_id, not trama_is_minor(p.birth_date, p.birth_year, p.case_role) as adult,
               p.household_id = any (trama_worked_households()) as worked
          from people p where p.id = ${input.personId}`,
  );
  if (!person?.worked)
    throw problems.fields([
      field(
        'personId',
        'Persona non trovata tra i nuclei del tuo servizio.',
        'Person not found among your service’s households.',
      ),
    ]);
  const errors: FieldError[] = [];
  if (!person.adult)
    errors.push(
      field(
        'personId',
        'Il progetto di autonomia è per una persona adulta.',
        'An autonomy plan is for an adult.',
      ),
    );
  if (input.origin === 'case') {
    const [found] = await queryRows<{ id: string }>(
      tx,
      sql`select c.id from cases c where c.id = ${input.originCaseId} and c.household_id = ${person.household_id}`,
    );
    if (!found)
      errors.push(
        field('originCaseId', 'Il caso non è di questo nucleo.', 'The case is not one of this household.'),
      );
  }
  if (input.origin === 'referral') {
    const [found] = await queryRows<{ id: string }>(
      tx,
      sql`select r.id from referrals r join referral_people rp on rp.referral_id = r.id
           where r.id = ${input.originReferralId} and rp.person_id = ${input.personId}`,
    );
    if (!found)
      errors.push(
        field(
          'originReferralId',
          'La segnalazione non riguarda questa persona.',
          'The referral does not concern this person.',
        ),
      );
  }
  const tutorOk = await unsafeAsSystem(tx, async (sys) => {
    const [row] = await queryRows<{ ok: boolean }>(
      sys,
      sql`select exists (select 1 from users u join memberships m on m.user_id = u.id
                          where u.id = ${input.tutorUserId} and u.disabled_at is null
                            and m.role in ('practitioner', 'clinician', 'coordinator'))
                 and not trama_is_blocked_from(${input.tutorUserId}::uuid, array[${input.personId}::uuid]) as ok`,
    );
    return row?.ok === true;
  });
  if (!tutorOk)
    errors.push(
      field(
        'tutorUserId',
        'Questa persona non può essere tutor del progetto.',
        'This person cannot tutor the plan.',
      ),
    );
  if (errors.length > 0) throw problems.fields(errors);
  return person.household_id;
}

export async function openPlan({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TPlanCreate;
}): Promise<TPlan> {
  const parsed = ZPlanCreateSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const serviceId = actingService(ctx);
      const householdId = await judgeNewPlan({ tx, input: parsed });
      const id = crypto.randomUUID();
      try {
        await tx.insert(autonomyPlans).values({
          id,
          code: randomTypedCode('AP', 8),
          personId: parsed.personId,
          householdId,
          serviceId,
          tutorUserId: parsed.tutorUserId,
          origin: parsed.origin,
          originCaseId: parsed.origin === 'case' ? parsed.originCaseId : null,
          originReferralId: parsed.origin === 'referral' ? parsed.originReferralId : null,
          startedOn: parsed.startedOn,
          nextReviewOn: parsed.nextReviewOn,
          createdBy: ctx.userId,
        });
      } catch (error) {
        if (pgErrorCode(error) === '23505')
          throw new HttpProblem(
            409,
            'plan-exists',
            { it: 'Progetto già aperto', en: 'Plan already open' },
            {
              it: 'Questa persona ha già un progetto di autonomia attivo.',
              en: 'This person already has an active autonomy plan.',
            },
          );
        throw error;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'autonomy.plan_opened', recordType: 'autonomy_plan', recordId: id },
      });
      const plan = await requirePlan({ tx, planId: id });
      return loadPlanView({ tx, keyring: deps.keyring, plan });
    },
  });
}

export async function getPlan({
  deps,
  ctx,
  planId,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
}): Promise<TPlan> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const plan = await requirePlan({ tx, planId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'autonomy.plan_read', recordType: 'autonomy_plan', recordId: planId },
      });
      return loadPlanView({ tx, keyring: deps.keyring, plan });
    },
  });
}
