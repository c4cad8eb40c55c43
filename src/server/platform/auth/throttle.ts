import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.js';

/**
 * Failed-attempt counters in the database, so every instance enforces the same limits
 * (ASVS 6.3.1). A key locks for 15 minutes when it reaches its limit inside a 15-minute window.
 */
export const LIMITS = { user: 5, ip: 50, mfa: 5, reset: 5 } as const;

export async function lockedKeys({ db, keys }: { db: Db; keys: string[] }) {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select key from auth_throttle where key in ${keys} and locked_until > now()`,
  );
  return rows.map((row) => row.key);
}

export async function recordFailure({ db, key, limit }: { db: Db; key: string; limit: number }) {
  const result = await queryRows<{ locked: boolean }>(
    db,
    sql`
    insert into auth_throttle as t (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - interval '15 minutes' then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - interval '15 minutes' then now() else t.window_started_at end,
      locked_until = case
        when (case when t.window_started_at < now() - interval '15 minutes' then 1 else t.failures + 1 end) >= ${limit}
        then now() + interval '15 minutes' else t.locked_until end
    returning locked_until is not null and locked_until > now() as locked`,
  );
  return Boolean(result[0]?.locked);
}

export async function clearFailures({ db, key }: { db: Db; key: string }) {
  await db.execute(sql`delete from auth_throttle where key = ${key}`);
}
