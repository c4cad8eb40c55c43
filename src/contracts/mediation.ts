import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import { ZCountryCodeSchema, ZLanguageCodeSchema } from './households.js';

/**
 * Linguistic-cultural mediation (WP1, WP2; issue 18): a registry of mediators, requests from the
 * services, matching with hard exclusions and ranked reasons, assignments without double booking,
 * hours and cost per cooperative, feedback from both sides. The library and glossary of the
 * intercultural communication unit are in `mediation-library.ts`.
 */

export const LANGUAGE_LEVELS = ['basic', 'good', 'fluent', 'native'] as const;
export type TLanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const MEDIATION_MODES = ['in_person', 'phone', 'video'] as const;
export type TMediationMode = (typeof MEDIATION_MODES)[number];

export const MEDIATION_PURPOSES = [
  'interview',
  'home_visit',
  'court_hearing',
  'ethnoclinical_session',
  'school_meeting',
  'health_appointment',
  'other',
] as const;
export type TMediationPurpose = (typeof MEDIATION_PURPOSES)[number];

export const MEDIATION_URGENCIES = ['routine', 'priority', 'urgent'] as const;

export const MEDIATOR_GENDERS_OF_RECORD = ['female', 'male'] as const;
export const GENDER_PREFERENCES = ['any', 'female', 'male'] as const;

/** The work packages a mediation's cost is charged to (MISSION.md). */
export const WORK_PACKAGES = ['wp1', 'wp2', 'wp3', 'wp4', 'wp5', 'wp6', 'wp7'] as const;

/**
 * open: waiting for the coordinator (flagged `unmatched` when nobody suitable was found);
 * offered: sent to the top candidates, the first to accept gets it; assigned: a mediator was
 * chosen and has not confirmed yet; confirmed; completed (hours logged); cancelled.
 */
