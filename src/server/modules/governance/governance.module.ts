import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { GOVERNANCE_AUDIT_ACTIONS, GOVERNANCE_RECORD_TABLES } from './governance.audit.js';
import { seedDemoGovernance } from './governance.demo.js';
import { GOVERNANCE_FIELD_CLASSES, GOVERNANCE_RETENTION } from './governance.fields.js';
import { GOVERNANCE_JOBS } from './governance.jobs.js';
import { GOVERNANCE_PROCESSING } from './governance.processing.js';
import { governanceAttention } from './governance-attention.js';
import { committeesRoutes } from './governance-committees.routes.js';
import { registerGovernanceFiles } from './governance-files.js';
import { fundraisingRoutes } from './governance-fundraising.routes.js';
import { minutesRoutes } from './governance-minutes.routes.js';
import { planRoutes } from './governance-plan.routes.js';

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    registerGovernanceFiles();
    await app.register(committeesRoutes(deps));
    await app.register(minutesRoutes(deps));
    await app.register(planRoutes(deps));
    await app.register(fundraisingRoutes(deps));
  };

/** Governance of the partnership (WP6, issue 21): committees, minutes, decisions, actions, plan, fundraising. */
export const governanceModule: TramaModule = {
  name: 'governance',
  processing: GOVERNANCE_PROCESSING,
  fieldClasses: GOVERNANCE_FIELD_CLASSES,
  retention: GOVERNANCE_RETENTION,
  auditActions: GOVERNANCE_AUDIT_ACTIONS,
  recordTables: GOVERNANCE_RECORD_TABLES,
  routes,
  seedDemo: seedDemoGovernance,
  attention: governanceAttention,
  jobs: GOVERNANCE_JOBS,
};
