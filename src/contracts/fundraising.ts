import { z } from 'zod';
import { isoDate, multilineText, pageOf, text, ZIdSchema } from './common.js';
import {
  emailText,
  HOLDER_KINDS,
  RESOURCE_KINDS,
  RESOURCE_SOURCE_KINDS,
  RESOURCE_UNITS,
  VALUATION_RULES,
} from './community-codes.js';
import { FUNDER_KINDS, GOVERNANCE_LIMITS as L, OPPORTUNITY_STAGES } from './governance-codes.js';

/**
 * The fundraising plan (issue 21, item 5): funders and donors (who never have an account),
 * opportunities through the pipeline, campaigns; and the complementary-resources ledger (item 6),
 * shared with the community module. Read and kept by the coordinators and the fundraisers.
 */

/** A money amount in euro cents that names itself when negative (the form shows it by the field). */
const cents = (negative: string) => z.number().int().min(0, negative).max(L.amountCents);
export const NEGATIVE_AMOUNT = {
  asked: 'the amount asked cannot be negative',
  pledged: 'the amount pledged cannot be negative',
  received: 'the amount received cannot be negative',
  goal: 'the goal cannot be negative',
  value: 'the value cannot be negative',
} as const;

// ---- funders ----

export const ZFunderInputSchema = z
  .strictObject({
    kind: z.enum(FUNDER_KINDS),
    /** Ignored for a community holder: its name is the registry's. */
    name: text({ max: L.name }).nullable().default(null),
    holderId: ZIdSchema.nullable().default(null),
    contactName: text({ max: L.name }).nullable().default(null),
    contactEmail: emailText.nullable().default(null),
    notes: multilineText({ max: L.text }).nullable().default(null),
    active: z.boolean().default(true),
  })
  .superRefine((v, issue) => {
    if (v.kind === 'community_holder' && !v.holderId)
      issue.addIssue({ code: 'custom', path: ['holderId'], message: 'required for this kind' });
    if (v.kind !== 'community_holder' && !v.name)
      issue.addIssue({ code: 'custom', path: ['name'], message: 'required for this kind' });
  });
export type TFunderInput = z.input<typeof ZFunderInputSchema>;

/** Editing: the kind and the registry's holder stay; a holder's name stays the registry's. */
export const ZFunderUpdateSchema = z.strictObject({
  name: text({ max: L.name }).nullable().default(null),
  contactName: text({ max: L.name }).nullable().default(null),
  contactEmail: emailText.nullable().default(null),
  notes: multilineText({ max: L.text }).nullable().default(null),
  active: z.boolean().default(true),
});
export type TFunderUpdate = z.input<typeof ZFunderUpdateSchema>;

export const ZFunderSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(FUNDER_KINDS),
  name: z.string(),
  holderId: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  opportunities: z.number().int(),
  receivedCents: z.number().int(),
});
export type TFunder = z.infer<typeof ZFunderSchema>;

export const ZFunderListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  kind: z.enum(FUNDER_KINDS).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const ZFunderPageSchema = pageOf(ZFunderSchema);

/** What the forms offer to pick: funders, campaigns, owners with fundraising rights, readable holders. */
export const ZFundraisingChoicesSchema = z.object({
  funders: z.array(z.object({ id: ZIdSchema, name: z.string(), active: z.boolean() })),
  campaigns: z.array(z.object({ id: ZIdSchema, title: z.string() })),
  owners: z.array(z.object({ id: ZIdSchema, name: z.string() })),
  /**
   * The community registry's active holders a resource or a funder may come from: name and kind
   * only (the registry's internal fields, nothing personal), whoever keeps fundraising.
   */
  holders: z.array(z.object({ id: ZIdSchema, name: z.string(), kind: z.enum(HOLDER_KINDS) })),
});
export type TFundraisingChoices = z.infer<typeof ZFundraisingChoicesSchema>;

// ---- opportunities ----

/** The stages an opportunity may be created in: money received always comes through a move. */
export const OPEN_CREATE_STAGES = ['identified', 'approached', 'applied', 'pledged'] as const;

