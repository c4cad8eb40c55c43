import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import { ZSessionInputSchema } from './gatherings.js';
import { ZCountryCodeSchema, ZLanguageCodeSchema } from './households.js';
import { ZIstatCodeSchema } from './structure.js';

/**
 * Community engagement (WP3, issue 19): the registry of community holders, their information
 * needs, the engagement timeline and the complementary-resources ledger, and the events —
 * awareness meetings, workshops and citizenship labs — with registration of residents (named or
 * anonymous), check-in and the counts of distinct residents reached.
 */

export const HOLDER_KINDS = [
  'volunteer_association',
  'sports_club',
  'foreign_citizens_association',
  'parish',
  'faith_community',
  'school',
  'police',
  'health_service',
  'trade_union',
  'cultural_centre',
  'other',
] as const;
export type THolderKind = (typeof HOLDER_KINDS)[number];

export const LEGAL_FORMS = [
  'odv',
  'aps',
  'other_ets',
  'cooperative',
  'public_body',
  'religious_body',
  'informal_group',
  'company',
  'other',
] as const;

/** How many people the holder reaches (members, pupils, faithful). */
export const SIZE_BANDS = ['under_10', '10_49', '50_249', '250_plus'] as const;

/** The taxonomy of information needs (and of opinion leaders' topics, and of events' topics). */
export const NEED_TOPICS = [
  'rights',
  'health',
  'school',
  'housing',
  'work',
  'violence_safety',
  'parenting',
  'documents',
  'language',
  'digital',
  'other',
] as const;
export type TNeedTopic = (typeof NEED_TOPICS)[number];

export const NEED_SOURCES = ['meeting', 'survey', 'contact', 'event'] as const;

export const HOLDER_LINK_KINDS = ['member_of', 'partner_of', 'same_network', 'hosts'] as const;

export const CONSENT_PURPOSES = ['events', 'surveys', 'partnership', 'newsletter'] as const;
export const CONSENT_CHANNELS = ['phone', 'email', 'in_person', 'messaging', 'letter'] as const;

export const ENGAGEMENT_KINDS = ['meeting', 'contact', 'event_coorganised', 'resource_offered'] as const;

export const RESOURCE_KINDS = ['room', 'volunteer_hours', 'money', 'goods', 'services'] as const;
export type TResourceKind = (typeof RESOURCE_KINDS)[number];
/** Who gave a resource: a community holder here; governance adds funders (issue 21). */
export const RESOURCE_SOURCE_KINDS = ['community_holder', 'funder', 'other'] as const;
/** How a resource's value was reckoned (kept with every line, so the total can be checked). */
export const VALUATION_RULES = [
  'cash',
  'market_rent',
  'volunteer_hour_rate',
  'market_price',
  'declared',
] as const;
export const RESOURCE_UNITS = ['hours', 'days', 'euro', 'items'] as const;

export const EVENT_KINDS = ['awareness_meeting', 'workshop', 'citizenship_lab'] as const;
export type TEventKind = (typeof EVENT_KINDS)[number];
/** The targets of the seeds: awareness meetings and workshops together count toward 240, labs toward 200. */
export const EVENT_TARGET_GROUPS = {
  workshops: ['awareness_meeting', 'workshop'],
  labs: ['citizenship_lab'],
} as const;
export const COMMUNITY_TARGETS = { workshops: 240, labs: 200 } as const;

export const EVENT_STATUSES = ['planned', 'cancelled'] as const;

export const PARTICIPANT_KINDS = ['resident', 'professional'] as const;
export type TParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const GENDERS = ['female', 'male', 'other', 'not_said'] as const;
export const AGE_BANDS = ['under_18', '18_29', '30_44', '45_64', '65_plus', 'not_said'] as const;
/** Citizenship groups only (never a nationality on a participant): EU residents are not FAMI's third-country nationals. */
export const CITIZENSHIP_GROUPS = ['italian', 'eu', 'non_eu', 'not_said'] as const;
export const REGISTERED_VIA = ['public_form', 'operator', 'holder', 'walk_in'] as const;