export const REQUEST_STATUSES = [
  'open',
  'offered',
  'assigned',
  'confirmed',
  'completed',
  'cancelled',
] as const;
export type TRequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * An assignment holds the mediator's time while assigned or confirmed; completed and no_show
 * are logged; declined, removed and cancelled free it (and end the mediator's access at once).
 */
export const ASSIGNMENT_STATUSES = [
  'assigned',
  'confirmed',
  'completed',
  'no_show',
  'declined',
  'removed',
  'cancelled',
] as const;
export type TAssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ACTIVE_ASSIGNMENT_STATUSES = ['assigned', 'confirmed'] as const;
export const LOGGED_ASSIGNMENT_STATUSES = ['completed', 'no_show'] as const;

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;

export const CONFLICT_KINDS = ['person', 'household', 'community'] as const;
export type TConflictKind = (typeof CONFLICT_KINDS)[number];

export const FEEDBACK_ANSWERS = ['yes', 'partly', 'no'] as const;
/** The three questions the person mediated answers (anonymous), in their language. */
export const FEEDBACK_QUESTIONS = ['understood', 'respected', 'again'] as const;

/** A rank's reasons, in words on screen (mediation i18n `reason.*`). */
export const MATCH_REASONS = [
  'language_level',
  'dialect',
  'distance',
  'area',
  'remote',
  'gender',
  'continuity',
  'community',
  'workload',
] as const;

export const MEDIATION_LIMITS = {
  languages: 12,
  countries: 20,
  areas: 60,
  certifications: 10,
  availability: 28,
  minutes: { min: 15, max: 8 * 60 },
  travelKm: 500,
  notes: 1000,
  place: 300,
  contact: 120,
  comment: 1000,
  matches: 10,
  offerTo: 5,
  feedbackPerAssignment: 6,
  statementMonths: 24,
} as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');

export const ZMediatorLanguageSchema = z.strictObject({
  language: ZLanguageCodeSchema,
  dialect: text({ max: 60 }).nullable().optional(),
  level: z.enum(LANGUAGE_LEVELS),
  /** Can translate written texts in this language (letters, leaflets, consent forms). */
  written: z.boolean().default(false),
});

export const ZAvailabilitySlotSchema = z
  .strictObject({
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: z.number().int().min(1).max(7),
    from: hhmm,
    to: hhmm,
  })
  .refine((s) => s.from < s.to, { message: 'the end must come after the start', path: ['to'] });

export const ZMediatorInputSchema = z.strictObject({
  userId: ZIdSchema,
  organisationId: ZIdSchema,
  gender: z.enum(MEDIATOR_GENDERS_OF_RECORD),
  modes: z.array(z.enum(MEDIATION_MODES)).min(1).max(3),
  languages: z.array(ZMediatorLanguageSchema).min(1).max(MEDIATION_LIMITS.languages),
  /** Countries whose communities the mediator knows (ISO 3166). */
  countries: z.array(ZCountryCodeSchema).max(MEDIATION_LIMITS.countries).default([]),
  /** The mediator's own community, for a victim who asked for no mediator of hers (coordinator only). */
  ownCommunity: ZCountryCodeSchema.nullable().optional(),
  districtIds: z.array(ZIdSchema).max(MEDIATION_LIMITS.areas).default([]),
  municipalities: z
    .array(z.string().regex(/^\d{6}$/, 'ISTAT code'))
    .max(MEDIATION_LIMITS.areas)
    .default([]),
  /** Where the mediator starts from: distances are measured from its centre. */
  baseMunicipality: z.string().regex(/^\d{6}$/, 'ISTAT code'),
  availability: z.array(ZAvailabilitySlotSchema).max(MEDIATION_LIMITS.availability).default([]),
  certifications: z
    .array(text({ max: 120 }))
    .max(MEDIATION_LIMITS.certifications)
    .default([]),
  active: z.boolean().default(true),
});
export type TMediatorInput = z.infer<typeof ZMediatorInputSchema>;

export const ZMediatorSchema = ZMediatorInputSchema.omit({ ownCommunity: true }).extend({
  id: ZIdSchema,
  displayName: z.string(),
  organisationName: z.string(),
  /** Only for the mediation coordinator; null for everyone else. */
  ownCommunity: z.string().nullable(),
  absences: z.array(z.object({ id: ZIdSchema, from: z.string(), to: z.string() })),
});
export type TMediator = z.infer<typeof ZMediatorSchema>;

export const ZAbsenceInputSchema = z
  .strictObject({ from: isoDate(), to: isoDate() })
  .refine((a) => a.from <= a.to, { message: 'the end must not come before the start', path: ['to'] });

export const ZConflictInputSchema = z
  .strictObject({
    kind: z.enum(CONFLICT_KINDS),
    personId: ZIdSchema.optional(),
    /** The household's code (N-…), as the coordinator reads it on a referral or a case. */
    householdCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^N-[23456789A-HJ-NP-Z]{7}$/, 'a household code N-…')
      .optional(),
    country: ZCountryCodeSchema.optional(),
    note: text({ max: 300 }).nullable().optional(),
  })
  .superRefine((c, issues) => {
    const needed = { person: 'personId', household: 'householdCode', community: 'country' } as const;
    const field = needed[c.kind];
    if (!c[field]) issues.addIssue({ code: 'custom', path: [field], message: 'required for this kind' });
  });

export const ZConflictSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(CONFLICT_KINDS),
  /** The household's or person's code (never a name), or the country's name. */
  subject: z.string(),
  note: z.string().nullable(),
  declaredAt: z.string(),
});

export const ZRateInputSchema = z.strictObject({
  /** Euro cents per hour, in person and at a distance (phone, video). */
  inPersonCents: z.number().int().min(0).max(100_000),
  remoteCents: z.number().int().min(0).max(100_000),
  travelCentsPerKm: z.number().int().min(0).max(1_000),
  validFrom: isoDate(),
});
export const ZRateSchema = ZRateInputSchema.extend({
  organisationId: ZIdSchema,
  organisationName: z.string(),
});

