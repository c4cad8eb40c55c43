import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import {
  COMMUNITY_LIMITS,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  ENGAGEMENT_KINDS,
  emailText,
  HOLDER_KINDS,
  HOLDER_LINK_KINDS,
  LEGAL_FORMS,
  NEED_SOURCES,
  NEED_TOPICS,
  phoneText,
  RESOURCE_KINDS,
  RESOURCE_SOURCE_KINDS,
  RESOURCE_UNITS,
  SIZE_BANDS,
  VALUATION_RULES,
} from './community-codes.js';
import { ZCountryCodeSchema, ZLanguageCodeSchema } from './households.js';
import { ZIstatCodeSchema } from './structure.js';

/**
 * Community engagement (WP3, issue 19): the registry of community holders, their information
 * needs, the engagement timeline and the complementary-resources ledger, and the events —
 * awareness meetings, workshops and citizenship labs — with registration of residents (named or
 * anonymous), check-in and the counts of distinct residents reached.
 */

export * from './community-codes.js';
export * from './community-events.js';

// ---- registry ----

export const ZHolderInputSchema = z.strictObject({
  name: text({ max: COMMUNITY_LIMITS.name }),
  kind: z.enum(HOLDER_KINDS),
  municipality: ZIstatCodeSchema,
  address: text({ max: COMMUNITY_LIMITS.address }).nullable().default(null),
  phone: phoneText.nullable().default(null),
  email: emailText.nullable().default(null),
  website: z
    .url({ protocol: /^https?$/ })
    .max(COMMUNITY_LIMITS.website)
    .nullable()
    .default(null),
  languages: z.array(ZLanguageCodeSchema).max(COMMUNITY_LIMITS.languages).default([]),
  communities: z.array(ZCountryCodeSchema).max(COMMUNITY_LIMITS.communities).default([]),
  size: z.enum(SIZE_BANDS).nullable().default(null),
  legalForm: z.enum(LEGAL_FORMS).nullable().default(null),
  /** The partner organisation that keeps the relationship. */
  keeperOrganisationId: ZIdSchema.nullable().default(null),
  notes: multilineText({ max: COMMUNITY_LIMITS.note }).nullable().default(null),
});
export type THolderInput = z.infer<typeof ZHolderInputSchema>;

export const ZHolderSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  kind: z.enum(HOLDER_KINDS),
  municipality: z.string(),
  municipalityName: z.string(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  languages: z.array(z.string()),
  communities: z.array(z.string()),
  size: z.enum(SIZE_BANDS).nullable(),
  legalForm: z.enum(LEGAL_FORMS).nullable(),
  keeperOrganisationId: z.string().nullable(),
  keeperOrganisationName: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  opinionLeaders: z.number().int(),
  needTopics: z.array(z.enum(NEED_TOPICS)),
  /** Whether the reader may change it (community workers of the engagement service). */
  canEdit: z.boolean(),
});
export type THolder = z.infer<typeof ZHolderSchema>;

