import type { TramaModule } from '../../platform/module.js';
import { casesRoutes } from './cases.routes.js';
import { caseReminders } from './cases.service.js';

export const casesModule: TramaModule = {
  name: 'cases',
  routes: casesRoutes,
  attention: async ({ tx, ctx }) => (ctx.permissions.has('cases.read') ? caseReminders({ tx, ctx }) : []),
};
