import { z } from 'zod';
import { nonEmpty, text, ZIdSchema } from './common.js';

export const ZDistrictSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  name: z.string(),
  managingBody: z.string().nullable(),
  municipalityCount: z.number().int(),
});
export type TDistrict = z.infer<typeof ZDistrictSchema>;

export const ZDistrictCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/, 'upper-case letters, digits and dashes'),
  name: text({ max: 120 }),
  managingBody: text({ max: 200 }).nullable().optional(),
});
export const ZDistrictUpdateSchema = nonEmpty(ZDistrictCreateSchema.partial().strict());

export const ZIstatCodeSchema = z.string().regex(/^\d{6}$/, 'six-digit ISTAT code');

export const ZMunicipalitySchema = z.object({
  istatCode: ZIstatCodeSchema,
  name: z.string(),
  cadastralCode: z.string(),
  districtId: ZIdSchema.nullable(),
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable(),
});
export type TMunicipality = z.infer<typeof ZMunicipalitySchema>;
export const ZMunicipalityQuerySchema = z.strictObject({ districtId: ZIdSchema.optional() });
export const ZMunicipalityParamsSchema = z.strictObject({ istatCode: ZIstatCodeSchema });
/** Membership of a comune in an Ambito is data an administrator edits (see db/reference/README.md). */
export const ZMunicipalityUpdateSchema = z.strictObject({ districtId: ZIdSchema.nullable() });

export const ZOrganisationKindSchema = z.enum([
  'district_office',
  'cooperative',
  'asst_consultorio',
  'anti_violence_centre',
  'police',
  'court',
  'school_office',
  'university',
  'association',
  'other',
]);
export type TOrganisationKind = z.infer<typeof ZOrganisationKindSchema>;

export const ZOrganisationSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  kind: ZOrganisationKindSchema,
  districtId: ZIdSchema.nullable(),
  serviceCount: z.number().int(),
});
export type TOrganisation = z.infer<typeof ZOrganisationSchema>;
export const ZOrganisationCreateSchema = z.strictObject({
  name: text({ max: 200 }),
  kind: ZOrganisationKindSchema,
  districtId: ZIdSchema.nullable(),
});
export const ZOrganisationUpdateSchema = nonEmpty(ZOrganisationCreateSchema.partial().strict());

export const ZServiceKindSchema = z.enum([
  'anti_violence_network',
  'womens_help_desk',
  'law_enforcement',
  'school',
  'child_protection',
  'social_inclusion',
  'consultorio',
  'child_neuropsychiatry',
  'ethnoclinical_team',
  'mediation_service',
  'reception',
  'job_services',
  'coordination',
  'training',
  'community_engagement',
  'autonomy_housing',
  'research',
  'other',
]);
export type TServiceKind = z.infer<typeof ZServiceKindSchema>;

export const ZServiceSchema = z.object({
  id: ZIdSchema,
  organisationId: ZIdSchema,
  organisationName: z.string(),
  name: z.string(),
  kind: ZServiceKindSchema,
  districtId: ZIdSchema.nullable(),
  active: z.boolean(),
});
export type TService = z.infer<typeof ZServiceSchema>;
export const ZServiceCreateSchema = z.strictObject({
  organisationId: ZIdSchema,
  name: text({ max: 200 }),
  kind: ZServiceKindSchema,
  districtId: ZIdSchema.nullable(),
});
export const ZServiceUpdateSchema = nonEmpty(
  z.strictObject({
    name: text({ max: 200 }).optional(),
    kind: ZServiceKindSchema.optional(),
    districtId: ZIdSchema.nullable().optional(),
    active: z.boolean().optional(),
  }),
);
export const ZServiceQuerySchema = z.strictObject({ organisationId: ZIdSchema.optional() });

export const ZCountrySchema = z.object({
  code: z.string().length(2),
  nameIt: z.string(),
  nameEn: z.string(),
  euMember: z.boolean(),
});
export const ZLanguageSchema = z.object({
  code: z.string(),
  nameIt: z.string(),
  nameEn: z.string(),
  rtl: z.boolean(),
});
