import { sql } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { clearShreddedKeys, shredRecordKey } from '../../platform/crypto/record-keys.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import type { JobKind } from '../../platform/jobs/job-queue.js';
import { fileStoreOf } from '../../platform/storage/store-registry.js';
import { RETENTION_RUN_JOB } from './privacy-runs.service.js';
import { caseErasure, holdInForce } from './privacy-shared.js';

/**
 * Carries out an approved retention run (issue 23): one household per transaction — its legal
 * holds checked again, its records anonymised, its key destroyed, its item marked done — so an
 * interrupted run leaves every household either untouched or wholly anonymised, and a retry takes
 * up the items still due. Files and keys leave the store after each commit.
 */
async function actorOfRun(tx: Tx, runId: string): Promise<AuditActor | null> {
  const [row] = await queryRows<{ id: string; username: string }>(
    tx,
    sql`select u.id, u.username from privacy_retention_runs r join users u on u.id = r.approved_by
         where r.id = ${runId} and r.status = 'approved'`,
  );
  return row
    ? { userId: row.id, username: row.username, role: 'dpo', serviceId: null, clientIp: null }
    : null;
}

/** Anonymises the next household still due; false when none is left. */
async function nextItem({ deps, runId, stillDue }: { deps: Deps; runId: string; stillDue: Set<string> }) {
  const outcome = await systemTransaction(deps.db, async (tx) => {
    const actor = await actorOfRun(tx, runId);
    if (!actor) return null;
    const [item] = await queryRows<{ household_id: string; household_code: string }>(
      tx,
      sql`select household_id, household_code from privacy_retention_items
           where run_id = ${runId} and status = 'due' order by due_on, household_code limit 1 for update skip locked`,
    );
    if (!item) return null;
    const audit = (
      action: 'privacy.household_anonymised' | 'privacy.household_held',
      details: Record<string, unknown>,
    ) =>
      writeAudit({
        tx,
        actor,
        event: { action, recordType: 'household', recordId: item.household_id, details },
      });
    const [hold] = await queryRows<{ id: string; reference: string }>(
      tx,
      sql`select h.id, h.reference from privacy_legal_holds h where h.household_id = ${item.household_id} and ${holdInForce('h')}
          order by h.created_at limit 1`,
    );
    if (hold) {
      await tx.execute(sql`update privacy_retention_items set status = 'held', hold_id = ${hold.id}
          where run_id = ${runId} and household_id = ${item.household_id}`);
      await audit('privacy.household_held', { runId, hold: hold.reference });
      return { storageKeys: [] };
    }
    if (!stillDue.has(item.household_id)) {
      // Reopened or referred again since the dry run: not this run's to erase.
      await tx.execute(sql`update privacy_retention_items set status = 'not_due'
          where run_id = ${runId} and household_id = ${item.household_id}`);
      return { storageKeys: [] };
    }
    const erased = await caseErasure().anonymise({ tx, recordId: item.household_id });
    const keys = await shredRecordKey({ deps, tx, scope: 'household', scopeId: item.household_id });
    await tx.execute(sql`update privacy_retention_items set status = 'done', done_at = now()
        where run_id = ${runId} and household_id = ${item.household_id}`);
    await audit('privacy.household_anonymised', {
      runId,
      household: item.household_code,
      files: erased.storageKeys.length,
      keysDestroyed: keys,
    });
    return erased;
  });
  if (!outcome) return false;
  // The files' keys are already forgotten; their sealed bytes go now (a failure leaves unreadable bytes).
  for (const key of outcome.storageKeys)
    await fileStoreOf(deps)
      .delete(key)
      .catch(() => {});
  return true;
}

export async function carryOutRetentionRun({ deps, runId }: { deps: Deps; runId: string }) {
  const stillDue = await systemTransaction(deps.db, async (tx) => {
    const today = (
      await queryRows<{ today: string }>(
        tx,
        sql`select (now() at time zone 'Europe/Rome')::date::text as today`,
      )
    )[0]!.today;
    return new Set((await caseErasure().candidates({ tx, asOf: today })).map((c) => c.recordId));
  });
  while (await nextItem({ deps, runId, stillDue })) {
    // one household per transaction
  }
  await systemTransaction(deps.db, async (tx) => {
    await clearShreddedKeys({ deps, tx });
    const actor = await actorOfRun(tx, runId);
    const finished = await queryRows<{ id: string }>(
      tx,
      sql`update privacy_retention_runs set status = 'done', finished_at = now()
           where id = ${runId} and status = 'approved'
             and not exists (select 1 from privacy_retention_items i where i.run_id = ${runId} and i.status = 'due')
          returning id`,
    );
    if (finished.length > 0 && actor) {
      await writeAudit({
        tx,
        actor,
        event: {
          action: 'privacy.retention_run_finished',
          recordType: 'privacy_retention_run',
          recordId: runId,
        },
      });
    }
  });
}

export const retentionRunJob: JobKind<{ runId: string }> = {
  name: RETENTION_RUN_JOB,
  label: { it: 'Anonimizzazione dei dati scaduti', en: 'Anonymisation of data past retention' },
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 3600,
  async handle(data, { deps }) {
    await carryOutRetentionRun({ deps, runId: data.runId });
  },
};
