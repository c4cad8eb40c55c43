import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirInUse,
  type LockOwner,
  lockDataDir,
  ownerFileOf,
  ownerOfThisProcess,
  ownerVerdict,
  readOwner,
} from './data-dir-lock.js';

/** The id of a process that has just exited: nobody runs under it now. */
function deadPid() {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

const me = ownerOfThisProcess();
const owner = (overrides: Partial<LockOwner>): LockOwner => ({ ...me, ...overrides });

describe('who owns a lock', () => {
  it('cannot tell for a lock without a record, or one written on another host', () => {
    expect(ownerVerdict(null)).toBe('unknown');
    expect(ownerVerdict(owner({ pid: process.ppid, host: `${hostname()}-other` }))).toBe('unknown');
  });

  it('cannot tell for an owner in another process-id namespace (a container on the same host)', () => {
    // Its ids name other processes: one that looks gone here may be running there.
    expect(ownerVerdict(owner({ pid: deadPid(), pidNamespace: 'pid:[4026531836]-elsewhere' }))).toBe(
      'unknown',
    );
    expect(ownerVerdict(owner({ pid: deadPid(), pidNamespace: undefined }))).toBe('unknown');
  });

  it('knows a process that has exited is gone', () => {
    expect(ownerVerdict(owner({ pid: deadPid(), processStart: null }))).toBe('gone');
  });

  it('knows a running process is alive, and its id reused by another process or by us is not it', () => {
    const parent = { pid: process.ppid, processStart: null };
    expect(ownerVerdict(owner(parent))).toBe('alive');
    if (me.processStart) {
      // Same id, another start time: the id was given to a new process after the owner died.
      expect(ownerVerdict(owner({ ...parent, processStart: '1' }))).toBe('gone');
    }
    expect(ownerVerdict(owner({ pid: process.pid }))).toBe('gone');
  });

  it('knows every process of a previous boot is gone', () => {
    if (!me.bootId) return; // no boot id outside Linux
    expect(ownerVerdict(owner({ pid: process.ppid, bootId: 'another-boot' }))).toBe('gone');
  });
});

describe('locking a data directory', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'trama-lock-'));
    dir = join(root, 'pglite');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('records this process as the owner, refuses a second lock, and forgets the owner on release', async () => {
    const release = await lockDataDir({ dir, onDeadOwner: () => {} });
    expect(readOwner(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    await expect(lockDataDir({ dir, onDeadOwner: () => {} })).rejects.toBeInstanceOf(DataDirInUse);
    await release();
    expect(existsSync(ownerFileOf(dir))).toBe(false);
    expect(existsSync(`${dir}.lock`)).toBe(false);
    await (await lockDataDir({ dir, onDeadOwner: () => {} }))();
  });

  it('takes over at once a fresh lock whose owner was killed, and says whose it was', async () => {
    const pid = deadPid();
    mkdirSync(`${dir}.lock`);
    writeFileSync(ownerFileOf(dir), JSON.stringify(owner({ pid, processStart: null })));
    const dead: LockOwner[] = [];
    const release = await lockDataDir({ dir, onDeadOwner: (o) => dead.push(o) });
    expect(dead.map((o) => o.pid)).toEqual([pid]);
    expect(readOwner(dir)?.pid).toBe(process.pid);
    await release();
  });

  it('refuses a lock whose owner still runs, however old the lock looks', async () => {
    mkdirSync(`${dir}.lock`);
    writeFileSync(ownerFileOf(dir), JSON.stringify(owner({ pid: process.ppid, processStart: null })));
    await expect(lockDataDir({ dir, onDeadOwner: () => {} })).rejects.toBeInstanceOf(DataDirInUse);
  });

  it('refuses a fresh lock it cannot judge (no owner record): only the 15 s rule frees it', async () => {
    mkdirSync(`${dir}.lock`);
    await expect(lockDataDir({ dir, onDeadOwner: () => {} })).rejects.toBeInstanceOf(DataDirInUse);
  });

  it('lets only one of several takers in after a dead owner', async () => {
    mkdirSync(`${dir}.lock`);
    writeFileSync(ownerFileOf(dir), JSON.stringify(owner({ pid: deadPid(), processStart: null })));
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, () => lockDataDir({ dir, onDeadOwner: () => {} })),
    );
    const taken = attempts.filter((a) => a.status === 'fulfilled');
    expect(taken).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 'rejected').map((a) => a.reason)).toEqual(
      Array(3).fill(expect.any(DataDirInUse)),
    );
    await (taken[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  });
});
