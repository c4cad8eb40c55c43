import { z } from 'zod';
import { text, ZIdSchema } from './common.js';
import { ZGenderSchema } from './observatory.js';
import { ZIstatCodeSchema } from './structure.js';

/**
 * Households (nuclei familiari) and their people, for case management (WP2, WP4). Names and
 * identifiers are `identifying`; addresses, phones, shelters and safe-contact rules are `safety`:
 * encrypted, never listed, revealed one person at a time after step-up with a stated reason.
 */

export const CASE_ROLES = ['victim', 'perpetrator', 'child', 'other'] as const;
export const ZCaseRoleSchema = z.enum(CASE_ROLES);
export type TCaseRole = z.infer<typeof ZCaseRoleSchema>;

/** How a member relates to the household's reference person. */
export const RELATIONSHIPS = [
  'reference_person',
  'partner',
  'former_partner',
  'child',
  'parent',
  'sibling',
  'other_relative',
  'other',
] as const;
export const ZRelationshipSchema = z.enum(RELATIONSHIPS);

/** Typed identifiers: codice fiscale, STP (foreigners without a permit), ENI (EU citizens without TEAM). */
export const IDENTIFIER_TYPES = ['codice_fiscale', 'stp', 'eni', 'none'] as const;
export const ZIdentifierTypeSchema = z.enum(IDENTIFIER_TYPES);
export const MEDIATOR_GENDERS = ['female', 'male', 'any'] as const;

export const ZCountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 two-letter code');
export const ZLanguageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 language code');
export const ZDateSchema = z.iso.date();

function today() {
  return new Date().toISOString().slice(0, 10);
}

const IDENTIFIER_PATTERNS: Record<Exclude<(typeof IDENTIFIER_TYPES)[number], 'none'>, RegExp> = {
  // The checksum and the coherence of a codice fiscale are checked on the server with a library.
  codice_fiscale: /^[A-Z0-9]{16}$/,
  stp: /^STP\d{13}$/,
  eni: /^ENI\d{13}$/,
};

const PERSON_FIELDS = {
  givenName: text({ max: 100 }),
  familyName: text({ max: 100 }),
  relationship: ZRelationshipSchema,
  caseRole: ZCaseRoleSchema,
  birthYear: z.number().int().min(1900).nullable().optional(),
  birthDate: ZDateSchema.nullable().optional(),
  gender: ZGenderSchema,
  citizenship: ZCountryCodeSchema.nullable().optional(),
  languages: z
    .array(ZLanguageCodeSchema)
    .max(10)
    .refine((l) => new Set(l).size === l.length, 'each value once')
    .default([]),
  preferredLanguage: ZLanguageCodeSchema.nullable().optional(),
  interpreterNeeded: z.boolean().default(false),
  preferredMediatorGender: z.enum(MEDIATOR_GENDERS).default('any'),
  /** At risk from the household's perpetrator: kept from his case team like a victim or a minor. */
  atRisk: z.boolean().default(false),
  /** False for a relative or significant adult of the family network who lives elsewhere (issue 15). */
  livesInHousehold: z.boolean().default(true),
  municipality: ZIstatCodeSchema.nullable().optional(),
  identifierType: ZIdentifierTypeSchema.default('none'),
  identifier: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .nullable()
    .optional(),
};

/** Birth data in the past and coherent, an identifier of its type: for a new person and an edit alike. */
function checkPerson(
  p: {
    birthYear?: number | null | undefined;
    birthDate?: string | null | undefined;
    identifierType: (typeof IDENTIFIER_TYPES)[number];
    identifier?: string | null | undefined;
  },
  issue: z.core.$RefinementCtx,
) {
  if (p.birthDate && p.birthDate > today())
    issue.addIssue({ code: 'custom', path: ['birthDate'], message: 'is in the future' });
  if (p.birthYear && p.birthYear > Number(today().slice(0, 4)))
    issue.addIssue({ code: 'custom', path: ['birthYear'], message: 'is in the future' });
  if (p.birthDate && p.birthYear && Number(p.birthDate.slice(0, 4)) !== p.birthYear)
    issue.addIssue({ code: 'custom', path: ['birthYear'], message: 'contradicts the birth date' });
  if (p.identifierType === 'none') {
    if (p.identifier) issue.addIssue({ code: 'custom', path: ['identifier'], message: 'not expected' });
  } else if (!p.identifier) {
    issue.addIssue({ code: 'custom', path: ['identifier'], message: 'required for this identifier type' });
  } else if (!IDENTIFIER_PATTERNS[p.identifierType].test(p.identifier)) {
    issue.addIssue({
      code: 'custom',
      path: ['identifier'],
      message: 'not a valid identifier of this type',
    });
  }
}

