import { z } from 'zod';

/**
 * Limits and code lists read from a contract's schema, so a form never repeats them: the input's
 * `maxLength`, a number input's `min`/`max` and a select's options follow the contract when it
 * changes. The schema is a field of the contract (`ZThingSchema.shape.note`); its wrappers
 * (optional, nullable, default, a transform) are looked through.
 */
function core(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNonOptional
    )
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined || !Number.isFinite(value as number))
    throw new Error(`the contract's schema sets no ${what}`);
  return value;
}

/** The longest text a contract's string field accepts (an input's `maxLength`). */
export function maxLengthOf(schema: z.ZodType): number {
  const field = core(schema);
  if (!(field instanceof z.ZodString)) throw new Error('not a text field');
  return required(field.maxLength, 'maximum length');
}

/** The shortest text a contract's string field accepts (a reason's minimum, say). */
export function minLengthOf(schema: z.ZodType): number {
  const field = core(schema);
  if (!(field instanceof z.ZodString)) throw new Error('not a text field');
  return required(field.minLength, 'minimum length');
}

/** The most items a contract's list field accepts (how many a multiple choice may take). */
export function maxItemsOf(schema: z.ZodType): number {
  const field = core(schema);
  if (!(field instanceof z.ZodArray)) throw new Error('not a list field');
  // Zod 4 keeps a list's bound among its checks, not on the schema itself.
  const bound = (field._zod.def.checks ?? [])
    .map((check) => check._zod.def as { check: string; maximum?: number })
    .find((def) => def.check === 'max_length')?.maximum;
  return required(bound, 'maximum number of items');
}

/** The bounds of a contract's number field, as a number input's `min` and `max` (when set). */
export function rangeOf(schema: z.ZodType): { min?: number; max?: number } {
  const field = core(schema);
  if (!(field instanceof z.ZodNumber)) throw new Error('not a number field');
  // An integer field is bounded by the safe integers anyway: only the contract's own bounds count.
  const set = (value: number | null) =>
    value !== null && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined;
  const range: { min?: number; max?: number } = {};
  const min = set(field.minValue);
  const max = set(field.maxValue);
  if (min !== undefined) range.min = min;
  if (max !== undefined) range.max = max;
  return range;
}

/** The codes of a contract's enum field, in the contract's order (a select's or a radio's options). */
export function codesOf<T extends string>(schema: z.ZodType<T | null | undefined>): readonly T[] {
  const field = core(schema);
  if (!(field instanceof z.ZodEnum)) throw new Error('not a code list');
  return field.options as unknown as readonly T[];
}
