import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeysetValue } from '../../src/contracts/keyset.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import {
  decodeCursor,
  defineKeyset,
  type Keyset,
  type KeysetRow,
  keysetAfter,
  keysetOrderBy,
  keysetPage,
  keysetSelect,
} from '../../src/server/platform/http/keyset.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

/**
 * The keyset helper every list uses (platform/http/keyset.ts), on a table made for it: nullable
 * columns, both directions, mixed directions, text beyond ASCII, dates, and timestamps a
 * microsecond apart (which a JavaScript date would merge). For each order, walking by cursor gives
 * every row once, in the order OFFSET paging gives, with and without a filter.
 */
let t: TestApp;
const PAGE_SIZE = 3;

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.execute(sql`create table keyset_probe (
    id uuid primary key, n integer, label text, at timestamptz not null, day date)`);
  const ns = [1, 2, 3, null];
  const labels = ['a', 'B', 'ä', 'zoë', null];
  const ats = [
    '2025-01-01 00:00:00.000001+00',
    '2025-01-01 00:00:00.000002+00',
    '2025-01-01 00:00:00.000999+00',
    '2024-12-31 23:59:59.999999+00',
  ];
  const days = ['2024-02-29', '2025-01-01', null];
  for (let i = 0; i < 70; i++) {
    await t.database.db.execute(sql`insert into keyset_probe values (gen_random_uuid(),
      ${ns[i % ns.length]!}, ${labels[(i * 7) % labels.length]!}, ${ats[(i * 3) % ats.length]!}::timestamptz,
      ${days[(i * 5) % days.length]!}::date)`);
  }
});
afterAll(() => t?.close());

const col = (name: string) => sql`${sql.identifier(name)}`;
const ORDERS: [string, Keyset][] = [
  [
    'timestamp desc, id desc (one row comparison)',
    defineKeyset({
      values: [{ type: 'timestamptz' }] as const,
      columns: [{ expr: col('at'), direction: 'desc' }],
      id: { expr: col('id'), direction: 'desc' },
    }),
  ],
  [
    'timestamp asc, id desc',
    defineKeyset({
      values: [{ type: 'timestamptz' }] as const,
      columns: [{ expr: col('at'), direction: 'asc' }],
      id: { expr: col('id'), direction: 'desc' },
    }),
  ],
  [
    'nullable integer asc',
    defineKeyset({
      values: [{ type: 'integer', nullable: true }] as const,
      columns: [{ expr: col('n'), direction: 'asc' }],
      id: { expr: col('id'), direction: 'asc' },
    }),
  ],
  [
    'nullable integer desc, nullable text asc',
    defineKeyset({
      values: [
        { type: 'integer', nullable: true },
        { type: 'text', nullable: true },
      ] as const,
      columns: [
        { expr: col('n'), direction: 'desc' },
        { expr: col('label'), direction: 'asc' },
      ],
      id: { expr: col('id'), direction: 'asc' },
    }),
  ],
  [
    'nullable date asc, timestamp desc, nullable integer desc',
    defineKeyset({
      values: [
        { type: 'date', nullable: true },
        { type: 'timestamptz' },
        { type: 'integer', nullable: true },
      ] as const,
      columns: [
        { expr: col('day'), direction: 'asc' },
        { expr: col('at'), direction: 'desc' },
        { expr: col('n'), direction: 'desc' },
      ],
      id: { expr: col('id'), direction: 'desc' },
    }),
  ],
  [
    'nullable text desc',
    defineKeyset({
      values: [{ type: 'text', nullable: true }] as const,
      columns: [{ expr: col('label'), direction: 'desc' }],
      id: { expr: col('id'), direction: 'asc' },
    }),
  ],
];
const FILTERS: [string, SQL][] = [
  ['no filter', sql`true`],
  ['n is not 2', sql`n is distinct from 2`],
  ['label present', sql`label is not null`],
];

