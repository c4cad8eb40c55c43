import { z } from 'zod';
import { ZAddressFormSchema } from './auth.js';
import { text, ZIdSchema, ZLocalizedTextSchema, ZPageQuerySchema } from './common.js';

/** What the database keeps: `failure` covers both a refused credential and a broken file. */
export const ZAuditOutcomeSchema = z.enum(['success', 'denied', 'failure']);

/**
 * What the DPO reads: a wrong password or code is a refusal, like a denied access, not an error;
 * `failed` is left for what went wrong on Trama's side (a file that fails its integrity check).
 */
export const AUDIT_RESULTS = ['succeeded', 'refused', 'failed'] as const;
export const ZAuditResultSchema = z.enum(AUDIT_RESULTS);
export type TAuditResult = z.infer<typeof ZAuditResultSchema>;

/**
 * The kinds of record the audit events name (`recordType`), offered to the DPO as a list of words.
 * test/guardrails/audit-labels.unit.test.ts fails on a record type written in the server's code
 * that is missing here, or on one without its words in the audit feature's catalogues.
 */
export const AUDIT_RECORD_TYPES = [
  'case',
  'consultation',
  'household',
  'person',
  'consent',
  'referral',
  'session',
  'incident',
  'user',
  'membership',
  'role_grant',
  'study',
  'export',
  'file',
  'job',
  'district',
  'municipality',
  'organisation',
  'service',
  'audit_trail',
  'identity_provider',
  'training_course',
  'training_edition',
  'training_place',
  'training_session',
  'training_certificate',
  'training_questionnaire',
  'mediator',
  'mediation_request',
  'mediation_assignment',
  'mediation_material',
  'mediation_material_version',
  'glossary_term',
  'community_holder',
  'community_holder_person',
  'community_event',
  'community_registration',
  'community_session',
  'autonomy_plan',
  'autonomy_offer',
  'autonomy_initiative',
  'autonomy_job_placement',
  'autonomy_enrolment',
  'housing_unit',
  'housing_occupancy',
  'housing_address_request',
  'rent_budget',
  'rent_request',
  'governance_committee',
  'governance_meeting',
  'governance_agenda_item',
  'governance_minutes',
  'governance_decision',
  'governance_action',
  'governance_activity',
  'governance_milestone',
  'governance_risk',
  'governance_legacy_item',
  'governance_funder',
  'governance_opportunity',
  'governance_campaign',
  'governance_partner',
  'privacy_retention_run',
  'privacy_legal_hold',
  'privacy_retention_policy',
  'privacy_breach',
  'privacy_processing',
  'privacy_request',
  'site_page',
  'site_help_service',
  'site_comm_action',
  'site_media',
] as const;
export type TAuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/**
 * A record as the DPO reads it: its code (C-…, N-…; for a person, a consent or a referral the code
 * of the household, for a session the code of the case), a user's name, a service's name. `label`
 * is null when the kind of record has no code (an anonymous incident, an export), and also when the
 * record cannot be read (`visible: false`): it is never replaced by the database id.
 */
export const ZAuditRecordSchema = z.object({
  type: z.string(),
  label: z.string().nullable(),
  visible: z.boolean(),
});
export type TAuditRecord = z.infer<typeof ZAuditRecordSchema>;

export const ZAuditActionSchema = z.object({ action: z.string(), label: ZLocalizedTextSchema });
export type TAuditAction = z.infer<typeof ZAuditActionSchema>;

export const ZAuditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  actorUserId: ZIdSchema.nullable(),
  /** The sign-in name; for a failed sign-in, the name that was typed. */
  actorUsername: z.string().nullable(),
  /** The person's name, when the actor is a known user. */
  actorName: z.string().nullable(),
  /** How the person asked to be addressed: their role is named in that form. */
  actorAddressForm: ZAddressFormSchema.nullable(),
  actorRole: z.string().nullable(),
  actingServiceId: ZIdSchema.nullable(),
  action: z.string(),
  actionLabel: ZLocalizedTextSchema,
  outcome: ZAuditOutcomeSchema,
  result: ZAuditResultSchema,
  recordType: z.string().nullable(),
  /** For links to "who accessed this record" only: never shown. */
  recordId: z.string().nullable(),
  record: ZAuditRecordSchema.nullable(),
  purpose: z.string().nullable(),
  clientIp: z.string().nullable(),
  chainSeq: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;

export const ZAuditQuerySchema = ZPageQuerySchema.extend({
  actorUserId: ZIdSchema.optional(),
  /** Part of a user's name or sign-in name. */
  actor: text({ max: 120 }).optional(),
  /** An action, or the start of one (`auth.`). */
  action: text({ max: 80 }).optional(),
  recordType: text({ max: 80 }).optional(),
  recordId: text({ max: 80 }).optional(),
  /** A record's code (C-…, N-…, a study's code) or a user's sign-in name. */
  code: text({ max: 80 }).optional(),
  result: ZAuditResultSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** What the DPO has typed so far, for suggestions. */
export const ZAuditSuggestQuerySchema = z.strictObject({ q: text({ min: 2, max: 120 }) });

export const ZAuditActorSuggestionSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  username: z.string(),
});

/** A record found by the start of its code; `name` is a user's name for a user record. */
export const ZAuditRecordSuggestionSchema = z.object({
  type: z.string(),
  code: z.string(),
  name: z.string().nullable(),
});

/** Either a code (as the DPO types it) or the record type and id (a link from the trail). */
export const ZRecordAccessQuerySchema = z.strictObject({
  code: text({ max: 80 }).optional(),
  recordType: text({ max: 80 }).optional(),
  recordId: text({ max: 80 }).optional(),
});

export const ZRecordAccessRowSchema = z.object({
  actorUserId: ZIdSchema.nullable(),
  actorUsername: z.string().nullable(),
  actorName: z.string().nullable(),
  actorAddressForm: ZAddressFormSchema.nullable(),
  actorRole: z.string().nullable(),
  actions: z.array(ZAuditActionSchema),
  firstAt: z.iso.datetime(),
  lastAt: z.iso.datetime(),
  count: z.number().int(),
});

export const ZRecordAccessSchema = z.object({
  record: ZAuditRecordSchema,
  rows: z.array(ZRecordAccessRowSchema),
});
export type TRecordAccess = z.infer<typeof ZRecordAccessSchema>;

export const ZChainStatusSchema = z.object({
  sealedThrough: z.string().nullable(),
  unsealed: z.number().int(),
  oldestUnsealedAt: z.iso.datetime().nullable(),
});
