import { and, eq, sql } from 'drizzle-orm';
import {
  AUTONOMY_LIMITS,
  type TGoalInput,
  type TGoalUpdate,
  type TMeetingInput,
  type TPlan,
  type TStepInput,
  type TStepUpdate,
  ZGoalInputSchema,
  ZMeetingInputSchema,
  ZStepInputSchema,
} from '../../../contracts/autonomy.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { todayInRome } from '../cases/rome-time.js';
import { autonomyContext } from './autonomy.fields.js';
import {
  autonomyGoals,
  autonomyMeetings,
  autonomyPlans,
  autonomySealedNotes,
  autonomySteps,
} from './autonomy.sql.js';
import { changePlan } from './autonomy-plans.service.js';

/**
 * The parts of a plan its writers change (issue 20, item 2): goals and their steps, and tutoring
 * meetings. Each change is judged on the plan (the household's working team or the tutor, the plan
 * still active), written as the caller under RLS, audited, and answered with the whole plan. A goal
 * or step of a plan the caller may not write is the plan's audited 404.
 */

const field = (name: string, code: string, it: string, en: string): FieldError => ({
  field: name,
  code,
  message: { it, en },
});

/**
 * The plan a goal or step belongs to, looked up as the owner by id only, so that `requirePlan`
 * judges the caller on the plan itself (and audits a refusal on it). An unknown id is a 404.
 */
function planOf(table: 'autonomy_goals' | 'autonomy_steps', id: string) {
  return (tx: Tx) =>
    unsafeAsSystem(tx, async (sys) => {
      const [row] = await queryRows<{ plan_id: string }>(
        sys,
        sql`select plan_id from ${sql.identifier(table)} where id = ${id}`,
      );
      if (!row) throw new OutOfScope('autonomy_plan', id);
      return row.plan_id;
    });
}

const notFuture = (name: string, value: string | null | undefined) =>
  value && value > todayInRome()
    ? [field(name, 'future', 'La data non può essere nel futuro.', 'The date cannot be in the future.')]
    : [];

export function addGoal({
  deps,
  ctx,
  planId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
  input: TGoalInput;
}): Promise<TPlan> {
  const parsed = ZGoalInputSchema.parse(input);
  return changePlan({
    deps,
    ctx,
    planId,
    work: async (tx, plan) => {
      const [added] = await queryRows<{ id: string }>(
        tx,
        sql`insert into autonomy_goals (plan_id, area, description, target_on)
            select ${plan.id}, ${parsed.area}, ${parsed.description}, ${parsed.targetOn}::date
             where (select count(*) from autonomy_goals g where g.plan_id = ${plan.id}) < ${AUTONOMY_LIMITS.goalsPerPlan}
            returning id`,
      );
      if (!added)
        throw problems.field(
          'goals',
          'too_many',
          {
            it: `Un progetto ha al massimo ${AUTONOMY_LIMITS.goalsPerPlan} obiettivi.`,
            en: `A plan has at most ${AUTONOMY_LIMITS.goalsPerPlan} goals.`,
          },
          409,
        );
      return { action: 'autonomy.goal_saved', details: { goalId: added.id, area: parsed.area } };
    },
  });
}

export function updateGoal({
  deps,
  ctx,
  goalId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  goalId: string;
  input: TGoalUpdate;
}): Promise<TPlan> {
  return changePlan({
    deps,
    ctx,
    planId: planOf('autonomy_goals', goalId),
    work: async (tx, plan) => {
      const changes = {
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.targetOn !== undefined ? { targetOn: input.targetOn } : {}),
      };
      if (Object.keys(changes).length > 0)
        await tx
          .update(autonomyGoals)
          .set({ ...changes, updatedAt: new Date() })
          .where(and(eq(autonomyGoals.id, goalId), eq(autonomyGoals.planId, plan.id)));
      return { action: 'autonomy.goal_saved', details: { goalId, fields: Object.keys(changes) } };
    },
  });
}

