import { z } from 'zod';
import { ZAddressFormSchema } from './auth.js';
import { SESSION_STATUSES } from './case-services.js';
import { multilineText, text, ZIdSchema } from './common.js';
import { DATA_SECTIONS, ZLanguageCodeSchema, ZPersonSchema } from './households.js';
import { type KeysetValue, keysetCursorSchema } from './keyset.js';
import { ZReferralPurposeSchema, ZReferralStatusSchema } from './referrals.js';
import { CASE_ORIGINS, STATUS_CHANGE_KINDS, ZReporterKindSchema, ZTransferSchema } from './tutela.js';

/**
 * The case (presa in carico): opened when a referral is accepted; intake, a structured
 * assessment, a care plan approved by a supervisor, sessions, closure approved by a supervisor.
 */
export const CASE_STATUSES = ['open', 'closing', 'closed'] as const;
export const ZCaseStatusSchema = z.enum(CASE_STATUSES);
export const PLAN_STATUSES = ['none', 'draft', 'submitted', 'approved'] as const;
/**
 * Why a case closes, as the practice names it (issue 15): the first four are the original codes
 * (demo data and older cases use them); `transferred` says where in `transferredTo`.
 */
export const CLOSURE_OUTCOMES = [
  'autonomy_reached',
  'transferred',
  'dropped_out',
  'moved_away',
  'court_closure',
  'came_of_age',
  'goals_reached',
  'family_withdrew',
] as const;
export const ZClosureOutcomeSchema = z.enum(CLOSURE_OUTCOMES);
/** A plan not reviewed (approved again) in this many days shows as overdue. */
export const PLAN_REVIEW_DAYS = 90;

/** lead and member are the clinical team; mediator sees the sessions they attend; referrer the status. */
export const TEAM_ROLES = ['lead', 'member', 'mediator', 'referrer'] as const;
export const ZTeamRoleSchema = z.enum(TEAM_ROLES);
export type TTeamRole = z.infer<typeof ZTeamRoleSchema>;

/** What the viewer may see of a case; computed by the policy, never sent by the client. */
export const CASE_ACCESS = ['clinical', 'supervisor', 'break_glass', 'referrer'] as const;
export type TCaseAccess = (typeof CASE_ACCESS)[number];

/** The work list's one order, newest opening first (then id): the sort values its cursor carries. */
export const CASE_LIST_CURSOR_VALUES = [{ type: 'timestamptz' }] as const satisfies readonly KeysetValue[];

export const ZCaseListQuerySchema = z.strictObject({
  status: ZCaseStatusSchema.optional(),
  serviceId: ZIdSchema.optional(),
  districtId: ZIdSchema.optional(),
  workerId: ZIdSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9-]*$/, 'upper-case letters, digits and dashes')
    .optional(),
  /** With a cursor, `page` is only the number the client shows: the rows start after the cursor. */
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  /** The page after a row of this list (its `nextCursor`): deep pages without an OFFSET scan. */
  cursor: keysetCursorSchema(CASE_LIST_CURSOR_VALUES).optional(),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuerySchema>;

export const ZCaseListItemSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  status: ZCaseStatusSchema,
  planStatus: z.enum(PLAN_STATUSES),
  serviceName: z.string(),
  districtName: z.string().nullable(),
  leadName: z.string().nullable(),
  openedAt: z.iso.datetime(),
  planReviewDue: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});
export type TCaseListItem = z.infer<typeof ZCaseListItemSchema>;

export const ZIntakeSchema = z.strictObject({
  receivedOn: z.iso.date(),
  presentingProblem: multilineText({ max: 4000 }),
  immediateRisks: multilineText({ max: 2000 }).nullable().optional(),
});
/**
 * The retired free-text assessment and plan of case_files (columns kept, no longer read or written:
 * dated assessments and the versioned plan are in care-plan.ts). Kept only as the shape of old rows.
 */
