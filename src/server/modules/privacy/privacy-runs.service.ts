import { sql } from 'drizzle-orm';
import type { TRetentionItem, TRetentionRun, TRetentionRunDetail } from '../../../contracts/privacy.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { periodsByOrganisation } from './privacy-policies.service.js';
import { auditPrivacy, caseErasure, holdInForce, TODAY } from './privacy-shared.js';

/**
 * Retention runs (issue 23, item 1). A dry run lists every household past its organisation's
 * period, with what anonymising it takes and the legal holds that stop it; nothing changes until
 * the DPO approves it, and the job then anonymises the listed households one transaction each.
 */
export const RETENTION_RUN_JOB = 'privacy.retention_run';

interface RunRow {
  id: string;
  status: TRetentionRun['status'];
  as_of: string;
  created_by: string;
  created_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
  finished_at: Date | null;
  due: number;
  held: number;
  done: number;
}

const RUN_SELECT = sql`select r.id, r.status, r.as_of::text, cu.display_name as created_by, r.created_at,
    au.display_name as approved_by, r.approved_at, r.finished_at,
    (select count(*)::int from privacy_retention_items i where i.run_id = r.id and i.status = 'due') as due,
    (select count(*)::int from privacy_retention_items i where i.run_id = r.id and i.status = 'held') as held,
    (select count(*)::int from privacy_retention_items i where i.run_id = r.id and i.status = 'done') as done
  from privacy_retention_runs r
  join users cu on cu.id = r.created_by
  left join users au on au.id = r.approved_by`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const runOf = (r: RunRow): TRetentionRun => ({
  id: r.id,
  status: r.status,
  asOf: r.as_of,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  approvedBy: r.approved_by,
  approvedAt: iso(r.approved_at),
  finishedAt: iso(r.finished_at),
  due: r.due,
  held: r.held,
  done: r.done,
});

async function itemsOf(tx: Tx, runId: string): Promise<TRetentionItem[]> {
  const rows = await queryRows<{
    household_code: string;
    organisation: string;
    last_closed_on: string;
    due_on: string;
    cases: number;
    people: number;
    notes: number;
    documents: number;
    status: TRetentionItem['status'];
    held_by: string | null;
    done_at: Date | null;
  }>(
    tx,
    sql`select i.household_code, o.name as organisation, i.last_closed_on::text, i.due_on::text, i.cases, i.people,
               i.notes, i.documents, i.status, case when h.id is null then null else h.reason || ' (' || h.reference || ')' end as held_by,
               i.done_at
          from privacy_retention_items i
          join organisations o on o.id = i.organisation_id
          left join privacy_legal_holds h on h.id = i.hold_id
         where i.run_id = ${runId}
         order by i.due_on, i.household_code`,
  );
  return rows.map((r) => ({
    householdCode: r.household_code,
    organisation: r.organisation,
    lastClosedOn: r.last_closed_on,
    dueOn: r.due_on,
    cases: r.cases,
    people: r.people,
    notes: r.notes,
    documents: r.documents,
    status: r.status,
    heldBy: r.held_by,
    doneAt: iso(r.done_at),
  }));
}

async function loadRun(tx: Tx, id: string): Promise<TRetentionRunDetail> {
  const [row] = await queryRows<RunRow>(tx, sql`${RUN_SELECT} where r.id = ${id}`);
  if (!row) throw new OutOfScope('privacy_retention_run', id);
  return { ...runOf(row), items: await itemsOf(tx, id) };
}

const addMonths = (isoDate: string, months: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  // The 31st plus a month is the month's last day, never the next month's first.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
};