const opportunityFields = {
  campaignId: ZIdSchema.nullable().default(null),
  title: text({ max: L.title }),
  askedCents: cents(NEGATIVE_AMOUNT.asked),
  pledgedCents: cents(NEGATIVE_AMOUNT.pledged).nullable().default(null),
  deadlineOn: isoDate().nullable().default(null),
  expectedOn: isoDate().nullable().default(null),
  paysFor: multilineText({ max: L.text }),
  ownerId: ZIdSchema,
};

export const ZOpportunityInputSchema = z
  .strictObject({
    funderId: ZIdSchema,
    stage: z.enum(OPEN_CREATE_STAGES).default('identified'),
    ...opportunityFields,
  })
  .superRefine((v, issue) => {
    if (v.stage === 'pledged' && v.pledgedCents === null)
      issue.addIssue({
        code: 'custom',
        path: ['pledgedCents'],
        message: 'required from the pledged stage on',
      });
  });
export type TOpportunityInput = z.input<typeof ZOpportunityInputSchema>;

/** Editing: the funder and the stage stay (a stage changes only by a move). */
export const ZOpportunityUpdateSchema = z.strictObject(opportunityFields);
export type TOpportunityUpdate = z.input<typeof ZOpportunityUpdateSchema>;

/** A move names the stage the form saw, so a concurrent move is a conflict, not a surprise. */
export const ZOpportunityMoveSchema = z
  .strictObject({
    from: z.enum(OPPORTUNITY_STAGES),
    to: z.enum(OPPORTUNITY_STAGES),
    pledgedCents: cents(NEGATIVE_AMOUNT.pledged).nullable().default(null),
    receivedCents: cents(NEGATIVE_AMOUNT.received).nullable().default(null),
    receivedOn: isoDate().nullable().default(null),
  })
  .superRefine((v, issue) => {
    if (v.to === 'received') {
      if (v.receivedCents === null)
        issue.addIssue({ code: 'custom', path: ['receivedCents'], message: 'required when received' });
      if (v.receivedOn === null)
        issue.addIssue({ code: 'custom', path: ['receivedOn'], message: 'required when received' });
    }
  });
export type TOpportunityMove = z.input<typeof ZOpportunityMoveSchema>;

export const ZFileInfoSchema = z.object({
  id: ZIdSchema,
  fileName: z.string().nullable(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});

export const ZOpportunitySummarySchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  stage: z.enum(OPPORTUNITY_STAGES),
  funder: z.object({ id: ZIdSchema, name: z.string() }),
  campaign: z.object({ id: ZIdSchema, title: z.string() }).nullable(),
  askedCents: z.number().int(),
  pledgedCents: z.number().int().nullable(),
  receivedCents: z.number().int().nullable(),
  deadlineOn: z.string().nullable(),
  expectedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  owner: z.object({ id: ZIdSchema, name: z.string() }),
});
export type TOpportunitySummary = z.infer<typeof ZOpportunitySummarySchema>;

export const ZOpportunitySchema = ZOpportunitySummarySchema.extend({
  paysFor: z.string(),
  resourceId: z.string().nullable(),
  /** Where it may move next (OPPORTUNITY_NEXT). */
  next: z.array(z.enum(OPPORTUNITY_STAGES)),
  moves: z.array(
    z.object({
      fromStage: z.enum(OPPORTUNITY_STAGES).nullable(),
      toStage: z.enum(OPPORTUNITY_STAGES),
      movedAt: z.string(),
      movedBy: z.string(),
    }),
  ),
  files: z.array(ZFileInfoSchema),
});
export type TOpportunity = z.infer<typeof ZOpportunitySchema>;

export const ZPipelineSchema = z.object({
  stages: z.array(
    z.object({
      stage: z.enum(OPPORTUNITY_STAGES),
      count: z.number().int(),
      askedCents: z.number().int(),
      pledgedCents: z.number().int(),
      receivedCents: z.number().int(),
      items: z.array(ZOpportunitySummarySchema),
    }),
  ),
  /** received / (received + lost), null before any is closed. */
  conversion: z.object({ received: z.number().int(), lost: z.number().int(), rate: z.number().nullable() }),
  deadlines: z.array(ZOpportunitySummarySchema),
});
export type TPipeline = z.infer<typeof ZPipelineSchema>;

