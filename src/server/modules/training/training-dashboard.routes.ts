import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZDashboardQuerySchema, ZTrainingDashboardSchema } from '../../../contracts/training.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { readDashboard } from './training-dashboard.service.js';

/** The training dashboard (issue 17 §7): professionals trained against the targets, hours, completion. */
export const dashboardRoutes = (deps: Deps): FastifyPluginAsyncZod => {
  return async (app) => {
    app.get(
      '/api/training/dashboard',
      {
        config: { access: 'training.dashboard', rate: 'expensive' },
        schema: {
          tags: ['training'],
          summary:
            'Professionals who completed a course (distinct people) by strand against the targets, by service kind, profession and district; hours delivered and completion rate',
          querystring: ZDashboardQuerySchema,
          response: { 200: ZTrainingDashboardSchema },
        },
      },
      async (request) => readDashboard({ deps, ctx: requireAccess(request), query: request.query }),
    );
  };
};
