import { z } from 'zod';
import {
  ADDRESS_REQUEST_STATUSES,
  AUTONOMY_LIMITS,
  FOLLOW_UP_OUTCOMES,
  JOB_PLACEMENT_KINDS,
  LEDGER_ENTRY_KINDS,
  OCCUPANCY_EXIT_REASONS,
  PAYEE_KINDS,
  RENT_REQUEST_STATUSES,
  UNIT_ACCESSIBILITY,
} from './autonomy-codes.js';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import { ZCountCellSchema, ZDashboardQuerySchema } from './community-events.js';
import { ZExportFormatSchema } from './exports.js';
import { type KeysetValue, keysetCursorSchema, ZCursorTextSchema } from './keyset.js';

/**
 * Protected apartments and rent support (WP5, issue 20). The address of a unit and a private
 * landlord's identity, IBAN and lease are safety fields: no answer here carries them except the
 * reveal answers, one record at a time after a step-up with a reason.
 */

const L = AUTONOMY_LIMITS;
const reason = text({ min: 5, max: L.shortText });
const amount = z.number().int().min(1).max(L.amountCents);
/** A household's code (N-…), as its case team gives it. */
const householdCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^N-[A-Z0-9]{4,12}$/, 'a household code, N- and letters or digits');

// ── Units and occupancy ─────────────────────────────────────────────────────────────────────────

export const ZUnitInputSchema = z.strictObject({
  label: text({ max: L.shortText }),
  managingOrganisationId: ZIdSchema,
  /** People it can host at once. */
  capacity: z.number().int().min(1).max(L.unitCapacity),
  accessibility: z.array(z.enum(UNIT_ACCESSIBILITY)).max(UNIT_ACCESSIBILITY.length).default([]),
  districtId: ZIdSchema,
  /** Written once here, encrypted; read back only through the reveal. */
  address: text({ min: 5, max: L.shortText }),
  notes: multilineText({ max: L.description }).nullable().default(null),
});
export const ZUnitUpdateSchema = z.strictObject({
  label: text({ max: L.shortText }).optional(),
  capacity: z.number().int().min(1).max(L.unitCapacity).optional(),
  accessibility: z.array(z.enum(UNIT_ACCESSIBILITY)).max(UNIT_ACCESSIBILITY.length).optional(),
  notes: multilineText({ max: L.description }).nullable().optional(),
  active: z.boolean().optional(),
});
export const ZAddressChangeSchema = z.strictObject({ address: text({ min: 5, max: L.shortText }), reason });
export const ZRevealSchema = z.strictObject({ reason });

export const ZOccupancySchema = z.object({
  id: ZIdSchema,
  unitId: ZIdSchema,
  householdCode: z.string(),
  people: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  exitReason: z.enum(OCCUPANCY_EXIT_REASONS).nullable(),
});
export type TOccupancy = z.infer<typeof ZOccupancySchema>;

export const ZUnitSchema = z.object({
  id: ZIdSchema,
  label: z.string(),
  managingOrganisation: z.object({ id: ZIdSchema, name: z.string() }),
  capacity: z.number().int(),
  accessibility: z.array(z.enum(UNIT_ACCESSIBILITY)),
  district: z.object({ id: ZIdSchema, name: z.string() }),
  notes: z.string().nullable(),
  active: z.boolean(),
  /** People hosted today. */
  occupiedToday: z.number().int(),
  occupancies: z.array(ZOccupancySchema),
  /** What the viewer may do: see the address after a step-up, or ask for it. */
  addressAccess: z.enum(['reveal', 'approved_request', 'request']),
  canManage: z.boolean(),
});
export type TUnit = z.infer<typeof ZUnitSchema>;
export const ZUnitListSchema = z.object({ items: z.array(ZUnitSchema) });

export const ZOccupancyInputSchema = z
  .strictObject({
    householdCode,
    people: z.number().int().min(1).max(L.unitCapacity),
    startsOn: isoDate(),
    endsOn: isoDate().nullable().default(null),
  })
  .refine((o) => !o.endsOn || o.endsOn > o.startsOn, {
    path: ['endsOn'],
    message: 'the end comes after the start',
  });
export const ZOccupancyEndSchema = z.strictObject({
  endsOn: isoDate(),
  exitReason: z.enum(OCCUPANCY_EXIT_REASONS),
});

