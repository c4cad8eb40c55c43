import type { TramaModule } from '../../platform/module.js';
import { referenceRoutes } from './reference.routes.js';

export const referenceModule: TramaModule = {
  name: 'reference',
  routes: referenceRoutes,
};
