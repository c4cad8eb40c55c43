import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.js';

const SEED_LOCK = 7_301_020;

/**
 * Instances started together on one PostgreSQL seed once: each seeding transaction takes this lock
 * first and checks for existing rows after it, so the second waits and then finds the first's
 * rows instead of failing on a duplicate (or writing a second copy of what has no unique key).
 */
export async function holdSeedLock(tx: Queryable) {
  await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
}