export const ZRequestInputSchema = z
  .strictObject({
    language: ZLanguageCodeSchema,
    dialect: text({ max: 60 }).nullable().optional(),
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(MEDIATION_LIMITS.minutes.min).max(MEDIATION_LIMITS.minutes.max),
    mode: z.enum(MEDIATION_MODES),
    /** Required in person: the comune (ISTAT) the mediator goes to. */
    municipality: z
      .string()
      .regex(/^\d{6}$/, 'ISTAT code')
      .nullable()
      .optional(),
    /** Address or room; encrypted, shown only to the assigned mediator, the requester and the coordinator. */
    place: text({ max: MEDIATION_LIMITS.place }).nullable().optional(),
    purpose: z.enum(MEDIATION_PURPOSES),
    urgency: z.enum(MEDIATION_URGENCIES).default('routine'),
    genderPreference: z.enum(GENDER_PREFERENCES).default('any'),
    victim: z.boolean().default(false),
    /** For a victim: the mediator's gender she (or he) asked for; by default the person's own. */
    victimMediatorGender: z.enum(MEDIATOR_GENDERS_OF_RECORD).nullable().optional(),
    /** The person's community (ISO 3166): competence ranks higher, and a victim may refuse it. */
    community: ZCountryCodeSchema.nullable().optional(),
    avoidSameCommunity: z.boolean().default(false),
    workPackage: z.enum(WORK_PACKAGES).default('wp1'),
    /** A case the requester may see; then its household's conflicts and the perpetrator rule apply. */
    caseId: ZIdSchema.nullable().optional(),
    /** A session of that case: the mediator assigned becomes the session's mediator. */
    sessionId: ZIdSchema.nullable().optional(),
    /** The person of the case mediated for, if one. */
    personId: ZIdSchema.nullable().optional(),
    requesterContact: text({ max: MEDIATION_LIMITS.contact }),
    notes: multilineText({ max: MEDIATION_LIMITS.notes }).nullable().optional(),
  })
  .superRefine((r, issues) => {
    if (r.mode === 'in_person' && !r.municipality)
      issues.addIssue({ code: 'custom', path: ['municipality'], message: 'required in person' });
    if (r.avoidSameCommunity && !r.community)
      issues.addIssue({ code: 'custom', path: ['community'], message: 'required to avoid the community' });
    // Refusing a community is a victim's protection, not a filter: for anyone else it would let a
    // requester find out a mediator's origin by asking twice.
    if (r.avoidSameCommunity && !r.victim && !r.personId)
      issues.addIssue({
        code: 'custom',
        path: ['avoidSameCommunity'],
        message: 'only for a victim of violence',
      });
    const latest = Date.now() + 2 * 366 * 86_400_000;
    if (Date.parse(r.startsAt) > latest)
      issues.addIssue({ code: 'custom', path: ['startsAt'], message: 'at most two years ahead' });
    if ((r.sessionId || r.personId) && !r.caseId)
      issues.addIssue({ code: 'custom', path: ['caseId'], message: 'required with a session or a person' });
  });
export type TRequestInput = z.infer<typeof ZRequestInputSchema>;

export const ZMatchReasonSchema = z.object({
  code: z.enum(MATCH_REASONS),
  /** The level, the kilometres, the hours: what the words need. */
  value: z.union([z.string(), z.number()]).nullable(),
  points: z.number(),
});

export const ZMatchSchema = z.object({
  mediatorId: ZIdSchema,
  displayName: z.string(),
  organisationName: z.string(),
  score: z.number(),
  reasons: z.array(ZMatchReasonSchema),
});
export type TMatch = z.infer<typeof ZMatchSchema>;

export const ZAssignmentSummarySchema = z.object({
  id: ZIdSchema,
  mediatorId: ZIdSchema,
  mediatorName: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  actualMinutes: z.number().nullable(),
  travelMinutes: z.number().nullable(),
  travelKm: z.number().nullable(),
  rating: z.number().nullable(),
});

export const ZRequestSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  status: z.enum(REQUEST_STATUSES),
  unmatched: z.boolean(),
  language: z.string(),
  dialect: z.string().nullable(),
  startsAt: z.string(),
  durationMinutes: z.number(),
  mode: z.enum(MEDIATION_MODES),
  municipality: z.string().nullable(),
  municipalityName: z.string().nullable(),
  place: z.string().nullable(),
  purpose: z.enum(MEDIATION_PURPOSES),
  urgency: z.enum(MEDIATION_URGENCIES),
  genderPreference: z.enum(GENDER_PREFERENCES),
  victim: z.boolean(),
  victimMediatorGender: z.enum(MEDIATOR_GENDERS_OF_RECORD).nullable(),
  community: z.string().nullable(),
  avoidSameCommunity: z.boolean(),
  workPackage: z.enum(WORK_PACKAGES),
  serviceId: ZIdSchema,
  serviceName: z.string(),
  requesterId: ZIdSchema,
  requesterName: z.string(),
  requesterContact: z.string(),
  caseId: ZIdSchema.nullable(),
  caseCode: z.string().nullable(),
  sessionId: ZIdSchema.nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  assignment: ZAssignmentSummarySchema.nullable(),
  offeredTo: z.array(
    z.object({ mediatorId: ZIdSchema, displayName: z.string(), status: z.enum(OFFER_STATUSES) }),
  ),
});
export type TRequest = z.infer<typeof ZRequestSchema>;

