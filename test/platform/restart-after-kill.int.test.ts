import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { verifyChain } from '../../src/server/platform/audit/audit-chain.js';
import { loadConfig } from '../../src/server/platform/config/config.js';
import { openConfiguredDatabase } from '../../src/server/platform/db/open.js';
import {
  demoAccountsOf,
  type HttpSession,
  seededDataDir,
  signInOverHttp,
  startTrama,
  TramaExited,
  type TramaProcess,
} from '../harness/trama-process.js';

// The embedded database after `kill -9`: a restart is not refused because of the dead process's
// lock, and every write the API acknowledged before the kill is there. PGlite only: with
// DATABASE_URL the server never takes the lock, and the two-instance test covers PostgreSQL.
const WRITES = 200;

describe.skipIf(process.env.DATABASE_URL)('a restart after kill -9 on the embedded database', () => {
  let dataDir: string;
  let first: TramaProcess;
  let admin: HttpSession;
  const acknowledged: string[] = [];

  beforeAll(async () => {
    dataDir = await seededDataDir(inject('fixtureDir'));
    first = await startTrama({ dataDir });
    admin = await signInOverHttp(first.url, demoAccountsOf(dataDir).find((a) => a.username === 'admin')!);
  }, 90_000);
  afterAll(async () => {
    await first?.kill9();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process while the first one runs', async () => {
    const refused = await startTrama({ dataDir }).then(
      async (second) => {
        await second.kill9();
        return null;
      },
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TramaExited);
    expect((refused as TramaExited).output).toContain('is in use by another Trama process');
  }, 60_000);

  it('starts at once after kill -9 and keeps every acknowledged write', async () => {
    for (let i = 0; i < WRITES; i++) {
      const code = `KILL-${i}`;
      const res = await admin.request(first.url, 'POST', '/api/districts', { code, name: `Ambito ${i}` });
      if (res.status === 201) acknowledged.push(code);
    }
    expect(acknowledged).toHaveLength(WRITES);
    const deadPid = first.child.pid;
    await first.kill9();

    // The first attempt succeeds: no waiting out the dead process's lock.
    const again = await startTrama({ dataDir });
    try {
      expect(again.output()).toContain(
        `the previous run did not stop cleanly (process ${deadPid} is gone); starting`,
      );
      // The session row was acknowledged too: the same cookie still works.
      const res = await admin.request(again.url, 'GET', '/api/districts');
      expect(res.status).toBe(200);
      const codes = new Set(((await res.json()) as { code: string }[]).map((d) => d.code));
      expect(acknowledged.filter((code) => !codes.has(code))).toEqual([]);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('leaves, after the restart and a clean stop, every acknowledged write audited in an intact chain', async () => {
    const warn = vi.spyOn(console, 'warn');
    const database = await openConfiguredDatabase({ ...loadConfig({}), dataDir });
    // A clean stop leaves no lock behind to be taken over.
    expect(warn.mock.calls.flat().join('\n')).not.toContain('did not stop cleanly');
    warn.mockRestore();
    try {
      const [row] = await database.query<{ n: number }>(
        `select count(*)::int as n from audit_events where action = 'district.created'`,
      );
      expect(row?.n).toBe(acknowledged.length);
      const chain = await verifyChain({ database });
      expect(chain).toMatchObject({ intact: true, unsealed: 0 });
    } finally {
      await database.close();
    }
  });
});
