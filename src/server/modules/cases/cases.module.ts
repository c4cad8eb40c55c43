import type { TramaModule } from '../../platform/module.js';
import { CASES_AUDIT_ACTIONS, CASES_RECORD_TABLES } from './cases.audit.js';
import { CASES_ENCRYPTED_COLUMNS, CASES_FIELD_CLASSES } from './cases.fields.js';
import { casesRoutes } from './cases.routes.js';
import { caseReminders } from './cases.service.js';

export const casesModule: TramaModule = {
  name: 'cases',
  fieldClasses: CASES_FIELD_CLASSES,
  encryptedColumns: CASES_ENCRYPTED_COLUMNS,
  auditActions: CASES_AUDIT_ACTIONS,
  recordTables: CASES_RECORD_TABLES,
  routes: casesRoutes,
  attention: async ({ tx, ctx }) => (ctx.permissions.has('cases.read') ? caseReminders({ tx, ctx }) : []),
};
