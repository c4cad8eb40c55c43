import { z } from 'zod';
import { text, ZIdSchema } from './common.js';

/** Record types that break-the-glass can open; modules add theirs here. */
export const ZBreakGlassRecordTypeSchema = z.enum(['user', 'case']);

export const ZBreakGlassRequestSchema = z.strictObject({
  recordType: ZBreakGlassRecordTypeSchema,
  recordId: ZIdSchema,
  reason: text({ min: 20, max: 1000 }),
  hours: z.number().int().min(1).max(12).default(4),
});

export const ZBreakGlassGrantSchema = z.object({
  id: ZIdSchema,
  userId: ZIdSchema,
  username: z.string(),
  recordType: ZBreakGlassRecordTypeSchema,
  recordId: ZIdSchema,
  reason: z.string(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  active: z.boolean(),
  /** Set when a DPO ended the access before its time. */
  revokedAt: z.iso.datetime().nullable(),
  /** The DPO's review after the fact; null until someone reviews it. */
  review: z.object({ at: z.iso.datetime(), by: z.string(), note: z.string().nullable() }).nullable(),
});

/** A DPO ends an emergency access early, saying why (kept in the audit trail). */
export const ZBreakGlassRevokeSchema = z.strictObject({ reason: text({ min: 5, max: 1000 }) });

export const ZBreakGlassReviewSchema = z.strictObject({ note: text({ max: 1000 }).optional() });
export type TBreakGlassGrant = z.infer<typeof ZBreakGlassGrantSchema>;
