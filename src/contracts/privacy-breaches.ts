import { z } from 'zod';
import { multilineText, text, ZIdSchema } from './common.js';

/**
 * The breach register (issue 23, item 5; GDPR art. 33–34): what happened, when the services became
 * aware, the records the audit trail shows were reached, the 72-hour clock to notify the Garante,
 * the decision with its reasons, and the notifications sent.
 */
export const BREACH_STATUSES = ['suspected', 'confirmed', 'not_a_breach', 'closed'] as const;
export const BREACH_RISKS = ['unlikely', 'risk', 'high_risk'] as const;
export const BREACH_DECISIONS = ['notify', 'not_required'] as const;
export const BREACH_RECIPIENTS = ['garante', 'data_subjects', 'partner', 'police'] as const;
/** Art. 33(1): the Garante within 72 hours of becoming aware. */
export const GARANTE_DEADLINE_HOURS = 72;
export const BREACH_LIMITS = { title: 200, text: 4000, reference: 200 } as const;

const dateTime = z.iso.datetime({ offset: true });

export const ZBreachInputSchema = z.strictObject({
  title: text({ max: BREACH_LIMITS.title }),
  description: multilineText({ max: BREACH_LIMITS.text }),
  /** When the services became aware: the 72 hours run from here. */
  detectedAt: dateTime,
  detectedHow: multilineText({ max: BREACH_LIMITS.text }),
  /** The window in which records may have been reached (the audit trail is searched in it). */
  occurredFrom: dateTime,
  occurredTo: dateTime,
  /** The username of an account used in the breach (stolen credentials, an insider): its reads are listed. */
  suspectedUsername: text({ max: 100 }).nullable().default(null),
  /** An address the breach came from: the reads from it are listed. */
  suspectedIp: text({ max: 64 }).nullable().default(null),
});

export const ZBreachDecisionSchema = z.strictObject({
  status: z.enum(BREACH_STATUSES),
  risk: z.enum(BREACH_RISKS),
  garanteDecision: z.enum(BREACH_DECISIONS),
  garanteReasons: multilineText({ max: BREACH_LIMITS.text }),
  subjectsDecision: z.enum(BREACH_DECISIONS),
  subjectsReasons: multilineText({ max: BREACH_LIMITS.text }),
});

export const ZBreachNotificationInputSchema = z.strictObject({
  recipient: z.enum(BREACH_RECIPIENTS),
  sentAt: dateTime,
  channel: text({ max: BREACH_LIMITS.reference }),
  reference: text({ max: BREACH_LIMITS.reference }).nullable().default(null),
});

export const ZBreachNotificationSchema = z.object({
  id: ZIdSchema,
  recipient: z.enum(BREACH_RECIPIENTS),
  sentAt: z.string(),
  channel: z.string(),
  reference: z.string().nullable(),
  recordedBy: z.string(),
});

/** A kind of record the breach reached, with the codes the DPO can name (never database ids). */
export const ZBreachReachSchema = z.object({
  recordType: z.string(),
  records: z.number().int(),
  reads: z.number().int(),
  codes: z.array(z.string()),
});

export const ZBreachSummarySchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  status: z.enum(BREACH_STATUSES),
  detectedAt: z.string(),
  /** Detection + 72 hours. */
  garanteDeadline: z.string(),
  /** The Garante notified (a notification recorded), or decided not required. */
  garanteSettled: z.boolean(),
  /** Past the deadline and not settled. */
  overdue: z.boolean(),
});
export type TBreachSummary = z.infer<typeof ZBreachSummarySchema>;

export const ZBreachSchema = ZBreachSummarySchema.extend({
  description: z.string(),
  detectedHow: z.string(),
  occurredFrom: z.string(),
  occurredTo: z.string(),
  suspectedUser: z.string().nullable(),
  suspectedIp: z.string().nullable(),
  risk: z.enum(BREACH_RISKS).nullable(),
  garanteDecision: z.enum(BREACH_DECISIONS).nullable(),
  garanteReasons: z.string().nullable(),
  subjectsDecision: z.enum(BREACH_DECISIONS).nullable(),
  subjectsReasons: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdBy: z.string(),
  notifications: z.array(ZBreachNotificationSchema),
  /** What the audit trail shows was reached in the window, by kind of record. */
  reached: z.array(ZBreachReachSchema),
  /** Households whose records were reached: the people to consider notifying. */
  householdsReached: z.number().int(),
});
export type TBreach = z.infer<typeof ZBreachSchema>;
