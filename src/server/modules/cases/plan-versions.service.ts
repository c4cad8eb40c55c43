import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TCarePlan,
  ZApproveInputSchema,
  ZGoalInputSchema,
  ZProgressInputSchema,
  ZReturnInputSchema,
} from '../../../contracts/care-plan.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import {
  findGoal,
  goalRows,
  householdMember,
  listReviews,
  loadVersions,
  onTeam,
  syncCasePlanStatus,
  type VersionRow,
  versionRows,
} from './care-plan.repository.js';
import { casePlanGoals, casePlanProgress, casePlanVersions } from './care-plan.sql.js';
import { type CaseAccess, refused, requireCase, requireOpen } from './cases.policy.js';
import { planReviewDueOn } from './cases.repository.js';

/**
 * The plan (Progetto Quadro), versioned (issue 22, item 2). The clinical team writes a draft; a
 * supervising coordinator approves it (frozen; the one before superseded) or returns it with
 * comments; nobody approves a plan they lead or submitted. Progress on a goal is recorded on the
 * approved version and never voids it; changing a goal's substance opens a new draft copied from the
 * approved version, beside it. The database freezes decided versions too (1-care-plan.sql).
 */

const READERS = ['clinical', 'supervisor', 'break_glass'] as const;

export async function planOf({ tx, found }: { tx: Tx; found: CaseAccess }): Promise<TCarePlan> {
  const versions = await loadVersions({ tx, caseId: found.id });
  const reviews = await listReviews({ tx, caseId: found.id });
  const approved = versions.find((v) => v.status === 'approved') ?? null;
  const draft = versions.find((v) => ['draft', 'submitted', 'returned'].includes(v.status)) ?? null;
  // The next review by the case list's one rule (PLAN_REVIEW_DUE), once a version is approved.
  const nextReviewOn = approved ? await planReviewDueOn({ tx, caseId: found.id }) : null;
  const open = found.status !== 'closed';
  return {
    versions,
    approvedId: approved?.id ?? null,
    draftId: draft?.id ?? null,
    reviews,
    nextReviewOn,
    can: {
      edit: open && found.access === 'clinical',
      decide: open && found.access === 'supervisor' && draft?.status === 'submitted',
    },
  };
}

export function getPlan({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs: READERS });
      const plan = await planOf({ tx, found });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'care_plan.read',
          recordType: 'case',
          recordId: id,
          details: { access: found.access },
        },
      });
      return plan;
    },
  });
}

/** One change to the plan under its rules: the case reached, open, the change, its audit, the plan again. */
export function changePlan({
  deps,
  ctx,
  id,
  needs,
  action,
  change,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  needs: readonly ('clinical' | 'supervisor')[];
  action: AuditAction;
  change: (tx: Tx, found: CaseAccess) => Promise<Record<string, unknown>>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs });
      requireOpen(found);
      const details = await change(tx, found);
      await syncCasePlanStatus({ tx, caseId: id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action, recordType: 'case', recordId: id, details },
      });
      return planOf({ tx, found });
    },
  });
}

const waitingForDecision = () =>
  problems.conflict({
    it: 'Una versione del piano attende la decisione della supervisione: si modifica dopo che l’ha restituita.',
    en: 'A plan version awaits the supervisor’s decision: it can be changed once returned.',
  });

/**
 * The version being written: the open draft (or returned one), else a new draft copied from the
 * approved version (its goals and their progress), beside it. Never while one awaits a decision.
 */
async function editableDraft(tx: Tx, caseId: string, userId: string): Promise<VersionRow> {
  const versions = await versionRows({ tx, caseId });
  const open = versions.find((v) => v.status === 'draft' || v.status === 'returned');
  if (open) return open;
  if (versions.some((v) => v.status === 'submitted')) throw waitingForDecision();
  const approved = versions.find((v) => v.status === 'approved');
  const [created] = await tx
    .insert(casePlanVersions)
    .values({
      caseId,
      number: (versions[0]?.number ?? 0) + 1,
      status: 'draft',
      basedOnId: approved?.id ?? null,
      createdBy: userId,
    })
    .returning();
  if (approved) {
    const goals = await goalRows({ tx, versionIds: [approved.id] });
    if (goals.length > 0)
      await tx.insert(casePlanGoals).values(
        goals.map((g) => ({
          versionId: created!.id,
          originGoalId: g.id,
          personId: g.person_id,
          dimension: g.dimension,
          text: g.text,
          responsibleKind: g.responsible_kind,
          responsibleUserId: g.responsible_user_id,
          responsibleService: g.responsible_service,
          responsiblePersonId: g.responsible_person_id,
          indicator: g.indicator,
          dueOn: g.due_on === null ? null : String(g.due_on).slice(0, 10),
          position: g.position,
          progress: g.progress,
          progressNote: g.progress_note,
          // Raw rows carry times as text on some drivers: drizzle's column wants a Date.
          progressAt: g.progress_at === null ? null : new Date(g.progress_at),
        })),
      );
  }
  const [row] = await queryRows<VersionRow>(
    tx,
    sql`select * from case_plan_versions where id = ${created!.id}`,
  );
  return row!;
}