/** The dry run: what would be anonymised today, written down for the DPO; nothing else changes. */
export async function proposeRetentionRun({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [{ today }] = (await queryRows<{ today: string }>(tx, sql`select ${TODAY}::text as today`)) as [
        { today: string },
      ];
      let runId: string;
      try {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into privacy_retention_runs (as_of, created_by) values (${today}, ${ctx.userId}) returning id`,
        );
        runId = row!.id;
      } catch (error) {
        if (pgErrorCode(error) === '23505') {
          throw problems.conflict({
            it: 'C’è già una simulazione da approvare o un’anonimizzazione in corso: concludila prima.',
            en: 'A dry run awaits approval or an anonymisation is running: finish it first.',
          });
        }
        throw error;
      }
      const periodOf = await periodsByOrganisation(tx, 'case_record');
      const candidates = await unsafeAsSystem(tx, (sys) =>
        caseErasure().candidates({ tx: sys, asOf: today }),
      );
      for (const c of candidates) {
        const dueOn = addMonths(c.eventOn, periodOf(c.organisationId));
        if (dueOn > today) continue;
        const [hold] = await queryRows<{ id: string }>(
          tx,
          sql`select h.id from privacy_legal_holds h where h.household_id = ${c.recordId} and ${holdInForce('h')}
              order by h.created_at limit 1`,
        );
        await tx.execute(sql`insert into privacy_retention_items (run_id, household_id, household_code, organisation_id,
            last_closed_on, due_on, cases, people, notes, documents, status, hold_id)
          values (${runId}, ${c.recordId}, ${c.recordCode}, ${c.organisationId}, ${c.eventOn}, ${dueOn},
            ${c.counts.cases}, ${c.counts.people}, ${c.counts.notes}, ${c.counts.documents},
            ${hold ? 'held' : 'due'}, ${hold?.id ?? null})`);
      }
      const run = await loadRun(tx, runId);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.retention_run_proposed',
        recordType: 'privacy_retention_run',
        recordId: runId,
        details: { due: run.due, held: run.held },
      });
      return run;
    },
  });
}

export async function listRetentionRuns({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<RunRow>(tx, sql`${RUN_SELECT} order by r.created_at desc limit 50`);
      return rows.map(runOf);
    },
  });
}

export async function getRetentionRun({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const run = await loadRun(tx, id);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.retention_run_read',
        recordType: 'privacy_retention_run',
        recordId: id,
      });
      return run;
    },
  });
}

const notProposed = () =>
  problems.conflict({
    it: 'Questa simulazione non attende più un’approvazione.',
    en: 'This dry run no longer awaits approval.',
  });

/** The DPO approves the dry run as it was listed; the job anonymises it, item by item. */
export async function approveRetentionRun({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await loadRun(tx, id);
      const changed = await queryRows<{ id: string; as_of: string; today: string }>(
        tx,
        sql`update privacy_retention_runs set status = 'approved', approved_by = ${ctx.userId}, approved_at = now()
             where id = ${id} and status = 'proposed' returning id, as_of::text, ${TODAY}::text as today`,
      );
      if (changed.length === 0) throw notProposed();
      // A report is approved the day it was made: a day later, periods and holds may say otherwise.
      if (changed[0]!.as_of !== changed[0]!.today) {
        throw problems.conflict({
          it: 'La simulazione è di un giorno precedente: scartala e rifalla oggi.',
          en: 'The dry run is from an earlier day: discard it and make a new one today.',
        });
      }
      await deps.jobs.enqueue(tx, RETENTION_RUN_JOB, { runId: id });
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.retention_run_approved',
        recordType: 'privacy_retention_run',
        recordId: id,
      });
      return loadRun(tx, id);
    },
  });
}

export async function discardRetentionRun({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await loadRun(tx, id);
      const changed = await queryRows<{ id: string }>(
        tx,
        sql`update privacy_retention_runs set status = 'discarded', finished_at = now()
             where id = ${id} and status = 'proposed' returning id`,
      );
      if (changed.length === 0) throw notProposed();
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.retention_run_discarded',
        recordType: 'privacy_retention_run',
        recordId: id,
      });
      return loadRun(tx, id);
    },
  });
}
