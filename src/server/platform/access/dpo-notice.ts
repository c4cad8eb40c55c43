import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.js';
import { unsafeAsSystem } from '../db/context.js';
import type { Mailer } from '../mail/mailer.js';
import { notifications } from './access.sql.js';

/**
 * Tells every DPO, in the caller's transaction, that something they must review happened (a
 * break-the-glass, a consent override). The payload holds ids only. Returns the addresses to
 * e-mail once the transaction has committed.
 */
export async function noticeToDpos({
  tx,
  kind,
  payload,
}: {
  tx: Tx;
  kind: string;
  payload: Record<string, unknown>;
}) {
  // The DPOs' accounts are outside any requester's scope by design.
  const dpos = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; email: string | null }>(
      sys,
      sql`select distinct u.id, u.email from users u join memberships m on m.user_id = u.id
          where m.role = 'dpo' and u.disabled_at is null`,
    ),
  );
  for (const dpo of dpos) await tx.insert(notifications).values({ userId: dpo.id, kind, payload });
  return dpos.flatMap((d) => (d.email ? [d.email] : []));
}

/** The e-mail half: best effort after commit; the in-app notice is the record. */
export function mailDpos({
  mailer,
  to,
  subject,
  text,
}: {
  mailer: Mailer;
  to: string[];
  subject: string;
  text: string;
}) {
  for (const address of to) void mailer.send({ to: address, subject, text }).catch(() => {});
}