// ---- campaigns ----

export const ZCampaignInputSchema = z
  .strictObject({
    title: text({ max: L.title }),
    goalCents: cents(NEGATIVE_AMOUNT.goal),
    startsOn: isoDate(),
    endsOn: isoDate(),
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'the end comes on or after the start',
  });
export type TCampaignInput = z.input<typeof ZCampaignInputSchema>;

/** Editing a campaign: the same fields and rule as creating it (its money comes from its opportunities). */
export const ZCampaignUpdateSchema = ZCampaignInputSchema;
export type TCampaignUpdate = z.input<typeof ZCampaignUpdateSchema>;

export const ZCampaignSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  goalCents: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  receivedCents: z.number().int(),
  /** Received over the goal, in whole percent (may pass 100). */
  percent: z.number().int(),
  opportunities: z.number().int(),
});
export type TCampaign = z.infer<typeof ZCampaignSchema>;
export const ZCampaignListSchema = z.object({ items: z.array(ZCampaignSchema) });

// ---- complementary resources ----

export const ZResourceLedgerQuerySchema = z.strictObject({
  from: isoDate().optional(),
  to: isoDate().optional(),
});

export const ZLedgerLineSchema = z.object({
  id: ZIdSchema,
  sourceKind: z.enum(RESOURCE_SOURCE_KINDS),
  sourceName: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  description: z.string(),
  quantity: z.number(),
  unit: z.enum(RESOURCE_UNITS),
  valueCents: z.number().int(),
  valuationRule: z.enum(VALUATION_RULES),
  offeredOn: z.string(),
});
export type TLedgerLine = z.infer<typeof ZLedgerLineSchema>;

export const ZResourceLedgerSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(ZLedgerLineSchema),
  totalValueCents: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(RESOURCE_KINDS), valueCents: z.number().int() })),
  bySourceKind: z.array(
    z.object({ sourceKind: z.enum(RESOURCE_SOURCE_KINDS), valueCents: z.number().int() }),
  ),
});
export type TResourceLedger = z.infer<typeof ZResourceLedgerSchema>;

/**
 * A resource the network gets beyond the project budget. Volunteer hours are valued by the server
 * at the partnership's hourly rate: their value and rule, if sent, are not used.
 */
export const ZResourceRecordSchema = z
  .strictObject({
    sourceKind: z.enum(RESOURCE_SOURCE_KINDS),
    funderId: ZIdSchema.nullable().default(null),
    holderId: ZIdSchema.nullable().default(null),
    sourceName: text({ max: L.name }).nullable().default(null),
    kind: z.enum(RESOURCE_KINDS),
    description: text({ max: L.text }),
    quantity: z.number().positive().max(1_000_000),
    unit: z.enum(RESOURCE_UNITS),
    valueCents: cents(NEGATIVE_AMOUNT.value).nullable().default(null),
    valuationRule: z.enum(VALUATION_RULES).nullable().default(null),
    offeredOn: isoDate(),
  })
  .superRefine((v, issue) => {
    const need = (path: string, present: unknown) => {
      if (present === null)
        issue.addIssue({ code: 'custom', path: [path], message: 'required for this kind' });
    };
    if (v.sourceKind === 'funder') need('funderId', v.funderId);
    if (v.sourceKind === 'community_holder') need('holderId', v.holderId);
    if (v.sourceKind === 'other') need('sourceName', v.sourceName);
    if (v.kind !== 'volunteer_hours') {
      need('valueCents', v.valueCents);
      need('valuationRule', v.valuationRule);
    }
  });
export type TResourceRecord = z.input<typeof ZResourceRecordSchema>;

export const ZVolunteerRateSchema = z.object({
  volunteerHourCents: z.number().int(),
  updatedAt: z.string().nullable(),
  /** Only the coordinators change it. */
  canEdit: z.boolean(),
});
export type TVolunteerRate = z.infer<typeof ZVolunteerRateSchema>;
export const ZVolunteerRateInputSchema = z.strictObject({
  volunteerHourCents: z.number().int().min(1).max(100_000),
  /** Why the value changes (a new regional rate, a decision): kept in the audit trail. */
  reason: text({ max: L.reason }),
});