export const ZAddressSchema = z.object({ unitId: ZIdSchema, label: z.string(), address: z.string() });

/** Someone outside the housing team asks to see a unit's address; a housing coordinator decides. */
export const ZAddressRequestInputSchema = z.strictObject({ reason });
export const ZAddressDecisionSchema = z.strictObject({
  approve: z.boolean(),
  note: text({ max: L.shortText }).nullable().default(null),
});
export const ZAddressRequestSchema = z.object({
  id: ZIdSchema,
  unitId: ZIdSchema,
  unitLabel: z.string(),
  requestedBy: z.object({ id: ZIdSchema, name: z.string() }),
  reason: z.string(),
  status: z.enum(ADDRESS_REQUEST_STATUSES),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Until when the requester may see it once; null when used or not approved. */
  usableUntil: z.string().nullable(),
  used: z.boolean(),
  /** Whether the viewer may decide it (a housing coordinator who did not ask). */
  canDecide: z.boolean(),
});
export type TAddressRequest = z.infer<typeof ZAddressRequestSchema>;
export const ZAddressRequestListSchema = z.object({ items: z.array(ZAddressRequestSchema) });

// ── Budgets, rent support, payments, ledger ─────────────────────────────────────────────────────

export const ZBudgetInputSchema = z.strictObject({
  year: z.number().int().min(2020).max(2100),
  fundingLine: text({ max: L.shortText }),
  amountCents: amount,
});
export const ZBudgetSchema = z.object({
  id: ZIdSchema,
  year: z.number().int(),
  fundingLine: z.string(),
  amountCents: z.number().int(),
  /** Approved and not reversed (paid or to pay). */
  committedCents: z.number().int(),
  /** Paid, net of reversals (the ledger's sum). */
  paidCents: z.number().int(),
  remainingCents: z.number().int(),
});
export type TBudget = z.infer<typeof ZBudgetSchema>;
export const ZBudgetListSchema = z.object({ items: z.array(ZBudgetSchema) });

export const ZLandlordSchema = z.strictObject({
  name: text({ max: L.shortText }),
  taxCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{11,16}$/, 'a codice fiscale or VAT number')
    .nullable()
    .default(null),
  iban: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, 'an IBAN')),
  leaseNote: text({ max: L.description }).nullable().default(null),
});
export type TLandlord = z.infer<typeof ZLandlordSchema>;

export const ZRentRequestInputSchema = z
  .strictObject({
    budgetId: ZIdSchema,
    householdCode,
    unitId: ZIdSchema.nullable().default(null),
    amountCents: amount,
    periodFrom: isoDate(),
    periodTo: isoDate(),
    payeeKind: z.enum(PAYEE_KINDS),
    payeeOrganisationId: ZIdSchema.nullable().default(null),
    landlord: ZLandlordSchema.nullable().default(null),
    note: text({ max: L.description }).nullable().default(null),
  })
  .refine((r) => r.periodTo >= r.periodFrom, {
    path: ['periodTo'],
    message: 'the end of the period comes on or after its start',
  })
  .refine((r) => r.payeeKind !== 'partner' || r.payeeOrganisationId !== null, {
    path: ['payeeOrganisationId'],
    message: 'name the partner to pay',
  })
  .refine((r) => r.payeeKind !== 'landlord' || r.landlord !== null, {
    path: ['landlord'],
    message: 'give the landlord’s details',
  });

export const ZRentRefusalSchema = z.strictObject({ reason });
export const ZRentPaymentSchema = z.strictObject({
  paidOn: isoDate(),
  reference: text({ max: 80 }),
});
export const ZRentReversalSchema = z.strictObject({ reversedOn: isoDate(), reason });

