import { z } from 'zod';
import { multilineText, text, ZIdSchema } from './common.js';
import { ZLanguageCodeSchema } from './households.js';

/**
 * The intercultural communication unit (issue 18, item 7): a library of materials with a version
 * per language, each reviewed and approved by a second person before use, downloadable as PDF;
 * and a glossary of social-service and legal terms, Italian to each language.
 */

export const MATERIAL_KINDS = ['leaflet', 'letter', 'consent_form', 'rights_information', 'other'] as const;
export const MATERIAL_VERSION_STATUSES = ['draft', 'in_review', 'approved', 'retired'] as const;
export type TMaterialVersionStatus = (typeof MATERIAL_VERSION_STATUSES)[number];
export const GLOSSARY_DOMAINS = [
  'social',
  'legal',
  'health',
  'school',
  'housing',
  'work',
  'documents',
] as const;

export const LIBRARY_LIMITS = { title: 200, summary: 1000, body: 20_000, term: 120, note: 1000 } as const;

export const ZMaterialInputSchema = z.strictObject({
  title: text({ max: LIBRARY_LIMITS.title }),
  kind: z.enum(MATERIAL_KINDS),
  summary: multilineText({ max: LIBRARY_LIMITS.summary }).nullable().optional(),
});

export const ZMaterialVersionInputSchema = z.strictObject({
  language: ZLanguageCodeSchema,
  /** The title in the version's language. */
  title: text({ max: LIBRARY_LIMITS.title }),
  body: multilineText({ max: LIBRARY_LIMITS.body }),
});

export const ZReviewInputSchema = z.strictObject({
  decision: z.enum(['approve', 'return']),
  comment: text({ max: 500 }).nullable().optional(),
});

export const ZMaterialVersionSchema = z.object({
  id: ZIdSchema,
  materialId: ZIdSchema,
  language: z.string(),
  rtl: z.boolean(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  status: z.enum(MATERIAL_VERSION_STATUSES),
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TMaterialVersion = z.infer<typeof ZMaterialVersionSchema>;

export const ZMaterialSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  summary: z.string().nullable(),
  /** Languages with an approved version, in use. */
  approvedLanguages: z.array(z.string()),
  versions: z.array(ZMaterialVersionSchema),
});
export type TMaterial = z.infer<typeof ZMaterialSchema>;

export const ZGlossaryTermInputSchema = z.strictObject({
  term: text({ max: LIBRARY_LIMITS.term }),
  domain: z.enum(GLOSSARY_DOMAINS),
  definition: multilineText({ max: LIBRARY_LIMITS.note }).nullable().optional(),
  translations: z
    .array(
      z.strictObject({
        language: ZLanguageCodeSchema,
        translation: text({ max: LIBRARY_LIMITS.term * 2 }),
        note: text({ max: LIBRARY_LIMITS.note }).nullable().optional(),
      }),
    )
    .max(30)
    .default([]),
});

export const ZGlossaryTermSchema = z.object({
  id: ZIdSchema,
  term: z.string(),
  domain: z.enum(GLOSSARY_DOMAINS),
  definition: z.string().nullable(),
  translations: z.array(
    z.object({
      language: z.string(),
      rtl: z.boolean(),
      translation: z.string(),
      note: z.string().nullable(),
    }),
  ),
  updatedAt: z.string(),
});

export const ZGlossaryQuerySchema = z.strictObject({
  q: text({ max: 100 }).optional(),
  language: ZLanguageCodeSchema.optional(),
  domain: z.enum(GLOSSARY_DOMAINS).optional(),
});

/** A new version's title and text without its language: what an edit of a draft changes. */
export const ZMaterialVersionEditSchema = ZMaterialVersionInputSchema.omit({ language: true });

/**
 * A material in the library's list: no texts; the languages in use and, for those who write, the
 * languages with a version waiting for review.
 */
export const ZMaterialSummarySchema = ZMaterialSchema.omit({ versions: true }).extend({
  reviewLanguages: z.array(z.string()),
});
export type TMaterialSummary = z.infer<typeof ZMaterialSummarySchema>;
export type TMaterialInput = z.infer<typeof ZMaterialInputSchema>;
export type TMaterialVersionInput = z.infer<typeof ZMaterialVersionInputSchema>;
export type TReviewInput = z.infer<typeof ZReviewInputSchema>;
export type TGlossaryTerm = z.infer<typeof ZGlossaryTermSchema>;
export type TGlossaryTermInput = z.input<typeof ZGlossaryTermInputSchema>;
export type TGlossaryQuery = z.infer<typeof ZGlossaryQuerySchema>;
