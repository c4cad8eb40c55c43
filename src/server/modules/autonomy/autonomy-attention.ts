import { sql } from 'drizzle-orm';
import type { TAttentionItem } from '../../../contracts/home.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { countOf, type Tx } from '../../platform/db/client.js';
import { autonomyRoleOf, BLOCKED_HOUSEHOLDS } from './autonomy.policy.js';

/**
 * What autonomy and housing add to Home, counted as the viewer (RLS applies; items of 0 are
 * dropped by the platform):
 * - a tutor: the active plans they tutor whose review is due (next review today or earlier);
 * - a housing coordinator: requests to see an address of their service's units, pending, that they
 *   did not make (they cannot decide their own);
 * - a finance officer: rent support requested and not yet decided, made by someone else (the
 *   requester never approves their own).
 */
export async function autonomyAttention({
  tx,
  ctx,
}: {
  tx: Tx;
  ctx: AccessContext;
}): Promise<TAttentionItem[]> {
  const items: TAttentionItem[] = [
    {
      kind: 'autonomy_reviews_due',
      count: await countOf(
        tx,
        sql`select count(*)::int as n from autonomy_plans p
             where p.tutor_user_id = ${ctx.userId} and p.status = 'active'
               and p.next_review_on <= (now() at time zone 'Europe/Rome')::date`,
      ),
      link: '/autonomy?mine=true&reviewDue=true',
    },
  ];
  const role = await autonomyRoleOf(tx);
  if (role === 'coordinator')
    items.push({
      kind: 'housing_address_requests',
      count: await countOf(
        tx,
        sql`select count(*)::int as n from housing_address_requests r join housing_units u on u.id = r.unit_id
             where r.status = 'pending' and r.requested_by <> ${ctx.userId}`,
      ),
      link: '/housing/address-requests',
    });
  if (role === 'finance')
    items.push({
      kind: 'rent_requests_to_approve',
      count: await countOf(
        tx,
        sql`select count(*)::int as n from rent_requests r
             where r.status = 'requested' and r.requested_by <> ${ctx.userId}
               and not (r.household_id = any ${BLOCKED_HOUSEHOLDS})`,
      ),
      link: '/payments?status=requested',
    });
  return items;
}
