import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/server/platform/db/migrate.js';

/**
 * Records made before issue 16 stay valid: migration 0025 maps what can be mapped and leaves the
 * rest empty ("not recorded"), never a guessed value. The database is built up to migration 0023,
 * old-style rows are written, then the rest of the migrations run.
 */
const LAST_OLD_MIGRATION = 23;

function migrationsUpTo(folder: string, lastIndex: number) {
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= lastIndex);
  writeFileSync(journalPath, JSON.stringify(journal));
}

describe('migration of incidents recorded before issue 16', () => {
  let client: PGlite;
  let folder: string;
  const rows: Record<string, Record<string, unknown>> = {};

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'trama-migrations-'));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    migrationsUpTo(folder, LAST_OLD_MIGRATION);
    client = new PGlite();
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: folder });
    // Old rows as the old code wrote them; replication mode skips the foreign keys to a user and an organisation that this bare database lacks.
    await client.exec(`SET session_replication_role = replica;
      INSERT INTO services (id, organisation_id, name, kind)
      VALUES ('00000000-0000-4000-8000-0000000000aa', gen_random_uuid(), 'CAV', 'anti_violence_centre');
      INSERT INTO incidents (id, service_id, created_by, status, survivor_code, incident_month, age_band,
        gender, core_type, forms, children_present, children_witnessed, author_relationship,
        risk_indicators, harmful_practice, contexts, first_contact, consent_reporting)
      VALUES
        ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000aa', gen_random_uuid(), 'recorded', 'S-AAAAA-AAAAA',
         '2025-03', '26-40', 'female', 'forced_marriage', '{psychological}', true, true, 'spouse_partner',
         '{previous_violence,jealousy_control,weapon}', true, '{intimate_partner_violence,early_forced_marriage,harmful_traditional_practice}',
         'police', true),
        ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000aa', gen_random_uuid(), 'recorded', 'S-BBBBB-BBBBB',
         '2025-04', '12-17', 'female', 'forced_marriage', '{psychological}', false, false, 'parent',
         '{}', false, '{early_forced_marriage}', 'school', true);
      SET session_replication_role = origin;`);
    cpSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), join(folder, 'meta', '_journal.json'));
    await migrate(db, { migrationsFolder: folder });
    const result = await client.query<Record<string, unknown>>(
      `select id, risk_assessment, harmful_practice_type, sought_help_from, referred_by, contexts,
              children_present, children_witnessed, risk_indicators, first_contact, age, disability
         from incidents`,
    );
    for (const row of result.rows) rows[String(row.id).slice(-1)] = row;
  });

  afterAll(async () => {
    await client?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('carries the old risk list into the assessment: present now, previous violence in the past', () => {
    expect(rows['1']!.risk_assessment).toEqual({
      previous_violence: { past: 'present' },
      jealousy_control: { now: 'present' },
      weapon: { now: 'present' },
    });
    expect(rows['2']!.risk_assessment).toEqual({});
  });

  it('marks the kind of an old harmful practice "not recorded" and leaves it empty where there was none', () => {
    expect(rows['1']!.harmful_practice_type).toBe('not_recorded');
    expect(rows['2']!.harmful_practice_type).toBeNull();
  });

  it('maps the old first contact only where the answer says whom she turned to, never who sent her', () => {
    expect(rows['1']!.sought_help_from).toEqual(['police']);
    expect(rows['2']!.sought_help_from).toEqual([]);
    expect(rows['1']!.referred_by).toEqual([]);
    expect(rows['2']!.referred_by).toEqual([]);
  });

  it('keeps early marriage only for a minor at the time', () => {
    expect(rows['1']!.contexts).toEqual(['intimate_partner_violence', 'harmful_traditional_practice']);
    expect(rows['2']!.contexts).toEqual(['early_marriage']);
  });

  it('keeps what was recorded and guesses nothing new', () => {
    expect(rows['1']).toMatchObject({
      children_present: true,
      children_witnessed: true,
      first_contact: 'police',
    });
    expect(rows['1']!.risk_indicators).toEqual(['previous_violence', 'jealousy_control', 'weapon']);
    expect(rows['1']).toMatchObject({ age: null, disability: null });
  });

  it('rebuilds the counts: old records are counted under the new tables, and survivors beside incidents', async () => {
    const counts = await client.query<{
      table_key: string;
      row_category: string;
      column_category: string;
      count: number;
    }>(
      `select table_key, row_category, column_category, count from incident_counts
        where year = 2025 and count > 0 and table_key in ('survivors', 'risk', 'sought-help', 'children')
        order by 1, 2, 3`,
    );
    expect(counts.rows).toEqual([
      { table_key: 'children', row_category: 'not_present', column_category: 'not_witnessed', count: 1 },
      { table_key: 'children', row_category: 'present', column_category: 'witnessed', count: 1 },
      { table_key: 'risk', row_category: 'jealousy_control', column_category: 'all', count: 1 },
      { table_key: 'risk', row_category: 'previous_violence', column_category: 'all', count: 1 },
      { table_key: 'risk', row_category: 'weapon', column_category: 'all', count: 1 },
      { table_key: 'sought-help', row_category: 'police', column_category: 'all', count: 1 },
      { table_key: 'survivors', row_category: 'not_recorded', column_category: 'female', count: 2 },
    ]);
  });
});
