import { sql } from 'drizzle-orm';
import { countOf } from '../../platform/db/client.js';
import type { TramaModule } from '../../platform/module.js';
import { AUDIT_TRAIL_AUDIT_ACTIONS } from './audit-trail.audit.js';
import { auditTrailRoutes } from './audit-trail.routes.js';

export const auditTrailModule: TramaModule = {
  name: 'audit-trail',
  auditActions: AUDIT_TRAIL_AUDIT_ACTIONS,
  routes: auditTrailRoutes,
  attention: async ({ tx, ctx }) =>
    ctx.permissions.has('audit.read')
      ? [
          {
            kind: 'audit_unsealed' as const,
            count: await countOf(
              tx,
              sql`select count(*)::int as n from audit_events where chain_seq is null and occurred_at < now() - interval '1 minute'`,
            ),
            link: '/audit',
          },
        ]
      : [],
};
