import { z } from 'zod';
import { text, ZIdSchema } from './common.js';
import { WORK_PACKAGES } from './governance-codes.js';
import { SITE_LANGUAGES } from './website.js';

/**
 * The good-practice video manual (issue 24, item 4). A chapter is a site page of kind `video`: its
 * title, summary and text per language go through the same versions, translations and workflow as
 * every page. What it adds is here: the video and its poster (the platform's file storage, the video
 * uploaded in resumable pieces), its text tracks per language (WebVTT: subtitles, the description of
 * what the picture shows for readers who cannot see it, and the chapter markers), the releases of the
 * people filmed and the check that nobody vulnerable can be recognised.
 */

/** The three kinds of text track, as HTML's `<track kind>` names them. */
export const VIDEO_TRACK_KINDS = ['subtitles', 'descriptions', 'chapters'] as const;
export type TVideoTrackKind = (typeof VIDEO_TRACK_KINDS)[number];

/** What stops a chapter from going public, each named to the editor in words. */
export const VIDEO_BLOCKERS = ['video', 'subtitles_it', 'releases', 'check'] as const;
export type TVideoBlocker = (typeof VIDEO_BLOCKERS)[number];

export const VIDEO_LIMITS = {
  practice: 200,
  /** One track's WebVTT text: an hour of dense subtitles is about 120 KB. */
  vttChars: 400_000,
  personName: 160,
  personRole: 160,
  releaseNote: 500,
  /** Words of a transcript search. */
  query: 100,
  searchResults: 20,
} as const;

export const ZVideoSettingsSchema = z.strictObject({
  workPackage: z.enum(WORK_PACKAGES),
  /** The practice the chapter shows, in Italian ("Il colloquio con l'interprete"). */
  practice: text({ max: VIDEO_LIMITS.practice }),
  /** Its place in the manual. */
  chapterNumber: z.number().int().min(1).max(99),
});
export type TVideoSettings = z.infer<typeof ZVideoSettingsSchema>;

export const ZVideoTrackParamsSchema = z.strictObject({
  id: ZIdSchema,
  lang: z.enum(SITE_LANGUAGES),
  kind: z.enum(VIDEO_TRACK_KINDS),
});

/** A track's WebVTT text, pasted, edited or read from a .vtt file by the editor's browser. */
export const ZVideoTrackInputSchema = z.strictObject({ vtt: z.string().min(1).max(VIDEO_LIMITS.vttChars) });

export const ZVideoTrackSchema = z.object({
  lang: z.enum(SITE_LANGUAGES),
  kind: z.enum(VIDEO_TRACK_KINDS),
  cueCount: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type TVideoTrack = z.infer<typeof ZVideoTrackSchema>;

export const ZVideoTrackTextSchema = z.object({ vtt: z.string() });

/** After the resumable upload has finished: the upload to take as the chapter's video. */
export const ZVideoAttachSchema = z.strictObject({
  uploadId: z.string().regex(/^[a-f0-9]{32}$/, 'an upload id'),
});

export const ZVideoFileSchema = z.object({
  fileId: ZIdSchema,
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type TVideoFile = z.infer<typeof ZVideoFileSchema>;

/**
 * A release signed by a person filmed. The name is kept for the editorial team (who must be able
 * to find the release when the person withdraws it), never shown on the site.
 */
export const ZVideoReleaseSchema = z.object({
  id: ZIdSchema,
  personName: z.string(),
  personRole: z.string(),
  /** The signed form, when scanned. */
  fileId: ZIdSchema.nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type TVideoRelease = z.infer<typeof ZVideoReleaseSchema>;

/** Fields of the release's multipart form (the signed form is the optional file). */
export const ZVideoReleaseFieldsSchema = z.strictObject({
  personName: text({ max: VIDEO_LIMITS.personName }),
  personRole: text({ max: VIDEO_LIMITS.personRole }),
});

export const ZVideoCheckSchema = z.strictObject({
  /** The editor confirms they watched the whole video and nobody vulnerable can be recognised. */
  confirmed: z.literal(true),
  /** The video they watched: a check of another (uploaded meanwhile) is refused. */
  videoFileId: ZIdSchema,
});

export const ZVideoDetailSchema = z.object({
  settings: ZVideoSettingsSchema.nullable(),
  video: ZVideoFileSchema.nullable(),
  poster: ZVideoFileSchema.nullable(),
  tracks: z.array(ZVideoTrackSchema),
  releases: z.array(ZVideoReleaseSchema),
  /** Who confirmed that no victim or minor can be recognised, for the current video and releases. */
  check: z.object({ by: z.string(), at: z.string() }).nullable(),
  /** Whether the caller may confirm the check now (not the editor who uploaded the video). */
  canCheck: z.boolean(),
  /** What still stops publication; empty when the chapter may go public. */
  blockers: z.array(z.enum(VIDEO_BLOCKERS)),
});
export type TVideoDetail = z.infer<typeof ZVideoDetailSchema>;

export const ZVideoSearchQuerySchema = z.strictObject({
  q: text({ max: VIDEO_LIMITS.query }),
  lang: z.enum(SITE_LANGUAGES).optional(),
});

/** A line of a transcript that matched, with the moment of the video it is said at. */
export const ZVideoSearchHitSchema = z.object({
  slug: z.string(),
  title: z.string(),
  lang: z.enum(SITE_LANGUAGES),
  startSeconds: z.number(),
  /** The matching line with the words found between « and ». */
  excerpt: z.string(),
});
export type TVideoSearchHit = z.infer<typeof ZVideoSearchHitSchema>;
