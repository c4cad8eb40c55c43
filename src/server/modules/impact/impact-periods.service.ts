import { sql } from 'drizzle-orm';
import {
  periodOfKey,
  projectPeriods,
  type ReportingPeriod,
  type TImpactPeriod,
  type TImpactPeriods,
  type TPeriodAction,
} from '../../../contracts/impact-periods.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { registeredIndicators } from '../../platform/indicators/indicator-registry.js';
import { chairsSteering, displayNames, romeToday } from './impact-chair.js';
import { lateRecordsBefore } from './impact-frozen.js';
import { measurePeriod } from './impact-snapshot.js';

/**
 * Reporting periods and their locks (issue 25, item 3): a coordinator submits an ended period;
 * the steering committee's chair — another person — approves it, which freezes its values and
 * locks it, or returns it with a reason; a coordinator unlocks a locked period with a reason,
 * which drops the frozen values (the reports already made keep theirs). Every step is recorded
 * in the period's events and audited.
 */

type PeriodRow = {
  key: string;
  status: TImpactPeriod['status'];
  submitted_by: string | null;
  submitted_at: string | null;
  locked_by: string | null;
  locked_at: string | null;
};

const iso = (at: string | Date | null) => (at === null ? null : new Date(at).toISOString());

/** The period a key names, or 404: an unknown key names nothing. */
export function requirePeriod(key: string): ReportingPeriod {
  const period = periodOfKey(key);
  if (!period) throw problems.notFound();
  return period;
}

export async function listPeriods({
  deps,
  ctx,
  audited = true,
}: {
  deps: Deps;
  ctx: AccessContext;
  /** False when a step answers with its period: the step is audited already. */
  audited?: boolean;
}): Promise<TImpactPeriods> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const chair = await chairsSteering(tx, ctx.userId);
      const rows = await queryRows<PeriodRow>(
        tx,
        sql`select key, status, submitted_by, submitted_at, locked_by, locked_at from impact_periods`,
      );
      const events = await queryRows<{
        period_key: string;
        action: TPeriodAction;
        actor_id: string;
        at: string;
        reason: string | null;
      }>(tx, sql`select period_key, action, actor_id, at, reason from impact_period_events order by at, id`);
      const reports = await queryRows<{
        id: string;
        period_key: string;
        created_at: string;
        created_by: string;
        final: boolean;
        content_hash: string;
        key_id: string;
      }>(
        tx,
        sql`select id, period_key, created_at, created_by, final, content_hash, key_id
              from impact_reports order by created_at desc, id`,
      );
      const names = await displayNames(tx, [
        ...rows.flatMap((r) => [r.submitted_by, r.locked_by]),
        ...events.map((e) => e.actor_id),
        ...reports.map((r) => r.created_by),
      ]);
      const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : '');
      const today = romeToday();
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const periods = projectPeriods().map((period): TImpactPeriod => {
        const row = byKey.get(period.key);
        const status = row?.status ?? 'open';
        const ended = period.to < today;
        return {
          ...period,
          ended,
          status,
          submitted: row?.submitted_at
            ? { by: nameOf(row.submitted_by), at: iso(row.submitted_at) ?? '' }
            : null,
          locked: row?.locked_at ? { by: nameOf(row.locked_by), at: iso(row.locked_at) ?? '' } : null,
          history: events
            .filter((e) => e.period_key === period.key)
            .map((e) => ({
              action: e.action,
              by: nameOf(e.actor_id),
              at: iso(e.at) ?? '',
              reason: e.reason,
            })),
          reports: reports
            .filter((r) => r.period_key === period.key)
            .map((r) => ({
              id: r.id,
              createdAt: iso(r.created_at) ?? '',
              createdBy: nameOf(r.created_by),
              final: r.final,
              contentHash: r.content_hash,
              keyId: r.key_id,
            })),
          can: {
            submit: ended && status === 'open',
            approve: chair && status === 'submitted' && row?.submitted_by !== ctx.userId,
            returnIt: chair && status === 'submitted',
            unlock: status === 'locked',
            report: true,
          },
        };
      });
      if (audited)
        await writeAudit({ tx, actor: actorOf(ctx), event: { action: 'impact.periods_read', details: {} } });
      return {
        periods,
        chair,
        signingKey: { keyId: deps.checkpointKey.keyId, publicKeyPem: deps.checkpointKey.publicKeyPem },
      };
    },
  });
}

/** The period's row, locked for this transaction (two coordinators acting at once wait in turn). */
async function lockedRow(tx: Tx, period: ReportingPeriod) {
  await tx.execute(
    sql`insert into impact_periods (key, kind, starts_on, ends_on)
        values (${period.key}, ${period.kind}, ${period.from}, ${period.to}) on conflict (key) do nothing`,
  );
  const found = await queryRows<{ status: TImpactPeriod['status']; submitted_by: string | null }>(
    tx,
    sql`select status, submitted_by from impact_periods where key = ${period.key} for update`,
  );
  const row = found[0];
  if (!row) throw problems.notFound();
  return row;
}

