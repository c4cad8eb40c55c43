import { z } from 'zod';
import { isoDate, multilineText, nonEmpty, text, ZIdSchema } from './common.js';
import { ZUrgencySchema } from './referrals.js';

/**
 * Tutela Minori's own cases and the court (issue 15, ADR 0017): cases opened by the service with the
 * mandate, court orders and the deadlines derived from them, reports to the court, legal roles and the
 * family network, placements, transfers between Ambiti, closing and reopening, residence status.
 */

/** Services whose own mandate lets them open a case without a referral (art. 9 law 184/1983). */
export const MANDATED_SERVICE_KINDS = ['child_protection'] as const;

/** How a case opened by the mandated service came to it. `service` is a referral between services. */
export const CASE_ORIGINS = ['service', 'court_decree', 'report', 'family_request'] as const;
export const OWN_CASE_ORIGINS = ['court_decree', 'report', 'family_request'] as const;
export const ZOwnCaseOriginSchema = z.enum(OWN_CASE_ORIGINS);
export const REPORTER_KINDS = ['school', 'health_service', 'police', 'family', 'other'] as const;
export const ZReporterKindSchema = z.enum(REPORTER_KINDS);

export const ZOwnCaseCreateSchema = z
  .strictObject({
    householdId: ZIdSchema,
    /** Per child or per household: the people the case concerns. */
    personIds: z
      .array(ZIdSchema)
      .min(1)
      .max(20)
      .refine((l) => new Set(l).size === l.length, 'each value once'),
    origin: ZOwnCaseOriginSchema,
    /** Who reported (for a report only). */
    reporterKind: ZReporterKindSchema.nullable().optional(),
    receivedOn: isoDate(),
    urgency: ZUrgencySchema,
    summary: multilineText({ min: 10, max: 4000 }),
  })
  .superRefine((v, ctx) => {
    if (v.origin === 'report' && !v.reporterKind)
      ctx.addIssue({ code: 'custom', path: ['reporterKind'], message: 'required for a report' });
    if (v.origin !== 'report' && v.reporterKind)
      ctx.addIssue({ code: 'custom', path: ['reporterKind'], message: 'only for a report' });
  });
export type TOwnCaseCreate = z.infer<typeof ZOwnCaseCreateSchema>;

// ---------------------------------------------------------------- court orders
export const COURT_ORDER_KINDS = [
  'placement_5bis',
  'removal_403',
  'parental_limitation',
  'prescriptions',
  'urgent_measures',
] as const;
export const ZCourtOrderKindSchema = z.enum(COURT_ORDER_KINDS);
export const LIVING_ARRANGEMENTS = [
  'with_parents',
  'with_one_parent',
  'relatives',
  'foster_family',
  'residential_community',
  'mother_child_community',
  'other',
] as const;
export const ZLivingArrangementSchema = z.enum(LIVING_ARRANGEMENTS);
/** Art. 5-bis law 184/1983: at most 24 months, a report at least every six months, a worker within 15 days. */
export const PLACEMENT_5BIS_MAX_MONTHS = 24;
export const MAX_REPORT_INTERVAL_MONTHS = 6;
export const RESPONSIBLE_WORKER_DAYS = 15;
/** Art. 403 c.c.: the measure to the public prosecutor within 24 h, his request within 72 h, the court within 48 h. */
export const REMOVAL_403_STEPS_HOURS = {
  pm_notice: 24,
  validation_request: 72,
  validation_decision: 48,
} as const;

export const DEADLINE_KINDS = [
  'responsible_worker',
  'report',
  'expiry',
  'pm_notice',
  'validation_request',
  'validation_decision',
] as const;
export const ZDeadlineKindSchema = z.enum(DEADLINE_KINDS);
/** A deadline this close shows on the team's work list and Home as due soon. */
export const DEADLINE_DUE_SOON_DAYS = 14;