export const ZAssessmentSchema = z.strictObject(
  Object.fromEntries(
    DATA_SECTIONS.map((s) => [s, multilineText({ max: 8000 }).nullable().optional()]),
  ) as Record<(typeof DATA_SECTIONS)[number], z.ZodOptional<z.ZodNullable<ReturnType<typeof multilineText>>>>,
);
export const ZPlanSchema = z.strictObject({
  goals: z
    .array(
      z.strictObject({
        title: text({ max: 200 }),
        targetDate: z.iso.date().nullable().optional(),
        status: z.enum(['open', 'met', 'dropped']).default('open'),
      }),
    )
    .min(1)
    .max(20),
  interventions: z
    .array(
      z.strictObject({
        description: text({ max: 500 }),
        responsible: text({ max: 100 }).nullable().optional(),
        frequency: text({ max: 100 }).nullable().optional(),
      }),
    )
    .max(30)
    .default([]),
});
export type TPlan = z.infer<typeof ZPlanSchema>;

export const ZTeamMemberSchema = z.object({
  userId: ZIdSchema,
  displayName: z.string(),
  teamRole: ZTeamRoleSchema,
  role: z.string().nullable(),
  /** How the member is addressed in Italian: their role is named in that form. */
  addressForm: ZAddressFormSchema,
});
export const ZTeamUpdateSchema = z.strictObject({
  members: z
    .array(z.strictObject({ userId: ZIdSchema, teamRole: ZTeamRoleSchema }))
    .min(1)
    .max(20),
});
export const ZClosureRequestSchema = z
  .strictObject({
    outcome: ZClosureOutcomeSchema,
    reason: text({ min: 10, max: 2000 }),
    /** Where the case went, in words (another Ambito, a service elsewhere): only for `transferred`. */
    transferredTo: text({ min: 2, max: 200 }).nullable().optional(),
    /** When the team looks at the family again after closing; not in the past (checked by the server). */
    afterCareOn: z.iso.date().nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'transferred' && !v.transferredTo)
      ctx.addIssue({ code: 'custom', path: ['transferredTo'], message: 'where the case was transferred' });
    if (v.outcome !== 'transferred' && v.transferredTo)
      ctx.addIssue({ code: 'custom', path: ['transferredTo'], message: 'only for a transfer' });
  });

export const ZCaseSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  status: ZCaseStatusSchema,
  access: z.enum(CASE_ACCESS),
  serviceName: z.string(),
  districtName: z.string().nullable(),
  openedAt: z.iso.datetime(),
  referral: z.object({
    id: ZIdSchema,
    purpose: ZReferralPurposeSchema,
    fromServiceName: z.string(),
    sentAt: z.iso.datetime().nullable(),
    /** `service`: opened by accepting a referral; otherwise opened by the mandated service itself. */
    origin: z.enum(CASE_ORIGINS),
    reporterKind: ZReporterKindSchema.nullable(),
  }),
  indicators: z.object({
    daysToAcceptance: z.number().nullable(),
    daysToFirstSession: z.number().nullable(),
  }),
  planStatus: z.enum(PLAN_STATUSES),
  planApprovedAt: z.iso.datetime().nullable(),
  planReviewDue: z.iso.datetime().nullable(),
  closure: z.object({
    outcome: ZClosureOutcomeSchema.nullable(),
    requestedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    /** Absent for the referrer: where the case was transferred, and the after-care date. */
    transferredTo: z.string().nullable().optional(),
    afterCareOn: z.iso.date().nullable().optional(),
  }),
  /** The open transfer request (or null); absent for the referrer. */
  transfer: ZTransferSchema.nullable().optional(),
  /** Closure requests, refusals, returns, closings, reopenings, transfers, with their reasons; absent for the referrer. */
  statusHistory: z
    .array(
      z.object({
        kind: z.enum(STATUS_CHANGE_KINDS),
        reason: z.string().nullable(),
        at: z.iso.datetime(),
        by: z.string(),
      }),
    )
    .optional(),
  /** Referrals sent from this case (to the ethnoclinical team, a consultation), as the viewer's service sees them. */
  sentReferrals: z
    .array(
      z.object({
        id: ZIdSchema,
        toServiceName: z.string(),
        purpose: ZReferralPurposeSchema,
        status: ZReferralStatusSchema,
        sentAt: z.iso.datetime().nullable(),
      }),
    )
    .optional(),
  /** Absent for the referrer, who sees status and outcome only. */
  team: z.array(ZTeamMemberSchema).optional(),
  members: z.array(ZPersonSchema).optional(),
  file: z
    .object({
      intake: ZIntakeSchema.nullable(),
      closureReason: z.string().nullable(),
    })
    .optional(),
  can: z.object({
    edit: z.boolean(),
    lead: z.boolean(),
    supervise: z.boolean(),
    /** A closed case: its lead, or a coordinator supervising the service, may reopen it. */
    reopen: z.boolean(),
  }),
});
export type TCase = z.infer<typeof ZCaseSchema>;

