import { and, eq, sql } from 'drizzle-orm';
import type {
  TPlan,
  TPlanCandidates,
  TPlanCreate,
  TPlanExit,
  TPlanListQuery,
  TPlanPage,
  TPlanUpdate,
  TTutorOptions,
} from '../../../contracts/autonomy.js';
import { ZPlanCreateSchema, ZPlanExitSchema } from '../../../contracts/autonomy.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditEvent } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import { actingService } from '../cases/cases.policy.js';
import { todayInRome } from '../cases/rome-time.js';
import { type PlanAccess, requireActivePlan, requirePlan } from './autonomy.policy.js';
import { autonomyPlans } from './autonomy.sql.js';
import { findCandidates, pageOfPlans, tutorOptions, tutorScope } from './autonomy-plan-list.repository.js';
import { loadPlanView } from './autonomy-plans.repository.js';

const field = (name: string, it: string, en: string): FieldError => ({
  field: name,
  code: 'invalid',
  message: { it, en },
});

const TUTOR_REFUSED = field(
  'tutorUserId',
  'Questa persona non può essere tutor del progetto.',
  'This person cannot tutor the plan.',
);

/**
 * Checks what a new plan names, as the caller (RLS: the household must be one the caller's team
 * works) and as the owner for the tutor (a user of any service, who must hold a tutoring role and
 * must not be blocked from the person).
 */
async function judgeNewPlan({
  tx,
  ctx,
  input,
}: {
  tx: Tx;
  ctx: AccessContext;
  input: ReturnType<typeof ZPlanCreateSchema.parse>;
}) {
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
  if (!(await mayTutor({ tx, ctx, tutorUserId: input.tutorUserId, personId: input.personId })))
    errors.push(TUTOR_REFUSED);
  if (input.nextReviewOn !== null && input.nextReviewOn < input.startedOn) errors.push(REVIEW_BEFORE_START);
  if (errors.length > 0) throw problems.fields(errors);
  return person.household_id;
}

/**
 * Whether a user may tutor a person's plan, read as the owner (the tutor may be of another
 * service): an active account holding a tutoring role in the caller's organisation or district or
 * in an autonomy_housing service (whom the tutors' list offers), not blocked from the person.
 */
async function mayTutor({
  tx,
  ctx,
  tutorUserId,
  personId,
}: {
  tx: Tx;
  ctx: AccessContext;
  tutorUserId: string;
  personId: string;
}) {
  return unsafeAsSystem(tx, async (sys) => {
    const [row] = await queryRows<{ ok: boolean }>(
      sys,
      sql`select exists (select 1 from users u join memberships m on m.user_id = u.id
                            left join services s on s.id = m.service_id
                          where u.id = ${tutorUserId} and u.disabled_at is null and ${tutorScope(ctx)})
                 and not trama_is_blocked_from(${tutorUserId}::uuid, array[${personId}::uuid]) as ok`,
    );
    return row?.ok === true;
  });
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
      const householdId = await judgeNewPlan({ tx, ctx, input: parsed });
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

/** The plans the caller reads, by next review; the audit keeps the count only. */
export async function listPlans({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: TPlanListQuery;
}): Promise<TPlanPage> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await pageOfPlans({ tx, userId: ctx.userId, query });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'autonomy.plans_listed', details: { count: page.items.length } },
      });
      return page;
    },
  });
}

/**
 * A new tutor (judged like a new plan's) or the next review date. A tutor outside the household's
 * team cannot hand the plan to someone else: they would lose it in the same breath (the team does it).
 */
export async function updatePlan({
  deps,
  ctx,
  planId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
  input: TPlanUpdate;
}): Promise<TPlan> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const plan = await requirePlan({ tx, planId, write: true });
      requireActivePlan(plan);
      const [facts] = await queryRows<{ started_on: string; team: boolean }>(
        tx,
        sql`select p.started_on::text, p.household_id = any ((select trama_readable_households())::uuid[]) as team
              from autonomy_plans p where p.id = ${planId}`,
      );
      const errors: FieldError[] = [];
      const newTutor =
        input.tutorUserId !== undefined && input.tutorUserId !== plan.tutorUserId ? input.tutorUserId : null;
      if (newTutor) {
        if (!(await mayTutor({ tx, ctx, tutorUserId: newTutor, personId: plan.personId })))
          errors.push(TUTOR_REFUSED);
        else if (!facts?.team && newTutor !== ctx.userId)
          errors.push(
            field(
              'tutorUserId',
              'Solo l’équipe del nucleo può affidare il progetto a un altro tutor.',
              'Only the household’s team can hand the plan to another tutor.',
            ),
          );
      }
      if (input.nextReviewOn && facts && input.nextReviewOn < facts.started_on)
        errors.push(REVIEW_BEFORE_START);
      if (errors.length > 0) throw problems.fields(errors);
      const changed = [
        ...(newTutor ? ['tutorUserId'] : []),
        ...(input.nextReviewOn !== undefined ? ['nextReviewOn'] : []),
      ];
      if (changed.length > 0) {
        await tx
          .update(autonomyPlans)
          .set({
            ...(newTutor ? { tutorUserId: newTutor } : {}),
            ...(input.nextReviewOn !== undefined ? { nextReviewOn: input.nextReviewOn } : {}),
            updatedAt: new Date(),
          })
          .where(eq(autonomyPlans.id, planId));
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'autonomy.plan_updated',
            recordType: 'autonomy_plan',
            recordId: planId,
            details: { fields: changed },
          },
        });
      }
      return loadPlanView({ tx, keyring: deps.keyring, plan: await requirePlan({ tx, planId }) });
    },
  });
}

