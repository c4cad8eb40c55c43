import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../src/server/app.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { encryptedColumnsOf, fieldClassesOf } from '../../src/server/platform/module.js';

const FIELD_CLASSES = fieldClassesOf(MODULES);
const ENCRYPTED_COLUMNS = encryptedColumnsOf(MODULES);

import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function columns() {
  return queryRows<{ table_name: string; column_name: string }>(
    t.database.db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' order by table_name, ordinal_position`,
  );
}

describe('field classes', () => {
  it('class every column of every table, and name no column that does not exist', async () => {
    const actual = await columns();
    const unclassed = actual
      .filter((c) => !FIELD_CLASSES[c.table_name]?.[c.column_name])
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(unclassed).toEqual([]);
    const existing = new Set(actual.map((c) => `${c.table_name}.${c.column_name}`));
    const stale = Object.entries(FIELD_CLASSES)
      .flatMap(([table, cols]) => Object.keys(cols).map((c) => `${table}.${c}`))
      .filter((c) => !existing.has(c));
    expect(stale).toEqual([]);
  });

  it('keep every secret column out of trama_app\u2019s reach', async () => {
    const secret = Object.entries(FIELD_CLASSES).flatMap(([table, cols]) =>
      Object.entries(cols)
        .filter(([, c]) => c === 'secret')
        .map(([column]) => ({ table, column })),
    );
    const readable: string[] = [];
    for (const { table, column } of secret) {
      const [row] = await queryRows<{ ok: boolean }>(
        t.database.db,
        sql`select has_column_privilege('trama_app', ${table}, ${column}, 'SELECT') as ok`,
      );
      if (row!.ok) readable.push(`${table}.${column}`);
    }
    expect(readable).toEqual([]);
  });

  it('encrypt every safety column', () => {
    const safety = Object.entries(FIELD_CLASSES).flatMap(([table, cols]) =>
      Object.entries(cols)
        .filter(([, c]) => c === 'safety')
        .map(([column]) => `${table}.${column}`),
    );
    const encrypted = new Set(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`));
    expect(safety.filter((c) => !encrypted.has(c))).toEqual([]);
  });
});
