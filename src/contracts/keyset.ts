import { z } from 'zod';
import { pageOf, ZIdSchema } from './common.js';

/**
 * Keyset (cursor) pagination: a page starts after the last row the previous page showed, named by
 * that row's sort values and id, so a deep page costs what the first one does (no OFFSET scan)
 * and rows added meanwhile never shift a page. The cursor is opaque to clients: base64url of
 * `{"v":[sort values],"id":"<uuid>"}`. Each list declares the types of its sort values here, and
 * the server's `platform/http/keyset.ts` builds the ORDER BY, the predicate and the next cursor
 * from the same declaration.
 */
export const KEYSET_VALUE_TYPES = ['timestamptz', 'date', 'text', 'integer'] as const;
export type TKeysetValueType = (typeof KEYSET_VALUE_TYPES)[number];

/** One sort value of a list: its type and whether the column can be null (nulls sort last). */
export interface KeysetValue {
  type: TKeysetValueType;
  nullable?: boolean;
}

export type TKeysetCursor = { values: (string | number | null)[]; id: string };

export const CURSOR_MAX_LENGTH = 600;
/** The one message of every refused cursor: the client cannot mend it, only start again. */
export const INVALID_CURSOR = 'not a position in this list: start again from the first page';

// Year 0000 passes the ISO shape but not PostgreSQL's input: refused here, never a 500 there.
const notYearZero = (v: string) => !v.startsWith('0000');

/** What each type may carry: exactly what PostgreSQL accepts back, so a cast never fails. */
const VALUE_SCHEMAS: Record<TKeysetValueType, z.ZodType<string | number>> = {
  // UTC with microseconds, as the server writes it: JavaScript dates would lose the microseconds.
  timestamptz: z.iso.datetime().refine(notYearZero),
  date: z.iso.date().refine(notYearZero),
  text: z
    .string()
    .max(500)
    .regex(/^[^\p{Cc}\p{Cs}]*$/u),
  integer: z.int32(),
};

function decodeBase64Url(text: string): unknown {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** The cursor as it travels in a URL: bounded, base64url characters only. */
export const ZCursorTextSchema = z
  .string()
  .min(1, INVALID_CURSOR)
  .max(CURSOR_MAX_LENGTH, INVALID_CURSOR)
  .regex(/^[A-Za-z0-9_-]+$/, INVALID_CURSOR);

/**
 * A list's `cursor` query parameter: validated strictly (shape, arity, each value's type) and
 * decoded on the way in, so a forged or truncated cursor is a 400 naming the field, never a
 * failed cast in SQL.
 */
export function keysetCursorSchema(values: readonly KeysetValue[]) {
  const decoded = z.strictObject({
    v: z.tuple(
      values.map((value) =>
        value.nullable ? VALUE_SCHEMAS[value.type].nullable() : VALUE_SCHEMAS[value.type],
      ) as [z.ZodType, ...z.ZodType[]],
    ),
    id: ZIdSchema,
  });
  return ZCursorTextSchema.transform((text, ctx): TKeysetCursor => {
    let parsed: ReturnType<typeof decoded.safeParse> | undefined;
    try {
      parsed = decoded.safeParse(decodeBase64Url(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      ctx.addIssue({ code: 'custom', message: INVALID_CURSOR });
      return z.NEVER;
    }
    return { values: parsed.data.v as TKeysetCursor['values'], id: parsed.data.id };
  });
}

/** A page of a list that offers cursors: `nextCursor` is null on the last page. */
export function keysetPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ nextCursor: ZCursorTextSchema.nullable() });
}