/**
 * Runs one change on an active plan the caller writes (the household's working team or the tutor;
 * the plan's audited 404 otherwise), audits it — on the plan unless the event names another
 * record — and answers the plan as it now stands. `planId` may be found from a part of the plan
 * (a goal, a step). The plan's row stays locked until commit, so that counted limits (goals per
 * plan, steps per goal) hold under concurrent requests.
 */
export function changePlan({
  deps,
  ctx,
  planId,
  work,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string | ((tx: Tx) => Promise<string>);
  work: (tx: Tx, plan: PlanAccess) => Promise<AuditEvent>;
}): Promise<TPlan> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const id = typeof planId === 'string' ? planId : await planId(tx);
      const plan = await requirePlan({ tx, planId: id, write: true });
      requireActivePlan(plan);
      await tx.update(autonomyPlans).set({ updatedAt: new Date() }).where(eq(autonomyPlans.id, plan.id));
      const event = await work(tx, plan);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { recordType: 'autonomy_plan', recordId: plan.id, ...event },
      });
      return loadPlanView({ tx, keyring: deps.keyring, plan: await requirePlan({ tx, planId: plan.id }) });
    },
  });
}

const REVIEW_BEFORE_START = field(
  'nextReviewOn',
  'La verifica non può venire prima dell’avvio del progetto.',
  'The review cannot come before the plan started.',
);

/** The plan's exit: closed with its reason and date, between its start and today. */
export async function exitPlan({
  deps,
  ctx,
  planId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
  input: TPlanExit;
}): Promise<TPlan> {
  const parsed = ZPlanExitSchema.parse(input);
  return changePlan({
    deps,
    ctx,
    planId,
    work: async (tx, plan) => {
      const [facts] = await queryRows<{ started_on: string }>(
        tx,
        sql`select started_on::text from autonomy_plans where id = ${planId}`,
      );
      if (facts && parsed.exitOn < facts.started_on)
        throw problems.fields([
          field(
            'exitOn',
            'L’uscita non può venire prima dell’avvio del progetto.',
            'The exit cannot come before the plan started.',
          ),
        ]);
      if (parsed.exitOn > todayInRome())
        throw problems.fields([
          field('exitOn', 'L’uscita non può essere nel futuro.', 'The exit cannot be in the future.'),
        ]);
      // Conditional: of two exits at once, the second finds the plan closed (its reason is kept).
      const [closed] = await tx
        .update(autonomyPlans)
        .set({
          status: 'closed',
          exitReason: parsed.reason,
          exitOn: parsed.exitOn,
          exitNote: parsed.note,
          nextReviewOn: null,
          updatedAt: new Date(),
        })
        .where(and(eq(autonomyPlans.id, planId), eq(autonomyPlans.status, 'active')))
        .returning({ id: autonomyPlans.id });
      if (!closed) requireActivePlan({ ...plan, status: 'closed' });
      return { action: 'autonomy.plan_closed', details: { reason: parsed.reason } };
    },
  });
}

/**
 * Adults of the households the caller's team works whose name (or identifier) matches; the audit
 * keeps the count only.
 */
export async function searchCandidates({
  deps,
  ctx,
  q,
}: {
  deps: Deps;
  ctx: AccessContext;
  q: string;
}): Promise<TPlanCandidates> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const items = await findCandidates({ tx, q });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'autonomy.candidates_searched', details: { count: items.length } },
      });
      return { items };
    },
  });
}

/** Who may be named tutor (names and services only: colleagues, not the people served). */
export async function listTutors({ deps, ctx }: { deps: Deps; ctx: AccessContext }): Promise<TTutorOptions> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => ({
      items: await tutorOptions({ tx, organisationId: ctx.organisationId, districtId: ctx.districtId }),
    }),
  });
}
