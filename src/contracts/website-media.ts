import { z } from 'zod';
import { text, ZIdSchema } from './common.js';
import { SITE_LANGUAGES } from './website.js';

/**
 * The website's media library (issue 24, item 3): images uploaded by editors, checked by content,
 * resized to a few widths, each with its alternative text per language. A page shows an image by
 * `<img src="/sito/immagini/<id>">` in its text; the public page serves the right width and the alt
 * text of the reader's language, and a page is not published while an image it shows lacks the alt
 * text of a language the page is written in.
 */

/** The widths an image is resized to (never enlarged), as WebP. */
export const MEDIA_WIDTHS = [320, 640, 1280] as const;

export const MEDIA_LIMITS = {
  name: 120,
  alt: 250,
  /** Pixels a decoded image may have: a 40-megapixel photo, about 160 MB decoded, is the most. */
  maxPixels: 40_000_000,
} as const;

/** How a page's text shows an image of the library (the server keeps nothing else of an `<img>`). */
export const mediaImagePath = (id: string) => `/sito/immagini/${id}`;

export const ZMediaAltsSchema = z.partialRecord(z.enum(SITE_LANGUAGES), text({ max: MEDIA_LIMITS.alt }));

/** Fields of the upload's multipart form, sent before the file. */
export const ZMediaFieldsSchema = z.strictObject({
  name: text({ max: MEDIA_LIMITS.name }),
  /** The Italian alternative text: every image has one from the start. */
  altIt: text({ max: MEDIA_LIMITS.alt }),
});

export const ZMediaAltsInputSchema = z.strictObject({ alts: ZMediaAltsSchema });

export const ZMediaSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** The alternative text per language written so far. */
  alts: ZMediaAltsSchema,
  /** What to write in a page's text to show it. */
  path: z.string(),
  /** The pages that show it (their Italian titles). */
  usedBy: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TMedia = z.infer<typeof ZMediaSchema>;
