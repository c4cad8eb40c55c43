import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { AUTONOMY_AUDIT_ACTIONS, AUTONOMY_RECORD_TABLES } from './autonomy.audit.js';
import { AUTONOMY_ENCRYPTED_COLUMNS, AUTONOMY_FIELD_CLASSES, AUTONOMY_RETENTION } from './autonomy.fields.js';
import { planRoutes } from './autonomy-plans.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(planRoutes(deps));
  };

/** Autonomy paths and protected housing (WP5, issue 20). */
export const autonomyModule: TramaModule = {
  name: 'autonomy',
  fieldClasses: AUTONOMY_FIELD_CLASSES,
  retention: AUTONOMY_RETENTION,
  encryptedColumns: AUTONOMY_ENCRYPTED_COLUMNS,
  auditActions: AUTONOMY_AUDIT_ACTIONS,
  recordTables: AUTONOMY_RECORD_TABLES,
  routes,
};
