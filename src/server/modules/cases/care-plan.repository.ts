import { sql } from 'drizzle-orm';
import type { TCareAssessment, TGoal, TPlanVersion, TReview } from '../../../contracts/care-plan.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { displayNames } from './cases.policy.js';

/**
 * The SQL of assessments, plan versions, goals and reviews, and their row → contract mapping. Every
 * query runs in the request's scoped transaction (RLS applies) unless it says it reads as the owner.
 */

const day = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/**
 * What a person is to the case's household, read as the owner: only a yes/no-like answer for a case
 * the caller already reached (people RLS may hide a member from a supervisor, which must not read as "absent").
 */
export async function householdMember({
  tx,
  householdId,
  personId,
}: {
  tx: Tx;
  householdId: string;
  personId: string;
}) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ child: boolean }>(
      sys,
      sql`select (p.relationship = 'child' or p.case_role = 'child') as child
          from people p where p.id = ${personId} and p.household_id = ${householdId}`,
    ),
  );
  return row ? { child: row.child } : null;
}

/** Whether a user is on the case's team (lead, member, mediator): the only users a goal may name. */
export async function onTeam({ tx, caseId, userId }: { tx: Tx; caseId: string; userId: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ yes: boolean }>(
      sys,
      sql`select exists (select 1 from case_team t where t.case_id = ${caseId} and t.user_id = ${userId}
            and t.team_role in ('lead', 'member', 'mediator')) as yes`,
    ),
  );
  return row?.yes ?? false;
}

interface AssessmentRow {
  id: string;
  person_id: string;
  stage: TCareAssessment['stage'];
  assessed_on: Date | string;
  child_needs: string;
  parent_responses: string;
  family_environment: string;
  strengths: string | null;
  risks: string | null;
  risk_level: TCareAssessment['riskLevel'];
  concerns: TCareAssessment['concerns'];
  child_voice: string | null;
  child_assent: TCareAssessment['childAssent'];
  assent_reason: string | null;
  corrects_id: string | null;
  author_id: string;
  created_at: Date;
}

/** A case's assessments, each child's in the order they were made. */
export async function listAssessments({ tx, caseId }: { tx: Tx; caseId: string }) {
  const rows = await queryRows<AssessmentRow>(
    tx,
    sql`select id, person_id, stage, assessed_on::text as assessed_on, child_needs, parent_responses,
          family_environment, strengths, risks, risk_level, concerns, child_voice, child_assent, assent_reason,
          corrects_id, author_id, created_at
        from case_assessments where case_id = ${caseId}
        order by person_id, assessed_on, created_at, id`,
  );
  const names = await displayNames({ tx, ids: rows.map((r) => r.author_id) });
  return rows.map(
    (r): TCareAssessment => ({
      id: r.id,
      personId: r.person_id,
      stage: r.stage,
      assessedOn: day(r.assessed_on)!,
      childNeeds: r.child_needs,
      parentResponses: r.parent_responses,
      familyEnvironment: r.family_environment,
      strengths: r.strengths,
      risks: r.risks,
      riskLevel: r.risk_level,
      concerns: r.concerns ?? [],
      childVoice: r.child_voice,
      childAssent: r.child_assent,
      assentReason: r.assent_reason,
      correctsId: r.corrects_id,
      authorName: names.get(r.author_id)?.name ?? '',
      createdAt: isoTime(r.created_at)!,
    }),
  );
}

export interface VersionRow {
  id: string;
  case_id: string;
  number: number;
  status: TPlanVersion['status'];
  created_by: string;
  created_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
}

export interface GoalRow {
  id: string;
  version_id: string;
  origin_goal_id: string | null;
  person_id: string;
  dimension: TGoal['dimension'];
  text: string;
  responsible_kind: TGoal['responsibleKind'];
  responsible_user_id: string | null;
  responsible_service: string | null;
  responsible_person_id: string | null;
  indicator: string;
  due_on: Date | string | null;
  position: number;
  progress: TGoal['progress'];
  progress_note: string | null;
  progress_at: Date | null;
}

