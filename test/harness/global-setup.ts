import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { generateKeySpec, parseKeyring } from '../../src/server/platform/crypto/field-crypto.js';
import { dumpPglite, openPglite, openPostgres } from '../../src/server/platform/db/client.js';
import { runMigrations } from '../../src/server/platform/db/migrate.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { loadReferenceData } from '../../src/server/seed/reference.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDir: string;
    pgTemplate: string | null;
  }
}

/**
 * Migrates and seeds one database (reference data, two districts, the partner organisations and
 * one account per role) and hands each test file a copy: a PGlite dump, or on PostgreSQL a
 * template database each file clones.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'trama-test-'));
  const keySpec = generateKeySpec('test1');
  const keyring = parseKeyring(keySpec);
  let pgTemplate: string | null = null;
  const url = process.env.DATABASE_URL;
  let cleanup = async () => {};
  if (url) {
    pgTemplate = `trama_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${pgTemplate}`);
    const database = await openPostgres({ url: withDatabase(url, pgTemplate) });
    await runMigrations(database);
    await loadReferenceData(database);
    const accounts = await seedDemo({ database, keyring, dataDir: dir });
    writeFileSync(join(dir, 'accounts.json'), JSON.stringify(accounts));
    await database.close();
    cleanup = async () => {
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [
        pgTemplate,
      ]);
      await admin.query(`drop database if exists ${pgTemplate}`);
      await admin.end();
    };
  } else {
    const database = await openPglite({});
    await runMigrations(database);
    await loadReferenceData(database);
    const accounts = await seedDemo({ database, keyring, dataDir: dir });
    writeFileSync(join(dir, 'accounts.json'), JSON.stringify(accounts));
    const dump = await dumpPglite(database);
    writeFileSync(join(dir, 'snapshot.tar'), Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  writeFileSync(join(dir, 'key'), keySpec);
  project.provide('fixtureDir', dir);
  project.provide('pgTemplate', pgTemplate);
  return async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
