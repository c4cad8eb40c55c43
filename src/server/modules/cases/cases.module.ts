import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { caseReminders } from './case-list.service.js';
import { CASES_AUDIT_ACTIONS, CASES_RECORD_TABLES } from './cases.audit.js';
import { seedDemoCases } from './cases.demo.js';
import { casesExport } from './cases.exports.js';
import { CASES_ENCRYPTED_COLUMNS, CASES_FIELD_CLASSES, CASES_RETENTION } from './cases.fields.js';
import { CASES_INDICATORS } from './cases.indicators.js';
import { refuseBlockedCaseGrant } from './cases.policy.js';
import { caseRoutes } from './cases.routes.js';
import { courtEscalationJob } from './court-escalation.js';
import { courtReminders } from './court-reminders.js';
import { householdsRoutes } from './households.routes.js';
import { referralsRoutes } from './referrals.routes.js';
import { reminderJob } from './reminders.js';
import { sessionsRoutes } from './sessions.routes.js';
import { TUTELA_AUDIT_ACTIONS } from './tutela.audit.js';
import { tutelaRoutes } from './tutela.routes.js';

/** The module's sub-resources, each with its routes beside its service. */
const casesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(householdsRoutes(deps));
    await app.register(referralsRoutes(deps));
    await app.register(caseRoutes(deps));
    await app.register(sessionsRoutes(deps));
    await app.register(tutelaRoutes(deps));
  };

export const casesModule: TramaModule = {
  name: 'cases',
  fieldClasses: CASES_FIELD_CLASSES,
  retention: CASES_RETENTION,
  encryptedColumns: CASES_ENCRYPTED_COLUMNS,
  auditActions: { ...CASES_AUDIT_ACTIONS, ...TUTELA_AUDIT_ACTIONS },
  jobs: [reminderJob, courtEscalationJob],
  exports: [casesExport],
  recordTables: CASES_RECORD_TABLES,
  grantChecks: { case: refuseBlockedCaseGrant },
  seedDemo: seedDemoCases,
  indicators: CASES_INDICATORS,
  routes: casesRoutes,
  attention: async (input) => [...(await caseReminders(input)), ...(await courtReminders(input))],
};