const ZCourtOrderFieldsSchema = z.strictObject({
  court: text({ min: 3, max: 200 }),
  docketNumber: text({ min: 1, max: 60 }),
  kind: ZCourtOrderKindSchema,
  decidedOn: isoDate(),
  /** Art. 403: when the child was placed in safety (the 24-hour step runs from it). */
  removalAt: z.iso.datetime({ offset: true }).nullable().optional(),
  livingArrangement: ZLivingArrangementSchema.nullable().optional(),
  /** Who may do what: visits, contacts, decisions entrusted to the service. */
  provisions: multilineText({ max: 4000 }).nullable().optional(),
  durationMonths: z.number().int().min(1).max(60).nullable().optional(),
  reportEveryMonths: z.number().int().min(1).max(MAX_REPORT_INTERVAL_MONTHS).nullable().optional(),
  curatoreSpeciale: text({ max: 200 }).nullable().optional(),
  tutore: text({ max: 200 }).nullable().optional(),
  /** The order protects the child's whereabouts: a placement's address becomes a safety field. */
  addressProtected: z.boolean().default(false),
});
export const ZCourtOrderCreateSchema = ZCourtOrderFieldsSchema.superRefine((v, ctx) => {
  if (v.kind === 'removal_403' && !v.removalAt)
    ctx.addIssue({ code: 'custom', path: ['removalAt'], message: 'required for an art. 403 removal' });
  if (v.kind === 'placement_5bis') {
    if (!v.durationMonths)
      ctx.addIssue({ code: 'custom', path: ['durationMonths'], message: 'required for a 5-bis placement' });
    else if (v.durationMonths > PLACEMENT_5BIS_MAX_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['durationMonths'], message: 'at most 24 months' });
  }
});
/** Changing an order says why: a deadline derived from it never moves silently. */
/** The kind is what the order is: another kind is another order, recorded as such. */
export const ZCourtOrderUpdateSchema = ZCourtOrderFieldsSchema.omit({ kind: true, addressProtected: true })
  .partial()
  .extend({
    // No default here: a field left out is a field not changed.
    addressProtected: z.boolean().optional(),
    reason: text({ min: 10, max: 1000 }),
  });
export type TCourtOrderCreate = z.infer<typeof ZCourtOrderCreateSchema>;

export const ZDeadlineSchema = z.object({
  id: ZIdSchema,
  orderId: ZIdSchema,
  caseId: ZIdSchema,
  caseCode: z.string(),
  kind: ZDeadlineKindSchema,
  dueAt: z.iso.datetime(),
  metAt: z.iso.datetime().nullable(),
  late: z.boolean(),
  dueSoon: z.boolean(),
});
export type TDeadline = z.infer<typeof ZDeadlineSchema>;
/** The deadlines work list: of one's own cases (`team`) or of the services one supervises. */
export const ZDeadlineListQuerySchema = z.strictObject({
  scope: z.enum(['team', 'supervised']).default('team'),
  withinDays: z.coerce.number().int().min(0).max(365).default(60),
});
export const ZDeadlineMetSchema = z.strictObject({ metAt: z.iso.datetime({ offset: true }) });

export const ZCourtOrderSchema = z.object({
  id: ZIdSchema,
  kind: ZCourtOrderKindSchema,
  decidedOn: z.iso.date(),
  removalAt: z.iso.datetime().nullable(),
  endsOn: z.iso.date().nullable(),
  /** Null on a perpetrator's case: there only the order's type and dates show. */
  details: z
    .object({
      court: z.string(),
      docketNumber: z.string(),
      livingArrangement: ZLivingArrangementSchema.nullable(),
      provisions: z.string().nullable(),
      durationMonths: z.number().int().nullable(),
      reportEveryMonths: z.number().int().nullable(),
      curatoreSpeciale: z.string().nullable(),
      tutore: z.string().nullable(),
      addressProtected: z.boolean(),
    })
    .nullable(),
  deadlines: z.array(ZDeadlineSchema),
  changes: z.array(
    z.object({ at: z.iso.datetime(), by: z.string(), reason: z.string(), fields: z.array(z.string()) }),
  ),
});
export type TCourtOrder = z.infer<typeof ZCourtOrderSchema>;

