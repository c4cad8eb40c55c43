import type { TImpactDashboard } from '../../../contracts/impact.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { registeredIndicators } from '../../platform/indicators/indicator-registry.js';
import { romeToday } from './impact-chair.js';
import { impactDashboard } from './impact-values.js';

/**
 * The steering dashboard's numbers (issue 25, items 2 and 7): every indicator of every module,
 * computed on the owner's connection — they are the project's totals, which the committee sees
 * exactly (issue 25, item 5: the promises every partner knows); no breakdown leaves this module.
 * The reading is audited.
 */
export function readImpactDashboard({
  deps,
  ctx,
}: {
  deps: Deps;
  ctx: AccessContext;
}): Promise<TImpactDashboard> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const dashboard = await unsafeAsSystem(tx, (sys) =>
        impactDashboard({
          indicators: registeredIndicators(),
          on: sys,
          keyring: deps.keyring,
          today: romeToday(),
        }),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'impact.dashboard_read',
          details: {
            to: dashboard.period.to,
            unavailable: dashboard.rows.filter((r) => r.error).map((r) => r.key),
          },
        },
      });
      return dashboard;
    },
  });
}
