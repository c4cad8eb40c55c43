import { sql } from 'drizzle-orm';

/**
 * A check that a text column holds one of the contract's codes (null passes: nullable columns).
 * The codes are written as literals (a check constraint takes no parameters); they are the
 * contract's own snake_case arrays, and anything else is refused here.
 */
export const inList = (column: unknown, values: readonly string[]) => {
  if (!values.every((v) => /^[a-z0-9_]+$/.test(v))) throw new Error('inList takes snake_case codes only');
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
};
