import { sql } from 'drizzle-orm';
import { countOf } from '../../platform/db/client.js';
import type { TramaModule } from '../../platform/module.js';
import { RESEARCH_AUDIT_ACTIONS, RESEARCH_RECORD_TABLES } from './research.audit.js';
import { RESEARCH_FIELD_CLASSES, RESEARCH_RETENTION } from './research.fields.js';
import { researchRoutes } from './research.routes.js';

export const researchModule: TramaModule = {
  name: 'research',
  fieldClasses: RESEARCH_FIELD_CLASSES,
  retention: RESEARCH_RETENTION,
  auditActions: RESEARCH_AUDIT_ACTIONS,
  recordTables: RESEARCH_RECORD_TABLES,
  routes: researchRoutes,
  // Exports of pseudonymised data are checked by the DPO afterwards: those of the last 30 days wait.
  attention: async ({ tx, ctx }) =>
    ctx.permissions.has('audit.read')
      ? [
          {
            kind: 'research_exports_recent' as const,
            count: await countOf(
              tx,
              sql`select count(*)::int as n from research_exports where exported_at > now() - interval '30 days'`,
            ),
            link: '/research/exports',
          },
        ]
      : [],
};
