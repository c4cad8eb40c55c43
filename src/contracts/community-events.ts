import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  COMMUNITY_LIMITS,
  EVENT_KINDS,
  EVENT_STATUSES,
  GENDERS,
  HOLDER_KINDS,
  NEED_TOPICS,
  PARTICIPANT_KINDS,
  PUBLIC_LANGUAGES,
  phoneText,
  REGISTERED_VIA,
  TICKET_CODE_PATTERN,
} from './community-codes.js';
import { ZSessionInputSchema } from './gatherings.js';
import { ZCountryCodeSchema, ZLanguageCodeSchema } from './households.js';
import { ZIstatCodeSchema } from './structure.js';

/**
 * Community events (issue 19): awareness meetings, workshops and citizenship labs, registration
 * of residents (named or anonymous), check-in and the counts of distinct residents reached.
 */

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

export { ZSessionInputSchema };