/** The languages of the public pages' fixed text; Arabic and Urdu right to left. */
export const PUBLIC_LANGUAGES = ['it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es'] as const;
export type TPublicLanguage = (typeof PUBLIC_LANGUAGES)[number];
export const RTL_LANGUAGES: readonly TPublicLanguage[] = ['ar', 'ur'];

/** A ticket code: eight letters and digits without look-alikes, printed and read aloud. */
export const TICKET_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;

export const COMMUNITY_LIMITS = {
  name: 200,
  address: 300,
  phone: 40,
  email: 254,
  website: 300,
  note: 4000,
  summary: 2000,
  languages: 20,
  communities: 30,
  topics: NEED_TOPICS.length,
  holders: 20,
  sessions: 40,
  capacity: 1000,
  headCount: 2000,
  valueCents: 100_000_000_00,
} as const;

const phoneText = text({ max: COMMUNITY_LIMITS.phone });
const emailText = z.email().max(COMMUNITY_LIMITS.email);

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

// ---- events ----

export const ZEventInputSchema = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  title: text({ max: COMMUNITY_LIMITS.name }),
  description: multilineText({ max: COMMUNITY_LIMITS.note }).nullable().default(null),
  municipality: ZIstatCodeSchema,
  languages: z.array(z.enum(PUBLIC_LANGUAGES)).min(1).max(PUBLIC_LANGUAGES.length),
  topics: z.array(z.enum(NEED_TOPICS)).max(COMMUNITY_LIMITS.topics).default([]),
  capacity: z.number().int().min(1).max(COMMUNITY_LIMITS.capacity),
  /** A mediator is needed for this language (a request to the mediation service is sent). */
  mediatorLanguage: ZLanguageCodeSchema.nullable().default(null),
  coOrganiserIds: z.array(ZIdSchema).max(COMMUNITY_LIMITS.holders).default([]),
  sessions: z.array(ZSessionInputSchema).min(1).max(COMMUNITY_LIMITS.sessions),
  /** Published: the public registration page and the public calendar show it. */
  published: z.boolean().default(true),
});
export type TEventInput = z.infer<typeof ZEventInputSchema>;

export const ZEventSessionSchema = z.object({
  id: ZIdSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
});

export const ZEventSchema = z.object({
  id: ZIdSchema,
  gatheringId: ZIdSchema,
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  municipality: z.string(),
  municipalityName: z.string(),
  languages: z.array(z.enum(PUBLIC_LANGUAGES)),
  topics: z.array(z.enum(NEED_TOPICS)),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  mediatorLanguage: z.string().nullable(),
  mediationRequestId: z.string().nullable(),
  coOrganisers: z.array(z.object({ id: ZIdSchema, name: z.string() })),
  sessions: z.array(ZEventSessionSchema),
  status: z.enum(EVENT_STATUSES),
  published: z.boolean(),
  /** The public page's address (`/eventi/<slug>`). */
  publicPath: z.string(),
  ownerServiceName: z.string(),
  /** Whether the reader organises it (may see participants, check in, count). */
  canManage: z.boolean(),
});
export type TEvent = z.infer<typeof ZEventSchema>;

export const ZEventListQuerySchema = z.strictObject({
  kind: z.enum(EVENT_KINDS).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  municipality: ZIstatCodeSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A registration made by an operator or a community holder on someone's behalf, or by the resident. */
export const ZRegistrationInputSchema = z
  .strictObject({
    participant: z.enum(PARTICIPANT_KINDS).default('resident'),
    anonymous: z.boolean().default(false),
    name: text({ max: COMMUNITY_LIMITS.name }).nullable().default(null),
    phone: phoneText.nullable().default(null),
    gender: z.enum(GENDERS).default('not_said'),
    ageBand: z.enum(AGE_BANDS).default('not_said'),
    citizenshipGroup: z.enum(CITIZENSHIP_GROUPS).default('not_said'),
    language: z.enum(PUBLIC_LANGUAGES).default('it'),
    /** The holder who registers the person (registration through a community holder). */
    viaHolderId: ZIdSchema.nullable().default(null),
  })
  .superRefine((r, issues) => {
    if (r.anonymous && (r.name || r.phone))
      issues.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'an anonymous registration keeps no name or phone',
      });
    if (!r.anonymous && !r.name)
      issues.addIssue({ code: 'custom', path: ['name'], message: 'required unless anonymous' });
  });
