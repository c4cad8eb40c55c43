import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import {
  ACTIVITY_STATUSES,
  GOVERNANCE_LIMITS,
  LEGACY_KINDS,
  OBLIGATION_STATUSES,
  PARTNER_ROLES,
  RISK_KINDS,
  RISK_LEVELS,
  RISK_STATUSES,
  type TWorkPackage,
  WORK_PACKAGES,
} from './governance-codes.js';

/**
 * The project plan and its monitoring, what lasts after the project and the partner directory
 * (issue 21, items 3, 4 and 7). Read by everyone in governance, kept by the coordinators.
 */

/** Each work package's title in words (MISSION.md's table), shown as "WP1 — …". */
export const WORK_PACKAGE_TITLES: Record<TWorkPackage, { it: string; en: string }> = {
  wp1: { it: 'Rete antiviolenza «Non sei sola»', en: 'Anti-violence network "Non sei sola"' },
  wp2: { it: 'Tutela minori', en: 'Child protection' },
  wp3: { it: 'Comunità e cittadinanza attiva', en: 'Community and active citizenship' },
  wp4: { it: 'Équipe etnoclinica e ricerca', en: 'Ethnoclinical team and research' },
  wp5: { it: 'Autonomia, lavoro e abitare', en: 'Autonomy, work and housing' },
  wp6: { it: 'Governance e sostenibilità', en: 'Governance and sustainability' },
  wp7: { it: 'Comunicazione e diffusione', en: 'Communication and dissemination' },
};

const title = text({ max: GOVERNANCE_LIMITS.title });
const longText = multilineText({ max: GOVERNANCE_LIMITS.text });
const ZWorkPackage = z.enum(WORK_PACKAGES);
const ZNamed = z.object({ id: ZIdSchema, name: z.string() });

export const ZActivityUpdateSchema = z.object({
  status: z.enum(ACTIVITY_STATUSES),
  note: z.string(),
  updatedOn: z.string(),
  updatedBy: z.string(),
});

export const ZActivitySchema = z.object({
  id: ZIdSchema,
  workPackage: ZWorkPackage,
  title: z.string(),
  responsible: ZNamed.nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  latestUpdate: ZActivityUpdateSchema.nullable(),
});
export type TActivity = z.infer<typeof ZActivitySchema>;

export const ZMilestoneSchema = z.object({
  id: ZIdSchema,
  workPackage: ZWorkPackage,
  title: z.string(),
  responsible: ZNamed.nullable(),
  dueOn: z.string(),
  reachedOn: z.string().nullable(),
  /** Due before today and not reached. */
  late: z.boolean(),
});
export type TMilestone = z.infer<typeof ZMilestoneSchema>;

export const ZRiskSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(RISK_KINDS),
  workPackage: ZWorkPackage.nullable(),
  title: z.string(),
  likelihood: z.enum(RISK_LEVELS),
  impact: z.enum(RISK_LEVELS),
  mitigation: z.string(),
  owner: ZNamed.nullable(),
  status: z.enum(RISK_STATUSES),
});
export type TRisk = z.infer<typeof ZRiskSchema>;

export const ZWorkPackagePlanSchema = z.object({
  code: ZWorkPackage,
  activities: z.array(ZActivitySchema),
  milestones: z.array(ZMilestoneSchema),
  risks: z.array(ZRiskSchema),
});

export const ZPlanSchema = z.object({
  workPackages: z.array(ZWorkPackagePlanSchema),
  /** Risks and issues of the whole project (no work package). */
  projectRisks: z.array(ZRiskSchema),
  lateMilestones: z.number().int(),
  canEdit: z.boolean(),
  organisations: z.array(ZNamed),
  owners: z.array(ZNamed),
});
export type TPlan = z.infer<typeof ZPlanSchema>;

export const ZActivityInputSchema = z.strictObject({
  workPackage: ZWorkPackage,
  title,
  responsibleOrganisationId: ZIdSchema.nullable().default(null),
  startsOn: isoDate(),
  endsOn: isoDate(),
});
export const ZActivityEditSchema = z.strictObject({
  title: title.optional(),
  responsibleOrganisationId: ZIdSchema.nullable().optional(),
  startsOn: isoDate().optional(),
  endsOn: isoDate().optional(),
});

export const ZActivityStatusInputSchema = z.strictObject({
  status: z.enum(ACTIVITY_STATUSES),
  note: longText,
});

export const ZMilestoneInputSchema = z.strictObject({
  workPackage: ZWorkPackage,
  title,
  responsibleOrganisationId: ZIdSchema.nullable().default(null),
  dueOn: isoDate(),
});
export const ZMilestoneEditSchema = z.strictObject({
  title: title.optional(),
  responsibleOrganisationId: ZIdSchema.nullable().optional(),
  dueOn: isoDate().optional(),
});
export const ZMilestoneReachedSchema = z.strictObject({ reachedOn: isoDate() });

