import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  demoAccountsOf,
  signInOverHttp,
  startTrama,
  TramaExited,
  type TramaProcess,
} from '../test/harness/trama-process.js';

/**
 * The embedded database after `kill -9` (docs/operations.md, "After a crash"):
 *   node --import tsx bench/restart-after-kill.ts [WRITES]
 * starts a server on a new data directory, makes WRITES acknowledged writes (200), kills it with
 * SIGKILL, starts it again every 250 ms until it answers, and prints how long that took and how
 * many attempts were refused, how many acknowledged writes are there after it, and, for
 * comparison, how long a start after a clean stop takes in the same run.
 */
const writes = Number(process.argv[2] ?? 200);
const dataDir = mkdtempSync(join(tmpdir(), 'trama-restart-'));
try {
  const first = await startTrama({ dataDir, timeoutMs: 180_000 });
  const admin = await signInOverHttp(first.url, demoAccountsOf(dataDir).find((a) => a.username === 'admin')!);
  const acknowledged: string[] = [];
  for (let i = 0; i < writes; i++) {
    const code = `RESTART-${i}`;
    const res = await admin.request(first.url, 'POST', '/api/districts', { code, name: `Ambito ${i}` });
    if (res.status === 201) acknowledged.push(code);
  }
  const killedAt = Date.now();
  await first.kill9();
  let attempts = 0;
  let again: TramaProcess | undefined;
  while (!again) {
    attempts += 1;
    try {
      again = await startTrama({ dataDir });
    } catch (error) {
      if (!(error instanceof TramaExited)) throw error;
      await sleep(250);
    }
  }
  const readyAfter = Date.now() - killedAt;
  const res = await admin.request(again.url, 'GET', '/api/districts');
  const found = new Set(((await res.json()) as { code: string }[]).map((d) => d.code));
  await again.stop();
  const cleanAt = Date.now();
  const third = await startTrama({ dataDir });
  const cleanStart = Date.now() - cleanAt;
  await third.stop();
  console.log(`acknowledged writes before kill -9: ${acknowledged.length} of ${writes}`);
  console.log(`answering again ${readyAfter} ms after kill -9, on start attempt ${attempts}`);
  console.log(
    `acknowledged writes found after the restart: ${acknowledged.filter((c) => found.has(c)).length}`,
  );
  console.log(`a start after a clean stop, same run: ${cleanStart} ms`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