export type TRegistrationInput = z.infer<typeof ZRegistrationInputSchema>;

export const ZRegistrationSchema = z.object({
  placeId: ZIdSchema,
  participant: z.enum(PARTICIPANT_KINDS),
  anonymous: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  gender: z.enum(GENDERS),
  ageBand: z.enum(AGE_BANDS),
  citizenshipGroup: z.enum(CITIZENSHIP_GROUPS),
  language: z.enum(PUBLIC_LANGUAGES),
  status: z.string(),
  registeredVia: z.enum(REGISTERED_VIA),
  sessionsAttended: z.number().int(),
});

/** The answer to a registration: the ticket code is shown once (its hash is kept). */
export const ZTicketSchema = z.object({
  placeId: ZIdSchema,
  status: z.string(),
  ticketCode: z.string(),
});

export const ZCheckinInputSchema = z.strictObject({
  ticketCode: z.string().trim().toUpperCase().regex(TICKET_CODE_PATTERN, 'eight letters and digits'),
});

export const ZAttendanceMarkSchema = z.strictObject({
  placeId: ZIdSchema,
  present: z.boolean(),
});

/** A head count: single-session events only, not de-duplicated, no identities. */
export const ZHeadCountInputSchema = z.strictObject({
  participant: z.enum(PARTICIPANT_KINDS).default('resident'),
  gender: z.enum(GENDERS).default('not_said'),
  ageBand: z.enum(AGE_BANDS).default('not_said'),
  citizenshipGroup: z.enum(CITIZENSHIP_GROUPS).default('not_said'),
  count: z.number().int().min(1).max(COMMUNITY_LIMITS.headCount),
});

export const ZHeadCountSchema = z.object({
  id: ZIdSchema,
  sessionId: ZIdSchema,
  participant: z.enum(PARTICIPANT_KINDS),
  gender: z.enum(GENDERS),
  ageBand: z.enum(AGE_BANDS),
  citizenshipGroup: z.enum(CITIZENSHIP_GROUPS),
  count: z.number().int(),
});

// ---- counting and the dashboard ----

/** The counts toward the targets; `headCounted` residents are not de-duplicated (single-session events). */
export const ZReachSchema = z.object({
  residents: z.number().int(),
  /** Of which from head counts (not de-duplicated). */
  headCounted: z.number().int(),
  professionals: z.number().int(),
  target: z.number().int(),
});

export const ZCountCellSchema = z.object({
  key: z.string(),
  /** null when hidden by disclosure control (one neutral mark in the web). */
  value: z.number().int().nullable(),
});

export const ZCommunityDashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  holdersByMunicipality: z.array(
    z.object({ municipality: z.string(), name: z.string(), count: z.number().int() }),
  ),
  holdersByKind: z.array(z.object({ kind: z.enum(HOLDER_KINDS), count: z.number().int() })),
  opinionLeadersEngaged: z.number().int(),
  meetingsHeld: z.number().int(),
  sessionsHeld: z.number().int(),
  workshops: ZReachSchema,
  labs: ZReachSchema,
  byGender: z.array(ZCountCellSchema),
  byAgeBand: z.array(ZCountCellSchema),
  byCitizenshipGroup: z.array(ZCountCellSchema),
  needsMostExpressed: z.array(z.object({ topic: z.enum(NEED_TOPICS), count: z.number().int() })),
  resourcesValueCents: z.number().int(),
});
export type TCommunityDashboard = z.infer<typeof ZCommunityDashboardSchema>;

export const ZDashboardQuerySchema = z.strictObject({
  from: isoDate().optional(),
  to: isoDate().optional(),
});

/** The map: per comune, the holders and the events (counts and names are the registry's own). */
export const ZMapQuerySchema = z.strictObject({
  kind: z.enum(HOLDER_KINDS).optional(),
  community: ZCountryCodeSchema.optional(),
  need: z.enum(NEED_TOPICS).optional(),
});