/**
 * Registering a person whose codice fiscale (STP, ENI), or exact name and birth year, already
 * exists in the service's households is refused with the households named, until the operator
 * says it is someone else: `acknowledgeDuplicates`.
 */
const ZAcknowledgeSchema = z.boolean().default(false);

export const ZPersonInputSchema = z.strictObject(PERSON_FIELDS).superRefine(checkPerson);
export type TPersonInput = z.infer<typeof ZPersonInputSchema>;

export const ZHouseholdCreateSchema = z.strictObject({
  municipality: ZIstatCodeSchema,
  members: z.array(ZPersonInputSchema).min(1).max(20),
  acknowledgeDuplicates: ZAcknowledgeSchema,
});

export const ZPersonAddSchema = z
  .strictObject({ ...PERSON_FIELDS, acknowledgeDuplicates: ZAcknowledgeSchema })
  .superRefine(checkPerson);

/** An edit replaces the person's registry fields; the at-risk mark has its own route with a reason. */
const { atRisk: _atRisk, ...EDITABLE_FIELDS } = PERSON_FIELDS;
export const ZPersonUpdateSchema = z
  .strictObject({
    ...EDITABLE_FIELDS,
    // Absent: unchanged (a correction form that does not show it must not move the person back in).
    livesInHousehold: z.boolean().optional(),
    acknowledgeDuplicates: ZAcknowledgeSchema,
  })
  .superRefine(checkPerson);
export type TPersonUpdate = z.infer<typeof ZPersonUpdateSchema>;

