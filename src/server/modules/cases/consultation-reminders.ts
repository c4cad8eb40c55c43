import { sql } from 'drizzle-orm';
import type { TAttentionItem } from '../../../contracts/home.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { queryRows, type Tx } from '../../platform/db/client.js';

/** Days ahead an opinion's deadline shows on Home. */
export const OPINION_DUE_SOON_DAYS = 14;

/**
 * The opinions due on Home, for BOTH teams: the consulting team and the requesting service count
 * the running consultations (row-level security decides which) whose opinion is late or due within
 * OPINION_DUE_SOON_DAYS. A number only, never a code or a name.
 */
export async function consultationReminders({
  tx,
  ctx,
}: {
  tx: Tx;
  ctx: AccessContext;
}): Promise<TAttentionItem[]> {
  if (!ctx.permissions.has('cases.read') || !ctx.serviceId) return [];
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from consultations k
        where k.status in ('requested', 'presentation', 'in_sessions', 'opinion_drafting')
          and k.opinion_due_on <= current_date + ${OPINION_DUE_SOON_DAYS}::int
          and (k.service_id = ${ctx.serviceId} or k.requesting_service_id = ${ctx.serviceId})`,
  );
  return [{ kind: 'consultation_opinions_due', count: row?.n ?? 0, link: '/consultations' }];
}
