import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  NOTE_MAX_LENGTH,
  ZBreakGlassRequestSchema,
  ZConsentCreateSchema,
  ZExclusionCreateSchema,
  ZIncidentInputSchema,
  ZPersonInputSchema,
  ZPlanSchema,
  ZReasonSchema,
  ZReferralSendSchema,
  ZSessionCreateSchema,
} from '../../../contracts/index.js';
import { codesOf, maxItemsOf, maxLengthOf, minLengthOf, rangeOf } from './limits.js';

describe('limits read from the contracts', () => {
  it('looks through optional, nullable and default wrappers', () => {
    expect(maxLengthOf(ZConsentCreateSchema.shape.witnessName)).toBe(200);
    expect(maxLengthOf(ZPlanSchema.shape.interventions.unwrap().element.shape.frequency)).toBe(100);
    expect(maxLengthOf(z.string().max(3).optional().nullable())).toBe(3);
    expect(maxLengthOf(z.object({ n: z.string().max(4) }).shape.n)).toBe(4);
  });

  it('reads a reason’s bounds', () => {
    expect(minLengthOf(ZReasonSchema.shape.reason)).toBe(10);
    expect(maxLengthOf(ZReasonSchema.shape.reason)).toBe(1000);
    expect(minLengthOf(ZReferralSendSchema.shape.consentOverrideReason)).toBe(20);
    expect(minLengthOf(ZBreakGlassRequestSchema.shape.reason)).toBe(20);
  });

  it('reads a number’s own bounds, not the safe-integer ones', () => {
    expect(rangeOf(ZSessionCreateSchema.shape.durationMinutes)).toEqual({ min: 5, max: 480 });
    expect(rangeOf(ZBreakGlassRequestSchema.shape.hours)).toEqual({ min: 1, max: 12 });
    expect(rangeOf(ZPersonInputSchema.shape.birthYear)).toEqual({ min: 1900 });
    expect(rangeOf(ZIncidentInputSchema.shape.birthYear)).toEqual({ min: 1900 });
    expect(maxLengthOf(ZSessionCreateSchema.shape.notes.unwrap().shape.social)).toBe(NOTE_MAX_LENGTH);
  });

  it('lists an enum’s codes in the contract’s order', () => {
    expect(codesOf(ZExclusionCreateSchema.shape.reason)).toEqual(['relative', 'same_community', 'other']);
    expect(codesOf(ZPlanSchema.shape.goals.element.shape.status)).toEqual(['open', 'met', 'dropped']);
    expect(codesOf(ZConsentCreateSchema.shape.givenBy)).toEqual(['self', 'legal_representative']);
  });

  it('reads how many items a list takes, through its default and refinements', () => {
    expect(maxItemsOf(ZPersonInputSchema.shape.languages)).toBe(10);
    expect(maxItemsOf(z.array(z.string()).max(3).optional())).toBe(3);
  });

  it('refuses a field that sets no such limit, rather than guessing', () => {
    expect(() => maxItemsOf(z.array(z.string()))).toThrow();
    expect(() => maxItemsOf(z.string())).toThrow();
    expect(() => maxLengthOf(z.string())).toThrow();
    expect(() => maxLengthOf(z.number())).toThrow();
    expect(() => codesOf(z.string())).toThrow();
  });
});