/** One edit of a person: who, when, and each field's value before and after. */
export const ZPersonChangeSchema = z.object({
  changedAt: z.iso.datetime(),
  changedBy: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export type TPersonChange = z.infer<typeof ZPersonChangeSchema>;

export const ZPersonSchema = z.object({
  id: ZIdSchema,
  householdId: ZIdSchema,
  givenName: z.string(),
  familyName: z.string(),
  relationship: ZRelationshipSchema,
  caseRole: ZCaseRoleSchema,
  birthYear: z.number().int().nullable(),
  birthDate: z.string().nullable(),
  minor: z.boolean(),
  gender: ZGenderSchema,
  citizenship: z.string().nullable(),
  thirdCountryNational: z.boolean(),
  languages: z.array(z.string()),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  preferredMediatorGender: z.enum(MEDIATOR_GENDERS),
  atRisk: z.boolean(),
  livesInHousehold: z.boolean(),
  municipality: z.string().nullable(),
  identifierType: ZIdentifierTypeSchema,
  identifier: z.string().nullable(),
  hasSafetyDetails: z.boolean(),
  /** Set when this record was a duplicate merged into another person's record (read-only then). */
  mergedIntoId: ZIdSchema.nullable(),
  /** Processing restricted at the person's request (GDPR art. 18): kept, not changed or referred. */
  processingRestricted: z.boolean(),
});
export type TPerson = z.infer<typeof ZPersonSchema>;

/** Consent: who, for what, to whom, which data, from when to when, how (MISSION: consent is data). */
export const CONSENT_PURPOSES = ['taking_into_care', 'consultation', 'research'] as const;
export const ZConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export const CONSENT_METHODS = ['written', 'oral_witnessed', 'court_order'] as const;
/** The sections of a case file that a consent or a referral can share. */
export const DATA_SECTIONS = [
  'family_migration',
  'languages',
  'protection',
  'violence',
  'health',
  'school',
  'work',
  'housing',
  'network',
] as const;
export const ZDataSectionSchema = z.enum(DATA_SECTIONS);
export type TDataSection = z.infer<typeof ZDataSectionSchema>;
const ZSectionsSchema = z
  .array(ZDataSectionSchema)
  .refine((l) => new Set(l).size === l.length, 'each value once');

export const ZConsentCreateSchema = z
  .strictObject({
    givenBy: z.enum(['self', 'legal_representative']),
    representativeName: text({ max: 200 }).nullable().optional(),
    purpose: ZConsentPurposeSchema,
    recipientServiceId: ZIdSchema.nullable().optional(),
    sections: ZSectionsSchema.default([]),
    givenOn: ZDateSchema,
    expiresOn: ZDateSchema.nullable().optional(),
    method: z.enum(CONSENT_METHODS),
    witnessName: text({ max: 200 }).nullable().optional(),
    courtOrderReference: text({ max: 100 }).nullable().optional(),
  })
  .superRefine((c, issue) => {
    const need = (path: string, ok: unknown) => {
      if (!ok) issue.addIssue({ code: 'custom', path: [path], message: 'required for this consent' });
    };
    if (c.givenOn > today())
      issue.addIssue({ code: 'custom', path: ['givenOn'], message: 'is in the future' });
    if (c.expiresOn && c.expiresOn <= c.givenOn)
      issue.addIssue({ code: 'custom', path: ['expiresOn'], message: 'must follow the date given' });
    if (c.givenBy === 'legal_representative') need('representativeName', c.representativeName);
    if (c.method === 'oral_witnessed') need('witnessName', c.witnessName);
    if (c.method === 'court_order') need('courtOrderReference', c.courtOrderReference);
    if (c.purpose !== 'research') need('recipientServiceId', c.recipientServiceId);
  });

export const ZConsentSchema = z.object({
  id: ZIdSchema,
  personId: ZIdSchema,
  givenBy: z.enum(['self', 'legal_representative']),
  representativeName: z.string().nullable(),
  purpose: ZConsentPurposeSchema,
  recipientServiceId: ZIdSchema.nullable(),
  recipientServiceName: z.string().nullable(),
  sections: z.array(ZDataSectionSchema),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  method: z.enum(CONSENT_METHODS),
  witnessName: z.string().nullable(),
  courtOrderReference: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export type TConsent = z.infer<typeof ZConsentSchema>;
export const ZReasonSchema = z.strictObject({ reason: text({ min: 10, max: 1000 }) });

export const ZHouseholdSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  municipality: z.string(),
  districtId: ZIdSchema.nullable(),
  /** Only the owning service adds, corrects or removes members: the page offers it to them alone. */
  ownerServiceId: ZIdSchema,
  ownerServiceName: z.string(),
  members: z.array(ZPersonSchema),
  consents: z.array(ZConsentSchema),
  createdAt: z.iso.datetime(),
});
export type THousehold = z.infer<typeof ZHouseholdSchema>;

export const ZHouseholdListItemSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  municipality: z.string(),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
  /** When searching by name or identifier: the members who matched, as the searcher typed them. */
  matches: z.array(
    z.object({ givenName: z.string(), familyName: z.string(), birthYear: z.number().nullable() }),
  ),
});
/** `q`: a household code (N-…), a codice fiscale, STP or ENI code, or part of a person's name. */
export const ZHouseholdListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** Safe-contact rules: every message to the person obeys them (modules/cases/cases.contact.ts). */
export const CONTACT_CHANNELS = ['phone_call', 'sms', 'email', 'in_person', 'via_service'] as const;
const ZClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
export const ZSafeContactSchema = z.strictObject({
  channels: z.array(z.enum(CONTACT_CHANNELS)).max(5).default([]),
  fromTime: ZClockSchema.nullable().optional(),
  toTime: ZClockSchema.nullable().optional(),
  codeWord: text({ max: 60 }).nullable().optional(),
  email: z.email().nullable().optional(),
  neverWriteTo: z
    .array(text({ max: 200 }))
    .max(10)
    .default([]),
});
export type TSafeContact = z.infer<typeof ZSafeContactSchema>;
export const ZSafetyDetailsSchema = z.strictObject({
  address: text({ max: 300 }).nullable().optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ]{6,20}$/, 'digits, spaces and an optional leading +')
    .nullable()
    .optional(),
  shelter: text({ max: 200 }).nullable().optional(),
  safeContact: ZSafeContactSchema.default({ channels: [], neverWriteTo: [] }),
});
export type TSafetyDetails = z.infer<typeof ZSafetyDetailsSchema>;

/** Conflict-of-interest lock: this staff member or mediator never reaches this person's cases. */
export const ZExclusionCreateSchema = z.strictObject({
  userId: ZIdSchema,
  reason: z.enum(['relative', 'same_community', 'other']),
  note: text({ max: 300 }).nullable().optional(),
});
export const ZExclusionSchema = z.object({
  id: ZIdSchema,
  personId: ZIdSchema,
  userId: ZIdSchema,
  userDisplayName: z.string(),
  reason: z.enum(['relative', 'same_community', 'other']),
  createdAt: z.iso.datetime(),
});
/** Marking (or unmarking) someone as at risk from the household's perpetrator, with the reason. */
export const ZAtRiskUpdateSchema = z.strictObject({
  atRisk: z.boolean(),
  reason: text({ min: 10, max: 1000 }),
});
export type TAtRiskUpdate = z.infer<typeof ZAtRiskUpdateSchema>;

export const ZPersonParamsSchema = z.strictObject({ personId: ZIdSchema });
