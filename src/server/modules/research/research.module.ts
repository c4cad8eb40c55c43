import type { TramaModule } from '../../platform/module.js';
import { RESEARCH_AUDIT_ACTIONS, RESEARCH_RECORD_TABLES } from './research.audit.js';
import { RESEARCH_FIELD_CLASSES, RESEARCH_RETENTION } from './research.fields.js';
import { researchRoutes } from './research.routes.js';

export const researchModule: TramaModule = {
  name: 'research',
  fieldClasses: RESEARCH_FIELD_CLASSES,
  retention: RESEARCH_RETENTION,
  auditActions: RESEARCH_AUDIT_ACTIONS,
  recordTables: RESEARCH_RECORD_TABLES,
  routes: researchRoutes,
};
