import { z } from 'zod';

/** Every identifier of a record is a UUID; never a sequential number that leaks volume. */
export const ZIdSchema = z.uuid();

export const ZLocaleSchema = z.enum(['it', 'en']);
export type TLocale = z.infer<typeof ZLocaleSchema>;

/** A message every user-facing error carries in both working languages. */
export const ZLocalizedTextSchema = z.object({ it: z.string(), en: z.string() });
export type TLocalizedText = z.infer<typeof ZLocalizedTextSchema>;

/** RFC 7807 problem details, with the Italian and English text and the failing fields. */
export const ZProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  localized: z.object({
    it: z.object({ title: z.string(), detail: z.string().optional() }),
    en: z.object({ title: z.string(), detail: z.string().optional() }),
  }),
  errors: z
    .array(
      z.object({
        field: z.string(),
        code: z.string(),
        message: ZLocalizedTextSchema,
        /** The record the error points to, e.g. the household where a possible duplicate is. */
        relatedRecord: z.object({ type: z.string(), id: z.string(), code: z.string() }).optional(),
      }),
    )
    .optional(),
});
export type TProblem = z.infer<typeof ZProblemSchema>;

export const ZPageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** Free text fields: bounded, trimmed, no control characters (log injection, 16.4.1). */
export function text({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed');
}

/**
 * Long free text written in a text area (a report, a note): the same bounds, and paragraphs — line
 * breaks and tabs are kept, every other control character is refused. Never logged.
 */
export function multilineText({ min = 1, max }: { min?: number; max: number }) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, 'control characters other than line breaks are not allowed');
}

export const ZIdParamsSchema = z.strictObject({ id: ZIdSchema });

/** The years a date written by a person may fall in: PostgreSQL refuses year 0000, which `z.iso.date()` accepts. */
export const ISO_DATE_YEARS = { min: 1900, max: 2100 } as const;
export const ISO_DATE_RANGE_MESSAGE = 'a date between 1900 and 2100';

/**
 * A calendar day (YYYY-MM-DD) within ISO_DATE_YEARS, so a date the contract accepts is one the
 * database stores (never a 500) and the error names the field. Judged only once the format holds.
 */
export function isoDate() {
  const [first, last] = [`${ISO_DATE_YEARS.min}-01-01`, `${ISO_DATE_YEARS.max}-12-31`];
  return z.iso.date().refine((v) => v >= first && v <= last, {
    message: ISO_DATE_RANGE_MESSAGE,
    when: (payload) => payload.issues.length === 0,
  });
}

/** An update must change something: an empty PATCH body is a field error, not a no-op. */
export function nonEmpty<T extends z.ZodType<Record<string, unknown>>>(schema: T) {
  return schema.refine((value) => Object.keys(value).length > 0, {
    message: 'at least one field is required',
  });
}

/**
 * How a count hidden by disclosure control reads in every output: one neutral mark, never 0, and
 * the same whether the count is small or hides another (a label such as "< 5" would be false for
 * a large complementary cell and would tell the two apart). JSON carries null (ADR 0006).
 */
export const HIDDEN_COUNT = { it: 'riservato', en: 'suppressed' } as const;
