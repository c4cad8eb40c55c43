import type { TramaModule } from '../../platform/module.js';
import { PRIVACY_AUDIT_ACTIONS, PRIVACY_RECORD_TABLES } from './privacy.audit.js';
import { seedDemoPrivacy } from './privacy.demo.js';
import { PRIVACY_FIELD_CLASSES, PRIVACY_RETENTION } from './privacy.fields.js';
import { PRIVACY_PROCESSING } from './privacy.processing.js';
import { privacyRoutes } from './privacy.routes.js';
import { breachRoutes } from './privacy-breaches.routes.js';
import { registerRoutes } from './privacy-register.routes.js';
import { requestRemindersJob } from './privacy-request-reminders.job.js';
import { requestRoutes } from './privacy-requests.routes.js';
import { retentionRunJob } from './privacy-retention.job.js';

/**
 * Privacy operations for the DPO (issue 23): retention periods, legal holds, retention runs, data
 * subjects' requests, the record of processing and the breach register.
 */
export const privacyModule: TramaModule = {
  name: 'privacy',
  processing: PRIVACY_PROCESSING,
  fieldClasses: PRIVACY_FIELD_CLASSES,
  retention: PRIVACY_RETENTION,
  auditActions: PRIVACY_AUDIT_ACTIONS,
  recordTables: PRIVACY_RECORD_TABLES,
  routes: (deps) => async (app) => {
    await app.register(privacyRoutes(deps));
    await app.register(breachRoutes(deps));
    await app.register(registerRoutes(deps));
    await app.register(requestRoutes(deps));
  },
  seedDemo: seedDemoPrivacy,
  jobs: [retentionRunJob, requestRemindersJob],
};
