import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZCommActionInputSchema,
  ZCommActionSchema,
  ZPlanSummarySchema,
  ZPlanWindowSchema,
} from '../../../contracts/website-plan.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { deleteAction, listPlan, planSummary, saveAction } from './website-plan.service.js';

const EDIT = { access: 'website.edit' } as const;
const tags = ['website'];

/** The editorial team's communication plan (issue 24, item 6): editors only. */
export const planRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/website/plan',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The plan’s actions planned in a window of days',
          querystring: ZPlanWindowSchema,
          response: { 200: z.array(ZCommActionSchema) },
        },
      },
      async (request) => listPlan({ deps, ctx: requireAccess(request), window: request.query }),
    );
    app.get(
      '/api/website/plan/summary',
      {
        config: EDIT,
        schema: {
          tags,
          summary:
            'Actions planned and done in a window, and the people they reached, by channel and audience',
          querystring: ZPlanWindowSchema,
          response: { 200: ZPlanSummarySchema },
        },
      },
      async (request) => planSummary({ deps, ctx: requireAccess(request), window: request.query }),
    );
    app.post(
      '/api/website/plan',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Plan an action',
          body: ZCommActionInputSchema,
          response: { 201: ZCommActionSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await saveAction({ deps, ctx: requireAccess(request), id: null, input: request.body })),
    );
    app.put(
      '/api/website/plan/:id',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Change an action, or record it done with the people it reached',
          params: ZIdParamsSchema,
          body: ZCommActionInputSchema,
          response: { 200: ZCommActionSchema },
        },
      },
      async (request) =>
        saveAction({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.delete(
      '/api/website/plan/:id',
      { config: EDIT, schema: { tags, summary: 'Delete an action', params: ZIdParamsSchema } },
      async (request, reply) => {
        await deleteAction({ deps, ctx: requireAccess(request), id: request.params.id });
        return reply.code(204).send();
      },
    );
  };
