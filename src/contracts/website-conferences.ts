import { z } from 'zod';
import { isoDate, text, ZIdSchema } from './common.js';
import { SITE_LANGUAGES } from './website.js';

/**
 * Conference pages (issue 24, item 5). A conference is a site page of kind `conference`: its
 * title, summary and text per language go through the workflow of every page. What it adds is
 * here: the community event it is (registration and the satisfaction survey are the community
 * module's, on `/eventi/<event>`), the programme, the speakers (only with their consent), and
 * after the event the materials (PDF) and the recordings (chapters of the video manual). The
 * public reads what publication copied; the survey's answers reach the impact module.
 */

export const CONFERENCE_LIMITS = {
  title: 200,
  name: 160,
  role: 200,
  consentNote: 300,
  items: 60,
  speakers: 60,
  materials: 40,
  speakersPerItem: 10,
} as const;

/** Answers the survey needs before its averages are shown (fewer could point to who answered). */
export const SURVEY_MIN_ANSWERS = 5;

const ZTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/** A title per language, Italian always: a language without one shows the Italian. */
export const ZConferenceTitlesSchema = z
  .partialRecord(z.enum(SITE_LANGUAGES), text({ max: CONFERENCE_LIMITS.title }))
  .refine((titles) => Boolean(titles.it), { message: 'the Italian title is required', path: ['it'] });
export type TConferenceTitles = z.infer<typeof ZConferenceTitlesSchema>;

export const ZConferenceSettingsSchema = z.strictObject({
  /** The community event the conference is: its dates, place, registration and survey. */
  eventId: ZIdSchema.nullable(),
});

export const ZConferenceItemInputSchema = z
  .strictObject({
    day: isoDate(),
    starts: ZTimeSchema,
    ends: ZTimeSchema.nullable().default(null),
    titles: ZConferenceTitlesSchema,
    speakerIds: z.array(ZIdSchema).max(CONFERENCE_LIMITS.speakersPerItem).default([]),
  })
  .refine((item) => item.ends === null || item.ends > item.starts, {
    message: 'the end comes after the start',
    path: ['ends'],
  });
export type TConferenceItemInput = z.infer<typeof ZConferenceItemInputSchema>;

export const ZConferenceSpeakerInputSchema = z.strictObject({
  name: text({ max: CONFERENCE_LIMITS.name }),
  /** Role and organisation, as the speaker wants them shown ("Psicologa, Centro antiviolenza"). */
  role: text({ max: CONFERENCE_LIMITS.role }).nullable().default(null),
  /** The speaker agreed to their name and role on the public site: nobody is listed otherwise. */
  consent: z.literal(true, 'the speaker’s consent is required'),
  /** How the consent was given ("e-mail of 12 November"). */
  consentNote: text({ max: CONFERENCE_LIMITS.consentNote }),
});
export type TConferenceSpeakerInput = z.infer<typeof ZConferenceSpeakerInputSchema>;

/** Fields of a material's multipart form, sent before the PDF. */
export const ZConferenceMaterialFieldsSchema = z.strictObject({
  titleIt: text({ max: CONFERENCE_LIMITS.title }),
});

export const ZConferenceRecordingInputSchema = z.strictObject({
  /** A chapter of the video manual: shown while it is on the site. */
  videoPageId: ZIdSchema,
});

export const ZConferenceEventSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  /** The event's public address on the community calendar. */
  path: z.string(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  status: z.enum(['planned', 'cancelled']),
  published: z.boolean(),
});
export type TConferenceEvent = z.infer<typeof ZConferenceEventSchema>;

export const ZConferenceSurveySchema = z.object({
  answers: z.number().int(),
  /** Averages on the 1–5 scale; null (hidden) under SURVEY_MIN_ANSWERS answers. */
  useful: z.number().nullable(),
  understood: z.number().nullable(),
});
export type TConferenceSurvey = z.infer<typeof ZConferenceSurveySchema>;

export const ZConferenceDetailSchema = z.object({
  pageId: ZIdSchema,
  event: ZConferenceEventSchema.nullable(),
  items: z.array(
    z.object({
      id: ZIdSchema,
      day: z.string(),
      starts: z.string(),
      ends: z.string().nullable(),
      titles: z.partialRecord(z.enum(SITE_LANGUAGES), z.string()),
      speakerIds: z.array(ZIdSchema),
    }),
  ),
  speakers: z.array(
    z.object({
      id: ZIdSchema,
      name: z.string(),
      role: z.string().nullable(),
      consentNote: z.string(),
      consentRecordedBy: z.string(),
      consentRecordedAt: z.string(),
    }),
  ),
  materials: z.array(
    z.object({
      id: ZIdSchema,
      kind: z.enum(['document', 'recording']),
      title: z.string(),
      /** A document's stored file (opened through the file link), or a recording's chapter. */
      fileId: ZIdSchema.nullable(),
      videoPageId: ZIdSchema.nullable(),
      /** A recording whose chapter is not on the site is not shown. */
      shown: z.boolean(),
      addedBy: z.string(),
      addedAt: z.string(),
    }),
  ),
  /** The satisfaction survey of the event, once it has begun. */
  survey: ZConferenceSurveySchema.nullable(),
  /** What publication would refuse now, in words (empty: ready). */
  problems: z.array(z.object({ it: z.string(), en: z.string() })),
});
export type TConferenceDetail = z.infer<typeof ZConferenceDetailSchema>;

export const ZConferenceEventsSchema = z.array(ZConferenceEventSchema);
