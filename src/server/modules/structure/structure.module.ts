import type { TramaModule } from '../../platform/module.js';
import { STRUCTURE_AUDIT_ACTIONS } from './structure.audit.js';
import { structureRoutes } from './structure.routes.js';

export const structureModule: TramaModule = {
  name: 'structure',
  auditActions: STRUCTURE_AUDIT_ACTIONS,
  routes: structureRoutes,
};
