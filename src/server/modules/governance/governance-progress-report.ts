import { sql } from 'drizzle-orm';
import type { ACTIVITY_STATUSES } from '../../../contracts/governance-codes.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { loadMilestones, userNames } from './governance-plan.repository.js';
import { type ProgressReport, progressReportPdf } from './governance-progress-report-pdf.js';

/**
 * The monthly progress report (issue 21, item 3), as PDF. Everything is read AS THE CALLER: the
 * plan is read by everyone in governance, but the open actions are those of the committees the
 * caller sits on (or all of them for a coordinator), so a report never shows an action its reader
 * could not open; the complementary resources likewise only where the caller's role reads the
 * ledger (otherwise the report says so). The registered module indicators are computed over all
 * records by the impact module, not for a caller; they come with it.
 */

const TODAY = sql`(now() at time zone 'Europe/Rome')::date`;

function monthBounds(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first, last };
}

async function gather(tx: Tx, month: string): Promise<ProgressReport> {
  const { first, last } = monthBounds(month);
  // A month still under way is reported as of today.
  const [{ end }] = (await queryRows<{ end: string }>(
    tx,
    sql`select least(${last}::date, ${TODAY})::text as end`,
  )) as [{ end: string }];
  const updates = await queryRows<{
    title: string;
    status: (typeof ACTIVITY_STATUSES)[number];
    note: string;
    on: string;
  }>(
    tx,
    sql`select a.title, u.status, u.note, (u.updated_at at time zone 'Europe/Rome')::date::text as on
          from governance_activity_updates u join governance_activities a on a.id = u.activity_id
         where (u.updated_at at time zone 'Europe/Rome')::date between ${first} and ${last}
         order by u.updated_at, u.id`,
  );
  const reached = await loadMilestones(tx, sql`m.reached_on between ${first} and ${last}`);
  const late = await loadMilestones(
    tx,
    sql`m.due_on < ${end}::date and (m.reached_on is null or m.reached_on > ${end}::date)`,
  );
  const actions = await queryRows<{
    title: string;
    owner_id: string;
    due_on: string;
    committee: string | null;
  }>(
    tx,
    sql`select x.title, x.owner_id, x.due_on::text, c.name as committee
          from governance_actions x left join governance_committees c on c.id = x.committee_id
         where x.created_at <= (${end}::date + 1)::timestamp at time zone 'Europe/Rome'
           and (x.closed_at is null or x.closed_at >= (${end}::date + 1)::timestamp at time zone 'Europe/Rome')
         order by x.due_on, x.title, x.id`,
  );
  const owners = await userNames(
    tx,
    actions.map((a) => a.owner_id),
  );
  const [ledger] = await queryRows<{ readable: boolean; cents: string | null; count: number }>(
    tx,
    sql`select (trama_is_community_worker() or trama_is_fundraiser()) as readable,
               sum(value_cents)::text as cents, count(*)::int as count
          from community_resources where offered_on between ${first} and ${last}`,
  );
  const byCommittee = new Map<string, number>();
  for (const a of actions) {
    const key = a.committee ?? '—';
    byCommittee.set(key, (byCommittee.get(key) ?? 0) + 1);
  }
  return {
    month,
    asOf: end,
    activitiesDone: updates.filter((u) => u.status === 'done').map((u) => ({ title: u.title, on: u.on })),
    updates,
    milestonesReached: reached.map((m) => ({
      title: m.title,
      workPackage: m.workPackage,
      on: m.reachedOn ?? '',
    })),
    milestonesLate: late.map((m) => ({ title: m.title, workPackage: m.workPackage, on: m.dueOn })),
    openActions: actions.map((a) => ({
      title: a.title,
      owner: owners.get(a.owner_id) ?? '',
      dueOn: a.due_on,
      committee: a.committee ?? '—',
    })),
    actionsByCommittee: [...byCommittee].map(([committee, count]) => ({ committee, count })),
    resources: ledger?.readable ? { cents: Number(ledger.cents ?? 0), count: ledger.count } : null,
  };
}

/** A future or malformed month is a 400 naming the field. */
export async function monthlyProgressReport({
  deps,
  ctx,
  month,
}: {
  deps: Deps;
  ctx: AccessContext;
  month: string;
}) {
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) && month >= '1900-01';
  if (!valid)
    throw problems.field('month', 'malformed', {
      it: 'Indica un mese nella forma AAAA-MM.',
      en: 'Give a month as YYYY-MM.',
    });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [now] = await queryRows<{ month: string }>(tx, sql`select to_char(${TODAY}, 'YYYY-MM') as month`);
      if (month > (now?.month ?? ''))
        throw problems.field('month', 'in-future', {
          it: 'Il mese non può essere nel futuro.',
          en: 'The month cannot be in the future.',
        });
      const report = await gather(tx, month);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.report_generated',
          details: { report: 'progress', month, openActions: report.openActions.length },
        },
      });
      return { filename: `rapporto-mensile-${month}.pdf`, body: await progressReportPdf(report) };
    },
  });
}
