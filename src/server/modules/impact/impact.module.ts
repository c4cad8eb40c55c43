import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { IMPACT_AUDIT_ACTIONS } from './impact.audit.js';
import { IMPACT_PROCESSING } from './impact.processing.js';
import { impactRoutes } from './impact.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(impactRoutes(deps));
  };

/** Impact monitoring (issue 25): the project's indicators, computed live against its targets. */
export const impactModule: TramaModule = {
  name: 'impact',
  processing: IMPACT_PROCESSING,
  auditActions: IMPACT_AUDIT_ACTIONS,
  routes,
};
