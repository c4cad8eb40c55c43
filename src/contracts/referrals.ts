import { z } from 'zod';
import { text, ZIdSchema } from './common.js';
import { ZCaseRoleSchema, ZDataSectionSchema } from './households.js';
import { ZGenderSchema } from './observatory.js';

/**
 * Referrals (invii): one service asks another, above all the ethnoclinical team, to take a
 * household into care or to consult in a preliminary psychosocial investigation. The sender sees
 * status and outcome, never the clinical content; access derived from a referral ends with it.
 */
export const REFERRAL_PURPOSES = ['taking_into_care', 'consultation'] as const;
export const ZReferralPurposeSchema = z.enum(REFERRAL_PURPOSES);
export const URGENCIES = ['routine', 'priority', 'urgent'] as const;
export const ZUrgencySchema = z.enum(URGENCIES);
/** Days the recipient has to answer before the referral shows as overdue. */
export const ANSWER_DAYS: Record<(typeof URGENCIES)[number], number> = {
  urgent: 2,
  priority: 7,
  routine: 14,
};
/** `court_decree` and `mandate` are the bases of a case the mandated service opened itself (ADR 0017). */
export const LEGAL_BASES = ['consent', 'court_order', 'override', 'court_decree', 'mandate'] as const;
export const REFERRAL_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'closed', 'revoked'] as const;
export const ZReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type TReferralStatus = z.infer<typeof ZReferralStatusSchema>;

const ZReferralFieldsSchema = z.strictObject({
  personIds: z
    .array(ZIdSchema)
    .min(1)
    .max(20)
    .refine((l) => new Set(l).size === l.length, 'each value once'),
  toServiceId: ZIdSchema,
  purpose: ZReferralPurposeSchema,
  courtInvestigation: z.boolean().default(false),
  urgency: ZUrgencySchema,
  sections: z
    .array(ZDataSectionSchema)
    .max(9)
    .refine((l) => new Set(l).size === l.length, 'each value once')
    .default([]),
  message: text({ max: 4000 }),
  /** The case it is sent from (a Tutela Minori case asking the ethnoclinical team to take in or consult). */
  parentCaseId: ZIdSchema.nullable().optional(),
});
export const ZReferralCreateSchema = ZReferralFieldsSchema.extend({ householdId: ZIdSchema });
export const ZReferralUpdateSchema = ZReferralFieldsSchema.partial();

/** Sending needs a legal basis: consents (or court orders) on record, or an override with a reason. */
export const ZReferralSendSchema = z.strictObject({
  consentOverrideReason: text({ min: 20, max: 1000 }).nullable().optional(),
});

/** What the recipient sees of a referred person: no identifier, no safety field. */
export const ZReferredPersonSchema = z.object({
  id: ZIdSchema,
  givenName: z.string(),
  familyName: z.string(),
  caseRole: ZCaseRoleSchema,
  birthYear: z.number().int().nullable(),
  gender: ZGenderSchema,
  citizenship: z.string().nullable(),
  languages: z.array(z.string()).optional(),
  preferredLanguage: z.string().nullable().optional(),
  interpreterNeeded: z.boolean().optional(),
});

export const ZReferralSchema = z.object({
  id: ZIdSchema,
  householdId: ZIdSchema,
  householdCode: z.string(),
  status: ZReferralStatusSchema,
  purpose: ZReferralPurposeSchema,
  courtInvestigation: z.boolean(),
  urgency: ZUrgencySchema,
  fromServiceName: z.string(),
  toServiceId: ZIdSchema,
  toServiceName: z.string(),
  sentAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  dueBy: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  legalBasis: z.enum(LEGAL_BASES).nullable(),
  declineReason: z.string().nullable(),
  /** Of the case opened on acceptance: what the sender may know. */
  outcome: z
    .object({
      caseStatus: z.string(),
      closureOutcome: z.string().nullable(),
      closedAt: z.string().nullable(),
    })
    .nullable(),
  /** Present when the viewer may open the case (the referrer: its status page). */
  caseId: ZIdSchema.nullable(),
  /** The sender's case the referral was sent from (sender only). */
  parentCaseId: ZIdSchema.nullable(),
  view: z.enum(['sender', 'recipient']),
  /** The shared content: for the sender, and for the recipient while the referral waits for an answer. */
  content: z
    .object({
      message: z.string(),
      sections: z.array(ZDataSectionSchema),
      personIds: z.array(ZIdSchema),
      people: z.array(ZReferredPersonSchema),
      /** A draft's people without a consent in force for its recipient, purpose and sections (sender only). */
      withoutConsent: z.array(ZIdSchema),
    })
    .nullable(),
});
export type TReferral = z.infer<typeof ZReferralSchema>;

export const ZReferralListQuerySchema = z.strictObject({
  box: z.enum(['sent', 'received']).default('received'),
  status: ZReferralStatusSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const ZReferralListItemSchema = z.object({
  id: ZIdSchema,
  householdCode: z.string(),
  status: ZReferralStatusSchema,
  purpose: ZReferralPurposeSchema,
  urgency: ZUrgencySchema,
  fromServiceName: z.string(),
  toServiceName: z.string(),
  sentAt: z.iso.datetime().nullable(),
  dueBy: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});
export type TReferralListItem = z.infer<typeof ZReferralListItemSchema>;
