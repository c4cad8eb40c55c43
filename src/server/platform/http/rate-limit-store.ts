import { createRequire } from 'node:module';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

/**
 * Where the rate-limit counters live (docs/adr/0015-rate-limits.md): this process's memory, or a
 * Redis shared by every instance when one is configured. A Redis outage never stops a request:
 * the counting falls back to this process's memory until Redis answers again, so each instance
 * still enforces the limits on its own (at most "instances × limit" in all) instead of none.
 */

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/** The store contract of @fastify/rate-limit: count one request on `key`, say the window left. */
export interface CounterStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): CounterStore;
}

// The plugin's own two stores (fixed window; Redis through one Lua script), which it does not
// export for combining; its package has no export map, so their files are reachable.
const require = createRequire(import.meta.url);
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache?: number,
) => CounterStore;
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  prefix: string,
) => CounterStore;

/** Keys kept in memory; the least recently used is forgotten first (a flood's own key stays hot). */
const LOCAL_KEYS = 20_000;
/** After a failed Redis call, memory counts alone for this long before Redis is tried again. */
const OUTAGE_PAUSE_MS = 5_000;
/** A Redis that holds a request longer than this is treated as down: the request is not kept waiting. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;

export interface SharedCounter {
  client: Redis;
  prefix: string;
}

/**
 * Counters in this process's memory, in two stores: per session and per address. Made-up session
 * cookies are free to invent, so a flood of them could push the per-address counters (sign-in,
 * the ceiling) out of one shared store and start them again from zero; apart, they stay.
 */
function memoryStore(): Pick<CounterStore, 'incr'> {
  const bySession = new LocalStore(false, false, LOCAL_KEYS);
  const byAddress = new LocalStore(false, false, LOCAL_KEYS);
  return {
    incr(key, callback, timeWindow, max) {
      (key.includes(':session:') ? bySession : byAddress).incr(key, callback, timeWindow, max);
    },
  };
}

/**
 * The store the plugin is given. Keys already name their limit and scope, so every limiter the
 * plugin creates shares this one store (`child` returns it) and a Redis key is `prefix + key`.
 */
export function counterStore({
  shared,
  log,
}: {
  shared: SharedCounter | null;
  log: FastifyBaseLogger;
}): CounterStore {
  const local = memoryStore();
  if (!shared) {
    const memoryOnly: CounterStore = { incr: local.incr.bind(local), child: () => memoryOnly };
    return memoryOnly;
  }
  const redis = new RedisStore(false, false, shared.client, shared.prefix);
  let pausedUntil = 0;
  let down = false;
  const fellBack = (error: Error) => {
    pausedUntil = Date.now() + OUTAGE_PAUSE_MS;
    if (down) return;
    down = true;
    log.warn(
      { code: (error as { code?: string }).code ?? error.message },
      'rate limits: Redis unreachable, counting in this instance only until it answers',
    );
  };
  shared.client.on('ready', () => {
    if (!down) return;
    down = false;
    pausedUntil = 0;
    log.info('rate limits: Redis answers again, counting shared across instances');
  });
  // Without a listener ioredis prints every reconnection failure; the first one is logged above.
  shared.client.on('error', (error: Error) => {
    if (shared.client.status !== 'ready') fellBack(error);
  });
  const store: CounterStore = {
    incr(key, callback, timeWindow, max) {
      if (shared.client.status !== 'ready' || Date.now() < pausedUntil) {
        local.incr(key, callback, timeWindow, max);
        return;
      }
      redis.incr(
        key,
        (error, result) => {
          if (!error) return callback(null, result);
          fellBack(error);
          local.incr(key, callback, timeWindow, max);
        },
        timeWindow,
        max,
      );
    },
    child: () => store,
  };
  return store;
}

/**
 * A Redis client that fails fast instead of queueing: no offline queue, a short command timeout,
 * and reconnection forever in the background. Waits up to two seconds for the first connection;
 * an unreachable Redis at start-up is logged and the limits count in memory meanwhile.
 */
export async function connectSharedCounter({
  url,
  prefix,
  log,
}: {
  url: string;
  prefix: string;
  log: FastifyBaseLogger;
}): Promise<SharedCounter> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  // Until counterStore adds its own, swallow the start-up errors reported below.
  const quiet = () => {};
  client.on('error', quiet);
  try {
    await client.connect();
  } catch (error) {
    log.warn(
      { code: (error as { code?: string }).code ?? (error as Error).message },
      'rate limits: Redis unreachable at start-up, counting in this instance only until it answers',
    );
  }
  client.off('error', quiet);
  return { client, prefix };
}

/** Closes the client without waiting for a Redis that is gone. */
export async function closeSharedCounter(shared: SharedCounter) {
  if (shared.client.status === 'ready') {
    await shared.client.quit().catch(() => shared.client.disconnect());
  } else {
    shared.client.disconnect();
  }
}
