import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPlanCreateSchema, ZPlanSchema } from '../../../contracts/autonomy.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { getPlan, openPlan } from './autonomy-plans.service.js';

/** Autonomy plans (issue 20, item 2): opened by the household's team, read by it and the tutor. */
export const planRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['autonomy'];
    app.post(
      '/api/autonomy/plans',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Open an autonomy plan for an adult of a household the team works',
          body: ZPlanCreateSchema,
          response: { 201: ZPlanSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await openPlan({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/autonomy/plans/:id',
      {
        config: { access: 'autonomy.read' },
        schema: {
          tags,
          summary: 'An autonomy plan',
          params: ZIdParamsSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) => getPlan({ deps, ctx: requireAccess(request), planId: request.params.id }),
    );
  };
