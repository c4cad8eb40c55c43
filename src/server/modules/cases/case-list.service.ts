import type { TCaseListQuery } from '../../../contracts/cases.js';
import type { TPermission } from '../../../contracts/roles.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { followupsDueCount } from './case-services.repository.js';
import { caseFilterOptions, pageOfCases, reminderCounts } from './cases.repository.js';

/** The work list of cases, its filters, and the reminders on Home; their SQL is in cases.repository.ts. */

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
        event: {
          action: 'case.listed',
          details: { shown: result.items.length, page: query.page, byCursor: query.cursor !== undefined },
        },
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
 * What waits on the home page: referrals received by the acting service (new, and those not
 * answered in time), one's own unsent drafts, plans of one's cases not reviewed for
 * PLAN_REVIEW_DAYS, and (for a supervisor) plans and closures waiting for approval.
 */
export async function caseReminders({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  const row = await reminderCounts({ tx });
  const can = (permission: TPermission) => ctx.permissions.has(permission);
  return [
    // New referrals wait from the day they arrive, not only once they are late.
    ...(can('referrals.answer')
      ? [
          {
            kind: 'referrals_received' as const,
            count: row.received,
            link: '/referrals?box=received&status=sent',
          },
          {
            kind: 'referrals_overdue' as const,
            count: row.overdue,
            link: '/referrals?box=received&overdue=true',
          },
        ]
      : []),
    ...(can('referrals.send')
      ? [{ kind: 'referral_drafts' as const, count: row.drafts, link: '/referrals?box=sent&status=draft' }]
      : []),
    ...(can('cases.write')
      ? [{ kind: 'plans_to_review' as const, count: row.review, link: '/cases?overdue=true' }]
      : []),
    // Transfers from another Ambito wait for the receiving service; a closed case's after-care for its lead.
    ...(can('cases.write')
      ? [
          { kind: 'transfers_received' as const, count: row.transfers, link: '/transfers' },
          { kind: 'after_care_due' as const, count: row.after_care, link: '/cases?status=closed' },
        ]
      : []),
    // Follow-ups due within a week, or overdue, wait for the one they are assigned to (issue 22).
    ...(can('cases.write')
      ? [{ kind: 'followups_due' as const, count: await followupsDueCount({ tx }), link: '/cases' }]
      : []),
    ...(can('cases.supervise')
      ? [{ kind: 'awaiting_approval' as const, count: row.approval, link: '/cases' }]
      : []),
  ];
}
