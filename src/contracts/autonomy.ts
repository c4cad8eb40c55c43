import { z } from 'zod';
import {
  AUTONOMY_GOAL_STATUSES,
  AUTONOMY_LIMITS,
  AUTONOMY_PLAN_STATUSES,
  CEFR_LEVELS,
  DRIVING_LICENCES,
  EDUCATION_LEVELS,
  EDUCATION_RECOGNITION,
  EMPLOYER_KINDS,
  ENROLMENT_STATUSES,
  FOLLOW_UP_OUTCOMES,
  GOAL_AREAS,
  INITIATIVE_STAGES,
  JOB_PLACEMENT_KINDS,
  JOB_PLACEMENT_STATUSES,
  OFFER_KINDS,
  OFFER_TOPICS,
  PLAN_EXIT_REASONS,
  PLAN_ORIGINS,
  TUTORING_MEETING_KINDS,
  WAGE_BANDS,
} from './autonomy-codes.js';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import { ZCountryCodeSchema, ZLanguageCodeSchema } from './households.js';
import { type KeysetValue, keysetCursorSchema, keysetPageOf } from './keyset.js';
import { ZIstatCodeSchema } from './structure.js';

export * from './autonomy-codes.js';

/**
 * Autonomy paths (WP5, issue 20): the partners' modular offers, the personal autonomy plan with its
 * goals, steps, tutoring meetings and enrolments, the skills balance, job placements with their
 * 6- and 12-month outcomes, and the social enterprises the project supports. Housing and rent
 * support are in `housing.ts`.
 */

const L = AUTONOMY_LIMITS;
const note = (max: number = L.note) => multilineText({ max });
const cents = (max: number) => z.number().int().min(0).max(max);

// ── Offers catalogue ────────────────────────────────────────────────────────────────────────────

export const ZOfferInputSchema = z
  .strictObject({
    title: text({ max: L.title }),
    kind: z.enum(OFFER_KINDS),
    topic: z.enum(OFFER_TOPICS),
    description: note(L.description).nullable().default(null),
    /** The partner that runs it (an organisation of the network) or a community holder. */
    providerOrganisationId: ZIdSchema.nullable().default(null),
    providerHolderId: ZIdSchema.nullable().default(null),
    languages: z.array(ZLanguageCodeSchema).min(1).max(12),
    schedule: text({ max: L.schedule }).nullable().default(null),
    municipality: ZIstatCodeSchema.nullable().default(null),
    places: z.number().int().min(1).max(L.places),
    prerequisites: text({ max: L.description }).nullable().default(null),
    costCents: cents(L.costCents).default(0),
    startsOn: isoDate().nullable().default(null),
    endsOn: isoDate().nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((o) => (o.providerOrganisationId === null) !== (o.providerHolderId === null), {
    path: ['providerOrganisationId'],
    message: 'name one provider: a partner organisation or a community holder',
  })
  .refine((o) => !o.startsOn || !o.endsOn || o.endsOn >= o.startsOn, {
    path: ['endsOn'],
    message: 'the end comes on or after the start',
  });
export type TOfferInput = z.input<typeof ZOfferInputSchema>;

export const ZOfferSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  kind: z.enum(OFFER_KINDS),
  topic: z.enum(OFFER_TOPICS),
  description: z.string().nullable(),
  provider: z.object({ id: ZIdSchema, name: z.string(), isHolder: z.boolean() }),
  languages: z.array(z.string()),
  schedule: z.string().nullable(),
  municipality: z.string().nullable(),
  municipalityName: z.string().nullable(),
  places: z.number().int(),
  enrolled: z.number().int(),
  prerequisites: z.string().nullable(),
  costCents: z.number().int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  /** Whether the viewer keeps the catalogue entry (its service's autonomy workers). */
  canEdit: z.boolean(),
});
export type TOffer = z.infer<typeof ZOfferSchema>;

