import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import { CORE_TYPES } from './observatory-codes.js';

/**
 * Dated structured assessments, the versioned plan (P.I.P.P.I.'s Progetto Quadro) and its reviews
 * (issue 22, items 1-2). An assessment is never overwritten: a correction is a new assessment that
 * names the one it corrects. A plan version is edited only as a draft (or once returned); an
 * approved version is frozen, its goals' progress recorded beside it.
 */

export const ASSESSMENT_STAGES = ['start', 'middle', 'end'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
/** The three sides of P.I.P.P.I.'s "Mondo del Bambino" triangle. */
export const ASSESSMENT_DIMENSIONS = ['child_needs', 'parent_responses', 'family_environment'] as const;
/** Protection concerns coded with the observatory's six GBVIMS core types. */
export const PROTECTION_CONCERNS = CORE_TYPES;
/** The child heard (art. 315-bis c.c.): assent asked as the child's age allows. */
export const CHILD_ASSENTS = ['given', 'declined', 'not_asked_age'] as const;

export const ASSESSMENT_TEXT_MAX = 8000;
export const ASSESSMENT_SHORT_MAX = 4000;
export const ASSENT_REASON_MAX = 500;

export const ZAssessmentInputSchema = z.strictObject({
  personId: ZIdSchema,
  stage: z.enum(ASSESSMENT_STAGES),
  assessedOn: isoDate(),
  childNeeds: multilineText({ max: ASSESSMENT_TEXT_MAX }),
  parentResponses: multilineText({ max: ASSESSMENT_TEXT_MAX }),
  familyEnvironment: multilineText({ max: ASSESSMENT_TEXT_MAX }),
  strengths: multilineText({ max: ASSESSMENT_SHORT_MAX }).nullable().optional(),
  risks: multilineText({ max: ASSESSMENT_SHORT_MAX }).nullable().optional(),
  riskLevel: z.enum(RISK_LEVELS),
  concerns: z.array(z.enum(PROTECTION_CONCERNS)).max(PROTECTION_CONCERNS.length).default([]),
  childVoice: multilineText({ max: ASSESSMENT_TEXT_MAX }).nullable().optional(),
  childAssent: z.enum(CHILD_ASSENTS),
  /** Why assent was not asked (the child's age) or what the child said in declining. */
  assentReason: text({ max: ASSENT_REASON_MAX }).nullable().optional(),
  /** A correction: the earlier assessment stays, this one names it. */
  correctsId: ZIdSchema.nullable().optional(),
});
export type TAssessmentInput = z.input<typeof ZAssessmentInputSchema>;

export const ZCareAssessmentSchema = z.object({
  id: ZIdSchema,
  personId: ZIdSchema,
  stage: z.enum(ASSESSMENT_STAGES),
  assessedOn: z.iso.date(),
  childNeeds: z.string(),
  parentResponses: z.string(),
  familyEnvironment: z.string(),
  strengths: z.string().nullable(),
  risks: z.string().nullable(),
  riskLevel: z.enum(RISK_LEVELS),
  concerns: z.array(z.enum(PROTECTION_CONCERNS)),
  childVoice: z.string().nullable(),
  childAssent: z.enum(CHILD_ASSENTS),
  assentReason: z.string().nullable(),
  correctsId: ZIdSchema.nullable(),
  authorName: z.string(),
  createdAt: z.iso.datetime(),
});
export type TCareAssessment = z.infer<typeof ZCareAssessmentSchema>;
export const ZAssessmentListSchema = z.object({
  items: z.array(ZCareAssessmentSchema),
  canWrite: z.boolean(),
});
export type TAssessmentList = z.infer<typeof ZAssessmentListSchema>;

export const PLAN_VERSION_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'superseded'] as const;
export const RESPONSIBLE_KINDS = ['user', 'outside_service', 'family_member'] as const;
export const GOAL_PROGRESS = ['not_started', 'in_progress', 'met', 'not_met'] as const;
export const GOAL_TEXT_MAX = 1000;
export const GOAL_INDICATOR_MAX = 500;
export const SERVICE_NAME_MAX = 200;
export const PROGRESS_NOTE_MAX = 2000;
export const DECISION_COMMENT_MAX = 4000;

export const ZGoalInputSchema = z.strictObject({
  personId: ZIdSchema,
  dimension: z.enum(ASSESSMENT_DIMENSIONS),
  text: multilineText({ max: GOAL_TEXT_MAX }),
  responsibleKind: z.enum(RESPONSIBLE_KINDS),
  /** One of the three, as the kind says (the server names the missing one). */
  responsibleUserId: ZIdSchema.nullable().optional(),
  responsibleService: text({ max: SERVICE_NAME_MAX }).nullable().optional(),
  responsiblePersonId: ZIdSchema.nullable().optional(),
  indicator: text({ max: GOAL_INDICATOR_MAX }),
  dueOn: isoDate().nullable().optional(),
});
export type TGoalInput = z.input<typeof ZGoalInputSchema>;

export const ZProgressInputSchema = z.strictObject({
  status: z.enum(GOAL_PROGRESS),
  note: multilineText({ max: PROGRESS_NOTE_MAX }).nullable().optional(),
});
export const ZReturnInputSchema = z.strictObject({
  comment: multilineText({ max: DECISION_COMMENT_MAX }),
});
export const ZApproveInputSchema = z.strictObject({
  comment: multilineText({ max: DECISION_COMMENT_MAX }).nullable().optional(),
});