export const ZRequestListQuerySchema = z.strictObject({
  status: z.enum(REQUEST_STATUSES).optional(),
  unmatched: z.enum(['true']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ZAssignInputSchema = z.strictObject({ mediatorId: ZIdSchema });
export const ZOfferInputSchema = z.strictObject({
  mediatorIds: z.array(ZIdSchema).min(1).max(MEDIATION_LIMITS.offerTo),
});
export const ZDeclineInputSchema = z.strictObject({ reason: text({ max: 300 }).nullable().optional() });
export const ZCancelInputSchema = ZDeclineInputSchema;

export const ZHoursLogInputSchema = z
  .strictObject({
    actualMinutes: z
      .number()
      .int()
      .min(0)
      .max(MEDIATION_LIMITS.minutes.max * 2),
    travelMinutes: z.number().int().min(0).max(600).default(0),
    travelKm: z.number().min(0).max(MEDIATION_LIMITS.travelKm).default(0),
    /** The person did not come: the time waited and the travel are still paid. */
    noShow: z.boolean().default(false),
  })
  .refine((h) => h.noShow || h.actualMinutes > 0, {
    message: 'a mediation held takes some minutes',
    path: ['actualMinutes'],
  });

/** What a mediator sees of an assignment or an offer: the minimum, never the case file. */
export const ZMediatorJobSchema = z.object({
  kind: z.enum(['assignment', 'offer']),
  id: ZIdSchema,
  requestCode: z.string(),
  status: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number(),
  mode: z.enum(MEDIATION_MODES),
  language: z.string(),
  dialect: z.string().nullable(),
  purpose: z.enum(MEDIATION_PURPOSES),
  municipalityName: z.string().nullable(),
  /** Only once the mediator holds the assignment. */
  place: z.string().nullable(),
  requesterName: z.string(),
  requesterContact: z.string().nullable(),
  serviceName: z.string(),
  actualMinutes: z.number().nullable(),
  travelMinutes: z.number().nullable(),
  travelKm: z.number().nullable(),
});
export type TMediatorJob = z.infer<typeof ZMediatorJobSchema>;

export const ZRatingInputSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: multilineText({ max: MEDIATION_LIMITS.comment }).nullable().optional(),
});

export const ZPersonFeedbackInputSchema = z.strictObject({
  understood: z.enum(FEEDBACK_ANSWERS),
  respected: z.enum(FEEDBACK_ANSWERS),
  again: z.enum(FEEDBACK_ANSWERS),
});

export const ZFeedbackLinkSchema = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
export const ZFeedbackPageSchema = z.object({ language: z.string(), rtl: z.boolean(), open: z.boolean() });
export const ZFeedbackTokenParamsSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
});

export const ZMonthQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM'),
});

export const ZHoursRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  minutes: z.number(),
  costCents: z.number(),
  assignments: z.number(),
});

export const ZHoursReportSchema = z.object({
  month: z.string(),
  totalMinutes: z.number(),
  totalCostCents: z.number(),
  byMediator: z.array(ZHoursRowSchema),
  byLanguage: z.array(ZHoursRowSchema),
  byService: z.array(ZHoursRowSchema),
  byDistrict: z.array(ZHoursRowSchema),
  byWorkPackage: z.array(ZHoursRowSchema),
  byOrganisation: z.array(ZHoursRowSchema),
});
export type THoursReport = z.infer<typeof ZHoursReportSchema>;

export const ZStatementLineSchema = z.object({
  assignmentId: ZIdSchema,
  requestCode: z.string(),
  date: z.string(),
  mediatorName: z.string(),
  language: z.string(),
  serviceName: z.string(),
  mode: z.enum(MEDIATION_MODES),
  noShow: z.boolean(),
  minutes: z.number(),
  travelMinutes: z.number(),
  travelKm: z.number(),
  hourlyCents: z.number(),
  travelCentsPerKm: z.number(),
  costCents: z.number(),
});

export const ZStatementSchema = z.object({
  organisationId: ZIdSchema,
  organisationName: z.string(),
  month: z.string(),
  lines: z.array(ZStatementLineSchema),
  totalMinutes: z.number(),
  totalTravelKm: z.number(),
  totalCostCents: z.number(),
});
export type TStatement = z.infer<typeof ZStatementSchema>;

export const ZFeedbackSummarySchema = z.object({
  ratings: z.number(),
  averageRating: z.number().nullable(),
  /** Answers of the people mediated, counts per answer; null when fewer than five answered. */
  people: z.number().nullable(),
  answers: z.record(z.enum(FEEDBACK_QUESTIONS), z.record(z.enum(FEEDBACK_ANSWERS), z.number())).nullable(),
});
