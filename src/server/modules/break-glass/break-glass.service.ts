import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TBreakGlassGrant, ZBreakGlassRequestSchema } from '../../../contracts/break-glass.js';
import { breakGlassGrants } from '../../platform/access/access.sql.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { checkGrant } from '../../platform/access/break-glass.js';
import { noticeToDpos } from '../../platform/access/dpo-notice.js';
import { recordExists } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';
import { GRANT_ENDED_JOB_NAME } from './break-glass.ending.js';

type GrantRow = typeof breakGlassGrants.$inferSelect;

export function toGrant(g: GrantRow, username: string, reviewer: string | null = null): TBreakGlassGrant {
  return {
    id: g.id,
    userId: g.userId,
    username,
    recordType: g.recordType as TBreakGlassGrant['recordType'],
    recordId: g.recordId,
    reason: g.reason,
    grantedAt: g.grantedAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    // Active while neither revoked nor expired (the filter in platform/access/break-glass.ts).
    active: g.revokedAt === null && g.expiresAt > new Date(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
    review: g.reviewedAt ? { at: g.reviewedAt.toISOString(), by: reviewer ?? '', note: g.reviewNote } : null,
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
  const grant = await scoped({
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
      // The existence check is outside the requester's scope by design.
      const exists = await unsafeAsSystem(tx, (sys) => recordExists({ tx: sys, recordType, id: recordId }));
      if (!exists)
        throw problems.field('recordId', 'unknown', { it: 'Record inesistente.', en: 'No such record.' });
      await checkGrant({ tx, recordType, recordId, userId: ctx.userId });
      await noticeToDpos({
        deps,
        tx,
        kind: 'break_glass',
        payload: { grantId: grant!.id, by: ctx.username, recordType, recordId },
        mail: {
          subject: 'Trama: accesso di emergenza / break-the-glass access',
          text: `${ctx.username} ha aperto un accesso di emergenza (${recordType} ${recordId}) fino a ${grant!.expiresAt.toISOString()}.\nMotivo / reason: vedi il registro accessi / see the audit trail.\n`,
        },
      });
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
      // The notice that the access ended is queued with it, for its end (or an early revocation).
      await deps.jobs.enqueue(
        tx,
        GRANT_ENDED_JOB_NAME,
        { grantId: grant!.id },
        { startAfter: grant!.expiresAt },
      );
      return grant!;
    },
  });
  return toGrant(grant, ctx.username);
}

/**
 * The DPO's review of an emergency access, after the fact: once, never of their own access (the
 * policy break_glass_grants_review holds the same rule), written and audited together.
 */
export function reviewGrant({
  deps,
  ctx,
  id,
  note,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  note: string | undefined;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [reviewed] = await tx
        .update(breakGlassGrants)
        .set({ reviewedAt: sql`now()`, reviewedBy: ctx.userId, reviewNote: note ?? null })
        .where(
          and(
            eq(breakGlassGrants.id, id),
            isNull(breakGlassGrants.reviewedAt),
            ne(breakGlassGrants.userId, ctx.userId),
          ),
        )
        .returning();
      if (!reviewed) {
        const [seen] = await tx.select().from(breakGlassGrants).where(eq(breakGlassGrants.id, id));
        if (!seen) throw problems.notFound();
        if (seen.userId === ctx.userId)
          throw problems.conflict({
            it: 'Un accesso di emergenza è esaminato da un’altra persona, non da chi lo ha aperto.',
            en: 'An emergency access is reviewed by someone other than the person who opened it.',
          });
        throw problems.conflict({
          it: 'Questo accesso è già stato esaminato.',
          en: 'This access was already reviewed.',
        });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'break_glass.reviewed',
          recordType: reviewed.recordType as TBreakGlassGrant['recordType'],
          recordId: reviewed.recordId,
          details: { grantId: id },
        },
      });
      const [owner] = await tx
        .select({ username: users.username })
        .from(users)
        .where(eq(users.id, reviewed.userId));
      return toGrant(reviewed, owner?.username ?? '', ctx.username);
    },
  });
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
          reviewer: sql<
            string | null
          >`(select u.username from users u where u.id = ${breakGlassGrants.reviewedBy})`,
        })
        .from(breakGlassGrants)
        .innerJoin(users, eq(users.id, breakGlassGrants.userId))
        .orderBy(desc(breakGlassGrants.grantedAt))
        .limit(200);
      // The reasons and review notes are special data: the list is a read, audited with its size.
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'break_glass.listed', details: { shown: rows.length } },
      });
      return rows.map((r) => toGrant(r.grant, r.username, r.reviewer));
    },
  });
}
