import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { governanceTestKit } from './support.js';

const { system } = governanceTestKit();

describe('governance holds nothing about beneficiaries', () => {
  it('no governance table references a household, a person, a case or a referral', async () => {
    const references = await system<{ table_name: string; referenced: string }>(
      sql`select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as referenced
            from pg_constraint c
           where c.contype = 'f' and c.conrelid::regclass::text like 'governance\\_%'`,
    );
    const tables = new Set(references.map((r) => r.table_name));
    expect(tables.size).toBeGreaterThan(15);
    const beneficiaryTables = await system<{ name: string }>(
      sql`select table_name as name from information_schema.tables
           where table_schema = 'public'
             and (table_name in ('households', 'people', 'cases', 'referrals', 'consents')
                  or table_name like 'case\\_%' or table_name like 'household\\_%' or table_name like 'autonomy\\_%'
                  or table_name like 'housing\\_%' or table_name like 'rent\\_%' or table_name like 'incident%')`,
    );
    expect(beneficiaryTables.length).toBeGreaterThan(5);
    const forbidden = new Set(beneficiaryTables.map((t) => t.name));
    expect(references.filter((r) => forbidden.has(r.referenced))).toEqual([]);
    const columns = await system<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns
           where table_schema = 'public' and table_name like 'governance\\_%'
             and column_name ~ '(household|person|people|case|referral|beneficiar)'`,
    );
    expect(columns).toEqual([]);
  });
});