export function addStep({
  deps,
  ctx,
  goalId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  goalId: string;
  input: TStepInput;
}): Promise<TPlan> {
  const parsed = ZStepInputSchema.parse(input);
  return changePlan({
    deps,
    ctx,
    planId: planOf('autonomy_goals', goalId),
    work: async (tx, plan) => {
      const [added] = await queryRows<{ id: string }>(
        tx,
        sql`insert into autonomy_steps (goal_id, plan_id, description, due_on)
            select ${goalId}, ${plan.id}, ${parsed.description}, ${parsed.dueOn}::date
             where (select count(*) from autonomy_steps s where s.goal_id = ${goalId}) < ${AUTONOMY_LIMITS.stepsPerGoal}
            returning id`,
      );
      if (!added)
        throw problems.field(
          'steps',
          'too_many',
          {
            it: `Un obiettivo ha al massimo ${AUTONOMY_LIMITS.stepsPerGoal} passi.`,
            en: `A goal has at most ${AUTONOMY_LIMITS.stepsPerGoal} steps.`,
          },
          409,
        );
      return { action: 'autonomy.step_saved', details: { goalId, stepId: added.id } };
    },
  });
}

/** A step ticked done on a day (not after today), or unticked. */
export function updateStep({
  deps,
  ctx,
  stepId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  stepId: string;
  input: TStepUpdate;
}): Promise<TPlan> {
  const future = notFuture('doneOn', input.doneOn);
  if (future.length > 0) throw problems.fields(future);
  return changePlan({
    deps,
    ctx,
    planId: planOf('autonomy_steps', stepId),
    work: async (tx, plan) => {
      await tx
        .update(autonomySteps)
        .set({ doneOn: input.doneOn })
        .where(and(eq(autonomySteps.id, stepId), eq(autonomySteps.planId, plan.id)));
      return { action: 'autonomy.step_saved', details: { stepId, done: input.doneOn !== null } };
    },
  });
}

export function removeStep({
  deps,
  ctx,
  stepId,
}: {
  deps: Deps;
  ctx: AccessContext;
  stepId: string;
}): Promise<TPlan> {
  return changePlan({
    deps,
    ctx,
    planId: planOf('autonomy_steps', stepId),
    work: async (tx, plan) => {
      await tx
        .delete(autonomySteps)
        .where(and(eq(autonomySteps.id, stepId), eq(autonomySteps.planId, plan.id)));
      return { action: 'autonomy.step_removed', details: { stepId } };
    },
  });
}

/**
 * A tutoring, orientation or review meeting. Its note is encrypted; a clinician's note is sealed:
 * kept apart in `autonomy_sealed_notes`, which RLS shows to its author and to the clinicians who
 * read the plan only. A review meeting may set the plan's next review.
 */
export function recordMeeting({
  deps,
  ctx,
  planId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
  input: TMeetingInput;
}): Promise<TPlan> {
  const parsed = ZMeetingInputSchema.parse(input);
  const errors = notFuture('heldOn', parsed.heldOn);
  if (parsed.nextReviewOn !== null && parsed.kind !== 'review')
    errors.push(
      field(
        'nextReviewOn',
        'only_review',
        'La prossima verifica si fissa in un incontro di verifica.',
        'The next review is set at a review meeting.',
      ),
    );
  else if (parsed.nextReviewOn !== null && parsed.nextReviewOn < parsed.heldOn)
    errors.push(
      field(
        'nextReviewOn',
        'before_meeting',
        'La prossima verifica viene dopo questo incontro.',
        'The next review comes after this meeting.',
      ),
    );
  if (errors.length > 0) throw problems.fields(errors);
  return changePlan({
    deps,
    ctx,
    planId,
    work: async (tx, plan) => {
      const id = crypto.randomUUID();
      // A clinician's words are sealed; with no note there is nothing to seal.
      const sealed = ctx.role === 'clinician' && parsed.note !== null;
      await tx.insert(autonomyMeetings).values({
        id,
        planId: plan.id,
        kind: parsed.kind,
        heldOn: parsed.heldOn,
        minutes: parsed.minutes,
        noteEncrypted:
          parsed.note !== null && !sealed
            ? encryptField({
                keyring: deps.keyring,
                plaintext: parsed.note,
                context: autonomyContext('autonomy_meetings.note', id),
              })
            : null,
        sealed,
        authorId: ctx.userId,
      });
      if (sealed)
        await tx.insert(autonomySealedNotes).values({
          meetingId: id,
          planId: plan.id,
          authorId: ctx.userId,
          noteEncrypted: encryptField({
            keyring: deps.keyring,
            plaintext: parsed.note!,
            context: autonomyContext('autonomy_sealed_notes.note', id),
          }),
        });
      if (parsed.kind === 'review' && parsed.nextReviewOn !== null)
        await tx
          .update(autonomyPlans)
          .set({ nextReviewOn: parsed.nextReviewOn })
          .where(eq(autonomyPlans.id, plan.id));
      return {
        action: 'autonomy.meeting_recorded',
        details: { meetingId: id, kind: parsed.kind, sealed },
      };
    },
  });
}
