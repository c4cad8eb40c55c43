import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { newCheckpointKey } from '../src/server/platform/audit/checkpoint-key.js';
import { createSession, SESSION_COOKIE } from '../src/server/platform/auth/sessions.js';
import { loadConfig } from '../src/server/platform/config/config.js';
import { generateKeySpec, parseKeyring } from '../src/server/platform/crypto/field-crypto.js';
import { type Database, openPglite, openPostgres } from '../src/server/platform/db/client.js';
import { runMigrations } from '../src/server/platform/db/migrate.js';
import { declareQueues, startQuietJobQueue } from '../src/server/platform/jobs/job-queue.js';
import { memberships, users } from '../src/server/platform/tenancy/tenancy.sql.js';
import { seedDemo } from '../src/server/seed/demo.js';
import { loadReferenceData } from '../src/server/seed/reference.js';

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

/**
 * Trama as the benchmarks measure it: migrated, reference data and demo accounts loaded, listening
 * on a free port. `cookieFor` signs a demo account in (its first membership) without the login
 * round trips; `stop` closes everything and drops the scratch database.
 */
export async function startTrama() {
  const { database, cleanup, label } = await openDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'trama-bench-'));
  let closeJobs = async () => {};
  const stop = async () => {
    await closeJobs();
    await database.close();
    await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const keyring = parseKeyring(generateKeySpec('bench'));
    await runMigrations(database);
    await loadReferenceData(database);
    await seedDemo({ database, keyring, dataDir });
    // Limits out of reach, the limiter still counting: its cost is part of every request measured.
    const unreached = '1000000000';
    const config = {
      ...loadConfig({
        TRAMA_DATA_DIR: dataDir,
        TRAMA_RATE_LIMIT_API: unreached,
        TRAMA_RATE_LIMIT_EXPENSIVE: unreached,
        TRAMA_RATE_LIMIT_PER_ADDRESS: unreached,
        TRAMA_RATE_LIMIT_STATIC: unreached,
      }),
      logLevel: 'silent',
    };
    const jobs = await startQuietJobQueue(database);
    const checkpointKey = newCheckpointKey();
    const deps = {
      database,
      db: database.db,
      keyring,
      mailer: { send: async () => {} },
      config,
      jobs,
      checkpointKey,
    };
    const { app, jobKinds } = await buildApp({ deps, serveWeb: false });
    await declareQueues(jobs.boss, jobKinds);
    closeJobs = () => jobs.boss.stop({ graceful: false, wait: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const signIn = async (username: string) => {
      const [user] = await database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.username, username));
      const [membership] = await database.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.userId, user!.id))
        .orderBy(memberships.createdAt);
      const session = await createSession({
        tx: database.db,
        userId: user!.id,
        state: 'authenticated',
        clientIp: '127.0.0.1',
        userAgent: 'bench',
        activeMembershipId: membership!.id,
      });
      return { cookie: `${SESSION_COOKIE}=${session.token}`, csrf: session.csrfToken };
    };
    const cookieFor = async (username: string) => (await signIn(username)).cookie;
    return {
      database,
      label,
      app,
      deps,
      jobKinds,
      port,
      cookieFor,
      signIn,
      stop: async () => {
        await app.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
