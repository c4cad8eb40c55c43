import { sql } from 'drizzle-orm';
import type { THolderKind } from '../../../contracts/community-codes.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { problems } from '../../platform/http/problem.js';
import { holderWhere } from '../community/community-holders.repository.js';
import { fieldError } from './governance-fundraising-shared.js';

/**
 * The community holders fundraising may name as a source: id, name and kind of the registry's
 * active holders, nothing else. The registry's RLS (0038) lets only directory readers see
 * holders, and a fundraiser is not one; these columns are internal (community.fields.ts), so they
 * are read as the owner, narrowly, with the community module's own filter for "active".
 */

export interface HolderChoice {
  id: string;
  name: string;
  kind: THolderKind;
}

async function readHolders(tx: Tx, only?: string): Promise<HolderChoice[]> {
  const one = only === undefined ? sql`` : sql`and h.id = ${only}`;
  return unsafeAsSystem(tx, (sys) =>
    queryRows<HolderChoice>(
      sys,
      sql`select h.id, h.name, h.kind from community_holders h
           where ${holderWhere({ activeOnly: true })} ${one} order by h.name, h.id limit 1000`,
    ),
  );
}

/** The picker's list. */
export const holderChoices = (tx: Tx) => readHolders(tx);

/** One active holder's name, or a field error naming `holderId` (unknown or no longer active). */
export async function holderNameFor(tx: Tx, holderId: string): Promise<string> {
  const [holder] = await readHolders(tx, holderId);
  if (!holder)
    throw problems.fields([
      fieldError(
        'holderId',
        'unknown_holder',
        'Realtà del territorio non trovata, o non più attiva.',
        'Community holder not found, or no longer active.',
      ),
    ]);
  return holder.name;
}