export const ZOfferListQuerySchema = z.strictObject({
  kind: z.enum(OFFER_KINDS).optional(),
  topic: z.enum(OFFER_TOPICS).optional(),
  language: ZLanguageCodeSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
/** `canCreate`: whether the viewer keeps a catalogue (an autonomy worker) and may add to it. */
export const ZOfferListSchema = z.object({ items: z.array(ZOfferSchema), canCreate: z.boolean().optional() });

// ── Autonomy plans ──────────────────────────────────────────────────────────────────────────────

export const ZPlanCreateSchema = z
  .strictObject({
    personId: ZIdSchema,
    origin: z.enum(PLAN_ORIGINS),
    /** The case or referral it comes from (one of the household's, as `origin` says). */
    originCaseId: ZIdSchema.nullable().default(null),
    originReferralId: ZIdSchema.nullable().default(null),
    tutorUserId: ZIdSchema,
    startedOn: isoDate(),
    nextReviewOn: isoDate().nullable().default(null),
  })
  .refine((p) => p.origin !== 'case' || p.originCaseId !== null, {
    path: ['originCaseId'],
    message: 'name the case the plan comes from',
  })
  .refine((p) => p.origin !== 'referral' || p.originReferralId !== null, {
    path: ['originReferralId'],
    message: 'name the referral the plan comes from',
  });
export type TPlanCreate = z.input<typeof ZPlanCreateSchema>;

export const ZPlanUpdateSchema = z.strictObject({
  tutorUserId: ZIdSchema.optional(),
  nextReviewOn: isoDate().nullable().optional(),
});
export type TPlanUpdate = z.infer<typeof ZPlanUpdateSchema>;

export const ZPlanExitSchema = z.strictObject({
  reason: z.enum(PLAN_EXIT_REASONS),
  exitOn: isoDate(),
  note: note(L.description).nullable().default(null),
});
export type TPlanExit = z.input<typeof ZPlanExitSchema>;

export const ZGoalInputSchema = z.strictObject({
  area: z.enum(GOAL_AREAS),
  description: text({ max: L.description }),
  targetOn: isoDate().nullable().default(null),
});
export const ZGoalUpdateSchema = z.strictObject({
  status: z.enum(AUTONOMY_GOAL_STATUSES).optional(),
  description: text({ max: L.description }).optional(),
  targetOn: isoDate().nullable().optional(),
});
export const ZStepInputSchema = z.strictObject({
  description: text({ max: L.description }),
  dueOn: isoDate().nullable().default(null),
});
export const ZStepUpdateSchema = z.strictObject({ doneOn: isoDate().nullable() });
export type TGoalInput = z.input<typeof ZGoalInputSchema>;
export type TGoalUpdate = z.infer<typeof ZGoalUpdateSchema>;
export type TStepInput = z.input<typeof ZStepInputSchema>;
export type TStepUpdate = z.infer<typeof ZStepUpdateSchema>;

export const ZStepSchema = z.object({
  id: ZIdSchema,
  description: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
});
export const ZGoalSchema = z.object({
  id: ZIdSchema,
  area: z.enum(GOAL_AREAS),
  description: z.string(),
  targetOn: z.string().nullable(),
  status: z.enum(AUTONOMY_GOAL_STATUSES),
  steps: z.array(ZStepSchema),
});
export type TGoal = z.infer<typeof ZGoalSchema>;

export const ZMeetingInputSchema = z.strictObject({
  kind: z.enum(TUTORING_MEETING_KINDS),
  heldOn: isoDate(),
  minutes: z.number().int().min(1).max(L.minutes),
  note: note().nullable().default(null),
  /** A review meeting sets the plan's next review date. */
  nextReviewOn: isoDate().nullable().default(null),
});
export type TMeetingInput = z.input<typeof ZMeetingInputSchema>;
export const ZMeetingSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(TUTORING_MEETING_KINDS),
  heldOn: z.string(),
  minutes: z.number().int(),
  author: z.object({ id: ZIdSchema, name: z.string() }),
  /** Written by a clinician: readable by the clinicians who follow the plan only. */
  sealed: z.boolean(),
  /** Null when there is none, or when it is sealed and the viewer may not read it (`noteHidden`). */
  note: z.string().nullable(),
  noteHidden: z.boolean(),
});

export const ZEnrolmentInputSchema = z.strictObject({ offerId: ZIdSchema });
export const ZEnrolmentUpdateSchema = z
  .strictObject({
    status: z.enum(ENROLMENT_STATUSES),
    certificate: z.boolean().default(false),
    outcomeOn: isoDate().nullable().default(null),
  })
  .refine((e) => e.status === 'enrolled' || e.outcomeOn !== null, {
    path: ['outcomeOn'],
    message: 'a completed or dropped enrolment needs its date',
  })
  .refine((e) => !e.certificate || e.status === 'completed', {
    path: ['certificate'],
    message: 'a certificate comes with a completed offer',
  });
export const ZEnrolmentSchema = z.object({
  id: ZIdSchema,
  offerId: ZIdSchema,
  offerTitle: z.string(),
  offerKind: z.enum(OFFER_KINDS),
  status: z.enum(ENROLMENT_STATUSES),
  certificate: z.boolean(),
  enrolledOn: z.string(),
  outcomeOn: z.string().nullable(),
});
export type TEnrolment = z.infer<typeof ZEnrolmentSchema>;

// ── Skills balance and job placements ───────────────────────────────────────────────────────────