export const SESSION_KINDS = [
  'consultation',
  'psychological',
  'ethnoclinical_group',
  'home_visit',
  'team_meeting',
] as const;
export const PLACES = ['service', 'home', 'school', 'online', 'other'] as const;
/** Sealed note sections: psychological is for the case's clinicians only; mediation adds the mediator. */
export const NOTE_SECTIONS = ['psychological', 'social', 'mediation'] as const;
export const ZNoteSectionSchema = z.enum(NOTE_SECTIONS);
export const NOTE_MAX_LENGTH = 20_000;

export const ZSessionCreateSchema = z.strictObject({
  kind: z.enum(SESSION_KINDS),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(5).max(480),
  place: z.enum(PLACES),
  language: ZLanguageCodeSchema.nullable().optional(),
  staffIds: z.array(ZIdSchema).max(20).default([]),
  personIds: z.array(ZIdSchema).max(20).default([]),
  mediatorId: ZIdSchema.nullable().optional(),
  notes: z
    .strictObject({
      psychological: multilineText({ max: NOTE_MAX_LENGTH }).optional(),
      social: multilineText({ max: NOTE_MAX_LENGTH }).optional(),
      mediation: multilineText({ max: NOTE_MAX_LENGTH }).optional(),
    })
    .default({}),
  /** Send the person a reminder through a channel their safe-contact rules allow. */
  remindPerson: z.boolean().default(false),
  /** Recorded ahead (scheduled) or after it took place (held); by default held once its time has passed. */
  status: z.enum(['scheduled', 'held']).optional(),
});

export const ZSessionSchema = z.object({
  id: ZIdSchema,
  caseId: ZIdSchema,
  kind: z.enum(SESSION_KINDS),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  place: z.enum(PLACES),
  language: z.string().nullable(),
  mediator: z.object({ id: ZIdSchema, displayName: z.string() }).nullable(),
  staff: z.array(z.object({ id: ZIdSchema, displayName: z.string() })),
  /** As it happened (issue 22): scheduled, held, cancelled or missed, with the reason for the last two. */
  status: z.enum(SESSION_STATUSES),
  statusReason: z.string().nullable(),
  people: z.array(z.object({ id: ZIdSchema, givenName: z.string() })),
  notes: z.array(
    z.object({ section: ZNoteSectionSchema, body: z.string(), author: z.string(), createdAt: z.string() }),
  ),
  /** Sections written but sealed from this viewer. */
  sealedSections: z.array(ZNoteSectionSchema),
  /** Sections not written yet that this viewer may write (the session's mediator: the mediation note). */
  writableSections: z.array(ZNoteSectionSchema),
});
export type TSession = z.infer<typeof ZSessionSchema>;
export const ZSessionListItemSchema = ZSessionSchema.omit({
  notes: true,
  sealedSections: true,
  writableSections: true,
  people: true,
});
/** A note section written after the session, once: sealed like those written with it. */
export const ZSessionNoteCreateSchema = z.strictObject({
  section: ZNoteSectionSchema,
  body: multilineText({ max: NOTE_MAX_LENGTH }),
});

/** The mediator's view: the minimum needed to attend. */
export const ZMediatorSessionSchema = z.object({
  id: ZIdSchema,
  caseCode: z.string(),
  kind: z.enum(SESSION_KINDS),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  place: z.enum(PLACES),
  language: z.string().nullable(),
  serviceName: z.string(),
});

export const TIMELINE_KINDS = [
  'referral_sent',
  'accepted',
  'plan_approved',
  'session',
  'closure_requested',
  'closed',
  'closure_refused',
  'closure_returned',
  'reopened',
  'transferred',
] as const;
export const ZTimelineSchema = z.array(
  z.object({ at: z.iso.datetime(), kind: z.enum(TIMELINE_KINDS), detail: z.string().nullable() }),
);
export const ZCaseParamsSchema = z.strictObject({ id: ZIdSchema });
