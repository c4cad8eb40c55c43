import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAutonomyDashboardQuerySchema, ZAutonomyDashboardSchema } from '../../../contracts/housing.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { readAutonomyDashboard } from './autonomy-dashboard.service.js';

/** The WP5 dashboard (issue 20, item 6): targets as they are, breakdowns disclosure-controlled. */
export const autonomyDashboardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/autonomy/dashboard',
      {
        config: { access: 'autonomy.dashboard', rate: 'expensive' },
        schema: {
          tags: ['autonomy'],
          summary:
            'Adults in job orientation and placed in social enterprises, families hosted (against the targets), enterprises supported and jobs created, exits to autonomy and placements by kind and outcome (disclosure-controlled), rent support spent against the budget',
          querystring: ZAutonomyDashboardQuerySchema,
          response: { 200: ZAutonomyDashboardSchema },
        },
      },
      async (request) => readAutonomyDashboard({ deps, ctx: requireAccess(request), query: request.query }),
    );
  };
