import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { AUTONOMY_AUDIT_ACTIONS, AUTONOMY_RECORD_TABLES } from './autonomy.audit.js';
import { seedDemoAutonomy } from './autonomy.demo.js';
import { AUTONOMY_ENCRYPTED_COLUMNS, AUTONOMY_FIELD_CLASSES, AUTONOMY_RETENTION } from './autonomy.fields.js';
import { AUTONOMY_INDICATORS } from './autonomy.indicators.js';
import { AUTONOMY_PROCESSING } from './autonomy.processing.js';
import { autonomyAttention } from './autonomy-attention.js';
import { catalogueRoutes } from './autonomy-catalogue.routes.js';
import { autonomyDashboardRoutes } from './autonomy-dashboard.routes.js';
import { jobRoutes } from './autonomy-jobs.routes.js';
import { planRoutes } from './autonomy-plans.routes.js';
import { housingRoutes } from './housing.routes.js';
import { stayMessageJob } from './housing-messages.js';
import { paymentRoutes } from './payments.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(planRoutes(deps));
    await app.register(catalogueRoutes(deps));
    await app.register(jobRoutes(deps));
    await app.register(autonomyDashboardRoutes(deps));
    await app.register(housingRoutes(deps));
    await app.register(paymentRoutes(deps));
  };

/** Autonomy paths and protected housing (WP5, issue 20). */
export const autonomyModule: TramaModule = {
  name: 'autonomy',
  processing: AUTONOMY_PROCESSING,
  fieldClasses: AUTONOMY_FIELD_CLASSES,
  retention: AUTONOMY_RETENTION,
  encryptedColumns: AUTONOMY_ENCRYPTED_COLUMNS,
  auditActions: AUTONOMY_AUDIT_ACTIONS,
  recordTables: AUTONOMY_RECORD_TABLES,
  routes,
  indicators: AUTONOMY_INDICATORS,
  seedDemo: seedDemoAutonomy,
  attention: autonomyAttention,
  jobs: [stayMessageJob],
};
