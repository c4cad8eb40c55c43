import { z } from 'zod';
import { multilineText, text, ZIdSchema } from './common.js';

/**
 * Documents attached to a household, a case, a session or a consultation, the hand-over of a case from its lead to
 * a colleague, the referral's reason kept for the receiving team, and the printed case summary
 * (issue 22, items 6-7).
 */

/** What a document may hang on. */
export const DOCUMENT_ATTACHED_KINDS = ['household', 'case', 'session', 'consultation'] as const;
export type TDocumentAttachedKind = (typeof DOCUMENT_ATTACHED_KINDS)[number];

export const DOCUMENT_CLASSES = [
  'identity',
  'health',
  'school',
  'court',
  'social_report',
  'consent_form',
  'other',
] as const;
export type TDocumentClass = (typeof DOCUMENT_CLASSES)[number];

/**
 * The data class of the stored file by the document's class: an identity paper or a signed consent
 * form is personal data; everything else may hold health, court or family matters (art. 9/10 GDPR).
 */
export const DOCUMENT_DATA_CLASS: Record<TDocumentClass, 'ordinary' | 'special'> = {
  identity: 'ordinary',
  consent_form: 'ordinary',
  health: 'special',
  school: 'special',
  court: 'special',
  social_report: 'special',
  other: 'special',
};

export const DOCUMENT_TITLE_MAX = 200;

/** The text fields of the upload form (multipart, before the file). */
export const ZCaseDocumentFieldsSchema = z.strictObject({
  documentClass: z.enum(DOCUMENT_CLASSES),
  title: text({ max: DOCUMENT_TITLE_MAX }),
});
export type TCaseDocumentFields = z.infer<typeof ZCaseDocumentFieldsSchema>;

export const ZCaseDocumentParamsSchema = z.strictObject({
  kind: z.enum(DOCUMENT_ATTACHED_KINDS),
  id: ZIdSchema,
});

export const ZCaseDocumentSchema = z.object({
  id: ZIdSchema,
  fileId: ZIdSchema,
  attachedKind: z.enum(DOCUMENT_ATTACHED_KINDS),
  attachedId: ZIdSchema,
  documentClass: z.enum(DOCUMENT_CLASSES),
  title: z.string(),
  /** Null when the stored file's name is withheld (a safety file). */
  fileName: z.string().nullable(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedBy: z.string(),
  uploadedAt: z.iso.datetime(),
  canDelete: z.boolean(),
});
export type TCaseDocument = z.infer<typeof ZCaseDocumentSchema>;

export const ZCaseDocumentCreatedSchema = z.object({ id: ZIdSchema, fileId: ZIdSchema });

// ---- Hand-over -------------------------------------------------------------------------------

export const HANDOVER_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type THandoverStatus = (typeof HANDOVER_STATUSES)[number];
export const HANDOVER_NOTE_MAX = 2000;

export const ZHandoverProposalSchema = z.strictObject({
  toUserId: ZIdSchema,
  note: multilineText({ max: HANDOVER_NOTE_MAX }).optional(),
  /** The old lead's choice: stay on the team as a member, or leave it. */
  stayAsMember: z.boolean(),
});
export type THandoverProposal = z.infer<typeof ZHandoverProposalSchema>;

export const ZHandoverAnswerSchema = z.strictObject({
  answer: z.enum(['accept', 'decline']),
});

export const ZHandoverParamsSchema = z.strictObject({ id: ZIdSchema, handoverId: ZIdSchema });

export const ZHandoverSchema = z.object({
  id: ZIdSchema,
  caseId: ZIdSchema,
  caseCode: z.string(),
  fromName: z.string(),
  toUserId: ZIdSchema,
  toName: z.string(),
  note: z.string().nullable(),
  stayAsMember: z.boolean(),
  status: z.enum(HANDOVER_STATUSES),
  proposedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** What the viewer may do with it: the named colleague answers, the proposer withdraws. */
  canAnswer: z.boolean(),
  canWithdraw: z.boolean(),
});
export type THandover = z.infer<typeof ZHandoverSchema>;

/** A colleague the lead may hand the case to: same service, clinical role, not blocked from its people. */
export const ZHandoverColleagueSchema = z.object({ id: ZIdSchema, name: z.string() });

// ---- The referral's reason, kept for the receiving team -------------------------------------

export const ZReferralReasonSchema = z.object({
  purpose: z.string(),
  urgency: z.string(),
  message: z.string(),
  sections: z.array(z.string()),
  fromServiceName: z.string(),
  sentAt: z.iso.datetime().nullable(),
});
export type TReferralReason = z.infer<typeof ZReferralReasonSchema>;
