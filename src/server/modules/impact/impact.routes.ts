import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZImpactDashboardSchema } from '../../../contracts/impact.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { readImpactDashboard } from './impact.service.js';

/** Impact monitoring (issue 25): the steering dashboard. */
export const impactRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/impact/dashboard',
      {
        config: { access: 'impact.read', rate: 'expensive' },
        schema: {
          tags: ['impact'],
          summary:
            'Every indicator of every module computed now over the project so far, against the project’s targets, with the projection to its end (late ones first)',
          response: { 200: ZImpactDashboardSchema },
        },
      },
      async (request) => readImpactDashboard({ deps, ctx: requireAccess(request) }),
    );
  };
