import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.js';

/**
 * Failed-attempt counters in the database, so every instance enforces the same limits
 * (ASVS 6.3.1). A key locks for 15 minutes when it reaches its limit inside a 15-minute window.
 *
 * An attempt is counted *before* it is judged: `reserveAttempt` takes a slot in one atomic
 * upsert (the row lock serialises concurrent requests on every instance), so fifteen guesses sent
 * at the same moment get at most `limit` slots between them; the rest are refused unjudged. A
 * success gives its slot back (`releaseAttempt`) or clears the key; a failure keeps it and, at the
 * limit, sets the lock (`confirmFailure`).
 */
export const LIMITS = { user: 5, ip: 50, mfa: 5, reset: 5 } as const;

/** How long failures count, and how long a lock lasts. */
export const WINDOW_MINUTES = 15;
const WINDOW = sql`make_interval(mins => ${WINDOW_MINUTES})`;

/**
 * Takes one attempt slot for the key, or refuses (locked, or every slot of the window already
 * taken by attempts in flight or failed). The row is made sure of first; then one conditional
 * UPDATE checks and records the attempt in one step.
 */
export async function reserveAttempt({ db, key, limit }: { db: Db; key: string; limit: number }) {
  await db.execute(
    sql`insert into auth_throttle (key, failures, window_started_at) values (${key}, 0, now())
        on conflict (key) do nothing`,
  );
  // Concurrent updates of the row wait for each other and re-check the condition (READ
  // COMMITTED), so no more than `limit` slots are ever handed out in one window.
  const taken = await queryRows(
    db,
    sql`
    update auth_throttle set
      failures = case when window_started_at < now() - ${WINDOW} then 1 else failures + 1 end,
      window_started_at = case when window_started_at < now() - ${WINDOW} then now() else window_started_at end,
      locked_until = null
     where key = ${key}
       and (locked_until is null or locked_until <= now())
       and (window_started_at < now() - ${WINDOW} or failures < ${limit})
    returning key`,
  );
  return taken.length > 0;
}

/** A judged failure keeps its slot; at the limit the key locks for 15 minutes. Returns "locked now". */
export async function confirmFailure({ db, key, limit }: { db: Db; key: string; limit: number }) {
  const rows = await queryRows<{ locked: boolean }>(
    db,
    sql`
    update auth_throttle set locked_until = now() + ${WINDOW}
     where key = ${key} and failures >= ${limit} and (locked_until is null or locked_until <= now())
    returning true as locked`,
  );
  return rows.length > 0;
}

/** A success gives back the slot it took (used for shared keys such as the client address). */
export async function releaseAttempt({ db, key }: { db: Db; key: string }) {
  await db.execute(
    sql`update auth_throttle set failures = greatest(failures - 1, 0)
         where key = ${key} and (locked_until is null or locked_until <= now())`,
  );
}

/**
 * A success on a personal key (this user's password or code) clears its counter. The row stays
 * (reset, not deleted) so attempts still in flight keep a row to give their slot back to.
 */
export async function clearFailures({ db, key }: { db: Db; key: string }) {
  await db.execute(
    sql`update auth_throttle set failures = 0, locked_until = null, window_started_at = now() where key = ${key}`,
  );
}

/**
 * Counts one attempt on a simple rate key (reset requests): reserve and keep. Returns false when
 * the key is over its limit.
 */
export async function countAttempt({ db, key, limit }: { db: Db; key: string; limit: number }) {
  const reserved = await reserveAttempt({ db, key, limit });
  if (reserved) await confirmFailure({ db, key, limit });
  return reserved;
}
