import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import type { TramaModule } from '../../platform/module.js';
import { CARE_PLAN_AUDIT_ACTIONS } from './care-plan.audit.js';
import { seedDemoCarePlan } from './care-plan.demo.js';
import {
  CARE_PLAN_ENCRYPTED_COLUMNS,
  CARE_PLAN_FIELD_CLASSES,
  CARE_PLAN_RETENTION,
} from './care-plan.fields.js';
import { carePlanRoutes } from './care-plan.routes.js';
import { CASE_DOCUMENTS_AUDIT_ACTIONS } from './case-documents.audit.js';
import { seedDemoCaseDocumentFiles, seedDemoCaseDocuments } from './case-documents.demo.js';
import {
  CASE_DOCUMENTS_ENCRYPTED_COLUMNS,
  CASE_DOCUMENTS_FIELD_CLASSES,
  CASE_DOCUMENTS_RETENTION,
} from './case-documents.fields.js';
import { caseDocumentsRoutes } from './case-documents.routes.js';
import { handoverReminders } from './case-handover.service.js';
import { caseReminders } from './case-list.service.js';
import { CASE_SERVICES_AUDIT_ACTIONS } from './case-services.audit.js';
import { seedDemoCaseServices } from './case-services.demo.js';
import {
  CASE_SERVICES_ENCRYPTED_COLUMNS,
  CASE_SERVICES_FIELD_CLASSES,
  CASE_SERVICES_RETENTION,
} from './case-services.fields.js';
import { caseServicesRoutes } from './case-services.routes.js';
import { CASES_AUDIT_ACTIONS, CASES_RECORD_TABLES } from './cases.audit.js';
import { seedDemoCases } from './cases.demo.js';
import { casesExport } from './cases.exports.js';
import { CASES_ENCRYPTED_COLUMNS, CASES_FIELD_CLASSES, CASES_RETENTION } from './cases.fields.js';
import { CASES_INDICATORS } from './cases.indicators.js';
import { refuseBlockedCaseGrant } from './cases.policy.js';
import { CASES_PROCESSING } from './cases.processing.js';
import { CASES_ERASURE } from './cases.retention.js';
import { caseRoutes } from './cases.routes.js';
import { seedDemoRetentionCases } from './cases-retention.demo.js';
import { consultationReminders } from './consultation-reminders.js';
import { CONSULTATIONS_AUDIT_ACTIONS, CONSULTATIONS_RECORD_TABLES } from './consultations.audit.js';
import { seedDemoConsultations } from './consultations.demo.js';
import {
  CONSULTATIONS_ENCRYPTED_COLUMNS,
  CONSULTATIONS_FIELD_CLASSES,
  CONSULTATIONS_RETENTION,
} from './consultations.fields.js';
import { consultationsRoutes } from './consultations.routes.js';
import { courtEscalationJob } from './court-escalation.js';
import { courtReminders } from './court-reminders.js';
import { householdsRoutes } from './households.routes.js';
import { personMergesRoutes } from './person-merges.routes.js';
import { referralsRoutes } from './referrals.routes.js';
import { reminderJob } from './reminders.js';
import { sessionResearchRoutes } from './session-research.routes.js';
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
    await app.register(carePlanRoutes(deps));
    await app.register(caseServicesRoutes(deps));
    await app.register(consultationsRoutes(deps));
    await app.register(caseDocumentsRoutes(deps));
    await app.register(personMergesRoutes(deps));
    await app.register(sessionResearchRoutes(deps));
  };

export const casesModule: TramaModule = {
  name: 'cases',
  processing: CASES_PROCESSING,
  fieldClasses: {
    ...CASES_FIELD_CLASSES,
    ...CARE_PLAN_FIELD_CLASSES,
    ...CASE_SERVICES_FIELD_CLASSES,
    ...CONSULTATIONS_FIELD_CLASSES,
    ...CASE_DOCUMENTS_FIELD_CLASSES,
  },
  retention: {
    ...CASES_RETENTION,
    ...CARE_PLAN_RETENTION,
    ...CASE_SERVICES_RETENTION,
    ...CONSULTATIONS_RETENTION,
    ...CASE_DOCUMENTS_RETENTION,
  },
  erasures: [CASES_ERASURE],
  encryptedColumns: [
    ...CASES_ENCRYPTED_COLUMNS,
    ...CARE_PLAN_ENCRYPTED_COLUMNS,
    ...CASE_SERVICES_ENCRYPTED_COLUMNS,
    ...CONSULTATIONS_ENCRYPTED_COLUMNS,
    ...CASE_DOCUMENTS_ENCRYPTED_COLUMNS,
  ],
  auditActions: {
    ...CASES_AUDIT_ACTIONS,
    ...TUTELA_AUDIT_ACTIONS,
    ...CARE_PLAN_AUDIT_ACTIONS,
    ...CASE_SERVICES_AUDIT_ACTIONS,
    ...CONSULTATIONS_AUDIT_ACTIONS,
    ...CASE_DOCUMENTS_AUDIT_ACTIONS,
  },
  jobs: [reminderJob, courtEscalationJob],
  exports: [casesExport],
  recordTables: { ...CASES_RECORD_TABLES, ...CONSULTATIONS_RECORD_TABLES },
  grantChecks: { case: refuseBlockedCaseGrant },
  // The practice records (issue 22) hang on the demo cases, so they are seeded after them.
  seedDemo: async (context) => {
    await seedDemoCases(context);
    await seedDemoCarePlan(context);
    await seedDemoCaseServices(context);
    await seedDemoConsultations(context);
    await seedDemoCaseDocuments(context);
    await seedDemoRetentionCases(context);
  },
  seedDemoFiles: seedDemoCaseDocumentFiles,
  indicators: CASES_INDICATORS,
  routes: casesRoutes,
  attention: async (input) => [
    ...(await caseReminders(input)),
    ...(await courtReminders(input)),
    ...(await consultationReminders(input)),
    ...(await handoverReminders(input)),
  ],
};
