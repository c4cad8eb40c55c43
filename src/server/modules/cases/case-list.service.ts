import type { TCaseListQuery } from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { caseFilterOptions, pageOfCases, reminderCounts } from './cases.repository.js';

/** The work list of cases, its filters, and the reminders on Home; their SQL is in cases.repository.ts. */

// The benchmark (bench/cases.ts) times the list's two statements bare, imported from here.
export { caseListQueries } from './cases.repository.js';

export async function listCases({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: TCaseListQuery;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const result = await pageOfCases({ tx, query });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'case.listed', details: { shown: result.items.length, page: query.page } },
      });
      return result;
    },
  });
}

/** What the filters of the work list can offer this user. */
export async function caseFilters({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({ db: deps.db, ctx, work: (tx) => caseFilterOptions({ tx }) });
}

/**
 * The case reminders on the home page: referrals to the acting service not answered in time, plans
 * of one's cases not reviewed for PLAN_REVIEW_DAYS, and (for a supervisor) plans and closures
 * waiting for approval.
 */
export async function caseReminders({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  const row = await reminderCounts({ tx });
  return [
    { kind: 'referrals_overdue' as const, count: row.overdue, link: '/referrals?overdue=true' },
    {
      kind: 'plans_to_review' as const,
      count: ctx.permissions.has('cases.write') ? row.review : 0,
      link: '/cases?overdue=true',
    },
    {
      kind: 'awaiting_approval' as const,
      count: ctx.permissions.has('cases.supervise') ? row.approval : 0,
      link: '/cases',
    },
  ];
}
