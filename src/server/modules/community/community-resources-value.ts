import { sql } from 'drizzle-orm';
import type { TResourceKind } from '../../../contracts/community.js';
import { type Queryable, queryRows } from '../../platform/db/client.js';

/**
 * The value of the complementary resources offered from `from` to `to` (both included, ISO
 * dates), in total and by kind: the ledger's lines summed as they were valued (each line keeps its
 * valuation rule). Read over what `on` may see; the dashboard and the impact module call it.
 */
export async function resourcesValue({ on, from, to }: { on: Queryable; from: string; to: string }) {
  const rows = await queryRows<{ kind: TResourceKind; value_cents: number }>(
    on,
    sql`select kind, coalesce(sum(value_cents), 0)::bigint::float8 as value_cents from community_resources
         where offered_on between ${from}::date and ${to}::date group by kind order by kind`,
  );
  const byKind = rows.map((r) => ({ kind: r.kind, valueCents: Number(r.value_cents) }));
  return { totalCents: byKind.reduce((sum, r) => sum + r.valueCents, 0), byKind };
}