export const ZGoalSchema = z.object({
  id: ZIdSchema,
  personId: ZIdSchema,
  dimension: z.enum(ASSESSMENT_DIMENSIONS),
  text: z.string(),
  responsibleKind: z.enum(RESPONSIBLE_KINDS),
  responsibleUserId: ZIdSchema.nullable(),
  responsibleUserName: z.string().nullable(),
  responsibleService: z.string().nullable(),
  responsiblePersonId: ZIdSchema.nullable(),
  indicator: z.string(),
  dueOn: z.iso.date().nullable(),
  progress: z.enum(GOAL_PROGRESS),
  progressNote: z.string().nullable(),
  progressAt: z.iso.datetime().nullable(),
  /** Every progress update, oldest first: the latest is `progress` above. */
  progressLog: z.array(
    z.object({
      status: z.enum(GOAL_PROGRESS),
      note: z.string().nullable(),
      recordedBy: z.string(),
      recordedAt: z.iso.datetime(),
    }),
  ),
});
export type TGoal = z.infer<typeof ZGoalSchema>;

export const ZPlanVersionSchema = z.object({
  id: ZIdSchema,
  number: z.number().int(),
  status: z.enum(PLAN_VERSION_STATUSES),
  createdAt: z.iso.datetime(),
  submittedByName: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionComment: z.string().nullable(),
  goals: z.array(ZGoalSchema),
});
export type TPlanVersion = z.infer<typeof ZPlanVersionSchema>;

export const PARTICIPANT_KINDS = ['family', 'child', 'team_user', 'outside_professional'] as const;
export const REVIEW_OUTCOMES = ['met', 'partly', 'not_met', 'changed'] as const;
export const PARTICIPANT_TEXT_MAX = 200;
export const REVIEW_SUMMARY_MAX = 8000;
export const OUTCOME_NOTE_MAX = 1000;

export const ZParticipantSchema = z.strictObject({
  kind: z.enum(PARTICIPANT_KINDS),
  /** family and child: the person; team_user: the user; outside_professional: name, role, organisation. */
  personId: ZIdSchema.nullable().optional(),
  userId: ZIdSchema.nullable().optional(),
  name: text({ max: PARTICIPANT_TEXT_MAX }).nullable().optional(),
  role: text({ max: PARTICIPANT_TEXT_MAX }).nullable().optional(),
  organisation: text({ max: PARTICIPANT_TEXT_MAX }).nullable().optional(),
});
export type TParticipant = z.infer<typeof ZParticipantSchema>;
export const ZGoalOutcomeSchema = z.strictObject({
  goalId: ZIdSchema,
  outcome: z.enum(REVIEW_OUTCOMES),
  note: text({ max: OUTCOME_NOTE_MAX }).nullable().optional(),
});
export const ZReviewInputSchema = z.strictObject({
  heldOn: isoDate(),
  caseConference: z.boolean().default(false),
  participants: z.array(ZParticipantSchema).min(1).max(30),
  outcomes: z.array(ZGoalOutcomeSchema).max(60).default([]),
  summary: multilineText({ max: REVIEW_SUMMARY_MAX }),
  nextReviewOn: isoDate().nullable().optional(),
});
export type TReviewInput = z.input<typeof ZReviewInputSchema>;

export const ZReviewSchema = z.object({
  id: ZIdSchema,
  versionId: ZIdSchema,
  versionNumber: z.number().int(),
  heldOn: z.iso.date(),
  caseConference: z.boolean(),
  participants: z.array(
    z.object({
      kind: z.enum(PARTICIPANT_KINDS),
      personId: ZIdSchema.nullable().optional(),
      userId: ZIdSchema.nullable().optional(),
      userName: z.string().nullable().optional(),
      name: z.string().nullable().optional(),
      role: z.string().nullable().optional(),
      organisation: z.string().nullable().optional(),
    }),
  ),
  outcomes: z.array(
    z.object({ goalId: ZIdSchema, outcome: z.enum(REVIEW_OUTCOMES), note: z.string().nullable().optional() }),
  ),
  summary: z.string(),
  nextReviewOn: z.iso.date().nullable(),
  recordedByName: z.string(),
  createdAt: z.iso.datetime(),
});
export type TReview = z.infer<typeof ZReviewSchema>;

/** GET /api/cases/:id/plan: every version (newest first), the one in force, the one being worked on. */
export const ZCarePlanSchema = z.object({
  versions: z.array(ZPlanVersionSchema),
  approvedId: ZIdSchema.nullable(),
  draftId: ZIdSchema.nullable(),
  reviews: z.array(ZReviewSchema),
  nextReviewOn: z.iso.date().nullable(),
  can: z.object({ edit: z.boolean(), decide: z.boolean() }),
});
export type TCarePlan = z.infer<typeof ZCarePlanSchema>;

export const ZVersionParamsSchema = z.strictObject({ id: ZIdSchema, versionId: ZIdSchema });
export const ZGoalParamsSchema = z.strictObject({ id: ZIdSchema, goalId: ZIdSchema });
