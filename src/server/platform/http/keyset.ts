import { type SQL, sql } from 'drizzle-orm';
import {
  type KeysetValue,
  keysetCursorSchema,
  type TKeysetCursor,
  type TKeysetValueType,
} from '../../../contracts/keyset.js';

/**
 * Keyset pagination for every list (docs/adding-a-module.md): one declaration of the list's order
 * gives its ORDER BY, the predicate "after this cursor", the cursor columns to select and the next
 * cursor, so the four cannot disagree. The list's contract declares the value types
 * (`keysetCursorSchema`), which validates and decodes the cursor on the way in.
 *
 *   const K = defineKeyset({ values: THING_CURSOR_VALUES, columns: [{ expr: sql`t.due_on`, direction: 'asc' }],
 *     id: { expr: sql`t.id`, direction: 'asc' } });
 *   select …, ${keysetSelect(K)} from things t where ${filters} and ${keysetAfter(K, cursor)}
 *     order by ${keysetOrderBy(K)} limit ${pageSize + 1}
 *   const { rows, nextCursor } = keysetPage({ keyset: K, rows: found, pageSize });
 *
 * Rules: the id is the last key, so ties never drop or repeat a row; a nullable column sorts its
 * nulls last in either direction; the sort expressions are the columns (or expressions) an index
 * can serve, never a computed label.
 */
export type Direction = 'asc' | 'desc';
export interface KeysetColumn {
  expr: SQL;
  direction: Direction;
}
export interface Keyset {
  values: readonly KeysetValue[];
  columns: (KeysetColumn & KeysetValue)[];
  id: KeysetColumn;
}
/** A row selected with `keysetSelect`: its cursor values as `keyset_0…` and its id as `keyset_id`. */
export type KeysetRow = { keyset_id: string } & Record<string, unknown>;

export function defineKeyset<const V extends readonly KeysetValue[]>({
  values,
  columns,
  id,
}: {
  values: V;
  columns: { [K in keyof V]: KeysetColumn };
  id: KeysetColumn;
}): Keyset {
  const list = columns as readonly KeysetColumn[];
  if (list.length !== values.length) throw new Error('a keyset needs one column per cursor value');
  return { values, columns: values.map((value, i) => ({ ...value, ...list[i]! })), id };
}

const CAST: Record<TKeysetValueType | 'uuid', SQL> = {
  timestamptz: sql.raw('timestamptz'),
  date: sql.raw('date'),
  text: sql.raw('text'),
  integer: sql.raw('integer'),
  uuid: sql.raw('uuid'),
};

/** The value as the cursor carries it: text that casts back exactly (microseconds included). */
function cursorText({ expr, type }: { expr: SQL; type: TKeysetValueType }): SQL {
  switch (type) {
    case 'timestamptz':
      return sql`to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'date':
      return sql`to_char(${expr}, 'YYYY-MM-DD')`;
    case 'text':
      return sql`(${expr})::text`;
    case 'integer':
      return sql`(${expr})::integer`;
  }
}

export function keysetOrderBy(keyset: Keyset): SQL {
  return sql.join(
    [
      ...keyset.columns.map(
        (c) => sql`${c.expr} ${sql.raw(c.direction)}${c.nullable ? sql.raw(' nulls last') : sql``}`,
      ),
      sql`${keyset.id.expr} ${sql.raw(keyset.id.direction)}`,
    ],
    sql`, `,
  );
}

/** The select-list entries the next cursor is made of. */
export function keysetSelect(keyset: Keyset): SQL {
  return sql.join(
    [
      ...keyset.columns.map((c, i) => sql`${cursorText(c)} as ${sql.identifier(`keyset_${i}`)}`),
      sql`${keyset.id.expr} as keyset_id`,
    ],
    sql`, `,
  );
}

interface Key {
  expr: SQL;
  direction: Direction;
  nullable: boolean;
  value: SQL | null;
}

/** The rows strictly after the cursor in the keyset's order. */
export function keysetAfter(keyset: Keyset, cursor: TKeysetCursor): SQL {
  if (cursor.values.length !== keyset.columns.length) throw new Error('a cursor of another list');
  const keys: Key[] = [
    ...keyset.columns.map((c, i) => {
      const v = cursor.values[i];
      return {
        expr: c.expr,
        direction: c.direction,
        nullable: c.nullable ?? false,
        value: v === null || v === undefined ? null : sql`${v}::${CAST[c.type]}`,
      };
    }),
    { ...keyset.id, nullable: false, value: sql`${cursor.id}::${CAST.uuid}` },
  ];
  const direction = keys[0]!.direction;
  // One direction and no nulls: a row comparison, which an index on the same columns can serve.
  if (keys.every((k) => !k.nullable && k.direction === direction)) {
    return sql`(${sql.join(
      keys.map((k) => k.expr),
      sql`, `,
    )}) ${sql.raw(direction === 'asc' ? '>' : '<')} (${sql.join(
      keys.map((k) => k.value!),
      sql`, `,
    )})`;
  }
  // Otherwise: equal on the keys before, strictly after on this one, for each key in turn.
  const terms: SQL[] = [];
  keys.forEach((key, i) => {
    const after = strictlyAfter(key);
    if (!after) return;
    terms.push(sql`(${sql.join([...keys.slice(0, i).map(equalTo), after], sql` and `)})`);
  });
  const expanded = sql`(${sql.join(terms, sql` or `)})`;
  // The OR alone is no index condition; the bound it implies on the first key is, so an index
  // led by that column starts at the cursor instead of reading every row before it.
  const [first] = keys;
  if (first!.nullable || first!.value === null) return expanded;
  return sql`${first!.expr} ${sql.raw(first!.direction === 'asc' ? '>=' : '<=')} ${first!.value} and ${expanded}`;
}

function equalTo(key: Key): SQL {
  return key.value === null ? sql`${key.expr} is null` : sql`${key.expr} = ${key.value}`;
}

/** Nulls sort last: after a null come only the rows tied on it; after a value come the nulls too. */
function strictlyAfter(key: Key): SQL | null {
  if (key.value === null) return null;
  const beyond = sql`${key.expr} ${sql.raw(key.direction === 'asc' ? '>' : '<')} ${key.value}`;
  return key.nullable ? sql`(${beyond} or ${key.expr} is null)` : beyond;
}

export function encodeCursor(cursor: TKeysetCursor): string {
  return Buffer.from(JSON.stringify({ v: cursor.values, id: cursor.id })).toString('base64url');
}

/** For callers outside a route (jobs, scripts): the cursor decoded, or null when it is not one of this list's. */
export function decodeCursor(keyset: Keyset, text: string): TKeysetCursor | null {
  const parsed = keysetCursorSchema(keyset.values).safeParse(text);
  return parsed.success ? parsed.data : null;
}

/**
 * The page out of `pageSize + 1` rows read: the extra row only says whether a next page exists,
 * so the last page has no cursor and a list never needs its count to know where it ends.
 */
export function keysetPage<R extends KeysetRow>({
  keyset,
  rows,
  pageSize,
}: {
  keyset: Keyset;
  rows: R[];
  pageSize: number;
}): { rows: R[]; nextCursor: string | null } {
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  if (rows.length <= pageSize || !last) return { rows: shown, nextCursor: null };
  return {
    rows: shown,
    nextCursor: encodeCursor({
      values: keyset.columns.map((_, i) => (last[`keyset_${i}`] ?? null) as string | number | null),
      id: last.keyset_id,
    }),
  };
}
