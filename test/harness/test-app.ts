import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyServerOptions, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { newCheckpointKey } from '../../src/server/platform/audit/checkpoint-key.js';
import { createSession, SESSION_COOKIE } from '../../src/server/platform/auth/sessions.js';
import { type Config, loadConfig } from '../../src/server/platform/config/config.js';
import { parseKeyring } from '../../src/server/platform/crypto/field-crypto.js';
import { type Database, openPglite, openPostgres, queryRows } from '../../src/server/platform/db/client.js';
import type { Deps } from '../../src/server/platform/deps.js';
import { declareQueues, runDueJobs, startQuietJobQueue } from '../../src/server/platform/jobs/job-queue.js';
import type { Mail } from '../../src/server/platform/mail/mailer.js';
import type { TramaModule } from '../../src/server/platform/module.js';
import { memberships, users } from '../../src/server/platform/tenancy/tenancy.sql.js';
import type { DemoAccount } from '../../src/server/seed/demo.js';
import { withDatabase } from './global-setup.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  deps: Deps;
  accounts: DemoAccount[];
  /** Mails the mail job has sent: run the due jobs first (`runJobs`). */
  mails: Mail[];
  /** Runs every job that is due now, here, as the workers would; returns how many ran and failed. */
  runJobs(): Promise<{ done: number; failed: number }>;
  /**
   * Stands in for the passing of time: the waiting jobs of `queue` whose data has `field` = `value`
   * (planned for later, or retrying after a backoff) become due now.
   */
  makeJobsDue(queue: string, field: string, value: string): Promise<void>;
  /** A fully signed-in session for a fixture account, created directly (no TOTP step). */
  signIn(username: string, membershipIndex?: number): Promise<Session>;
  userId(username: string): Promise<string>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * Rate limits out of reach: tests fire many requests from one session and one address
 * (test/platform/rate-limit.int.test.ts sets its own).
 */
export const UNREACHED_RATE_LIMITS = {
  TRAMA_RATE_LIMIT_API: '1000000',
  TRAMA_RATE_LIMIT_EXPENSIVE: '1000000',
  TRAMA_RATE_LIMIT_SIGN_IN: '1000000',
  TRAMA_RATE_LIMIT_PER_ADDRESS: '1000000',
  TRAMA_RATE_LIMIT_STATIC: '1000000',
};

/**
 * The defaults users get, quiet; the database is given by the harness, not read from here. Test
 * identity providers run on 127.0.0.1 over plain http (test/harness/oidc-provider.ts).
 */
export const TEST_CONFIG: Config = {
  ...loadConfig({ ...UNREACHED_RATE_LIMITS, TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER: 'true' }),
  logLevel: 'silent',
};

let counter = 0;

/**
 * A private copy of the seeded database and an app built on it through buildApp. `logger` replaces
 * the quiet default (a test that reads what the server logs gives its own level and stream).
 */
export async function createTestApp({
  modules,
  logger,
}: {
  modules?: readonly TramaModule[];
  logger?: FastifyServerOptions['logger'];
} = {}): Promise<TestApp> {
  const dir = inject('fixtureDir');
  const template = inject('pgTemplate');
  let database: Database;
  let drop = async () => {};
  if (template && process.env.DATABASE_URL) {
    const name = `trama_t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    database = await openPostgres({ url: withDatabase(process.env.DATABASE_URL, name), poolSize: 5 });
    drop = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openPglite({ dump: new Blob([readFileSync(join(dir, 'snapshot.tar'))]) });
  }
  const keyring = parseKeyring(readFileSync(join(dir, 'key'), 'utf8'));
  const accounts = JSON.parse(readFileSync(join(dir, 'accounts.json'), 'utf8')) as DemoAccount[];
  const mails: Mail[] = [];
  const jobs = await startQuietJobQueue(database);
  const deps: Deps = {
    database,
    db: database.db,
    keyring,
    mailer: { send: async (mail) => void mails.push(mail) },
    config: { ...TEST_CONFIG, databaseUrl: process.env.DATABASE_URL },
    jobs,
    checkpointKey: newCheckpointKey(),
  };
  const { app, jobKinds } = await buildApp({
    deps,
    serveWeb: false,
    logger: logger ?? (process.env.TRAMA_TEST_LOG ? { level: 'error' } : false),
    ...(modules ? { modules } : {}),
  });
  await declareQueues(jobs.boss, jobKinds);
  const userId = async (username: string) =>
    (await database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  return {
    app,
    database,
    deps,
    accounts,
    mails,
    userId,
    runJobs: () => runDueJobs({ boss: jobs.boss, kinds: jobKinds, deps }),
    async makeJobsDue(queue, field, value) {
      await database.query(
        `update pgboss.job set start_after = now()
          where name = $1 and data->>$2 = $3 and state in ('created', 'retry')`,
        [queue, field, value],
      );
    },
    async signIn(username, membershipIndex = 0) {
      const id = await userId(username);
      const ms = await database.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.userId, id))
        .orderBy(memberships.createdAt);
      const session = await createSession({
        tx: database.db,
        userId: id,
        state: 'authenticated',
        clientIp: '127.0.0.1',
        userAgent: 'test',
        activeMembershipId: ms[membershipIndex]?.id ?? null,
      });
      const cookie = `${SESSION_COOKIE}=${session.token}`;
      return {
        cookie,
        csrf: session.csrfToken,
        request: (options) =>
          app.inject({
            ...options,
            headers: { cookie, 'x-csrf-token': session.csrfToken, ...(options.headers ?? {}) },
          }),
      };
    },
    async close() {
      await app.close();
      await jobs.boss.stop({ graceful: false, wait: true });
      await database.close();
      await drop();
    },
  };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The base of a module's test kit; call it in a test file's top level. It registers the file's
 * beforeAll (its own app on its own copy of the seeded database, reached through `t` from then on)
 * and afterAll; `call` signs a demo account in on its first request; `ok` is a call that must
 * succeed; `fields` lists the fields a 400 names; `system` queries as the owner; `stepUp` marks
 * a user's sessions as having confirmed their second factor just now.
 */
export function testAppKit() {
  let app: TestApp | undefined;
  const as: Record<string, Session> = {};
  // The app exists only once beforeAll ran; the tests reach it through this stand-in.
  const t = new Proxy({} as TestApp, {
    get: (_target, key) => {
      if (!app) throw new Error('the test app is created in beforeAll');
      return app[key as keyof TestApp];
    },
  });
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.close());

  async function call(who: string, method: Method, url: string, payload?: unknown) {
    as[who] ??= await t.signIn(who);
    return as[who].request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  async function ok<T>(who: string, method: Method, url: string, payload?: unknown) {
    const res = await call(who, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : null) as T;
  }
  const fields = (res: { json(): unknown }) =>
    ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const system = <T>(query: SQL) => queryRows<T>(t.database.db, query);
  const userId = (username: string) => t.userId(username);
  const stepUp = (username: string) =>
    system(
      sql`update sessions set step_up_at = now() where user_id = (select id from users where username = ${username})`,
    );

  return { t, call, ok, fields, system, userId, stepUp };
}
