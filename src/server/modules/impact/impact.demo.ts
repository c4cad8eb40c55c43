import { sql } from 'drizzle-orm';
import { periodOfKey } from '../../../contracts/impact-periods.js';
import type { DemoSeedContext } from '../../platform/module.js';

/**
 * Impact's demo: the project's first semester submitted by a coordinator (supervisora) and waiting
 * for the steering committee's chair (coordinatrice), who can approve and lock it, then generate
 * and download its signed report.
 */
export async function seedDemoImpact({ tx, userIds }: DemoSeedContext): Promise<void> {
  const period = periodOfKey('2026-h1');
  const submitter = userIds.get('supervisora');
  if (!period || !submitter) return;
  await tx.execute(
    sql`insert into impact_periods (key, kind, starts_on, ends_on, status, submitted_by, submitted_at)
        values (${period.key}, ${period.kind}, ${period.from}, ${period.to}, 'submitted', ${submitter}, now() - interval '2 days')`,
  );
  await tx.execute(
    sql`insert into impact_period_events (period_key, action, actor_id, at)
        values (${period.key}, 'submitted', ${submitter}, now() - interval '2 days')`,
  );
}
