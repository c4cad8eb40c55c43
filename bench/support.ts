import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/server/platform/db/client.js';

/** PGlite in memory, or a scratch database on DATABASE_URL's server that is dropped afterwards. */
export async function openDatabase(): Promise<{
  database: Database;
  cleanup: () => Promise<void>;
  label: string;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return {
      database: await openPglite({}),
      cleanup: async () => {},
      label: 'PGlite (in memory)',
    };
  }
  const name = `trama_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres({ url: u.toString(), poolSize: 20 });
  return {
    database,
    label: 'PostgreSQL',
    cleanup: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
