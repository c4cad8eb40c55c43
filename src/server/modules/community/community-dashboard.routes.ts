import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCommunityDashboardSchema, ZDashboardQuerySchema } from '../../../contracts/community.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { readCommunityDashboard } from './community-dashboard.service.js';

/** The WP3 dashboard (issue 19, item 7): holders, opinion leaders, meetings, residents reached. */
export const dashboardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/community/dashboard',
      {
        config: { access: 'community.dashboard', rate: 'expensive' },
        schema: {
          tags: ['community'],
          summary:
            'Holders mapped per comune and kind, opinion leaders engaged, meetings and sessions held, distinct residents reached in workshops and labs against the targets (breakdowns disclosure-controlled), needs most expressed, resources value',
          querystring: ZDashboardQuerySchema,
          response: { 200: ZCommunityDashboardSchema },
        },
      },
      async (request) => readCommunityDashboard({ deps, ctx: requireAccess(request), query: request.query }),
    );
  };