const refuse = (it: string, en: string) => problems.conflict({ it, en });

async function record(
  tx: Tx,
  ctx: AccessContext,
  period: ReportingPeriod,
  action: TPeriodAction,
  reason: string | null = null,
) {
  await tx.execute(
    // The clock, not the transaction's start: a step that waited for the row lock comes after.
    sql`insert into impact_period_events (period_key, action, actor_id, reason, at)
        values (${period.key}, ${action}, ${ctx.userId}, ${reason}, clock_timestamp())`,
  );
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action: `impact.period_${action}`,
      details: { period: period.key, ...(reason ? { reason } : {}) },
    },
  });
}

export type PeriodStep = 'submit' | 'return' | 'approve' | 'unlock';

/** One step of a period's workflow; answers the period as the list shows it. */
export async function stepPeriod({
  deps,
  ctx,
  key,
  step,
  reason = null,
}: {
  deps: Deps;
  ctx: AccessContext;
  key: string;
  step: PeriodStep;
  reason?: string | null;
}): Promise<TImpactPeriod> {
  const period = requirePeriod(key);
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await lockedRow(tx, period);
      if (step === 'submit') {
        if (period.to >= romeToday())
          throw refuse(
            'Il periodo non è ancora concluso: si invia dal giorno dopo la sua fine.',
            'The period has not ended yet: it can be submitted from the day after its end.',
          );
        if (row.status !== 'open')
          throw refuse(
            'Il periodo è già stato inviato o chiuso.',
            'The period has already been submitted or locked.',
          );
        await tx.execute(
          sql`update impact_periods set status = 'submitted', submitted_by = ${ctx.userId}, submitted_at = clock_timestamp(), updated_at = clock_timestamp()
              where key = ${period.key}`,
        );
        await record(tx, ctx, period, 'submitted');
        return;
      }
      if (step === 'unlock') {
        if (row.status !== 'locked') throw refuse('Il periodo non è chiuso.', 'The period is not locked.');
        await tx.execute(sql`delete from impact_period_values where period_key = ${period.key}`);
        await tx.execute(
          sql`update impact_periods set status = 'open', submitted_by = null, submitted_at = null, locked_by = null,
                     locked_at = null, updated_at = now() where key = ${period.key}`,
        );
        await record(tx, ctx, period, 'unlocked', reason);
        return;
      }
      // Returning and approving are the chair's.
      if (!(await chairsSteering(tx, ctx.userId)))
        throw refuse(
          'Solo chi presiede oggi la cabina di regia approva o restituisce un periodo.',
          'Only the person chairing the steering committee today approves or returns a period.',
        );
      if (row.status !== 'submitted')
        throw refuse('Il periodo non è in attesa di approvazione.', 'The period is not awaiting approval.');
      if (step === 'return') {
        await tx.execute(
          sql`update impact_periods set status = 'open', submitted_by = null, submitted_at = null, updated_at = now()
              where key = ${period.key}`,
        );
        await record(tx, ctx, period, 'returned', reason);
        return;
      }
      if (row.submitted_by === ctx.userId)
        throw refuse(
          'Chi ha inviato il periodo non può anche approvarlo: serve una seconda persona.',
          'Whoever submitted the period cannot also approve it: a second person is needed.',
        );
      await freezeValues(tx, deps, period);
      await tx.execute(
        sql`update impact_periods set status = 'locked', locked_by = ${ctx.userId}, locked_at = clock_timestamp(), updated_at = clock_timestamp()
            where key = ${period.key}`,
      );
      await record(tx, ctx, period, 'locked');
    },
  });
  const { periods } = await listPeriods({ deps, ctx, audited: false });
  const answer = periods.find((p) => p.key === period.key);
  if (!answer) throw problems.notFound();
  return answer;
}

/**
 * The lock's snapshot: every indicator over the period, computed now, kept as it is, with the
 * late records of the period before it as they stand at this lock. The codes go as one JSON
 * parameter (a parameter per code would meet the protocol's limit of 65,535).
 */
async function freezeValues(tx: Tx, deps: Deps, period: ReportingPeriod) {
  const measured = await unsafeAsSystem(tx, (sys) =>
    measurePeriod({ indicators: registeredIndicators(), on: sys, period, keyring: deps.keyring }),
  );
  const late = await lateRecordsBefore(tx, deps, period);
  for (const m of measured) {
    const afterLock = late.get(m.key) ?? null;
    await tx.execute(
      sql`insert into impact_period_values
            (period_key, indicator_key, formula_version, value, cumulative, error, records, cumulative_records,
             after_lock, after_lock_period, record_codes)
          values (${period.key}, ${m.key}, ${m.formulaVersion}, ${m.value}, ${m.cumulative}, ${m.error},
                  ${m.records}, ${m.cumulativeRecords}, ${afterLock?.value ?? null}, ${afterLock?.period ?? null},
                  array(select jsonb_array_elements_text(${JSON.stringify(m.codes)}::jsonb)))`,
    );
  }
}
