import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import { SITE_LANGUAGES } from './website.js';

/**
 * The editorial team's communication plan (issue 24, item 6): actions planned per channel and
 * audience on a calendar, marked done with the people they reached, reported to the impact module.
 * What an action shares of a published item is the item's prepared text per language (the `share`
 * field of its versions).
 */

export const COMM_CHANNELS = [
  'website',
  'facebook',
  'instagram',
  'whatsapp',
  'telegram',
  'youtube',
  'newsletter',
  'press',
  'radio',
  'leaflet',
  'event',
  'other',
] as const;
export type TCommChannel = (typeof COMM_CHANNELS)[number];

export const COMM_AUDIENCES = [
  'residents',
  'women',
  'families',
  'young_people',
  'professionals',
  'community_holders',
  'institutions',
  'media',
  'general_public',
] as const;
export type TCommAudience = (typeof COMM_AUDIENCES)[number];

export const PLAN_LIMITS = {
  title: 160,
  note: 1000,
  /** People reached by one action: a national campaign stays well under. */
  reach: 10_000_000,
  /** The widest window a calendar or summary asks for. */
  maxDays: 400,
} as const;

const ZDay = isoDate();

export const ZCommActionInputSchema = z.strictObject({
  title: text({ max: PLAN_LIMITS.title }),
  plannedOn: ZDay,
  channel: z.enum(COMM_CHANNELS),
  audience: z.enum(COMM_AUDIENCES),
  /** The languages the action speaks. */
  languages: z.array(z.enum(SITE_LANGUAGES)).min(1).max(SITE_LANGUAGES.length),
  /** The published page, news item or chapter it promotes, if any. */
  pageId: ZIdSchema.nullable().default(null),
  note: multilineText({ min: 0, max: PLAN_LIMITS.note }).default(''),
  /** Done: the day it was done and how many people it reached (null: not known). */
  doneOn: ZDay.nullable().default(null),
  reach: z.number().int().min(0).max(PLAN_LIMITS.reach).nullable().default(null),
});
export type TCommActionInput = z.infer<typeof ZCommActionInputSchema>;

export const ZCommActionSchema = ZCommActionInputSchema.extend({
  id: ZIdSchema,
  /** The promoted item's Italian title and public path, when there is one. */
  page: z.object({ title: z.string(), publicPath: z.string() }).nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type TCommAction = z.infer<typeof ZCommActionSchema>;

export const ZPlanWindowSchema = z.strictObject({ from: ZDay, to: ZDay });
export type TPlanWindow = z.infer<typeof ZPlanWindowSchema>;

export const ZPlanSummarySchema = z.object({
  planned: z.number().int(),
  done: z.number().int(),
  /** People reached by the actions done, where their reach was recorded. */
  reach: z.number().int(),
  /** Actions done without a recorded reach (the total is a floor). */
  doneWithoutReach: z.number().int(),
  byChannel: z.array(
    z.object({
      channel: z.enum(COMM_CHANNELS),
      planned: z.number().int(),
      done: z.number().int(),
      reach: z.number().int(),
    }),
  ),
  byAudience: z.array(
    z.object({
      audience: z.enum(COMM_AUDIENCES),
      planned: z.number().int(),
      done: z.number().int(),
      reach: z.number().int(),
    }),
  ),
});
export type TPlanSummary = z.infer<typeof ZPlanSummarySchema>;
