import { sql } from 'drizzle-orm';
import type { TBreakGlassGrant } from '../../../contracts/break-glass.js';
import { notifications } from '../../platform/access/access.sql.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { noticeToDpos } from '../../platform/access/dpo-notice.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { JOB_ACTOR, type JobKind } from '../../platform/jobs/job-queue.js';
import { queueMail } from '../../platform/mail/mail-queue.js';

export const GRANT_ENDED_JOB_NAME = 'break_glass.ended';

interface EndedGrant {
  id: string;
  user_id: string;
  email: string | null;
  record_type: string;
  record_id: string;
  revoked_at: Date | null;
  reviewed_at: Date | null;
}

/**
 * A DPO ends an emergency access before its time (never their own). The access stops at once —
 * every request checks `revoked_at` — and the notice that it ended is queued in the same step.
 * A function owned by the owner does the update, so trama_app needs no write grant on the column.
 */
export async function revokeGrant({
  deps,
  ctx,
  id,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  reason: string;
}): Promise<Pick<TBreakGlassGrant, 'id'>> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<{
        outcome: string;
        record_type: string | null;
        record_id: string | null;
      }>(tx, sql`select outcome, record_type, record_id::text from break_glass_revoke(${id}::uuid)`);
      if (row?.outcome === 'not_found') throw problems.notFound();
      if (row?.outcome === 'own')
        throw problems.conflict({
          it: 'Un accesso di emergenza è chiuso da un’altra persona, non da chi lo ha aperto.',
          en: 'An emergency access is ended by someone other than the person who opened it.',
        });
      if (row?.outcome !== 'revoked')
        throw problems.conflict({
          it: 'Questo accesso è già terminato.',
          en: 'This access has already ended.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'break_glass.revoked',
          recordType: row.record_type!,
          recordId: row.record_id!,
          purpose: reason,
          details: { grantId: id },
        },
      });
      await deps.jobs.enqueue(tx, GRANT_ENDED_JOB_NAME, { grantId: id });
      return { id };
    },
  });
}

/**
 * Tells the person whose emergency access ended, and the DPOs, once: at its end or when it was
 * revoked, whichever job runs first; the other finds the notice already given. Expiry itself is
 * never this job's: every request checks it.
 */
export const grantEndedJob: JobKind<{ grantId: string }> = {
  name: GRANT_ENDED_JOB_NAME,
  label: { it: 'Fine degli accessi di emergenza', en: 'End of emergency accesses' },
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 120,
  async handle({ grantId }, { deps }) {
    await systemTransaction(deps.db, async (tx) => {
      const [grant] = await queryRows<EndedGrant>(
        tx,
        sql`select g.id, g.user_id, u.email, g.record_type, g.record_id::text, g.revoked_at, g.reviewed_at
              from break_glass_grants g join users u on u.id = g.user_id
             where g.id = ${grantId} and (g.revoked_at is not null or g.expires_at <= now())
             for update of g`,
      );
      if (!grant) return; // not ended yet (a revocation's job ran first and the expiry job is early)
      const [told] = await queryRows(
        tx,
        sql`select 1 from notifications where kind = 'break_glass.ended' and payload->>'grantId' = ${grantId} limit 1`,
      );
      if (told) return;
      const how = grant.revoked_at ? 'revoked' : 'expired';
      const payload = { grantId, recordType: grant.record_type, recordId: grant.record_id, how };
      await tx.insert(notifications).values({ userId: grant.user_id, kind: 'break_glass.ended', payload });
      if (grant.email)
        await queueMail({
          deps,
          tx,
          key: `break_glass.ended:${grantId}`,
          mail: {
            to: grant.email,
            subject: 'Trama: accesso di emergenza terminato / emergency access ended',
            text: `Il tuo accesso di emergenza (${grant.record_type} ${grant.record_id}) è terminato${grant.revoked_at ? ': chiuso dal DPO' : ''}.\nYour emergency access (${grant.record_type} ${grant.record_id}) has ended${grant.revoked_at ? ': closed by the DPO' : ''}.\n`,
          },
        });
      await noticeToDpos({
        deps,
        tx,
        kind: 'break_glass.ended',
        payload,
        ...(grant.reviewed_at
          ? {}
          : {
              mail: {
                subject: 'Trama: accesso di emergenza da esaminare / emergency access to review',
                text: `Un accesso di emergenza (${grant.record_type} ${grant.record_id}) è terminato e attende il tuo esame.\nAn emergency access (${grant.record_type} ${grant.record_id}) has ended and waits for your review.\n`,
              },
            }),
      });
      await writeAudit({
        tx,
        actor: JOB_ACTOR,
        event: {
          action: 'break_glass.ended',
          recordType: grant.record_type,
          recordId: grant.record_id,
          details: { grantId, how },
        },
      });
    });
  },
};
