import type { TramaModule } from '../../platform/module.js';
import { RESEARCH_FIELD_CLASSES } from './research.fields.js';
import { researchRoutes } from './research.routes.js';

export const researchModule: TramaModule = {
  name: 'research',
  fieldClasses: RESEARCH_FIELD_CLASSES,
  routes: researchRoutes,
};
