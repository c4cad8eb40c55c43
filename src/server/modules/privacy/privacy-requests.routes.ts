import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZRequestAnswerSchema,
  ZRequestExtensionSchema,
  ZRequestInputSchema,
  ZRequestSchema,
  ZRestrictionLiftSchema,
} from '../../../contracts/privacy-requests.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { answerRequest, liftRestriction } from './privacy-request-answers.service.js';
import { accessCopy, extendRequest, listRequests, recordRequest } from './privacy-requests.service.js';

const MANAGE = { access: 'privacy.manage' } as const;

/** Data subjects' requests (issue 23, item 3): the DPO only; no one else reads a request. */
export const requestRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['privacy'];
    app.get(
      '/api/privacy/requests',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Data subjects’ requests, open first, with their deadlines (audited)',
          response: { 200: z.array(ZRequestSchema) },
        },
      },
      async (request) => listRequests({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/privacy/requests',
      {
        config: MANAGE,
        schema: {
          tags,
          summary:
            'Record a request: the person by household code and names, the identity check, the day received',
          body: ZRequestInputSchema,
          response: { 201: ZRequestSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordRequest({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.post(
      '/api/privacy/requests/:id/extension',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Extend the deadline by up to two months, with the reason (art. 12(3))',
          params: ZIdParamsSchema,
          body: ZRequestExtensionSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) =>
        extendRequest({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/privacy/requests/:id/answer',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Record the answer (or the refusal); a rectification or restriction granted is applied',
          params: ZIdParamsSchema,
          body: ZRequestAnswerSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) =>
        answerRequest({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/privacy/requests/:id/lift-restriction',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Lift a restriction granted, with the reason (the person is told first, art. 18(3))',
          params: ZIdParamsSchema,
          body: ZRestrictionLiftSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) =>
        liftRestriction({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/privacy/requests/:id/access-copy',
      {
        config: { ...MANAGE, rate: 'expensive' },
        schema: {
          tags,
          summary:
            'The person’s copy as PDF with who accessed the data, or (part=review) what it leaves out, for the DPO',
          params: ZIdParamsSchema,
          querystring: z.strictObject({ part: z.enum(['person', 'review']).default('person') }),
        },
      },
      async (request, reply) => {
        const file = await accessCopy({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          part: request.query.part,
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
