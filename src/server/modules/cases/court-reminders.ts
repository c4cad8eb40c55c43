import type { TAttentionItem } from '../../../contracts/home.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import type { Tx } from '../../platform/db/client.js';
import { deadlineCounts } from './court-orders.repository.js';

/**
 * What the court asks of the viewer, on Home: the team's deadlines falling due within
 * DEADLINE_DUE_SOON_DAYS and those already late; for a coordinator, the late deadlines of the services
 * supervised (the escalation) and the reports waiting for approval.
 */
export async function courtReminders({ tx, ctx }: { tx: Tx; ctx: AccessContext }): Promise<TAttentionItem[]> {
  const row = await deadlineCounts({ tx });
  return [
    ...(ctx.permissions.has('cases.write')
      ? [
          { kind: 'court_deadlines_late' as const, count: row.late, link: '/court-deadlines' },
          { kind: 'court_deadlines_due' as const, count: row.due, link: '/court-deadlines' },
        ]
      : []),
    ...(ctx.permissions.has('cases.supervise')
      ? [
          {
            kind: 'court_deadlines_escalated' as const,
            count: row.escalated,
            link: '/court-deadlines?scope=supervised',
          },
          {
            kind: 'court_reports_to_approve' as const,
            count: row.reports,
            link: '/court-reports/pending',
          },
        ]
      : []),
  ];
}
