import { z } from 'zod';
import { multilineText, ZIdSchema } from './common.js';
import { ZCaseRoleSchema } from './households.js';

/**
 * Duplicate people and their merge (issue 22, item 7): pairs found by similar names and birth dates
 * (or the same identifier) among the service's own households, merged with a reason, audited and
 * reversible; a perpetrator is never merged with anyone but a perpetrator record.
 */

export const MERGE_REASON_MAX = 1000;

/** Why a pair looks like one person. */
export const DUPLICATE_SIGNS = [
  'same_identifier',
  'same_name',
  'similar_name',
  'same_birth_date',
  'similar_birth_date',
  'same_birth_year',
  'birth_unknown',
] as const;
export type TDuplicateSign = (typeof DUPLICATE_SIGNS)[number];

/** Why a pair that looks like one person may not be merged. */
export const MERGE_BLOCKS = ['perpetrator', 'different_role', 'related'] as const;
export type TMergeBlock = (typeof MERGE_BLOCKS)[number];

export const ZDuplicatePersonSchema = z.object({
  id: ZIdSchema,
  householdId: ZIdSchema,
  householdCode: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthYear: z.number().int().nullable(),
  birthDate: z.string().nullable(),
  caseRole: ZCaseRoleSchema,
});
export type TDuplicatePerson = z.infer<typeof ZDuplicatePersonSchema>;

export const ZDuplicatePairSchema = z.object({
  a: ZDuplicatePersonSchema,
  b: ZDuplicatePersonSchema,
  signs: z.array(z.enum(DUPLICATE_SIGNS)),
  /** Null when the two may be merged. */
  blockedBy: z.enum(MERGE_BLOCKS).nullable(),
});
export type TDuplicatePair = z.infer<typeof ZDuplicatePairSchema>;

export const ZPersonMergeInputSchema = z.strictObject({
  /** The duplicate: it keeps its row and what points to it, marked as merged into the kept person. */
  mergedPersonId: ZIdSchema,
  reason: multilineText({ max: MERGE_REASON_MAX }),
});
export type TPersonMergeInput = z.infer<typeof ZPersonMergeInputSchema>;

export const ZMergeRevertSchema = z.strictObject({ reason: multilineText({ max: MERGE_REASON_MAX }) });

const ZMergedRecordSchema = z.object({
  id: ZIdSchema,
  name: z.string(),
  householdId: ZIdSchema,
  householdCode: z.string(),
});

export const ZPersonMergeSchema = z.object({
  id: ZIdSchema,
  kept: ZMergedRecordSchema,
  merged: ZMergedRecordSchema,
  reason: z.string(),
  /** The kept record's details taken from the duplicate: field, value before, value after. */
  filled: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  mergedBy: z.string(),
  mergedAt: z.iso.datetime(),
  revertedBy: z.string().nullable(),
  revertedAt: z.iso.datetime().nullable(),
  revertReason: z.string().nullable(),
  canRevert: z.boolean(),
});
export type TPersonMerge = z.infer<typeof ZPersonMergeSchema>;