export const ZRentRequestSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  budget: z.object({ id: ZIdSchema, year: z.number().int(), fundingLine: z.string() }),
  householdCode: z.string(),
  unitLabel: z.string().nullable(),
  amountCents: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  payeeKind: z.enum(PAYEE_KINDS),
  /** The partner's name; for a private landlord only "landlord" (the details are revealed one at a time). */
  payeeName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(RENT_REQUEST_STATUSES),
  requestedBy: z.object({ id: ZIdSchema, name: z.string() }),
  requestedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentReference: z.string().nullable(),
  reversed: z.boolean(),
  /**
   * Supporting documents: stored as `safety` files (a lease names the apartment and the landlord),
   * so their names are withheld (null) and a download asks for a step-up and a reason.
   */
  documents: z.array(
    z.object({
      id: ZIdSchema,
      name: z.string().nullable(),
      contentType: z.string().optional(),
      sizeBytes: z.number().int().optional(),
      addedAt: z.string(),
    }),
  ),
  /** What the viewer may do now (the requester never approves their own). */
  can: z.object({
    approve: z.boolean(),
    pay: z.boolean(),
    reverse: z.boolean(),
    cancel: z.boolean(),
    revealLandlord: z.boolean(),
  }),
});
export type TRentRequest = z.infer<typeof ZRentRequestSchema>;

/** The requests' one order, newest first (then id): the sort values a cursor carries. */
export const RENT_REQUEST_CURSOR_VALUES = [{ type: 'timestamptz' }] as const satisfies readonly KeysetValue[];
export const ZRentRequestListQuerySchema = z.strictObject({
  status: z.enum(RENT_REQUEST_STATUSES).optional(),
  budgetId: ZIdSchema.optional(),
  /** The next page starts after this position (keyset); absent for the first page. */
  cursor: keysetCursorSchema(RENT_REQUEST_CURSOR_VALUES).optional(),
});
export const ZRentRequestListSchema = z.object({
  items: z.array(ZRentRequestSchema),
  nextCursor: ZCursorTextSchema.nullable().optional(),
});

export const ZLedgerQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  budgetId: ZIdSchema.optional(),
  householdCode: householdCode.optional(),
});
export const ZLedgerExportQuerySchema = ZLedgerQuerySchema.extend({ format: ZExportFormatSchema });

export const ZLedgerEntrySchema = z.object({
  id: ZIdSchema,
  kind: z.enum(LEDGER_ENTRY_KINDS),
  entryOn: z.string(),
  requestCode: z.string(),
  householdCode: z.string(),
  fundingLine: z.string(),
  year: z.number().int(),
  payeeName: z.string().nullable(),
  /** Signed: a reversal is negative. */
  amountCents: z.number().int(),
  reference: z.string().nullable(),
});
export const ZLedgerSchema = z.object({
  entries: z.array(ZLedgerEntrySchema),
  /** Per funding line: budget = paid + approved not yet paid + remaining. */
  lines: z.array(ZBudgetSchema.extend({ approvedUnpaidCents: z.number().int() })),
  totalPaidCents: z.number().int(),
});
export type TLedger = z.infer<typeof ZLedgerSchema>;

// ── WP5 dashboard ───────────────────────────────────────────────────────────────────────────────

/** A period of dates in Italian time, both ends included; by default from the project's start to today. */
export const ZAutonomyDashboardQuerySchema = ZDashboardQuerySchema;
export type TAutonomyDashboardQuery = z.infer<typeof ZAutonomyDashboardQuerySchema>;

/** A target's progress, shown as it is (the steering committee follows it), never suppressed. */
const ZTargetSchema = z.object({ value: z.number().int(), target: z.number().int() });
/** Where a placement stands at 6 or 12 months: a recorded outcome, or none recorded (yet). */
export const DASHBOARD_OUTCOME_KEYS = [...FOLLOW_UP_OUTCOMES, 'not_recorded'] as const;

export const ZAutonomyDashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  jobOrientation: ZTargetSchema,
  placedInSocialEnterprises: ZTargetSchema,
  familiesHosted: ZTargetSchema,
  enterprisesSupported: z.number().int(),
  jobsCreated: z.number().int(),
  /** null when 1 to k−1 plans closed with autonomy reached: a handful of exits names the families. */
  exitsToAutonomy: z.number().int().nullable(),
  placementsByKind: z.array(ZCountCellSchema.extend({ key: z.enum(JOB_PLACEMENT_KINDS) })),
  placementsByOutcome: z.array(
    ZCountCellSchema.extend({
      months: z.union([z.literal(6), z.literal(12)]),
      key: z.enum(DASHBOARD_OUTCOME_KEYS),
    }),
  ),
  rentSpentCents: z.number().int(),
  rentBudgetCents: z.number().int(),
});
export type TAutonomyDashboard = z.infer<typeof ZAutonomyDashboardSchema>;
