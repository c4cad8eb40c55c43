import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sealPending, verifyChain } from '../../src/server/platform/audit/audit-chain.js';
import { writeAuditApart } from '../../src/server/platform/audit/audit-writer.js';
import { loadConfig } from '../../src/server/platform/config/config.js';
import { openConfiguredDatabase, StartupError } from '../../src/server/platform/db/open.js';
import { restorePglite } from '../../src/server/platform/db/pglite-backup.js';
import { JOB_ACTOR } from '../../src/server/platform/jobs/job-queue.js';
import { rowCountsOf } from '../harness/row-counts.js';
import { seededDataDir } from '../harness/trama-process.js';

const run = promisify(execFile);

/** A command as `npm run <script>` runs it, in a data directory; resolves with its exit code and output. */
async function command(script: 'backup' | 'restore', dataDir: string, args: string[] = []) {
  const { DATABASE_URL: _embeddedOnly, ...inherited } = process.env;
  const env = { ...inherited, TRAMA_DATA_DIR: dataDir };
  return run(process.execPath, ['--import', 'tsx', `src/server/cli/${script}.ts`, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

const configOf = (dataDir: string) => ({ ...loadConfig({}), dataDir });

// `npm run backup` and `npm run restore` on the embedded database (docs/operations.md).
describe.skipIf(process.env.DATABASE_URL)('backup and restore of the embedded database', () => {
  let dataDir: string;
  let elsewhere: string;
  let backupFile: string;

  beforeAll(async () => {
    elsewhere = mkdtempSync(join(tmpdir(), 'trama-restore-'));
    dataDir = await seededDataDir(inject('fixtureDir'));
    const database = await openConfiguredDatabase(configOf(dataDir));
    try {
      for (let i = 0; i < 5; i++)
        await writeAuditApart({ db: database.db, actor: JOB_ACTOR, event: { action: 'auth.logout' } });
      await sealPending({ database });
    } finally {
      await database.close();
    }
  }, 60_000);
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
  });

  it('refuses while Trama has the data directory open', async () => {
    const database = await openConfiguredDatabase(configOf(dataDir));
    try {
      const refused = await command('backup', dataDir);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('is in use by another Trama process');
      expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('writes a dump to backups/trama-<time>.tar.gz once Trama is stopped', async () => {
    const done = await command('backup', dataDir);
    expect(done.code).toBe(0);
    const files = readdirSync(join(dataDir, 'backups'));
    expect(files).toEqual([expect.stringMatching(/^trama-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/)]);
    backupFile = join(dataDir, 'backups', files[0]!);
    expect(done.output).toContain(`backup written to ${backupFile}`);
    expect(done.output).toContain('the data key is not in the backup');
  }, 60_000);

  it('restores into an empty data directory: the same rows in every table and an intact audit chain', async () => {
    const target = join(elsewhere, 'data');
    const done = await command('restore', target, [backupFile]);
    expect(done.code).toBe(0);
    // A new directory has no data key: the command says the key must come back before a start.
    expect(done.output).toContain('no data key for this database');
    copyFileSync(join(dataDir, 'data-key'), join(target, 'data-key'));

    const original = await openConfiguredDatabase(configOf(dataDir));
    const copy = await openConfiguredDatabase(configOf(target));
    try {
      const counts = await rowCountsOf(original);
      expect(counts['public.audit_events']).toBeGreaterThanOrEqual(5);
      expect(await rowCountsOf(copy)).toEqual(counts);
      const chain = await verifyChain({ database: copy });
      expect(chain).toMatchObject({ intact: true, unsealed: 0 });
      expect(chain.checked).toBe((await verifyChain({ database: original })).checked);
    } finally {
      await original.close();
      await copy.close();
    }
  }, 60_000);

  it('never restores over a data directory that holds a database, nor loads a file that is no backup', async () => {
    await expect(restorePglite({ config: configOf(dataDir), file: backupFile })).rejects.toThrow(
      /already holds a database/,
    );
    const junk = join(elsewhere, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    const empty = join(elsewhere, 'empty');
    mkdirSync(empty);
    await expect(restorePglite({ config: configOf(empty), file: junk })).rejects.toBeInstanceOf(StartupError);
    expect(readdirSync(empty).filter((f) => f === 'pglite')).toEqual([]);
    // Files people pick by mistake: a JSON file, a pg_dump archive (it starts "PGDMP").
    for (const [name, content] of [
      ['accounts.json', '{"username":"admin"}'],
      ['trama.dump', `PGDMP${'\0'.repeat(600)}`],
    ]) {
      const file = join(elsewhere, name!);
      writeFileSync(file, content!);
      await expect(restorePglite({ config: configOf(empty), file })).rejects.toThrow(/is not a backup/);
      expect(readdirSync(empty).filter((f) => f === 'pglite')).toEqual([]);
    }
  }, 60_000);
});