async function byOffset(keyset: Keyset, filter: SQL) {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const rows = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from keyset_probe where ${filter} order by ${keysetOrderBy(keyset)} limit ${PAGE_SIZE} offset ${offset}`,
    );
    ids.push(...rows.map((r) => r.id));
    if (rows.length < PAGE_SIZE) return ids;
  }
}

async function byCursor(keyset: Keyset, filter: SQL) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const decoded = cursor ? decodeCursor(keyset, cursor) : null;
    if (cursor) expect(decoded).not.toBeNull();
    const found: KeysetRow[] = await queryRows<KeysetRow>(
      t.database.db,
      sql`select ${keysetSelect(keyset)} from keyset_probe
          where ${filter} and ${decoded ? keysetAfter(keyset, decoded) : sql`true`}
          order by ${keysetOrderBy(keyset)} limit ${PAGE_SIZE + 1}`,
    );
    const page = keysetPage({ keyset, rows: found, pageSize: PAGE_SIZE });
    ids.push(...page.rows.map((r) => r.keyset_id));
    cursor = page.nextCursor;
    if (ids.length > 1000) throw new Error('the cursor walk does not end');
  } while (cursor);
  return ids;
}

describe('keyset pagination helper', () => {
  for (const [name, keyset] of ORDERS)
    it(`walks every row once in the OFFSET order: ${name}`, async () => {
      for (const [filterName, filter] of FILTERS) {
        const offset = await byOffset(keyset, filter);
        const cursor = await byCursor(keyset, filter);
        expect(cursor, filterName).toEqual(offset);
        expect(new Set(cursor).size).toBe(cursor.length);
        const [{ n }] = (await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from keyset_probe where ${filter}`,
        )) as [{ n: number }];
        expect(cursor.length, filterName).toBe(n);
      }
    });

  it('sorts nulls last in either direction', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const keyset = defineKeyset({
        values: [{ type: 'integer', nullable: true }] as const,
        columns: [{ expr: col('n'), direction }],
        id: { expr: col('id'), direction: 'asc' },
      });
      const rows = await queryRows<{ n: number | null }>(
        t.database.db,
        sql`select n from keyset_probe order by ${keysetOrderBy(keyset)}`,
      );
      const firstNull = rows.findIndex((r) => r.n === null);
      expect(firstNull).toBeGreaterThan(0);
      expect(rows.slice(firstNull).every((r) => r.n === null)).toBe(true);
    }
  });

  it('carries timestamps to the microsecond and text beyond ASCII through the cursor', async () => {
    const keyset = ORDERS[0]![1];
    const [row] = await queryRows<KeysetRow>(
      t.database.db,
      sql`select ${keysetSelect(keyset)} from keyset_probe where at = '2025-01-01 00:00:00.000002+00' limit 1`,
    );
    expect(row!.keyset_0).toBe('2025-01-01T00:00:00.000002Z');
    const textKeyset = ORDERS[5]![1];
    const rows = await queryRows<KeysetRow>(
      t.database.db,
      sql`select ${keysetSelect(textKeyset)} from keyset_probe where label = 'zoë' order by ${keysetOrderBy(textKeyset)} limit 2`,
    );
    const { nextCursor } = keysetPage({ keyset: textKeyset, rows, pageSize: 1 });
    expect(decodeCursor(textKeyset, nextCursor!)).toEqual({ values: ['zoë'], id: rows[0]!.keyset_id });
  });

  it('refuses a cursor of another list, and a keyset whose columns do not match its values', () => {
    const [, one] = ORDERS[0]!;
    const [, two] = ORDERS[3]!;
    const { nextCursor } = keysetPage({
      keyset: one,
      rows: [
        { keyset_0: '2025-01-01T00:00:00.000002Z', keyset_id: '0b7d7c1e-6f3a-4c1e-9a55-1c2d3e4f5a6b' },
        { keyset_0: '2025-01-01T00:00:00.000001Z', keyset_id: '1b7d7c1e-6f3a-4c1e-9a55-1c2d3e4f5a6b' },
      ],
      pageSize: 1,
    });
    expect(decodeCursor(one, nextCursor!)).not.toBeNull();
    expect(decodeCursor(two, nextCursor!)).toBeNull();
    expect(() => keysetAfter(two, { values: ['2025-01-01T00:00:00Z'], id: crypto.randomUUID() })).toThrow();
    const values: readonly KeysetValue[] = [{ type: 'integer' }];
    expect(() =>
      defineKeyset({ values, columns: [] as never, id: { expr: col('id'), direction: 'asc' } }),
    ).toThrow();
  });
});
