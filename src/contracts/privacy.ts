import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';

/**
 * Privacy operations for the DPO (issue 23): retention periods per class and organisation, legal
 * holds, and the retention runs that anonymise what is past its period after a dry run the DPO
 * approves. ADR 0026 says where the bounds come from.
 */

/** The event a class's period runs from. */
export const RETENTION_EVENTS = [
  'case_closed',
  'incident_recorded',
  'training_finished',
  'account_disabled',
] as const;
export type TRetentionEvent = (typeof RETENTION_EVENTS)[number];

/**
 * The classes a period is set for, with the bounds Trama enforces (months). `applied` says whether
 * the retention run acts on the class yet; the others are recorded for the record of processing.
 */
export const RETENTION_RULES = {
  case_record: { event: 'case_closed', minMonths: 60, defaultMonths: 120, maxMonths: 600, applied: true },
  statistical: {
    event: 'incident_recorded',
    minMonths: 12,
    defaultMonths: 60,
    maxMonths: 240,
    applied: false,
  },
  training_record: {
    event: 'training_finished',
    minMonths: 12,
    defaultMonths: 120,
    maxMonths: 240,
    applied: false,
  },
  account: { event: 'account_disabled', minMonths: 24, defaultMonths: 24, maxMonths: 120, applied: false },
} as const satisfies Record<
  string,
  { event: TRetentionEvent; minMonths: number; defaultMonths: number; maxMonths: number; applied: boolean }
>;

export const RETENTION_RULE_CLASSES = Object.keys(RETENTION_RULES) as (keyof typeof RETENTION_RULES)[];
export type TRetentionRuleClass = keyof typeof RETENTION_RULES;

export const PRIVACY_LIMITS = { reason: 1000, reference: 200, code: 40 } as const;

export const ZRetentionPolicySchema = z.object({
  organisationId: ZIdSchema,
  organisation: z.string(),
  retentionClass: z.enum(RETENTION_RULE_CLASSES as [TRetentionRuleClass, ...TRetentionRuleClass[]]),
  event: z.enum(RETENTION_EVENTS),
  periodMonths: z.number().int(),
  /** True when the DPO has not set it: the class's default applies. */
  isDefault: z.boolean(),
  minMonths: z.number().int(),
  maxMonths: z.number().int(),
  applied: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TRetentionPolicy = z.infer<typeof ZRetentionPolicySchema>;

export const ZRetentionPolicyParamsSchema = z.strictObject({
  organisationId: ZIdSchema,
  retentionClass: z.enum(RETENTION_RULE_CLASSES as [TRetentionRuleClass, ...TRetentionRuleClass[]]),
});

export const ZRetentionPolicyInputSchema = z.strictObject({
  periodMonths: z.number().int('a whole number of months').min(1).max(1200),
});

// ---- legal holds ----

export const ZLegalHoldInputSchema = z.strictObject({
  /** The household's or one of its cases' code, as the service gives it to the DPO. */
  recordCode: text({ max: PRIVACY_LIMITS.code }),
  reason: multilineText({ max: PRIVACY_LIMITS.reason }),
  /** The proceeding or request: a docket number, a letter's protocol. */
  reference: text({ max: PRIVACY_LIMITS.reference }),
  startsOn: isoDate(),
  endsOn: isoDate().nullable().default(null),
});

export const ZLegalHoldLiftSchema = z.strictObject({ reason: multilineText({ max: PRIVACY_LIMITS.reason }) });

export const ZLegalHoldSchema = z.object({
  id: ZIdSchema,
  householdCode: z.string(),
  reason: z.string(),
  reference: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  liftedAt: z.string().nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable(),
  /** In force today: started, not ended, not lifted. */
  active: z.boolean(),
});
export type TLegalHold = z.infer<typeof ZLegalHoldSchema>;

// ---- retention runs ----

export const RETENTION_RUN_STATUSES = ['proposed', 'approved', 'done', 'discarded'] as const;
export const RETENTION_ITEM_STATUSES = ['due', 'held', 'done', 'not_due'] as const;

export const ZRetentionItemSchema = z.object({
  householdCode: z.string(),
  organisation: z.string(),
  lastClosedOn: z.string(),
  dueOn: z.string(),
  cases: z.number().int(),
  people: z.number().int(),
  notes: z.number().int(),
  documents: z.number().int(),
  status: z.enum(RETENTION_ITEM_STATUSES),
  /** The hold that stops it, in the DPO's words: reason and reference. */
  heldBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type TRetentionItem = z.infer<typeof ZRetentionItemSchema>;

export const ZRetentionRunSchema = z.object({
  id: ZIdSchema,
  status: z.enum(RETENTION_RUN_STATUSES),
  asOf: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  due: z.number().int(),
  held: z.number().int(),
  done: z.number().int(),
});
export type TRetentionRun = z.infer<typeof ZRetentionRunSchema>;

export const ZRetentionRunDetailSchema = ZRetentionRunSchema.extend({ items: z.array(ZRetentionItemSchema) });
export type TRetentionRunDetail = z.infer<typeof ZRetentionRunDetailSchema>;

// ---- record of processing (art. 30) ----

const ZWordsSchema = z.object({ it: z.string(), en: z.string() });

export const ZProcessingActivitySchema = z.object({
  key: z.string(),
  name: ZWordsSchema,
  purposes: ZWordsSchema,
  legalBases: z.array(ZWordsSchema),
  subjects: z.array(ZWordsSchema),
  recipients: z.array(ZWordsSchema),
  /** Columns by class of data (identifying, special, safety, …), in words. */
  dataCategories: z.array(z.object({ label: ZWordsSchema, columns: z.number().int() })),
  retention: z.array(ZWordsSchema),
  readBy: z.array(ZWordsSchema),
  measures: z.array(ZWordsSchema),
  /** What the DPO completed. */
  controller: z.string().nullable(),
  processors: z.string().nullable(),
  transfers: z.string().nullable(),
  notes: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type TProcessingActivity = z.infer<typeof ZProcessingActivitySchema>;

export const ZProcessingCompletionSchema = z.strictObject({
  controller: multilineText({ max: PRIVACY_LIMITS.reason }).nullable().default(null),
  processors: multilineText({ max: PRIVACY_LIMITS.reason }).nullable().default(null),
  transfers: multilineText({ max: PRIVACY_LIMITS.reason }).nullable().default(null),
  notes: multilineText({ max: PRIVACY_LIMITS.reason }).nullable().default(null),
});

export const ZProcessingKeyParamsSchema = z.strictObject({ key: z.string().regex(/^[a-z-]{2,40}$/) });