export const ZRiskInputSchema = z.strictObject({
  kind: z.enum(RISK_KINDS),
  workPackage: ZWorkPackage.nullable().default(null),
  title,
  likelihood: z.enum(RISK_LEVELS),
  impact: z.enum(RISK_LEVELS),
  mitigation: longText,
  ownerId: ZIdSchema.nullable().default(null),
  status: z.enum(RISK_STATUSES).default('open'),
});
export const ZRiskEditSchema = z.strictObject({
  title: title.optional(),
  likelihood: z.enum(RISK_LEVELS).optional(),
  impact: z.enum(RISK_LEVELS).optional(),
  mitigation: longText.optional(),
  ownerId: ZIdSchema.nullable().optional(),
  status: z.enum(RISK_STATUSES).optional(),
});

/** A month of the monthly progress report (YYYY-MM). */
export const ZProgressReportQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
});

// What lasts (item 4).

export const ZLegacyItemSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(LEGACY_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  owner: ZNamed.nullable(),
  funding: z.string().nullable(),
  district: ZNamed.nullable(),
  /** The adopting decision as "n/yyyy" with its committee, when the caller may read it. */
  decision: z.object({ id: ZIdSchema, number: z.string(), committee: z.string() }).nullable(),
  recordedOn: z.string(),
});
export type TLegacyItem = z.infer<typeof ZLegacyItemSchema>;

export const ZLegacySchema = z.object({
  groups: z.array(z.object({ kind: z.enum(LEGACY_KINDS), items: z.array(ZLegacyItemSchema) })),
  /** Counted from the platform's own tables since the project started. */
  counted: z.object({ since: z.string(), newServices: z.number().int(), newHolders: z.number().int() }),
  canEdit: z.boolean(),
  organisations: z.array(ZNamed),
  districts: z.array(ZNamed),
  decisions: z.array(
    z.object({ id: ZIdSchema, number: z.string(), committee: z.string(), text: z.string() }),
  ),
});
export type TLegacy = z.infer<typeof ZLegacySchema>;

export const ZLegacyInputSchema = z.strictObject({
  kind: z.enum(LEGACY_KINDS),
  title,
  description: longText.nullable().default(null),
  ownerOrganisationId: ZIdSchema.nullable().default(null),
  funding: text({ max: GOVERNANCE_LIMITS.title }).nullable().default(null),
  districtId: ZIdSchema.nullable().default(null),
  decisionId: ZIdSchema.nullable().default(null),
  recordedOn: isoDate(),
});

/** A correction of an item replaces it whole (PUT), judged like a new one. */
export const ZLegacyEditSchema = ZLegacyInputSchema;

// The partner directory (item 7).

export const ZPartnerRoleSchema = z.object({ workPackage: ZWorkPackage, role: z.enum(PARTNER_ROLES) });
export const ZPartnerSummarySchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  roles: z.array(ZPartnerRoleSchema),
  openObligations: z.number().int(),
});
export const ZPartnersSchema = z.object({ items: z.array(ZPartnerSummarySchema), canEdit: z.boolean() });

export const ZContactSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export const ZObligationSchema = z.object({
  id: ZIdSchema,
  text: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(OBLIGATION_STATUSES),
});
export const ZPartnerSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  roles: z.array(ZPartnerRoleSchema),
  contacts: z.array(ZContactSchema),
  obligations: z.array(ZObligationSchema),
  canEdit: z.boolean(),
});
export type TPartner = z.infer<typeof ZPartnerSchema>;

export const ZPartnerRolesInputSchema = z.strictObject({
  roles: z.array(z.strictObject({ workPackage: ZWorkPackage, role: z.enum(PARTNER_ROLES) })).max(7),
});
const optional = (max: number) => text({ max }).nullable().default(null);
export const ZContactInputSchema = z.strictObject({
  name: text({ max: GOVERNANCE_LIMITS.name }),
  position: optional(GOVERNANCE_LIMITS.name),
  email: z.email().max(254).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,30}$/, 'a phone number')
    .nullable()
    .default(null),
});
export const ZObligationInputSchema = z.strictObject({
  text: longText,
  dueOn: isoDate().nullable().default(null),
  status: z.enum(OBLIGATION_STATUSES).default('open'),
});
export const ZObligationEditSchema = z.strictObject({
  text: longText.optional(),
  dueOn: isoDate().nullable().optional(),
  status: z.enum(OBLIGATION_STATUSES).optional(),
});
export const ZPartnerParamsSchema = z.strictObject({ id: ZIdSchema });
export const ZPartnerItemParamsSchema = z.strictObject({ id: ZIdSchema, itemId: ZIdSchema });
