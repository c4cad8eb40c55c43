import { z } from 'zod';
import { multilineText, text, ZIdSchema } from './common.js';
import { PUBLIC_LANGUAGES } from './community-codes.js';

/**
 * The public website and its editorial workflow (issue 24, WP7): pages, news and "where to get
 * help" in the ten languages of the residents, written by editors, reviewed, scheduled and
 * published; a page of the "sensitive" category (help and safety) is published only after a
 * second editor approved it.
 */

export const SITE_LANGUAGES = PUBLIC_LANGUAGES;
export type TSiteLanguage = (typeof SITE_LANGUAGES)[number];

/**
 * A page of the tree and menus (at `/sito/<slug>`; the page `home` is `/sito` and the page `aiuto`
 * is "where to get help", with the services listed after its text), or a news item
 * (`/sito/notizie/<slug>`), or a chapter of the good-practice video manual (`/sito/video/<slug>`,
 * its video and tracks in `website-videos.ts`), or a conference (`/sito/convegni/<slug>`, its
 * programme, speakers and materials in `website-conferences.ts`).
 */
export const SITE_PAGE_KINDS = ['page', 'news', 'video', 'conference'] as const;
export type TSitePageKind = (typeof SITE_PAGE_KINDS)[number];

/** Sensitive pages (help, safety) need a second editor's approval before they are published. */
export const SITE_CATEGORIES = ['general', 'sensitive'] as const;
export type TSiteCategory = (typeof SITE_CATEGORIES)[number];

export const SITE_STATES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'archived'] as const;
export type TSiteState = (typeof SITE_STATES)[number];

/** What an editor does to a page; the service says which ones the page's state allows. */
export const SITE_ACTIONS = [
  'submit',
  'approve',
  'return',
  'schedule',
  'publish',
  'archive',
  'restore',
] as const;
export type TSiteAction = (typeof SITE_ACTIONS)[number];

/** A translation is missing, made from an older Italian text than the current one, or current. */
export const TRANSLATION_STATUSES = ['missing', 'outdated', 'current'] as const;
export type TTranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const SITE_LIMITS = {
  slug: 80,
  title: 160,
  summary: 400,
  /** The HTML of one translation, before sanitising. */
  body: 60_000,
  note: 500,
  /** How long a preview link works. */
  previewMinutes: 30,
  serviceName: 160,
  hours: 300,
  phone: 40,
  /** A prepared text for sharing the item on social channels, per language. */
  share: 280,
} as const;

/** The slugs the site's own paths use: a page may not take them. */
export const RESERVED_SLUGS = ['notizie', 'sicurezza', 'anteprima', 'assets', 'video', 'media'] as const;
/** The two pages the site is built around. */
export const HOME_SLUG = 'home';
export const HELP_SLUG = 'aiuto';

export const ZSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(SITE_LIMITS.slug)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes')
  .refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), 'reserved for the site’s own pages');

export const ZSitePageInputSchema = z.strictObject({
  kind: z.enum(SITE_PAGE_KINDS),
  slug: ZSlugSchema,
  category: z.enum(SITE_CATEGORIES),
  /** The page above this one in the tree (pages only). */
  parentId: ZIdSchema.nullable().default(null),
  /** Its place in the main menu; null keeps it out of the menu. */
  menuOrder: z.number().int().min(0).max(99).nullable().default(null),
});
export type TSitePageInput = z.infer<typeof ZSitePageInputSchema>;

export const ZSitePageSettingsSchema = ZSitePageInputSchema.omit({ kind: true });

export const ZSiteTranslationInputSchema = z.strictObject({
  title: text({ max: SITE_LIMITS.title }),
  summary: multilineText({ min: 0, max: SITE_LIMITS.summary }).default(''),
  /** HTML; sanitised by the server against an allow-list before it is stored. */
  body: z.string().max(SITE_LIMITS.body),
  /** The text a reader shares with the item's link (item 6); the title when empty. */
  share: multilineText({ min: 0, max: SITE_LIMITS.share }).default(''),
});
export type TSiteTranslationInput = z.infer<typeof ZSiteTranslationInputSchema>;

export const ZSiteLangParamsSchema = z.strictObject({ id: ZIdSchema, lang: z.enum(SITE_LANGUAGES) });

export const ZSiteTransitionSchema = z.strictObject({
  action: z.enum(SITE_ACTIONS),
  /** For `schedule`: when the page goes public. */
  publishAt: z.iso.datetime({ offset: true }).optional(),
  /** Why a page is sent back, archived or restored. */
  note: text({ min: 0, max: SITE_LIMITS.note }).optional(),
});
export type TSiteTransition = z.infer<typeof ZSiteTransitionSchema>;

