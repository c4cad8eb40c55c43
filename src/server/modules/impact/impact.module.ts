import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { IMPACT_AUDIT_ACTIONS } from './impact.audit.js';
import { seedDemoImpact } from './impact.demo.js';
import { IMPACT_FIELD_CLASSES, IMPACT_RETENTION } from './impact.fields.js';
import { IMPACT_PROCESSING } from './impact.processing.js';
import { impactRoutes } from './impact.routes.js';
import { impactPeriodsRoutes } from './impact-periods.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(impactRoutes(deps));
    await app.register(impactPeriodsRoutes(deps));
  };

/**
 * Impact monitoring (issue 25): the project's indicators, computed live against its targets;
 * reporting periods with their locks and the frozen, signed reports.
 */
export const impactModule: TramaModule = {
  name: 'impact',
  processing: IMPACT_PROCESSING,
  fieldClasses: IMPACT_FIELD_CLASSES,
  retention: IMPACT_RETENTION,
  auditActions: IMPACT_AUDIT_ACTIONS,
  routes,
  seedDemo: seedDemoImpact,
};
