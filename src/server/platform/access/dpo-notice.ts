import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.js';
import { unsafeAsSystem } from '../db/context.js';
import type { Deps } from '../deps.js';
import { queueMail } from '../mail/mail-queue.js';
import { notifications } from './access.sql.js';

/**
 * Tells every DPO, in the caller's transaction, that something they must review happened (a
 * break-the-glass, a consent override, a role): an in-app notice holding ids only, and when
 * `mail` is given an e-mail to each DPO with an address, queued in the same transaction.
 */
export async function noticeToDpos({
  deps,
  tx,
  kind,
  payload,
  mail,
}: {
  deps: Pick<Deps, 'jobs' | 'keyring'>;
  tx: Tx;
  kind: string;
  payload: Record<string, unknown>;
  mail?: { subject: string; text: string };
}): Promise<void> {
  const dpos = await activeDpos(tx);
  for (const dpo of dpos) {
    await tx.insert(notifications).values({ userId: dpo.id, kind, payload });
    if (mail && dpo.email) await queueMail({ deps, tx, mail: { to: dpo.email, ...mail } });
  }
}

/** Every DPO whose account is enabled, with their address if they have one. */
export function activeDpos(tx: Tx) {
  // The DPOs' accounts are outside any requester's scope by design.
  return unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; email: string | null }>(
      sys,
      sql`select distinct u.id, u.email from users u join memberships m on m.user_id = u.id
          where m.role = 'dpo' and u.disabled_at is null`,
    ),
  );
}
