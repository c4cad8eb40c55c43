import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZProcessingActivitySchema,
  ZProcessingCompletionSchema,
  ZProcessingKeyParamsSchema,
} from '../../../contracts/privacy.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { completeActivity, exportRegister, getRegister } from './privacy-register.service.js';

const MANAGE = { access: 'privacy.manage' } as const;

/** The record of processing (issue 23, item 4): the DPO only. */
export const registerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['privacy'];
    app.get(
      '/api/privacy/processing',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'The record of processing, from the modules’ declarations and the DPO’s completions',
          response: { 200: z.array(ZProcessingActivitySchema) },
        },
      },
      async (request) => getRegister({ deps, ctx: requireAccess(request) }),
    );
    app.put(
      '/api/privacy/processing/:key',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Complete a processing activity: controller, processors, transfers, notes',
          params: ZProcessingKeyParamsSchema,
          body: ZProcessingCompletionSchema,
          response: { 200: ZProcessingActivitySchema },
        },
      },
      async (request) =>
        completeActivity({ deps, ctx: requireAccess(request), key: request.params.key, input: request.body }),
    );
    app.get(
      '/api/privacy/processing/export',
      {
        config: { ...MANAGE, rate: 'expensive' },
        schema: {
          tags,
          summary: 'The record of processing as PDF, or XLSX with a DPIA worksheet per sensitive activity',
          querystring: z.strictObject({ format: z.enum(['pdf', 'xlsx']) }),
        },
      },
      async (request, reply) => {
        const file = await exportRegister({
          deps,
          ctx: requireAccess(request),
          format: request.query.format,
        });
        return reply
          .header('content-type', file.type)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
