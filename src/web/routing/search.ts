import type { z } from 'zod';

/** Small readers for URL search params: the URL is user input, so every value is checked. */
export function optionalString(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

export function positiveInt(value: unknown, fallback = 1): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : fallback;
}

/** A yes/no filter the URL keeps as `true`; anything else is no filter. */
export function flag(value: unknown): true | undefined {
  return value === true || value === 'true' ? true : undefined;
}

type ContractFields = Record<string, z.ZodType>;

/**
 * Reads URL search params with the fields of a contract's query schema (the same schema the server
 * validates the API call with), one field at a time. The URL is user input: a value the contract
 * refuses is dropped, never an error page; an absent or empty value stays absent, so the contract's
 * defaults do not fill the URL.
 */
export function contractSearch<F extends ContractFields>(fields: F) {
  return (search: Record<string, unknown>): { [K in keyof F]?: Exclude<z.output<F[K]>, undefined> } => {
    const result: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(fields)) {
      const value = search[key];
      if (value === undefined || value === '') continue;
      const parsed = schema.safeParse(value);
      if (parsed.success && parsed.data !== undefined && parsed.data !== '') result[key] = parsed.data;
    }
    return result as { [K in keyof F]?: Exclude<z.output<F[K]>, undefined> };
  };
}