export const ZSkillsInputSchema = z.strictObject({
  languages: z
    .array(z.strictObject({ language: ZLanguageCodeSchema, level: z.enum(CEFR_LEVELS) }))
    .max(12)
    .default([]),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable().default(null),
  /** Where the qualification was obtained (ISO 3166 alpha-2), when abroad. */
  educationCountry: ZCountryCodeSchema.nullable().default(null),
  educationRecognition: z.enum(EDUCATION_RECOGNITION).nullable().default(null),
  workHistory: note(L.description).nullable().default(null),
  drivingLicence: z.enum(DRIVING_LICENCES).nullable().default(null),
  notes: note(L.description).nullable().default(null),
});
export const ZSkillsSchema = ZSkillsInputSchema.extend({
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type TSkills = z.infer<typeof ZSkillsSchema>;

export const ZJobPlacementInputSchema = z
  .strictObject({
    /** The employer or social enterprise: an organisation of the community holders' registry. */
    employerHolderId: ZIdSchema,
    /** The project's social enterprise initiative it belongs to, if any. */
    initiativeId: ZIdSchema.nullable().default(null),
    kind: z.enum(JOB_PLACEMENT_KINDS),
    startsOn: isoDate(),
    endsOn: isoDate().nullable().default(null),
    hoursPerWeek: z.number().min(1).max(L.hoursPerWeek),
    wageBand: z.enum(WAGE_BANDS),
    employerTutorName: text({ max: L.shortText }).nullable().default(null),
  })
  .refine((p) => !p.endsOn || p.endsOn >= p.startsOn, {
    path: ['endsOn'],
    message: 'the end comes on or after the start',
  });

export const ZJobPlacementUpdateSchema = z.strictObject({
  status: z.enum(JOB_PLACEMENT_STATUSES),
  endsOn: isoDate().nullable().optional(),
  endNote: text({ max: L.description }).nullable().optional(),
});
export const ZFollowUpInputSchema = z.strictObject({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  recordedOn: isoDate(),
});
export const ZFollowUpParamsSchema = z.strictObject({
  id: ZIdSchema,
  months: z.enum(['6', '12']),
});

export const ZJobPlacementSchema = z.object({
  id: ZIdSchema,
  planId: ZIdSchema,
  employer: z.object({ id: ZIdSchema, name: z.string() }),
  initiative: z.object({ id: ZIdSchema, name: z.string() }).nullable(),
  kind: z.enum(JOB_PLACEMENT_KINDS),
  status: z.enum(JOB_PLACEMENT_STATUSES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  hoursPerWeek: z.number(),
  wageBand: z.enum(WAGE_BANDS),
  employerTutorName: z.string().nullable(),
  endNote: z.string().nullable(),
  followUps: z.array(
    z.object({
      months: z.number().int(),
      outcome: z.enum(FOLLOW_UP_OUTCOMES),
      recordedOn: z.string(),
    }),
  ),
  /** The follow-ups whose time has come and that are not recorded yet (6, 12). */
  followUpsDue: z.array(z.number().int()),
});
export type TJobPlacement = z.infer<typeof ZJobPlacementSchema>;

// ── The plan as its readers see it ──────────────────────────────────────────────────────────────

export const ZPlanSchema = z.object({
  id: ZIdSchema,
  /** The plan's pseudonymous code (AP-…): what indicators and the dashboard name. */
  code: z.string(),
  person: z.object({ id: ZIdSchema, name: z.string() }),
  household: z.object({ id: ZIdSchema, code: z.string() }),
  service: z.object({ id: ZIdSchema, name: z.string() }),
  tutor: z.object({ id: ZIdSchema, name: z.string() }),
  status: z.enum(AUTONOMY_PLAN_STATUSES),
  origin: z.enum(PLAN_ORIGINS),
  originCase: z.object({ id: ZIdSchema, code: z.string() }).nullable(),
  originReferralId: ZIdSchema.nullable(),
  startedOn: z.string(),
  nextReviewOn: z.string().nullable(),
  exit: z
    .object({ reason: z.enum(PLAN_EXIT_REASONS), exitOn: z.string(), note: z.string().nullable() })
    .nullable(),
  goals: z.array(ZGoalSchema),
  enrolments: z.array(ZEnrolmentSchema),
  meetings: z.array(ZMeetingSchema),
  skills: ZSkillsSchema.nullable(),
  placements: z.array(ZJobPlacementSchema),
  /** The household's stays in protected apartments: district and dates, never the address. */
  housing: z.array(
    z.object({
      unitId: ZIdSchema,
      unitLabel: z.string(),
      district: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  /** Whether the viewer may change it (the tutor, the household's own team). */
  canWrite: z.boolean(),
});
export type TPlan = z.infer<typeof ZPlanSchema>;

/** The plans list is ordered by next review (soonest first, none last), then start. */
export const PLAN_LIST_CURSOR_VALUES = [
  { type: 'date', nullable: true },
  { type: 'date' },
] as const satisfies readonly KeysetValue[];

export const ZPlanListQuerySchema = z.strictObject({
  status: z.enum(AUTONOMY_PLAN_STATUSES).optional(),
  /** Only the plans the viewer tutors. */
  mine: z.enum(['true', 'false']).optional(),
  reviewDue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(L.pageSize),
  cursor: keysetCursorSchema(PLAN_LIST_CURSOR_VALUES).optional(),
});
export type TPlanListQuery = z.infer<typeof ZPlanListQuerySchema>;

export const ZPlanListItemSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  personName: z.string(),
  householdCode: z.string(),
  tutorName: z.string(),
  status: z.enum(AUTONOMY_PLAN_STATUSES),
  startedOn: z.string(),
  nextReviewOn: z.string().nullable(),
  reviewDue: z.boolean(),
  goalsOpen: z.number().int(),
  goalsMet: z.number().int(),
  exitReason: z.enum(PLAN_EXIT_REASONS).nullable(),
});
export type TPlanListItem = z.infer<typeof ZPlanListItemSchema>;
export const ZPlanPageSchema = keysetPageOf(ZPlanListItemSchema);
export type TPlanPage = z.infer<typeof ZPlanPageSchema>;

/** The people a plan may be opened for: adults of the households the viewer's team works. */
export const ZPlanCandidatesQuerySchema = z.strictObject({
  q: text({ min: 2, max: 60 }),
});
export const ZPlanCandidatesSchema = z.object({
  items: z.array(
    z.object({
      personId: ZIdSchema,
      name: z.string(),
      householdCode: z.string(),
      hasActivePlan: z.boolean(),
      cases: z.array(z.object({ id: ZIdSchema, code: z.string() })),
      /** The referrals that concern the person (a plan may come from one): when, and from which service. */
      referrals: z.array(z.object({ id: ZIdSchema, on: z.string(), fromService: z.string() })).optional(),
    }),
  ),
});
export type TPlanCandidates = z.infer<typeof ZPlanCandidatesSchema>;

/** Who may be named tutor: members with a tutoring role of the viewer's organisation or of an autonomy and housing service. */
export const ZTutorOptionsSchema = z.object({
  items: z.array(z.object({ id: ZIdSchema, name: z.string(), service: z.string() })),
});
export type TTutorOptions = z.infer<typeof ZTutorOptionsSchema>;

// ── Social enterprises and employers ────────────────────────────────────────────────────────────

export const ZInitiativeInputSchema = z.strictObject({
  name: text({ max: L.title }),
  /** The enterprise in the registry, once it exists as an organisation. */
  holderId: ZIdSchema.nullable().default(null),
  partnerOrganisationId: ZIdSchema,
  stage: z.enum(INITIATIVE_STAGES),
  jobsCreated: z.number().int().min(0).max(L.jobsCreated).default(0),
  description: note(L.description).nullable().default(null),
});
export const ZInitiativeUpdateSchema = z.strictObject({
  stage: z.enum(INITIATIVE_STAGES).optional(),
  jobsCreated: z.number().int().min(0).max(L.jobsCreated).optional(),
  holderId: ZIdSchema.nullable().optional(),
  description: note(L.description).nullable().optional(),
});
export const ZInitiativeSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  holder: z.object({ id: ZIdSchema, name: z.string() }).nullable(),
  partner: z.object({ id: ZIdSchema, name: z.string() }),
  stage: z.enum(INITIATIVE_STAGES),
  stages: z.array(z.object({ stage: z.enum(INITIATIVE_STAGES), changedOn: z.string() })),
  jobsCreated: z.number().int(),
  /** Placements of the project's adults in it, active or ended (never who). */
  jobsFilled: z.number().int(),
  description: z.string().nullable(),
  canEdit: z.boolean(),
});
export type TInitiative = z.infer<typeof ZInitiativeSchema>;
export const ZInitiativeListSchema = z.object({
  items: z.array(ZInitiativeSchema),
  canCreate: z.boolean().optional(),
});

/** An employer or social enterprise added to the registry from the autonomy service. */
export const ZEmployerInputSchema = z.strictObject({
  name: text({ max: L.title }),
  kind: z.enum(EMPLOYER_KINDS),
  municipality: ZIstatCodeSchema,
  phone: text({ max: 40 }).nullable().default(null),
  email: z.email().max(200).nullable().default(null),
});
export const ZEmployerSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  kind: z.enum(EMPLOYER_KINDS),
  municipalityName: z.string(),
});
export type TEmployer = z.infer<typeof ZEmployerSchema>;
export const ZEmployerListSchema = z.object({
  items: z.array(ZEmployerSchema),
  canCreate: z.boolean().optional(),
});
