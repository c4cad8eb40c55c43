import type { TramaModule } from '../../platform/module.js';
import { researchRoutes } from './research.routes.js';

export const researchModule: TramaModule = {
  name: 'research',
  routes: researchRoutes,
};
