import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPending, verifyChain } from '../../src/server/platform/audit/audit-chain.js';
import { type Database, openPostgres } from '../../src/server/platform/db/client.js';
import { DEMO_ACCOUNTS_FILE, type DemoAccount } from '../../src/server/seed/demo.js';
import { withDatabase } from '../harness/global-setup.js';
import { startSmtpSink } from '../harness/smtp-sink.js';
import {
  demoAccountsOf,
  type HttpSession,
  postLogin,
  sharedKeys,
  signInOverHttp,
  startTrama,
  TramaExited,
  type TramaProcess,
} from '../harness/trama-process.js';

// Two real Trama processes on one PostgreSQL database (ARCHITECTURE.md: nothing lives only in one
// process's memory). Each has its own port and data directory and the deployment's shared keys.
// PostgreSQL only: PGlite is one process by design, and its lock refuses a second one.
const PG = process.env.DATABASE_URL;

describe.skipIf(!PG)('two Trama processes on one PostgreSQL', () => {
  const name = `trama_two_${process.pid}_${Date.now()}`;
  const dirs: string[] = [];
  let admin: pg.Client;
  let database: Database;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let a: TramaProcess;
  let b: TramaProcess;
  let accounts: DemoAccount[];
  let deployment: Record<string, string>;
  const account = (username: string) => accounts.find((x) => x.username === username)!;
  const count = async (query: string) => Number((await database.query<{ n: number }>(query))[0]?.n);

  beforeAll(async () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'trama-a-')), mkdtempSync(join(tmpdir(), 'trama-b-')));
    admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`create database ${name}`);
    sink = await startSmtpSink();
    const env = {
      DATABASE_URL: withDatabase(PG!, name),
      SMTP_URL: sink.url,
      TRAMA_AUDIT_SEAL_INTERVAL_MS: '200',
      ...sharedKeys(),
    };
    // Started together on an empty database: both migrate and seed, and must not trip on each other.
    const started = await Promise.all(dirs.map((dataDir) => startTrama({ dataDir, env })));
    a = started[0]!;
    b = started[1]!;
    deployment = env;
    database = await openPostgres({ url: env.DATABASE_URL, poolSize: 2 });
    const seededBy = dirs.filter((dir) => existsSync(join(dir, DEMO_ACCOUNTS_FILE)));
    expect(seededBy).toHaveLength(1);
    accounts = demoAccountsOf(seededBy[0]!);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
    await sink?.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('seeds once when both start together on an empty database', async () => {
    // The demo accounts, each once (the demo's mediators without a sign-in are seeded by their module).
    expect(await count(`select count(*)::int as n from users where password_hash is not null`)).toBe(
      accounts.length,
    );
    expect(await count(`select count(*)::int as n from districts`)).toBe(2);
  });

  it("refuses a third instance started without the deployment's data key", async () => {
    const { TRAMA_DATA_KEY: _shared, ...withoutKey } = deployment;
    const dataDir = mkdtempSync(join(tmpdir(), 'trama-c-'));
    dirs.push(dataDir);
    const refused = await startTrama({ dataDir, env: withoutKey }).then(
      async (c) => {
        await c.kill9();
        return null;
      },
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TramaExited);
    expect((refused as TramaExited).output).toContain(
      'the data key cannot decrypt the data already in this database',
    );
  }, 60_000);

  it('accepts on B a session signed in on A, and refuses it on B at once after sign-out on A', async () => {
    const session = await signInOverHttp(a.url, account('operatrice'));
    const onB = await session.request(b.url, 'GET', '/api/auth/session');
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { username: string } }).user.username).toBe('operatrice');
    expect((await session.request(a.url, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await session.request(b.url, 'GET', '/api/auth/session')).status).toBe(401);
  });

  it('counts failed sign-ins across both: ten simultaneous wrong passwords judge at most five, and both refuse after', async () => {
    const target = account('ricercatrice');
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postLogin(i % 2 ? b.url : a.url, target.username, `wrong-${i}-pw`),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401 || s === 429)).toHaveLength(10);
    // Locked for everyone, on either instance, even with the right password.
    expect((await postLogin(a.url, target.username, target.password)).status).toBe(429);
    expect((await postLogin(b.url, target.username, target.password)).status).toBe(429);
    expect(
      await count(
        `select count(*)::int as n from audit_events where action = 'auth.lockout_started' and actor_username = 'ricercatrice'`,
      ),
    ).toBe(1);
  });

  it('sends each mail queued on A exactly once, whichever instance takes the job', async () => {
    const recipients = ['dpo', 'coordinatrice', 'clinica', 'supervisora', 'mediatrice', 'formatore'].map(
      (u) => `${u}@demo.trama.localhost`,
    );
    for (const email of recipients) {
      const res = await fetch(`${a.url}/api/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      expect(res.status).toBe(202);
    }
    const sentTo = () =>
      sink.messages
        .filter((m) => m.raw.includes('password reset'))
        .map((m) => /^To:\s*(\S+)/im.exec(m.raw)?.[1]);
    for (let i = 0; i < 150 && sentTo().length < recipients.length; i++) await sleep(100);
    // Both workers poll every 2 s: a second delivery would come within that.
    await sleep(2500);
    expect(sentTo().sort()).toEqual([...recipients].sort());
    expect(
      await count(
        `select count(*)::int as n from pgboss.job where name = 'mail.send' and state = 'completed'`,
      ),
    ).toBe(recipients.length);
  }, 30_000);

  it('keeps one intact audit chain, without gap or duplicate, when both seal under load', async () => {
    const session: HttpSession = await signInOverHttp(a.url, account('admin'));
    const writes = Array.from({ length: 120 }, (_, i) => i);
    // Ten at a time on each instance: both sealers find new events on every pass.
    for (let i = 0; i < writes.length; i += 20) {
      const batch = writes.slice(i, i + 20).map((n) =>
        session.request(n % 2 ? b.url : a.url, 'POST', '/api/districts', {
          code: `LOAD-${n}`,
          name: `Ambito di carico ${n}`,
        }),
      );
      expect((await Promise.all(batch)).map((r) => r.status)).toEqual(Array(20).fill(201));
    }
    for (let i = 0; i < 100; i++) {
      if ((await count(`select count(*)::int as n from audit_events where chain_seq is null`)) === 0) break;
      await sleep(100);
    }
    const [row] = await database.query<{ events: number; sealed: number; distinct_seq: number; top: number }>(
      `select count(*)::int as events, count(chain_seq)::int as sealed,
              count(distinct chain_seq)::int as distinct_seq, max(chain_seq)::int as top from audit_events`,
    );
    expect(row!.sealed).toBe(row!.events);
    expect(row!.distinct_seq).toBe(row!.events);
    expect(row!.top).toBe(row!.events); // 1…n: no gap
    await sealPending({ database });
    expect(await verifyChain({ database })).toMatchObject({
      intact: true,
      checked: row!.events,
      unsealed: 0,
    });
    expect(await count(`select count(*)::int as n from audit_events where action = 'district.created'`)).toBe(
      writes.length,
    );
  }, 60_000);
});
