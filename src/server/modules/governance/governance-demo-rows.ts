import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';

/**
 * One insert of many demo rows: the demo's data stays in tables (arrays of rows) and each table is
 * written by one statement. A value is a parameter, or an SQL fragment (a day of the project).
 * `tail` ends the statement: `on conflict do nothing`, or `returning id, title` to link the rows
 * that follow.
 */
export async function insertRows<R extends Record<string, unknown> = Record<string, unknown>>(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail: SQL = sql``,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${sql.join(
          row.map((v) => sql`${v}`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );
  return queryRows<R>(tx, sql`insert into ${sql.identifier(table)} (${names}) values ${values} ${tail}`);
}