// ---------------------------------------------------------------- reports to the court
export const COURT_REPORT_STATUSES = ['draft', 'submitted', 'approved', 'sent'] as const;
export const ZCourtReportStatusSchema = z.enum(COURT_REPORT_STATUSES);
export const ZCourtReportDraftSchema = z.strictObject({
  orderId: ZIdSchema,
  periodFrom: isoDate(),
  periodTo: isoDate(),
  content: multilineText({ min: 20, max: 40_000 }),
});
/** Changes something: an empty PATCH is a field error, never an audited non-change. */
export const ZCourtReportUpdateSchema = nonEmpty(ZCourtReportDraftSchema.omit({ orderId: true }).partial());
export const ZCourtReportReturnSchema = z.strictObject({ reason: multilineText({ min: 10, max: 2000 }) });
export const ZCourtReportSentSchema = z.strictObject({
  sentOn: isoDate(),
  protocolNumber: text({ min: 1, max: 60 }),
});
export const ZCourtReportSchema = z.object({
  id: ZIdSchema,
  orderId: ZIdSchema,
  orderKind: ZCourtOrderKindSchema,
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  status: ZCourtReportStatusSchema,
  /** Absent for those who may not read the report's content (the referrer). */
  content: z.string().nullable(),
  draftedBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  returnReason: z.string().nullable(),
  sentOn: z.iso.date().nullable(),
  protocolNumber: z.string().nullable(),
  /** Documents attached to it (kept encrypted; downloaded through a single-use link). */
  attachments: z.array(
    z.object({
      id: ZIdSchema,
      fileName: z.string().nullable(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      createdAt: z.iso.datetime(),
    }),
  ),
  can: z.object({ edit: z.boolean(), approve: z.boolean(), markSent: z.boolean() }),
});
export type TCourtReport = z.infer<typeof ZCourtReportSchema>;
/** A report waiting for the coordinator, on the list of the services they supervise (no content). */
export const ZPendingCourtReportSchema = z.object({
  id: ZIdSchema,
  caseId: ZIdSchema,
  caseCode: z.string(),
  orderKind: ZCourtOrderKindSchema,
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  submittedAt: z.iso.datetime().nullable(),
});
export type TPendingCourtReport = z.infer<typeof ZPendingCourtReportSchema>;
export const ZCourtReportParamsSchema = z.strictObject({ id: ZIdSchema, reportId: ZIdSchema });
export const ZCourtOrderParamsSchema = z.strictObject({ id: ZIdSchema, orderId: ZIdSchema });
export const ZDeadlineParamsSchema = z.strictObject({ id: ZIdSchema, deadlineId: ZIdSchema });

// ---------------------------------------------------------------- legal roles and the family network
export const RELATION_KINDS = [
  'parent',
  'step_parent',
  'sibling',
  'half_sibling',
  'grandparent',
  'aunt_uncle',
  'cousin',
  'partner',
  'former_partner',
  'significant_adult',
  'other',
] as const;
export const ZRelationKindSchema = z.enum(RELATION_KINDS);
export const ZRelationCreateSchema = z
  .strictObject({
    /** `fromPersonId` is the `kind` of `toPersonId` (the mother is `parent` of the child). */
    fromPersonId: ZIdSchema,
    toPersonId: ZIdSchema,
    kind: ZRelationKindSchema,
  })
  .refine((v) => v.fromPersonId !== v.toPersonId, { path: ['toPersonId'], message: 'another person' });
export const LEGAL_ROLES = [
  'parental_responsibility',
  'tutore',
  'curatore_speciale',
  'guardian_ad_litem',
] as const;
export const ZLegalRoleSchema = z.enum(LEGAL_ROLES);
export const ZLegalRoleCreateSchema = z
  .strictObject({
    /** The child (or adult) the role is for. */
    personId: ZIdSchema,
    role: ZLegalRoleSchema,
    /** A member of the household or family network, or someone outside it by name. */
    holderPersonId: ZIdSchema.nullable().optional(),
    holderName: text({ max: 200 }).nullable().optional(),
    holderOrganisation: text({ max: 200 }).nullable().optional(),
    orderId: ZIdSchema.nullable().optional(),
    startsOn: isoDate(),
  })
  .refine((v) => Boolean(v.holderPersonId) !== Boolean(v.holderName), {
    path: ['holderName'],
    message: 'a person of the network or a name, one of the two',
  });
export const ZLegalRoleEndSchema = z.strictObject({ endsOn: isoDate() });
export const ZFamilyNetworkSchema = z.object({
  householdId: ZIdSchema,
  people: z.array(
    z.object({
      id: ZIdSchema,
      givenName: z.string(),
      familyName: z.string(),
      birthYear: z.number().int().nullable(),
      gender: z.string(),
      livesInHousehold: z.boolean(),
    }),
  ),
  relations: z.array(
    z.object({ id: ZIdSchema, fromPersonId: ZIdSchema, toPersonId: ZIdSchema, kind: ZRelationKindSchema }),
  ),
  legalRoles: z.array(
    z.object({
      id: ZIdSchema,
      personId: ZIdSchema,
      role: ZLegalRoleSchema,
      holderPersonId: ZIdSchema.nullable(),
      holderName: z.string().nullable(),
      holderOrganisation: z.string().nullable(),
      orderId: ZIdSchema.nullable(),
      startsOn: z.iso.date(),
      endsOn: z.iso.date().nullable(),
    }),
  ),
});
export type TFamilyNetwork = z.infer<typeof ZFamilyNetworkSchema>;
export const ZRelationParamsSchema = z.strictObject({ id: ZIdSchema, relationId: ZIdSchema });
export const ZLegalRoleParamsSchema = z.strictObject({ id: ZIdSchema, roleId: ZIdSchema });

// ---------------------------------------------------------------- placements (alternative care)
export const PLACEMENT_KINDS = [
  'residential_community',
  'foster_family',
  'kinship_care',
  'mother_child_community',
] as const;
export const ZPlacementKindSchema = z.enum(PLACEMENT_KINDS);
export const ZPlacementCreateSchema = z.strictObject({
  personId: ZIdSchema,
  kind: ZPlacementKindSchema,
  providerName: text({ min: 2, max: 200 }),
  startsOn: isoDate(),
  orderId: ZIdSchema.nullable().optional(),
  /** Encrypted; a safety field when the order protects the child's whereabouts. */
  address: text({ max: 500 }).nullable().optional(),
});
export const ZPlacementEndSchema = z.strictObject({ endsOn: isoDate() });
export const ZPlacementVisitSchema = z.strictObject({
  visitedOn: isoDate(),
  note: multilineText({ max: 4000 }).nullable().optional(),
});
export const ZPlacementSchema = z.object({
  id: ZIdSchema,
  personId: ZIdSchema,
  personName: z.string(),
  kind: ZPlacementKindSchema,
  providerName: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable(),
  orderId: ZIdSchema.nullable(),
  /** The address shows only when the order does not protect it; otherwise it is revealed after a step-up. */
  address: z.string().nullable(),
  addressProtected: z.boolean(),
  hasAddress: z.boolean(),
  visits: z.array(
    z.object({ id: ZIdSchema, visitedOn: z.iso.date(), note: z.string().nullable(), by: z.string() }),
  ),
});
export type TPlacement = z.infer<typeof ZPlacementSchema>;
export const ZPlacementParamsSchema = z.strictObject({ id: ZIdSchema, placementId: ZIdSchema });
export const ZRevealReasonSchema = z.strictObject({ reason: text({ min: 10, max: 500 }) });
/** A placement's address, revealed one at a time to the clinical team (after a step-up when protected). */
export const ZPlacementAddressSchema = z.object({ address: z.string().nullable() });

// ---------------------------------------------------------------- transfers between Ambiti
export const TRANSFER_BASES = ['consent', 'court_order'] as const;
export const TRANSFER_STATUSES = ['requested', 'accepted', 'refused', 'withdrawn'] as const;
export const ZTransferCreateSchema = z
  .strictObject({
    toServiceId: ZIdSchema,
    basis: z.enum(TRANSFER_BASES),
    /** The consent (to the receiving service) or the court order the transfer rests on. */
    consentId: ZIdSchema.nullable().optional(),
    orderId: ZIdSchema.nullable().optional(),
    reason: text({ min: 10, max: 2000 }),
  })
  .superRefine((v, ctx) => {
    if (v.basis === 'consent' && !v.consentId)
      ctx.addIssue({ code: 'custom', path: ['consentId'], message: 'the consent the transfer rests on' });
    if (v.basis === 'court_order' && !v.orderId)
      ctx.addIssue({ code: 'custom', path: ['orderId'], message: 'the order the transfer rests on' });
  });
export const ZTransferRefuseSchema = z.strictObject({ reason: text({ min: 10, max: 2000 }) });
export const ZTransferSchema = z.object({
  id: ZIdSchema,
  caseId: ZIdSchema,
  caseCode: z.string(),
  fromServiceName: z.string(),
  toServiceName: z.string(),
  basis: z.enum(TRANSFER_BASES),
  reason: z.string().nullable(),
  status: z.enum(TRANSFER_STATUSES),
  requestedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  refusalReason: z.string().nullable(),
  incoming: z.boolean(),
});
export type TTransfer = z.infer<typeof ZTransferSchema>;
export const ZTransferParamsSchema = z.strictObject({ transferId: ZIdSchema });
/** The transfers list: open requests first, then the latest answered, at most this many. */
export const TRANSFER_LIST_LIMIT = 100;

// ---------------------------------------------------------------- closing and reopening
export const CLOSURE_DECISIONS = ['refuse', 'return'] as const;
export const ZClosureDecisionSchema = z.strictObject({
  decision: z.enum(CLOSURE_DECISIONS),
  reason: text({ min: 10, max: 2000 }),
});
export const ZReopenSchema = z.strictObject({ reason: text({ min: 10, max: 2000 }) });
/** A closed case's after-care date this close (or past) shows on its lead's Home. */
export const AFTER_CARE_DUE_DAYS = 14;
export const STATUS_CHANGE_KINDS = [
  'closure_requested',
  'closure_refused',
  'closure_returned',
  'closed',
  'reopened',
  'transferred',
] as const;

// ---------------------------------------------------------------- residence status
export const RESIDENCE_STATUSES = [
  'italian_citizen',
  'eu_citizen',
  'permit_holder',
  'long_term_resident',
  'international_protection',
  'asylum_seeker',
  'permit_pending',
  'no_permit',
  'unknown',
] as const;
export const ZResidenceStatusSchema = z.enum(RESIDENCE_STATUSES);
export const PERMIT_TYPES = [
  'family',
  'work',
  'study',
  'minor_age',
  'special_protection',
  'victim_protection',
  'medical',
  'other',
] as const;
export const ZResidenceSchema = z.strictObject({
  status: ZResidenceStatusSchema,
  permitType: z.enum(PERMIT_TYPES).nullable().optional(),
  expiresOn: isoDate().nullable().optional(),
});
export type TResidence = z.infer<typeof ZResidenceSchema>;
/** The statuses that rest on a permit (or its request): only these carry a permit type and an expiry. */
export const PERMIT_STATUSES = [
  'permit_holder',
  'long_term_resident',
  'international_protection',
  'permit_pending',
] as const satisfies readonly (typeof RESIDENCE_STATUSES)[number][];
/** A person's residence status as recorded (status null: never recorded). Never in a list or an export. */
export const ZResidenceRecordSchema = z.object({
  personId: ZIdSchema,
  status: ZResidenceStatusSchema.nullable(),
  permitType: z.enum(PERMIT_TYPES).nullable(),
  expiresOn: z.iso.date().nullable(),
  expired: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type TResidenceRecord = z.infer<typeof ZResidenceRecordSchema>;
