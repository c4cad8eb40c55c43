import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { type Database, dumpPglite, openPglite } from './client.js';
import { lockPgliteDir, pgliteDirOf, StartupError } from './open.js';

/**
 * Backup and restore of the embedded database (docs/operations.md). Both take the data directory's
 * lock first, so they refuse while Trama (or a command) has it open: a copy of files PGlite is
 * writing would not be consistent, and PGlite does not fsync. PostgreSQL is backed up with
 * pg_dump and pg_restore instead.
 */
export type BackupConfig = Pick<Config, 'dataDir' | 'databaseUrl'>;

/** `<dataDir>/backups/trama-2026-05-04T10-30-00Z.tar.gz`: sortable, no colons (Windows shares). */
export function defaultBackupFile({ config, now = new Date() }: { config: BackupConfig; now?: Date }) {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return join(config.dataDir, 'backups', `trama-${stamp}.tar.gz`);
}

export async function backupPglite({
  config,
  file = defaultBackupFile({ config }),
}: {
  config: BackupConfig;
  file?: string;
}): Promise<{ file: string; bytes: number }> {
  refusePostgres(config, 'pg_dump');
  const dir = pgliteDirOf(config);
  if (!existsSync(join(dir, 'PG_VERSION')))
    throw new StartupError(`there is no Trama database in ${config.dataDir}: nothing to back up`);
  const target = resolve(file);
  if (existsSync(target)) throw new StartupError(`${target} already exists: name another file`);
  const release = await lockPgliteDir({ config });
  try {
    const database = await openPglite({ dataDir: dir });
    let dump: Blob;
    try {
      await database.query('CHECKPOINT');
      dump = await dumpPglite(database, 'gzip');
    } finally {
      await database.close();
    }
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(dirname(target), { recursive: true });
    // The dump holds personal data (its safety fields encrypted): readable by the owner only.
    writeFileSync(target, bytes, { mode: 0o600, flag: 'wx' });
    return { file: target, bytes: bytes.length };
  } finally {
    await release();
  }
}

/** Loads a backup into a data directory that holds no database yet; never over an existing one. */
export async function restorePglite({
  config,
  file,
}: {
  config: BackupConfig;
  file: string;
}): Promise<{ users: number; auditEvents: number }> {
  refusePostgres(config, 'pg_restore');
  const source = resolve(file);
  if (!existsSync(source)) throw new StartupError(`there is no backup file ${source}`);
  const dir = pgliteDirOf(config);
  mkdirSync(config.dataDir, { recursive: true });
  const release = await lockPgliteDir({ config });
  try {
    if (existsSync(dir) && readdirSync(dir).length > 0)
      throw new StartupError(
        `the data directory ${config.dataDir} already holds a database: restore into an empty data directory (or move ${dir} away first)`,
      );
    mkdirSync(dir, { recursive: true });
    const notABackup = async (database?: Database) => {
      await database?.close().catch(() => {});
      // The directory was empty: leave it so, not half-loaded.
      rmSync(dir, { recursive: true, force: true });
      return new StartupError(`${source} is not a backup made by npm run backup`);
    };
    const bytes = readFileSync(source);
    // A file that is neither gzip nor tar would fail inside PGlite's decompression, out of reach of
    // this try (a crash): judge it by its first bytes instead.
    if (!looksLikeArchive(bytes)) throw await notABackup();
    let database: Database;
    try {
      database = await openPglite({ dataDir: dir, dump: new Blob([bytes]) });
    } catch {
      throw await notABackup();
    }
    // PGlite starts an empty database when the file holds none: that is no restore.
    const [trama] = await database.query<{ ok: boolean }>(
      `select to_regclass('public.audit_events') is not null and to_regclass('public.users') is not null as ok`,
    );
    if (!trama?.ok) throw await notABackup(database);
    try {
      const count = async (table: string) =>
        Number((await database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n ?? 0);
      return { users: await count('users'), auditEvents: await count('audit_events') };
    } finally {
      await database.close();
    }
  } finally {
    await release();
  }
}

function refusePostgres(config: BackupConfig, tool: string) {
  if (config.databaseUrl)
    throw new StartupError(
      `DATABASE_URL is set: back up and restore PostgreSQL with ${tool} (docs/operations.md); this command is for the embedded database`,
    );
}

/** gzip's magic number, or a tar header's "ustar" at byte 257. */
function looksLikeArchive(bytes: Buffer) {
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const tar = bytes.length > 262 && bytes.subarray(257, 262).toString('latin1') === 'ustar';
  return gzip || tar;
}
