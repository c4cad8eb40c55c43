import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../../src/server/app.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { fieldClassesOf, retentionOf } from '../../src/server/platform/module.js';
import { RETENTION_CLASSES } from '../../src/server/platform/retention/retention-classes.js';

const FIELD_CLASSES = fieldClassesOf(MODULES);

import { createTestApp, type TestApp } from '../harness/test-app.js';

// A table that holds personal data is read by the request role only through row-level security:
// enabled, forced (so the owner's own queries are filtered too) and with a policy for trama_app —
// or not at all: a table trama_app holds no privilege on (kept by triggers) needs no policy.
// A new module's table is caught here the day its migration forgets one of the three.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PERSONAL = new Set(['identifying', 'special', 'safety']);

describe('row-level security on every table with personal data', () => {
  it('is enabled and forced, with a policy for the request role', async () => {
    const personal = Object.entries(FIELD_CLASSES)
      .filter(([, columns]) => Object.values(columns).some((c) => PERSONAL.has(c)))
      .map(([table]) => table);
    expect(personal.length).toBeGreaterThan(10);
    const rows = await queryRows<{
      table: string;
      enabled: boolean;
      forced: boolean;
      app_policies: number;
      app_reaches: boolean;
    }>(
      t.database.db,
      sql`select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policies p
              where p.schemaname = 'public' and p.tablename = c.relname and 'trama_app' = any (p.roles)) as app_policies,
            has_table_privilege('trama_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') as app_reaches
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'`,
    );
    const byTable = new Map(rows.map((r) => [r.table, r]));
    const missing = personal.flatMap((table) => {
      const row = byTable.get(table);
      if (!row) return [`${table}: no such table`];
      return [
        ...(row.enabled ? [] : [`${table}: row-level security not enabled`]),
        ...(row.forced ? [] : [`${table}: row-level security not forced`]),
        ...(row.app_policies > 0 || !row.app_reaches ? [] : [`${table}: no policy for trama_app`]),
      ];
    });
    expect(missing).toEqual([]);
  });
});

// Privacy operations keep or erase rows by their table's class: a table without one would be kept
// for ever, unnoticed. Every table (the migrations' own bookkeeping lives in another schema) has one.
describe('retention classes', () => {
  it('name every table, and only tables that exist, with a known class', async () => {
    const retention = retentionOf(MODULES);
    const tables = (
      await queryRows<{ table: string }>(
        t.database.db,
        sql`select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p')`,
      )
    ).map((r) => r.table);
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((table) => !(table in retention)).sort()).toEqual([]);
    expect(Object.keys(retention).filter((table) => !tables.includes(table))).toEqual([]);
    expect(Object.values(retention).filter((c) => !(c in RETENTION_CLASSES))).toEqual([]);
  });
});