/** The goal as it may be edited: itself in a draft, or its copy in the draft opened from the approved version. */
async function draftGoal(tx: Tx, caseId: string, goalId: string, userId: string) {
  const goal = await findGoal({ tx, caseId, goalId });
  if (!goal) throw problems.notFound();
  if (goal.status === 'draft' || goal.status === 'returned') return goal;
  if (goal.status !== 'approved')
    throw problems.conflict({
      it: 'Questa versione del piano è chiusa: non si modifica.',
      en: 'This plan version is closed: it cannot be changed.',
    });
  const draft = await editableDraft(tx, caseId, userId);
  const [copy] = await queryRows<{ id: string }>(
    tx,
    sql`select id from case_plan_goals where version_id = ${draft.id} and origin_goal_id = ${goal.id}`,
  );
  if (!copy)
    throw problems.conflict({
      it: 'L’obiettivo è già stato tolto dalla bozza.',
      en: 'The goal has already been removed from the draft.',
    });
  return (await findGoal({ tx, caseId, goalId: copy.id }))!;
}

type GoalInput = z.output<typeof ZGoalInputSchema>;

/** A goal names a child of the household, and who answers for it as its kind says. */
async function goalValues(tx: Tx, found: CaseAccess, input: GoalInput) {
  const child = await householdMember({ tx, householdId: found.householdId, personId: input.personId });
  if (!child?.child)
    throw problems.field('personId', 'not-a-child-of-household', {
      it: 'Scegli un figlio o una figlia del nucleo del caso.',
      en: "Choose a child of the case's household.",
    });
  const missing = (field: string) =>
    problems.field(field, 'required', { it: 'Indica chi ne risponde.', en: 'Say who is responsible.' });
  let responsible = { responsibleUserId: null, responsibleService: null, responsiblePersonId: null } as {
    responsibleUserId: string | null;
    responsibleService: string | null;
    responsiblePersonId: string | null;
  };
  if (input.responsibleKind === 'user') {
    if (!input.responsibleUserId) throw missing('responsibleUserId');
    if (!(await onTeam({ tx, caseId: found.id, userId: input.responsibleUserId })))
      throw problems.field('responsibleUserId', 'not-on-team', {
        it: 'Scegli una persona dell’équipe del caso.',
        en: "Choose someone on the case's team.",
      });
    responsible = { ...responsible, responsibleUserId: input.responsibleUserId };
  } else if (input.responsibleKind === 'outside_service') {
    if (!input.responsibleService) throw missing('responsibleService');
    responsible = { ...responsible, responsibleService: input.responsibleService };
  } else {
    if (!input.responsiblePersonId) throw missing('responsiblePersonId');
    if (!(await householdMember({ tx, householdId: found.householdId, personId: input.responsiblePersonId })))
      throw problems.field('responsiblePersonId', 'not-in-household', {
        it: 'Scegli una persona del nucleo.',
        en: 'Choose a member of the household.',
      });
    responsible = { ...responsible, responsiblePersonId: input.responsiblePersonId };
  }
  return {
    personId: input.personId,
    dimension: input.dimension,
    text: input.text,
    responsibleKind: input.responsibleKind,
    ...responsible,
    indicator: input.indicator,
    dueOn: input.dueOn ?? null,
  };
}

type Args = { deps: Deps; ctx: AccessContext; id: string };

/** Opens a new draft (copied from the approved version) or answers with the one already open. */
export const createDraft = ({ deps, ctx, id }: Args) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'care_plan.draft_created',
    change: async (tx) => ({ versionId: (await editableDraft(tx, id, ctx.userId)).id }),
  });

export const addGoal = ({ deps, ctx, id, input }: Args & { input: GoalInput }) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'care_plan.goal_added',
    change: async (tx, found) => {
      const values = await goalValues(tx, found, input);
      const draft = await editableDraft(tx, id, ctx.userId);
      const [last] = await queryRows<{ max: number | null }>(
        tx,
        sql`select max(position) as max from case_plan_goals where version_id = ${draft.id}`,
      );
      const [goal] = await tx
        .insert(casePlanGoals)
        .values({ ...values, versionId: draft.id, position: (last?.max ?? -1) + 1 })
        .returning({ id: casePlanGoals.id });
      return { versionId: draft.id, goalId: goal!.id };
    },
  });

/** Edits a draft's goal; a goal of the approved version is edited in a new draft beside it. */
export const updateGoal = ({ deps, ctx, id, goalId, input }: Args & { goalId: string; input: GoalInput }) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'care_plan.goal_updated',
    change: async (tx, found) => {
      const values = await goalValues(tx, found, input);
      const goal = await draftGoal(tx, id, goalId, ctx.userId);
      await tx.update(casePlanGoals).set(values).where(eq(casePlanGoals.id, goal.id));
      return { versionId: goal.version_id, goalId: goal.id };
    },
  });

export const removeGoal = ({ deps, ctx, id, goalId }: Args & { goalId: string }) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'care_plan.goal_removed',
    change: async (tx) => {
      const goal = await draftGoal(tx, id, goalId, ctx.userId);
      await tx.delete(casePlanGoals).where(eq(casePlanGoals.id, goal.id));
      return { versionId: goal.version_id, goalId: goal.id };
    },
  });

