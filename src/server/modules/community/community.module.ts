import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countOf } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { COMMUNITY_AUDIT_ACTIONS, COMMUNITY_RECORD_TABLES } from './community.audit.js';
import { seedDemoCommunity } from './community.demo.js';
import {
  COMMUNITY_ENCRYPTED_COLUMNS,
  COMMUNITY_FIELD_CLASSES,
  COMMUNITY_RETENTION,
} from './community.fields.js';
import { COMMUNITY_INDICATORS } from './community.indicators.js';
import { isCommunityWorker } from './community.policy.js';
import { COMMUNITY_PROCESSING } from './community.processing.js';
import { attendanceRoutes } from './community-attendance.routes.js';
import { dashboardRoutes } from './community-dashboard.routes.js';
import { eventRoutes } from './community-events.routes.js';
import { holderRoutes } from './community-holders.routes.js';
import { registryRoutes } from './community-registry.routes.js';
import { publicRoutes } from './public/public.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(eventRoutes(deps));
    await app.register(attendanceRoutes(deps));
    await app.register(holderRoutes(deps));
    await app.register(registryRoutes(deps));
    await app.register(dashboardRoutes(deps));
    await app.register(publicRoutes(deps));
  };

/** Community engagement (WP3, issue 19): the holders' registry and map, needs, events, counts. */
export const communityModule: TramaModule = {
  name: 'community',
  processing: COMMUNITY_PROCESSING,
  fieldClasses: COMMUNITY_FIELD_CLASSES,
  retention: COMMUNITY_RETENTION,
  encryptedColumns: COMMUNITY_ENCRYPTED_COLUMNS,
  auditActions: COMMUNITY_AUDIT_ACTIONS,
  recordTables: COMMUNITY_RECORD_TABLES,
  indicators: COMMUNITY_INDICATORS,
  seedDemo: seedDemoCommunity,
  routes,
  // A community worker's sessions of today not yet over: the ones to check people in at.
  attention: async ({ tx }) => {
    if (!(await isCommunityWorker(tx))) return [];
    return [
      {
        kind: 'community_sessions_today' as const,
        count: await countOf(
          tx,
          sql`select count(*)::int as n from gathering_sessions s join community_events e on e.gathering_id = s.gathering_id
               where e.status = 'planned' and s.gathering_id = any (trama_managed_gatherings()) and s.ends_at > now()
                 and (s.starts_at at time zone 'Europe/Rome')::date = (now() at time zone 'Europe/Rome')::date`,
        ),
        link: '/community/events',
      },
    ];
  },
};