export const ZMapSchema = z.object({
  municipalities: z.array(
    z.object({
      istatCode: z.string(),
      name: z.string(),
      district: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      holders: z.array(z.object({ id: ZIdSchema, name: z.string(), kind: z.enum(HOLDER_KINDS) })),
      events: z.array(
        z.object({ id: ZIdSchema, title: z.string(), kind: z.enum(EVENT_KINDS), startsAt: z.string() }),
      ),
    }),
  ),
});

export const ZFeedbackInputSchema = z.strictObject({
  useful: z.number().int().min(1).max(5),
  understood: z.number().int().min(1).max(5),
  language: z.enum(PUBLIC_LANGUAGES),
});

export { ZSessionInputSchema };

// ---- shapes shared by the server and the web (issue 19) ----

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

export const ZEventUpdateSchema = z.strictObject({
  title: text({ max: COMMUNITY_LIMITS.name }),
  description: multilineText({ max: COMMUNITY_LIMITS.note }).nullable().default(null),
  languages: z.array(z.enum(PUBLIC_LANGUAGES)).min(1).max(PUBLIC_LANGUAGES.length),
  topics: z.array(z.enum(NEED_TOPICS)).max(COMMUNITY_LIMITS.topics).default([]),
  capacity: z.number().int().min(1).max(COMMUNITY_LIMITS.capacity),
  coOrganiserIds: z.array(ZIdSchema).max(COMMUNITY_LIMITS.holders).default([]),
  published: z.boolean(),
});

export const ZEventPageSchema = z.object({ items: z.array(ZEventSchema), total: z.number().int() });

/** A session as its organiser works it: who is registered, who came, the head counts. */
export const ZSessionDetailSchema = z.object({
  id: ZIdSchema,
  eventId: ZIdSchema,
  eventTitle: z.string(),
  eventKind: z.enum(EVENT_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  /** Head counts are allowed only on single-session events (a series needs tickets to count once). */
  headCountAllowed: z.boolean(),
  participants: z.array(
    z.object({
      placeId: ZIdSchema,
      participant: z.enum(PARTICIPANT_KINDS),
      anonymous: z.boolean(),
      name: z.string().nullable(),
      status: z.string(),
      present: z.boolean(),
    }),
  ),
  headCounts: z.array(ZHeadCountSchema),
});
export type TSessionDetail = z.infer<typeof ZSessionDetailSchema>;

/** The walk-in QR of a session: the public address with the current code; it changes every 20 s. */
export const ZCheckinCodeSchema = z.object({ code: z.string(), url: z.string(), expiresAt: z.string() });

export const ZCheckinResultSchema = z.object({
  placeId: ZIdSchema,
  anonymous: z.boolean(),
  name: z.string().nullable(),
  /** Already marked present for this session before this scan. */
  already: z.boolean(),
});

export const ZAttendanceInputSchema = z.strictObject({
  marks: z.array(ZAttendanceMarkSchema).min(1).max(COMMUNITY_LIMITS.capacity),
});

/** A ticket scanned outside a session page: the events it belongs to and their sessions of today. */
export const ZTicketLookupQuerySchema = z.strictObject({
  code: z.string().trim().toUpperCase().regex(TICKET_CODE_PATTERN, 'eight letters and digits'),
});

/** Withdrawing a consent to be contacted: the day it was withdrawn (once; the consent is kept). */
export const ZConsentWithdrawSchema = z.strictObject({ withdrawnOn: isoDate() });

/** What a scanned ticket belongs to, among the caller's service's events, with the sessions of today. */
export const ZTicketLookupSchema = z.object({
  items: z.array(
    z.object({
      placeId: ZIdSchema,
      eventId: ZIdSchema,
      eventTitle: z.string(),
      eventKind: z.enum(EVENT_KINDS),
      eventStatus: z.enum(EVENT_STATUSES),
      anonymous: z.boolean(),
      name: z.string().nullable(),
      /** The registration's place status; `live` false once cancelled. */
      status: z.string(),
      live: z.boolean(),
      /** Today's sessions of the event (Italian time), each with whether this ticket is marked present. */
      sessionsToday: z.array(ZEventSessionSchema.extend({ present: z.boolean() })),
    }),
  ),
});
export type TTicketLookup = z.infer<typeof ZTicketLookupSchema>;