export function versionRows({ tx, caseId }: { tx: Tx; caseId: string }) {
  return queryRows<VersionRow>(
    tx,
    sql`select * from case_plan_versions where case_id = ${caseId} order by number desc`,
  );
}

export async function goalRows({ tx, versionIds }: { tx: Tx; versionIds: string[] }) {
  if (versionIds.length === 0) return [];
  return queryRows<GoalRow>(
    tx,
    sql`select *, due_on::text as due_on from case_plan_goals where version_id = any(${`{${versionIds.join(',')}}`}::uuid[])
        order by position, id`,
  );
}

/** One goal with its version, for the rules (which version it is in decides what may change). */
export async function findGoal({ tx, caseId, goalId }: { tx: Tx; caseId: string; goalId: string }) {
  const [row] = await queryRows<GoalRow & { status: TPlanVersion['status'] }>(
    tx,
    sql`select g.*, g.due_on::text as due_on, v.status from case_plan_goals g join case_plan_versions v on v.id = g.version_id
        where g.id = ${goalId} and v.case_id = ${caseId}`,
  );
  return row ?? null;
}

/** Every version of the plan, newest first, with its goals, as the contract says. */
export async function loadVersions({ tx, caseId }: { tx: Tx; caseId: string }) {
  const versions = await versionRows({ tx, caseId });
  const goals = await goalRows({ tx, versionIds: versions.map((v) => v.id) });
  const log =
    goals.length === 0
      ? []
      : await queryRows<{
          goal_id: string;
          status: TGoal['progress'];
          note: string | null;
          recorded_by: string;
          recorded_at: Date;
        }>(
          tx,
          sql`select goal_id, status, note, recorded_by, recorded_at from case_plan_progress
              where goal_id = any(${`{${goals.map((g) => g.id).join(',')}}`}::uuid[]) order by recorded_at, id`,
        );
  const names = await displayNames({
    tx,
    ids: [
      ...versions.flatMap((v) => [v.submitted_by, v.decided_by]),
      ...goals.map((g) => g.responsible_user_id),
      ...log.map((l) => l.recorded_by),
    ].filter((x): x is string => x !== null),
  });
  const nameOf = (id: string | null) => (id ? (names.get(id)?.name ?? null) : null);
  return versions.map(
    (v): TPlanVersion => ({
      id: v.id,
      number: v.number,
      status: v.status,
      createdAt: isoTime(v.created_at)!,
      submittedByName: nameOf(v.submitted_by),
      submittedAt: isoTime(v.submitted_at),
      decidedByName: nameOf(v.decided_by),
      decidedAt: isoTime(v.decided_at),
      decisionComment: v.decision_comment,
      goals: goals
        .filter((g) => g.version_id === v.id)
        .map(
          (g): TGoal => ({
            id: g.id,
            personId: g.person_id,
            dimension: g.dimension,
            text: g.text,
            responsibleKind: g.responsible_kind,
            responsibleUserId: g.responsible_user_id,
            responsibleUserName: nameOf(g.responsible_user_id),
            responsibleService: g.responsible_service,
            responsiblePersonId: g.responsible_person_id,
            indicator: g.indicator,
            dueOn: day(g.due_on),
            progress: g.progress,
            progressNote: g.progress_note,
            progressAt: isoTime(g.progress_at),
            progressLog: log
              .filter((l) => l.goal_id === g.id)
              .map((l) => ({
                status: l.status,
                note: l.note,
                recordedBy: nameOf(l.recorded_by) ?? '—',
                recordedAt: isoTime(l.recorded_at)!,
              })),
          }),
        ),
    }),
  );
}

interface ReviewRow {
  id: string;
  version_id: string;
  number: number;
  held_on: Date | string;
  case_conference: boolean;
  participants: TReview['participants'];
  outcomes: TReview['outcomes'];
  summary: string;
  next_review_on: Date | string | null;
  recorded_by: string;
  created_at: Date;
}

