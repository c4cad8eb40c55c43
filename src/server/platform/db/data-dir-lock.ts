import { existsSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';

/**
 * The lock that keeps a PGlite data directory to one process (PGlite has none of its own,
 * electric-sql/pglite#1106). proper-lockfile's lock is a directory whose mtime the owner refreshes;
 * on its own it can only call a lock stale after 15 s without a refresh, so a restart after
 * `kill -9` was refused for 15 s. The owner is therefore written beside the lock (process id, host,
 * boot and process start): a lock whose owner is known to be gone is taken at once, one whose
 * owner lives is refused, and only a lock whose owner cannot be checked from here (another host
 * on shared storage, or no record) falls back to the 15 s rule.
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** The kernel's boot id: a lock from before a reboot has no living owner. */
  bootId: string | null;
  /** The process's start time in clock ticks since boot: tells a reused process id apart. */
  processStart: string | null;
  /**
   * The owner's process-id namespace (Linux): two containers on one host with one host name see
   * different processes under the same ids, so only an owner in our namespace can be judged here.
   */
  pidNamespace?: string | null;
  startedAt: string;
}

export type OwnerVerdict = 'alive' | 'gone' | 'unknown';

export class DataDirInUse extends Error {}

const STALE_MS = 15_000;
/** Directories this process holds: a second open here is refused, never taken over. */
const heldHere = new Set<string>();

export const ownerFileOf = (dir: string) => `${dir}.owner.json`;
const lockPathOf = (dir: string) => `${dir}.lock`;

/**
 * Locks `dir` for this process. `onDeadOwner` is told when a lock left by a process that is gone
 * was taken over. Returns the release, which also removes the owner record.
 */
export async function lockDataDir({
  dir,
  onDeadOwner,
}: {
  dir: string;
  onDeadOwner: (owner: LockOwner) => void;
}): Promise<() => Promise<void>> {
  // Judging the owner and taking the lock happen under a short second lock, so two processes
  // starting together cannot both find the same dead owner and both take over.
  let releaseOpening: () => Promise<void>;
  try {
    releaseOpening = await lockfile.lock(`${dir}.opening`, {
      realpath: false,
      stale: 5_000,
      retries: { retries: 30, minTimeout: 20, maxTimeout: 250 },
    });
  } catch (error) {
    throw inUseOr(error, dir);
  }
  try {
    if (heldHere.has(dir)) throw new DataDirInUse(dir);
    let deadOwner: LockOwner | null = null;
    if (existsSync(lockPathOf(dir))) {
      const owner = readOwner(dir);
      const verdict = ownerVerdict(owner);
      if (verdict === 'alive') throw new DataDirInUse(dir);
      if (verdict === 'gone') {
        rmSync(lockPathOf(dir), { recursive: true, force: true });
        deadOwner = owner;
      }
    }
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(dir, {
        realpath: false,
        stale: STALE_MS,
        update: 5_000,
        onCompromised: () => {
          // Another process took the directory: writing on would corrupt it. Stop at once.
          console.error(`Trama: the lock on ${dir} was taken by another process; stopping`);
          process.exit(1);
        },
      });
    } catch (error) {
      throw inUseOr(error, dir);
    }
    writeOwner(dir, ownerOfThisProcess());
    heldHere.add(dir);
    if (deadOwner) onDeadOwner(deadOwner);
    return async () => {
      heldHere.delete(dir);
      rmSync(ownerFileOf(dir), { force: true });
      await release();
    };
  } finally {
    await releaseOpening();
  }
}

/** proper-lockfile's "held by someone" as DataDirInUse; any other failure (no such directory) as it is. */
function inUseOr(error: unknown, dir: string) {
  return (error as NodeJS.ErrnoException).code === 'ELOCKED' ? new DataDirInUse(dir) : error;
}

export function readOwner(dir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(ownerFileOf(dir), 'utf8')) as Partial<LockOwner>;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? (owner as LockOwner) : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a record. */
function writeOwner(dir: string, owner: LockOwner) {
  const temporary = `${ownerFileOf(dir)}.${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(owner)}\n`);
  renameSync(temporary, ownerFileOf(dir));
}

export function ownerOfThisProcess(): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: bootId(),
    processStart: processStartOf(process.pid)?.start ?? null,
    pidNamespace: pidNamespace(),
    startedAt: new Date().toISOString(),
  };
}

/** Whether the process named in a lock's record still runs. */
export function ownerVerdict(owner: LockOwner | null): OwnerVerdict {
  if (!owner || owner.host !== hostname()) return 'unknown';
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return 'gone';
  // Another namespace's process ids mean nothing here; without /proc nothing can be told apart.
  const namespace = pidNamespace();
  if (!namespace || owner.pidNamespace !== namespace) return 'unknown';
  // Our own id, and not held here: the owner was an earlier process (a container restarted
  // with the same process ids).
  if (owner.pid === process.pid) return 'gone';
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
    // EPERM: it exists and belongs to another user; its start time below still tells.
  }
  const now = processStartOf(owner.pid);
  if (now && (now.zombie || (owner.processStart && now.start !== owner.processStart))) return 'gone';
  return 'alive';
}

function pidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** From /proc/<pid>/stat (Linux): state and start time; null elsewhere or when there is no such process. */
function processStartOf(pid: number): { start: string; zombie: boolean } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start ? { start, zombie: fields[0] === 'Z' } : null;
  } catch {
    return null;
  }
}
