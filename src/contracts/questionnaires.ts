import { z } from 'zod';
import { text, ZIdSchema } from './common.js';

/**
 * Questionnaires (issue 17 §5, ADR 0019): the pre and post competence questionnaires of a course,
 * and the WP2 survey of the territorial services' points of view, at the start and at the end.
 * Answers are kept only as scores per domain, under a code the participant makes and holds; who
 * answered is recorded apart, without the answer, so nobody can see one person's answers.
 */
export const DOMAINS = ['ethnoclinical', 'legislative', 'intercultural'] as const;
export type TDomain = (typeof DOMAINS)[number];
export const ITEM_KINDS = ['likert', 'knowledge'] as const;
export const PURPOSES = ['competence', 'services_viewpoint'] as const;
export type TPurpose = (typeof PURPOSES)[number];
export const PHASES = ['pre', 'post'] as const;
export type TPhase = (typeof PHASES)[number];

/** Results need at least this many people behind each number (pairs, or respondents of a survey). */
export const QUESTIONNAIRE_MIN_GROUP = 5;
/**
 * A course's questionnaire takes answers until this many days after the edition's last session;
 * its results are given once it has closed, and never change after (no reading a late answer off
 * the difference between two results).
 */
export const ANSWERING_DAYS_AFTER_END = 14;
export const LIKERT_POINTS = 5;

const ZWordingSchema = z.strictObject({
  it: text({ max: 500 }),
  en: text({ max: 500 }).nullable().default(null),
});

export const ZQuestionnaireItemSchema = z
  .strictObject({
    domain: z.enum(DOMAINS),
    kind: z.enum(ITEM_KINDS),
    text: ZWordingSchema,
    /** A knowledge item's choices and the index of the right one; a Likert item has none (1–5 agreement). */
    options: z.array(ZWordingSchema).max(6).default([]),
    correct: z.number().int().min(0).max(5).nullable().default(null),
  })
  .refine(
    (i) =>
      i.kind === 'likert' || (i.options.length >= 2 && i.correct !== null && i.correct < i.options.length),
    {
      message: 'a knowledge item needs at least two choices and the right one',
      path: ['options'],
    },
  )
  .refine((i) => i.kind === 'knowledge' || (i.options.length === 0 && i.correct === null), {
    message: 'an agreement item has no choices',
    path: ['options'],
  });
export type TQuestionnaireItem = z.infer<typeof ZQuestionnaireItemSchema>;

export const ZQuestionnaireInputSchema = z
  .strictObject({
    title: text({ max: 200 }),
    purpose: z.enum(PURPOSES),
    /** The course whose editions use it (competence); none for the services survey. */
    courseId: ZIdSchema.nullable().default(null),
    items: z.array(ZQuestionnaireItemSchema).min(1).max(60),
  })
  .refine((q) => (q.purpose === 'competence') === (q.courseId !== null), {
    message: 'a competence questionnaire belongs to a course; the services survey to none',
    path: ['courseId'],
  });
export type TQuestionnaireInput = z.infer<typeof ZQuestionnaireInputSchema>;

export const ZQuestionnaireSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  purpose: z.enum(PURPOSES),
  courseId: ZIdSchema.nullable(),
  items: z.array(
    z.object({
      domain: z.enum(DOMAINS),
      kind: z.enum(ITEM_KINDS),
      text: z.object({ it: z.string(), en: z.string().nullable() }),
      // The right answer is never sent to people answering.
      options: z.array(z.object({ it: z.string(), en: z.string().nullable() })),
    }),
  ),
  managed: z.boolean(),
  /** When the services survey was closed (its results are given from then on). */
  closedAt: z.string().nullable(),
});
export type TQuestionnaire = z.infer<typeof ZQuestionnaireSchema>;
export const ZQuestionnaireQuerySchema = z.strictObject({ courseId: ZIdSchema.optional() });

/**
 * The participant's own code, made from things only they know and can remake (the questionnaire
 * page suggests how); it pairs the pre and post answers without naming anyone. Kept only as a keyed hash.
 */
export const ZRespondentCodeSchema = z
  .string()
  .trim()
  .min(6)
  .max(40)
  .regex(/^[\p{L}\p{N} -]+$/u, 'letters, digits, spaces and hyphens only');

export const ZResponseInputSchema = z.strictObject({
  phase: z.enum(PHASES),
  code: ZRespondentCodeSchema,
  /** One answer per item, in order: 1–5 for agreement, the chosen index for knowledge. */
  answers: z.array(z.number().int().min(0).max(5)).min(1).max(60),
});
export type TResponseInput = z.infer<typeof ZResponseInputSchema>;
export const ZResponseReceiptSchema = z.object({ recorded: z.literal(true), phase: z.enum(PHASES) });

/** A domain's result: null numbers when fewer than QUESTIONNAIRE_MIN_GROUP people stand behind them. */
export const ZDomainResultSchema = z.object({
  domain: z.enum(DOMAINS),
  /** Mean score (0–100) before and after, and the mean paired gain (post − pre, points). */
  pre: z.number().nullable(),
  post: z.number().nullable(),
  gain: z.number().nullable(),
});
export const ZCompetenceResultSchema = z.object({
  editionId: ZIdSchema,
  /** Results are given once answering has closed (ANSWERING_DAYS_AFTER_END after the last session). */
  closed: z.boolean(),
  closesAt: z.string(),
  /** How many pairs: shown only at or above the threshold, null below it (never the exact small number). */
  pairs: z.number().int().nullable(),
  minGroup: z.number().int(),
  domains: z.array(ZDomainResultSchema),
});
export type TCompetenceResult = z.infer<typeof ZCompetenceResultSchema>;

export const ZSurveyResultSchema = z.object({
  questionnaireId: ZIdSchema,
  /** Results are given once the survey's trainers have closed it. */
  closed: z.boolean(),
  respondents: z.object({ pre: z.number().int().nullable(), post: z.number().int().nullable() }),
  minGroup: z.number().int(),
  domains: z.array(ZDomainResultSchema),
});
export type TSurveyResult = z.infer<typeof ZSurveyResultSchema>;