/** The reviews of the plan, latest first. */
export async function listReviews({ tx, caseId }: { tx: Tx; caseId: string }) {
  const rows = await queryRows<ReviewRow>(
    tx,
    sql`select r.*, r.held_on::text as held_on, r.next_review_on::text as next_review_on, v.number from case_plan_reviews r join case_plan_versions v on v.id = r.version_id
        where r.case_id = ${caseId} order by r.held_on desc, r.created_at desc`,
  );
  const names = await displayNames({
    tx,
    ids: [
      ...rows.map((r) => r.recorded_by),
      ...rows.flatMap((r) => r.participants.map((p) => p.userId)).filter((x): x is string => !!x),
    ],
  });
  return rows.map(
    (r): TReview => ({
      id: r.id,
      versionId: r.version_id,
      versionNumber: r.number,
      heldOn: day(r.held_on)!,
      caseConference: r.case_conference,
      participants: r.participants.map((p) => ({
        ...p,
        userName: p.userId ? (names.get(p.userId)?.name ?? null) : null,
      })),
      outcomes: r.outcomes,
      summary: r.summary,
      nextReviewOn: day(r.next_review_on),
      recordedByName: names.get(r.recorded_by)?.name ?? '',
      createdAt: isoTime(r.created_at)!,
    }),
  );
}

/**
 * Keeps the case's plan columns in step with its versions (the work list, overview, reminders and
 * indicators read them): submitted while a version waits for a decision; otherwise approved while one
 * is in force; otherwise draft while one is being written; none before any.
 */
export async function syncCasePlanStatus({ tx, caseId }: { tx: Tx; caseId: string }) {
  await tx.execute(sql`update cases c set
      plan_status = coalesce(
        (select 'submitted' from case_plan_versions v where v.case_id = c.id and v.status = 'submitted' limit 1),
        (select 'approved' from case_plan_versions v where v.case_id = c.id and v.status = 'approved' limit 1),
        (select 'draft' from case_plan_versions v where v.case_id = c.id and v.status in ('draft', 'returned') limit 1),
        'none'),
      plan_approved_at = (select v.decided_at from case_plan_versions v where v.case_id = c.id and v.status = 'approved'),
      plan_approved_by = (select v.decided_by from case_plan_versions v where v.case_id = c.id and v.status = 'approved'),
      plan_submitted_by = coalesce(
        (select v.submitted_by from case_plan_versions v where v.case_id = c.id and v.status in ('submitted', 'approved')
          order by v.number desc limit 1), c.plan_submitted_by),
      updated_at = now()
    where c.id = ${caseId}`);
}

/**
 * What a printed case summary shows of the clinical work (case-summary-pdf.ts, for the clinical copy
 * only): each child's latest assessment as labelled sections, and the goals of the plan in force.
 * Replaces the retired case_files.assessment / case_files.plan.
 */
export async function carePlanPrintout({ tx, caseId }: { tx: Tx; caseId: string }) {
  const latest = new Map<string, TCareAssessment>();
  for (const a of await listAssessments({ tx, caseId })) latest.set(a.personId, a);
  const assessment: [string, string][] = [...latest.values()].flatMap((a) => [
    [`Bisogni del bambino (${a.assessedOn})`, a.childNeeds] as [string, string],
    [`Risposte dei genitori (${a.assessedOn})`, a.parentResponses] as [string, string],
    [`Famiglia e ambiente (${a.assessedOn})`, a.familyEnvironment] as [string, string],
  ]);
  const approved = (await loadVersions({ tx, caseId })).find((v) => v.status === 'approved');
  const goals = (approved?.goals ?? []).map((g) => ({
    title: g.text,
    targetDate: g.dueOn,
    status:
      g.progress === 'met'
        ? ('met' as const)
        : g.progress === 'not_met'
          ? ('dropped' as const)
          : ('open' as const),
  }));
  return { assessment, goals };
}
