import { sql } from 'drizzle-orm';
import { countOf } from '../../platform/db/client.js';
import type { TramaModule } from '../../platform/module.js';
import { BREAK_GLASS_AUDIT_ACTIONS } from './break-glass.audit.js';
import { seedBreakGlassDemo } from './break-glass.demo.js';
import { grantEndedJob } from './break-glass.ending.js';
import { breakGlassRoutes } from './break-glass.routes.js';

export const breakGlassModule: TramaModule = {
  name: 'break-glass',
  auditActions: BREAK_GLASS_AUDIT_ACTIONS,
  routes: breakGlassRoutes,
  seedDemo: seedBreakGlassDemo,
  jobs: [grantEndedJob],
  attention: async ({ tx, ctx }) => [
    {
      kind: 'own_break_glass_active' as const,
      count: await countOf(
        tx,
        sql`select count(*)::int as n from break_glass_grants where user_id = ${ctx.userId} and revoked_at is null and expires_at > now()`,
      ),
      link: '/break-glass',
    },
    ...(ctx.permissions.has('break-glass.review')
      ? [
          {
            // Every emergency access is reviewed by someone else: those not yet reviewed wait here.
            kind: 'break_glass_to_review' as const,
            count: await countOf(
              tx,
              sql`select count(*)::int as n from break_glass_grants where reviewed_at is null and user_id <> ${ctx.userId}`,
            ),
            link: '/break-glass',
          },
        ]
      : []),
  ],
};