/** Progress on a goal of the approved version: logged, the approval untouched (and the draft's copy follows). */
export const recordProgress = ({
  deps,
  ctx,
  id,
  goalId,
  input,
}: Args & { goalId: string; input: z.output<typeof ZProgressInputSchema> }) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'care_plan.progress_recorded',
    change: async (tx) => {
      const goal = await findGoal({ tx, caseId: id, goalId });
      if (!goal) throw problems.notFound();
      if (goal.status !== 'approved')
        throw problems.conflict({
          it: 'L’avanzamento si registra sugli obiettivi del piano approvato.',
          en: 'Progress is recorded on the goals of the approved plan.',
        });
      const now = new Date();
      const progress = {
        progress: input.status,
        progressNote: input.note ?? null,
        progressAt: now,
        progressBy: ctx.userId,
      };
      await tx.update(casePlanGoals).set(progress).where(eq(casePlanGoals.id, goal.id));
      await tx
        .update(casePlanGoals)
        .set(progress)
        .where(
          and(
            eq(casePlanGoals.originGoalId, goal.id),
            sql`${casePlanGoals.versionId} in (select id from case_plan_versions where case_id = ${id} and status in ('draft', 'returned'))`,
          ),
        );
      await tx.insert(casePlanProgress).values({
        goalId: goal.id,
        status: input.status,
        note: input.note ?? null,
        recordedBy: ctx.userId,
        recordedAt: now,
      });
      return { versionId: goal.version_id, goalId: goal.id, status: input.status };
    },
  });

async function versionOf(tx: Tx, caseId: string, versionId: string) {
  const [v] = await queryRows<VersionRow>(
    tx,
    sql`select * from case_plan_versions where id = ${versionId} and case_id = ${caseId}`,
  );
  if (!v) throw problems.notFound();
  return v;
}

export const submitVersion = ({ deps, ctx, id, versionId }: Args & { versionId: string }) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'care_plan.submitted',
    change: async (tx) => {
      const v = await versionOf(tx, id, versionId);
      if (v.status !== 'draft' && v.status !== 'returned')
        throw problems.conflict({
          it: 'Si invia solo una bozza o una versione restituita.',
          en: 'Only a draft or a returned version can be submitted.',
        });
      if ((await goalRows({ tx, versionIds: [v.id] })).length === 0)
        throw problems.field('goals', 'missing', {
          it: 'Scrivi almeno un obiettivo.',
          en: 'Write at least one goal.',
        });
      await tx
        .update(casePlanVersions)
        .set({ status: 'submitted', submittedBy: ctx.userId, submittedAt: new Date() })
        .where(eq(casePlanVersions.id, v.id));
      return { versionId: v.id };
    },
  });

/** A submitted version, decided by a supervisor who neither leads the case nor submitted it. */
async function submittedForDecision(tx: Tx, found: CaseAccess, versionId: string, userId: string) {
  const v = await versionOf(tx, found.id, versionId);
  if (v.status !== 'submitted')
    throw problems.conflict({
      it: 'Questa versione non attende una decisione.',
      en: 'This version is not awaiting a decision.',
    });
  if (v.submitted_by === userId || found.leadUserId === userId)
    throw refused({
      it: 'Non puoi decidere su un piano che conduci o che hai inviato.',
      en: 'You cannot decide on a plan you lead or submitted.',
    });
  return v;
}

export const approveVersion = ({
  deps,
  ctx,
  id,
  versionId,
  input,
}: Args & { versionId: string; input: z.output<typeof ZApproveInputSchema> }) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['supervisor'],
    action: 'care_plan.approved',
    change: async (tx, found) => {
      const v = await submittedForDecision(tx, found, versionId, ctx.userId);
      const goals = await goalRows({ tx, versionIds: [v.id] });
      await tx
        .update(casePlanVersions)
        .set({ status: 'superseded' })
        .where(and(eq(casePlanVersions.caseId, id), eq(casePlanVersions.status, 'approved')));
      await tx
        .update(casePlanVersions)
        .set({
          status: 'approved',
          decidedBy: ctx.userId,
          decidedAt: new Date(),
          decisionComment: input.comment ?? v.decision_comment,
          frozenGoals: goals,
        })
        .where(eq(casePlanVersions.id, v.id));
      return { versionId: v.id, goals: goals.length };
    },
  });

export const returnVersion = ({
  deps,
  ctx,
  id,
  versionId,
  input,
}: Args & { versionId: string; input: z.output<typeof ZReturnInputSchema> }) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['supervisor'],
    action: 'care_plan.returned',
    change: async (tx, found) => {
      const v = await submittedForDecision(tx, found, versionId, ctx.userId);
      await tx
        .update(casePlanVersions)
        .set({
          status: 'returned',
          decidedBy: ctx.userId,
          decidedAt: new Date(),
          decisionComment: input.comment,
        })
        .where(eq(casePlanVersions.id, v.id));
      return { versionId: v.id };
    },
  });
