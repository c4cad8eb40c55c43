import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { COMMUNITY_AUDIT_ACTIONS, COMMUNITY_RECORD_TABLES } from './community.audit.js';
import {
  COMMUNITY_ENCRYPTED_COLUMNS,
  COMMUNITY_FIELD_CLASSES,
  COMMUNITY_RETENTION,
} from './community.fields.js';
import { eventRoutes } from './community-events.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(eventRoutes(deps));
  };

/** Community engagement (WP3, issue 19): the holders' registry and map, needs, events, counts. */
export const communityModule: TramaModule = {
  name: 'community',
  fieldClasses: COMMUNITY_FIELD_CLASSES,
  retention: COMMUNITY_RETENTION,
  encryptedColumns: COMMUNITY_ENCRYPTED_COLUMNS,
  auditActions: COMMUNITY_AUDIT_ACTIONS,
  recordTables: COMMUNITY_RECORD_TABLES,
  routes,
};