export const ZSiteTranslationStateSchema = z.object({
  lang: z.enum(SITE_LANGUAGES),
  status: z.enum(TRANSLATION_STATUSES),
  /** The latest version's number, and the one the public reads (null: not public in this language). */
  version: z.number().int().nullable(),
  publishedVersion: z.number().int().nullable(),
});

export const ZSitePageSummarySchema = z.object({
  id: ZIdSchema,
  kind: z.enum(SITE_PAGE_KINDS),
  slug: z.string(),
  category: z.enum(SITE_CATEGORIES),
  state: z.enum(SITE_STATES),
  /** The Italian title (every page has one once written). */
  title: z.string(),
  publicPath: z.string(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  translations: z.array(ZSiteTranslationStateSchema),
});
export type TSitePageSummary = z.infer<typeof ZSitePageSummarySchema>;

export const ZSiteVersionSchema = z.object({
  lang: z.enum(SITE_LANGUAGES),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  share: z.string(),
  author: z.string(),
  createdAt: z.string(),
  /** For a translation: the Italian version it was made from. */
  basedOn: z.number().int().nullable(),
});
export type TSiteVersion = z.infer<typeof ZSiteVersionSchema>;

export const ZSiteHistoryEntrySchema = z.object({
  action: z.enum([...SITE_ACTIONS, 'created', 'edited'] as const),
  lang: z.enum(SITE_LANGUAGES).nullable(),
  version: z.number().int().nullable(),
  by: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});
export type TSiteHistoryEntry = z.infer<typeof ZSiteHistoryEntrySchema>;

export const ZSitePageDetailSchema = ZSitePageSummarySchema.extend({
  parentId: ZIdSchema.nullable(),
  menuOrder: z.number().int().nullable(),
  /** The latest version of each language written so far. */
  current: z.array(ZSiteVersionSchema),
  history: z.array(ZSiteHistoryEntrySchema),
  /** The actions the caller may take now (a sensitive page's author may not approve it). */
  actions: z.array(z.enum(SITE_ACTIONS)),
});
export type TSitePageDetail = z.infer<typeof ZSitePageDetailSchema>;

export const ZSiteVersionsQuerySchema = z.strictObject({ lang: z.enum(SITE_LANGUAGES) });

export const ZSiteDiffQuerySchema = z.strictObject({
  lang: z.enum(SITE_LANGUAGES),
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** A diff as runs of words: kept, added or removed. */
export const ZSiteDiffSchema = z.object({
  title: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  body: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export type TSiteDiff = z.infer<typeof ZSiteDiffSchema>;

export const ZSitePreviewSchema = z.object({ url: z.string(), expiresAt: z.string() });

/** A service of the network, for "where to get help": never an address (a shelter is never shown). */
export const ZHelpServiceInputSchema = z.strictObject({
  name: text({ max: SITE_LIMITS.serviceName }),
  /** Italian: what the service does, in one or two sentences. */
  description: multilineText({ min: 0, max: SITE_LIMITS.summary }).default(''),
  phone: text({ max: SITE_LIMITS.phone }),
  hours: text({ max: SITE_LIMITS.hours }),
  languages: z.array(z.enum(SITE_LANGUAGES)).min(1).max(SITE_LANGUAGES.length),
  /** The comune (ISTAT code) the service is in: the map shows the comune, never a street. */
  municipality: z.string().regex(/^\d{6}$/),
  menuOrder: z.number().int().min(0).max(999).default(0),
});
export type THelpServiceInput = z.infer<typeof ZHelpServiceInputSchema>;

export const ZHelpServiceSchema = ZHelpServiceInputSchema.extend({
  id: ZIdSchema,
  published: z.boolean(),
  municipalityName: z.string(),
  updatedAt: z.string(),
});
export type THelpService = z.infer<typeof ZHelpServiceSchema>;

/** A new page: where it goes, and its Italian text (every page starts in Italian). */
export const ZSitePageCreateSchema = z.strictObject({
  page: ZSitePageInputSchema,
  italian: ZSiteTranslationInputSchema,
});

export const ZSitePagesQuerySchema = z.strictObject({ kind: z.enum(SITE_PAGE_KINDS).optional() });

export const ZHelpServicePublishSchema = z.strictObject({ published: z.boolean() });
