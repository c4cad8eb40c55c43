import type { TAttentionItem } from '../../../contracts/home.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import type { Tx } from '../../platform/db/client.js';

/** What governance adds to Home: the caller's open actions, overdue actions to a chair. */
export async function governanceAttention(_args: { tx: Tx; ctx: AccessContext }): Promise<TAttentionItem[]> {
  return [];
}
