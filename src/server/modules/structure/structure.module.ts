import type { TramaModule } from '../../platform/module.js';
import { structureRoutes } from './structure.routes.js';

export const structureModule: TramaModule = {
  name: 'structure',
  routes: structureRoutes,
};