export const ZHolderListQuerySchema = z.strictObject({
  q: text({ max: 100 }).optional(),
  kind: z.enum(HOLDER_KINDS).optional(),
  municipality: ZIstatCodeSchema.optional(),
  community: ZCountryCodeSchema.optional(),
  need: z.enum(NEED_TOPICS).optional(),
  opinionLeaders: z.enum(['true']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZHolderPersonInputSchema = z.strictObject({
  fullName: text({ max: COMMUNITY_LIMITS.name }),
  roleTitle: text({ max: COMMUNITY_LIMITS.name }).nullable().default(null),
  phone: phoneText.nullable().default(null),
  email: emailText.nullable().default(null),
  opinionLeader: z.boolean().default(false),
  influenceTopics: z.array(z.enum(NEED_TOPICS)).max(COMMUNITY_LIMITS.topics).default([]),
  influenceCommunity: ZCountryCodeSchema.nullable().default(null),
});

export const ZConsentSchema = z.object({
  id: ZIdSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  channel: z.enum(CONSENT_CHANNELS),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
});

export const ZHolderPersonSchema = z.object({
  id: ZIdSchema,
  holderId: ZIdSchema,
  fullName: z.string(),
  roleTitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  opinionLeader: z.boolean(),
  influenceTopics: z.array(z.enum(NEED_TOPICS)),
  influenceCommunity: z.string().nullable(),
  consents: z.array(ZConsentSchema),
});

export const ZConsentInputSchema = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  channel: z.enum(CONSENT_CHANNELS),
  givenOn: isoDate(),
});

export const ZHolderLinkInputSchema = z.strictObject({
  toHolderId: ZIdSchema,
  kind: z.enum(HOLDER_LINK_KINDS),
});

export const ZHolderLinkSchema = z.object({
  fromHolderId: ZIdSchema,
  toHolderId: ZIdSchema,
  otherName: z.string(),
  kind: z.enum(HOLDER_LINK_KINDS),
  /** outgoing: this holder is `kind` of the other; incoming: the other is `kind` of this one. */
  direction: z.enum(['outgoing', 'incoming']),
});

// ---- needs, timeline, resources ----

export const ZNeedInputSchema = z.strictObject({
  topic: z.enum(NEED_TOPICS),
  community: ZCountryCodeSchema.nullable().default(null),
  source: z.enum(NEED_SOURCES),
  recordedOn: isoDate(),
  question: multilineText({ max: COMMUNITY_LIMITS.summary }),
});

export const ZNeedAnswerSchema = z.strictObject({
  answer: multilineText({ max: COMMUNITY_LIMITS.summary }),
  answeredOn: isoDate(),
});

export const ZNeedSchema = z.object({
  id: ZIdSchema,
  holderId: ZIdSchema,
  holderName: z.string(),
  topic: z.enum(NEED_TOPICS),
  community: z.string().nullable(),
  source: z.enum(NEED_SOURCES),
  recordedOn: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
});

export const ZEngagementInputSchema = z.strictObject({
  kind: z.enum(['meeting', 'contact']),
  happenedOn: isoDate(),
  summary: multilineText({ max: COMMUNITY_LIMITS.summary }),
});

export const ZEngagementSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(ENGAGEMENT_KINDS),
  happenedOn: z.string(),
  summary: z.string(),
  eventId: z.string().nullable(),
  resourceId: z.string().nullable(),
});

export const ZResourceInputSchema = z.strictObject({
  holderId: ZIdSchema.nullable().default(null),
  sourceKind: z.enum(RESOURCE_SOURCE_KINDS).default('community_holder'),
  sourceName: text({ max: COMMUNITY_LIMITS.name }).nullable().default(null),
  kind: z.enum(RESOURCE_KINDS),
  description: text({ max: COMMUNITY_LIMITS.summary }),
  quantity: z.number().positive().max(1_000_000),
  unit: z.enum(RESOURCE_UNITS),
  valueCents: z.number().int().min(0).max(COMMUNITY_LIMITS.valueCents),
  valuationRule: z.enum(VALUATION_RULES),
  offeredOn: isoDate(),
  eventId: ZIdSchema.nullable().default(null),
});

export const ZResourceSchema = z.object({
  id: ZIdSchema,
  holderId: z.string().nullable(),
  sourceKind: z.enum(RESOURCE_SOURCE_KINDS),
  sourceName: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  description: z.string(),
  quantity: z.number(),
  unit: z.enum(RESOURCE_UNITS),
  valueCents: z.number().int(),
  valuationRule: z.enum(VALUATION_RULES),
  offeredOn: z.string(),
  eventId: z.string().nullable(),
});

export const ZHolderDetailSchema = ZHolderSchema.extend({
  people: z.array(ZHolderPersonSchema),
  links: z.array(ZHolderLinkSchema),
});
export type THolderDetail = z.infer<typeof ZHolderDetailSchema>;

export const ZHolderUpdateSchema = ZHolderInputSchema.extend({ active: z.boolean().default(true) });

export const ZHolderPageSchema = z.object({ items: z.array(ZHolderSchema), total: z.number().int() });

export const ZNeedListQuerySchema = z.strictObject({
  topic: z.enum(NEED_TOPICS).optional(),
  community: ZCountryCodeSchema.optional(),
  answered: z.enum(['true', 'false']).optional(),
});

/** One line of a holder's engagement timeline, newest first. */
export const ZTimelineItemSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(ENGAGEMENT_KINDS),
  happenedOn: z.string(),
  summary: z.string(),
  eventId: z.string().nullable(),
  resource: ZResourceSchema.nullable(),
});

export const ZResourceListQuerySchema = z.strictObject({
  from: isoDate().optional(),
  to: isoDate().optional(),
  holderId: ZIdSchema.optional(),
});

export const ZResourceListSchema = z.object({
  items: z.array(ZResourceSchema),
  totalValueCents: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(RESOURCE_KINDS), valueCents: z.number().int() })),
});

/** Withdrawing a consent to be contacted: the day it was withdrawn (once; the consent is kept). */
export const ZConsentWithdrawSchema = z.strictObject({ withdrawnOn: isoDate() });
