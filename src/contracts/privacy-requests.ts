import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';

/**
 * Data subjects' requests (issue 23, item 3; GDPR arts. 12–22): recorded by the DPO with how the
 * person's identity was checked, answered within a month (art. 12(3)), extended by up to two more
 * months with a reason; for access, the person's copy assembled by Trama with its exclusions marked.
 */
export const REQUEST_KINDS = ['access', 'rectification', 'erasure', 'restriction', 'objection'] as const;
export const REQUEST_STATUSES = ['open', 'answered', 'refused'] as const;
export const REQUEST_LIMITS = { name: 200, text: 2000, code: 40 } as const;
/** Art. 12(3): one month, extendable by two further months. */
export const REQUEST_EXTENSION_MAX_MONTHS = 2;

export const ZRequestInputSchema = z.strictObject({
  kind: z.enum(REQUEST_KINDS),
  /** The household's code the service gave (the DPO reads no case list). */
  householdCode: text({ max: REQUEST_LIMITS.code }),
  givenName: text({ max: REQUEST_LIMITS.name }),
  familyName: text({ max: REQUEST_LIMITS.name }),
  /** Needed only when two people of the household share the name. */
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  identityCheck: multilineText({ max: REQUEST_LIMITS.text }),
  receivedOn: isoDate(),
  details: multilineText({ max: REQUEST_LIMITS.text }).nullable().default(null),
});

export const ZRequestExtensionSchema = z.strictObject({
  extendedTo: isoDate(),
  reason: multilineText({ max: REQUEST_LIMITS.text }),
});

/** What a granted rectification corrects in the person's record (the rest the service corrects). */
export const ZRectificationSchema = z.strictObject({
  givenName: text({ max: REQUEST_LIMITS.name }).optional(),
  familyName: text({ max: REQUEST_LIMITS.name }).optional(),
  birthDate: isoDate().optional(),
});

export const ZRequestAnswerSchema = z.strictObject({
  status: z.enum(['answered', 'refused']),
  outcome: multilineText({ max: REQUEST_LIMITS.text }),
  /** Rectification granted: applied to the person's record, with its history. */
  corrections: ZRectificationSchema.nullable().default(null),
});

export const ZRestrictionLiftSchema = z.strictObject({
  /** Why the restriction ends; the person is told before (art. 18(3)). */
  reason: multilineText({ max: REQUEST_LIMITS.text }),
});

export const ZRequestSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(REQUEST_KINDS),
  householdCode: z.string(),
  subjectName: z.string(),
  identityCheck: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  extendedTo: z.string().nullable(),
  extensionReason: z.string().nullable(),
  details: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  outcome: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** A granted restriction in force on the person's record (restriction requests only). */
  restrictionInForce: z.boolean(),
  restrictionLiftedAt: z.string().nullable(),
  restrictionLiftReason: z.string().nullable(),
  createdBy: z.string(),
  /** Past the deadline (extended or not) and still open. */
  overdue: z.boolean(),
});
export type TRequest = z.infer<typeof ZRequestSchema>;
