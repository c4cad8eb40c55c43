import type { z } from 'zod';
import {
  type TPlan,
  type TPlanCreate,
  ZGoalInputSchema,
  ZMeetingInputSchema,
  ZPlanCreateSchema,
  ZPlanExitSchema,
  ZPlanUpdateSchema,
  ZStepInputSchema,
} from '../../../contracts/autonomy.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';

/**
 * What the plan's forms hold (strings, as inputs do) and the request bodies they build on submit;
 * the contract's schemas check those bodies (`contractResolver`), so the web checks what the
 * server will. A value the contract refuses is sent as it is, so its own check names the field.
 */

// ── A new plan ──────────────────────────────────────────────────────────────────────────────────

export interface PlanCreateValues {
  personId: string;
  origin: string;
  originCaseId: string;
  originReferralId: string;
  tutorUserId: string;
  startedOn: string;
  nextReviewOn: string;
}
export const planCreateDefaults = (): PlanCreateValues => ({
  personId: '',
  origin: 'direct',
  originCaseId: '',
  originReferralId: '',
  tutorUserId: '',
  startedOn: todayLocal(),
  nextReviewOn: '',
});
export const planCreateToInput = (v: PlanCreateValues): TPlanCreate => ({
  personId: v.personId,
  origin: v.origin as TPlanCreate['origin'],
  originCaseId: v.origin === 'case' ? orNull(v.originCaseId) : null,
  originReferralId: v.origin === 'referral' ? orNull(v.originReferralId) : null,
  tutorUserId: v.tutorUserId,
  startedOn: v.startedOn,
  nextReviewOn: orNull(v.nextReviewOn),
});
export const planCreateResolver = contractResolver<PlanCreateValues>(ZPlanCreateSchema, planCreateToInput);

// ── Tutor and next review ───────────────────────────────────────────────────────────────────────

export interface PlanUpdateValues {
  tutorUserId: string;
  nextReviewOn: string;
}
export const planUpdateToValues = (plan: TPlan): PlanUpdateValues => ({
  tutorUserId: plan.tutor.id,
  nextReviewOn: plan.nextReviewOn ?? '',
});
export const planUpdateToInput = (v: PlanUpdateValues): z.input<typeof ZPlanUpdateSchema> => ({
  tutorUserId: v.tutorUserId,
  nextReviewOn: orNull(v.nextReviewOn),
});
export const planUpdateResolver = contractResolver<PlanUpdateValues>(ZPlanUpdateSchema, planUpdateToInput);

// ── Exit ────────────────────────────────────────────────────────────────────────────────────────

export interface ExitValues {
  reason: string;
  exitOn: string;
  note: string;
}
export const exitDefaults = (): ExitValues => ({ reason: '', exitOn: todayLocal(), note: '' });
export const exitToInput = (v: ExitValues): z.input<typeof ZPlanExitSchema> => ({
  reason: v.reason as z.input<typeof ZPlanExitSchema>['reason'],
  exitOn: v.exitOn,
  note: orNull(v.note),
});
export const exitResolver = contractResolver<ExitValues>(ZPlanExitSchema, exitToInput);

// ── Goals and steps ─────────────────────────────────────────────────────────────────────────────

export interface GoalValues {
  area: string;
  description: string;
  targetOn: string;
}
export const goalDefaults: GoalValues = { area: '', description: '', targetOn: '' };
export const goalToInput = (v: GoalValues): z.input<typeof ZGoalInputSchema> => ({
  area: v.area as z.input<typeof ZGoalInputSchema>['area'],
  description: v.description.trim(),
  targetOn: orNull(v.targetOn),
});
export const goalResolver = contractResolver<GoalValues>(ZGoalInputSchema, goalToInput);

export interface StepValues {
  description: string;
  dueOn: string;
}
export const stepDefaults: StepValues = { description: '', dueOn: '' };
export const stepToInput = (v: StepValues): z.input<typeof ZStepInputSchema> => ({
  description: v.description.trim(),
  dueOn: orNull(v.dueOn),
});
export const stepResolver = contractResolver<StepValues>(ZStepInputSchema, stepToInput);

// ── Meetings ────────────────────────────────────────────────────────────────────────────────────

export interface MeetingValues {
  kind: string;
  heldOn: string;
  minutes: string;
  note: string;
  nextReviewOn: string;
}
export const meetingDefaults = (): MeetingValues => ({
  kind: 'tutoring',
  heldOn: todayLocal(),
  minutes: '60',
  note: '',
  nextReviewOn: '',
});
export const meetingToInput = (v: MeetingValues): z.input<typeof ZMeetingInputSchema> => ({
  kind: v.kind as z.input<typeof ZMeetingInputSchema>['kind'],
  heldOn: v.heldOn,
  minutes: v.minutes.trim() === '' ? Number.NaN : Number(v.minutes),
  note: orNull(v.note),
  nextReviewOn: v.kind === 'review' ? orNull(v.nextReviewOn) : null,
});
export const meetingResolver = contractResolver<MeetingValues>(ZMeetingInputSchema, meetingToInput);
