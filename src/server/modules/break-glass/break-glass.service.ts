import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TBreakGlassGrant, ZBreakGlassRequestSchema } from '../../../contracts/break-glass.js';
import { breakGlassGrants, notifications } from '../../platform/access/access.sql.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { recordExists } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';

type GrantRow = typeof breakGlassGrants.$inferSelect;

function toGrant(g: GrantRow, username: string, active: boolean): TBreakGlassGrant {
  return {
    id: g.id,
    userId: g.userId,
    username,
    recordType: g.recordType as TBreakGlassGrant['recordType'],
    recordId: g.recordId,
    reason: g.reason,
    grantedAt: g.grantedAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    active,
  };
}

/**
 * Opens one record outside the requester's scope for `hours`: the grant, a notice to every DPO and
 * the audit event (the reason as its purpose) commit together; the DPOs are e-mailed afterwards.
 */
export async function requestGrant({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZBreakGlassRequestSchema>;
}) {
  const { recordType, recordId, reason, hours } = input;
  const { grant, dpoEmails } = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [grant] = await tx
        .insert(breakGlassGrants)
        .values({
          userId: ctx.userId,
          recordType,
          recordId,
          reason,
          expiresAt: new Date(Date.now() + hours * 3_600_000),
        })
        .returning();
      // The existence check and the DPOs' addresses are outside the requester's scope by design.
      const { exists, dpos } = await unsafeAsSystem(tx, async (sys) => ({
        exists: await recordExists({ tx: sys, recordType, id: recordId }),
        dpos: await queryRows<{ id: string; email: string | null }>(
          sys,
          sql`select distinct u.id, u.email from users u join memberships m on m.user_id = u.id
              where m.role = 'dpo' and u.disabled_at is null`,
        ),
      }));
      if (!exists)
        throw problems.field('recordId', 'unknown', { it: 'Record inesistente.', en: 'No such record.' });
      for (const dpo of dpos) {
        await tx.insert(notifications).values({
          userId: dpo.id,
          kind: 'break_glass',
          payload: { grantId: grant!.id, by: ctx.username, recordType, recordId },
        });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'break_glass.granted',
          recordType,
          recordId,
          purpose: reason,
          details: { grantId: grant!.id, hours },
        },
      });
      return { grant: grant!, dpoEmails: dpos.flatMap((d) => (d.email ? [d.email] : [])) };
    },
  });
  for (const to of dpoEmails) {
    void deps.mailer
      .send({
        to,
        subject: 'Trama: accesso di emergenza / break-the-glass access',
        text: `${ctx.username} ha aperto un accesso di emergenza (${recordType} ${recordId}) fino a ${grant.expiresAt.toISOString()}.\nMotivo / reason: vedi il registro accessi / see the audit trail.\n`,
      })
      .catch(() => {});
  }
  return toGrant(grant, ctx.username, true);
}

/** One's own grants; the DPO sees all (RLS: break_glass_grants_read). */
export function listGrants({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await tx
        .select({
          grant: breakGlassGrants,
          username: users.username,
          active: sql<boolean>`${breakGlassGrants.revokedAt} is null and ${breakGlassGrants.expiresAt} > now()`,
        })
        .from(breakGlassGrants)
        .innerJoin(users, eq(users.id, breakGlassGrants.userId))
        .orderBy(desc(breakGlassGrants.grantedAt))
        .limit(200);
      return rows.map((r) => toGrant(r.grant, r.username, r.active));
    },
  });
}
