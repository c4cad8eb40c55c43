import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPending, verifyChain } from '../../src/server/platform/audit/audit-chain.js';
import { type Database, openPostgres } from '../../src/server/platform/db/client.js';
import { withDatabase } from '../harness/global-setup.js';
import { rowCountsOf } from '../harness/row-counts.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

const run = promisify(execFile);
const PG = process.env.DATABASE_URL;

/** pg_dump and pg_restore of this machine: on the PATH, else the newest under /usr/lib/postgresql. */
function postgresTool(name: 'pg_dump' | 'pg_restore') {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (existsSync(join(dir, name))) return join(dir, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).sort((x, y) => Number(y) - Number(x))
    : ([] as string[]);
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  throw new Error(`${name} not found on the PATH or under ${root}`);
}

/** Seals until nothing is left (another database's open transaction may hold the horizon back). */
async function sealAll(database: Database) {
  for (let i = 0; i < 100; i++) {
    await sealPending({ database });
    const [row] = await database.query<{ n: number }>(
      'select count(*)::int as n from audit_events where chain_seq is null',
    );
    if (row!.n === 0) return;
    await sleep(50);
  }
  throw new Error('audit events stayed unsealed for 5 seconds');
}

// The procedure of docs/operations.md, run for real: pg_dump -Fc of a database with the demo data
// and a sealed audit chain, pg_restore into a fresh database, then the same rows and the chain
// verified on the copy (also by `npm run audit:verify`).
describe.skipIf(!PG)('backup and restore on PostgreSQL', () => {
  const restoredName = `trama_restored_${process.pid}_${Date.now()}`;
  let work: string;
  let dumpFile: string;
  let t: TestApp;
  let admin: pg.Client;
  let restored: Database;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'trama-pgdump-'));
    dumpFile = join(work, 'trama.dump');
    t = await createTestApp();
    // Some of everything a day leaves: writes, reads of the audit trail, a refusal.
    const administrator = await t.signIn('admin');
    for (let i = 0; i < 5; i++) {
      const res = await administrator.request({
        method: 'POST',
        url: '/api/districts',
        payload: { code: `DUMP-${i}`, name: `Ambito ${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    const dpo = await t.signIn('dpo');
    expect((await dpo.request({ method: 'GET', url: '/api/audit/events' })).statusCode).toBe(200);
    await sealAll(t.database);
    admin = new pg.Client({ connectionString: PG });
    await admin.connect();
  }, 60_000);

  afterAll(async () => {
    await restored?.close();
    await admin?.query(`drop database if exists ${restoredName} with (force)`);
    await admin?.end();
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('dumps with pg_dump -Fc and restores with pg_restore into a fresh database: same rows in every table', async () => {
    await run(postgresTool('pg_dump'), ['--format=custom', '--file', dumpFile, '--dbname', t.database.url!]);
    expect(statSync(dumpFile).size).toBeGreaterThan(10_000);
    await admin.query(`create database ${restoredName}`);
    const restoredUrl = withDatabase(PG!, restoredName);
    await run(postgresTool('pg_restore'), [
      '--no-owner',
      '--exit-on-error',
      '--dbname',
      restoredUrl,
      dumpFile,
    ]);
    restored = await openPostgres({ url: restoredUrl, poolSize: 2 });

    const before = await rowCountsOf(t.database);
    const after = await rowCountsOf(restored);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    expect(before['public.audit_events']).toBeGreaterThan(5);
    expect(before['public.users']).toBeGreaterThan(5);
    expect(after).toEqual(before);
  });

  it('keeps row-level security and the trama_app grants on the copy', async () => {
    const shape = `select (select count(*)::int from pg_policies) as policies,
        (select count(*)::int from pg_class where relforcerowsecurity) as forced,
        (select count(*)::int from information_schema.role_table_grants where grantee = 'trama_app') as grants,
        (select count(*)::int from information_schema.column_privileges where grantee = 'trama_app') as column_grants`;
    const [original] = await t.database.query(shape);
    const [copy] = await restored.query(shape);
    expect((original as { policies: number }).policies).toBeGreaterThan(20);
    expect(copy).toEqual(original);
  });

  it('verifies the restored audit chain intact, event for event (verifyChain and npm run audit:verify)', async () => {
    const original = await verifyChain({ database: t.database });
    const copy = await verifyChain({ database: restored });
    expect(copy).toMatchObject({ intact: true, unsealed: 0, checked: original.checked });
    const [heads] = await restored.query<{ seq: string; hash: string }>(
      'select seq::text, hash from audit_chain_head',
    );
    const [originalHead] = await t.database.query<{ seq: string; hash: string }>(
      'select seq::text, hash from audit_chain_head',
    );
    expect(heads).toEqual(originalHead);

    const cli = await run('npx', ['tsx', 'src/server/cli/audit-verify.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: withDatabase(PG!, restoredName),
        TRAMA_DATA_DIR: mkdtempSync(join(work, 'cli-')),
      },
    });
    expect(cli.stdout).toMatch(new RegExp(`^audit chain intact: ${original.checked} events verified`, 'm'));
  }, 60_000);
});
