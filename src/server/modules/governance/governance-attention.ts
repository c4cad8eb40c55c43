import { sql } from 'drizzle-orm';
import type { TAttentionItem } from '../../../contracts/home.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { countOf, type Tx } from '../../platform/db/client.js';
import { TODAY } from './governance-minutes-shared.js';

/** What governance adds to Home, by kind: the words are the home feature's (home.kinds.<kind>). */
export interface GovernanceAttentionItem {
  kind: 'governance_actions_open' | 'governance_actions_overdue';
  count: number;
  link: string;
}

/**
 * Counted as the viewer (RLS applies): the caller's open actions (owner), and to a chair the
 * overdue actions of the committees they chair today.
 */
export async function governanceAttentionItems({
  tx,
  ctx,
}: {
  tx: Tx;
  ctx: AccessContext;
}): Promise<GovernanceAttentionItem[]> {
  if (!ctx.permissions.has('governance.read')) return [];
  return [
    {
      kind: 'governance_actions_open',
      count: await countOf(
        tx,
        sql`select count(*)::int as n from governance_actions
             where owner_id = ${ctx.userId} and status in ('open', 'in_progress')`,
      ),
      link: '/governance/actions',
    },
    {
      kind: 'governance_actions_overdue',
      count: await countOf(
        tx,
        sql`select count(*)::int as n from governance_actions
             where status in ('open', 'in_progress') and due_on < ${TODAY}
               and committee_id = any(trama_governance_committees(array['chair']))`,
      ),
      link: '/governance/actions?overdue=chaired',
    },
  ];
}

/** What governance adds to Home (TramaModule.attention). */
export async function governanceAttention(args: { tx: Tx; ctx: AccessContext }): Promise<TAttentionItem[]> {
  return governanceAttentionItems(args);
}
