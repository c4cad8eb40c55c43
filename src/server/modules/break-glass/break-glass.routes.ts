import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBreakGlassGrantSchema,
  ZBreakGlassRequestSchema,
  ZBreakGlassReviewSchema,
  ZBreakGlassRevokeSchema,
} from '../../../contracts/break-glass.js';
import { ZIdSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { revokeGrant } from './break-glass.ending.js';
import { listGrants, requestGrant, reviewGrant } from './break-glass.service.js';

export const breakGlassRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['break-glass'];

    app.post(
      '/api/break-glass',
      {
        config: { access: 'break-glass.request' },
        schema: {
          tags,
          summary:
            'Emergency access to one record outside one\u2019s scope: time-boxed, audited, DPO notified',
          body: ZBreakGlassRequestSchema,
          response: { 201: ZBreakGlassGrantSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await requestGrant({ deps, ctx: requireAccess(request), input: request.body })),
    );

    app.get(
      '/api/break-glass',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Break-the-glass grants: one\u2019s own, or all for the DPO',
          response: { 200: z.array(ZBreakGlassGrantSchema) },
        },
      },
      async (request) => listGrants({ deps, ctx: requireAccess(request) }),
    );

    app.post(
      '/api/break-glass/:id/review',
      {
        config: { access: 'break-glass.review' },
        schema: {
          tags,
          summary:
            'The DPO\u2019s review of an emergency access, after the fact (once; never one\u2019s own)',
          params: z.strictObject({ id: ZIdSchema }),
          body: ZBreakGlassReviewSchema,
          response: { 200: ZBreakGlassGrantSchema },
        },
      },
      async (request) =>
        reviewGrant({ deps, ctx: requireAccess(request), id: request.params.id, note: request.body.note }),
    );

    app.post(
      '/api/break-glass/:id/revoke',
      {
        config: { access: 'break-glass.review' },
        schema: {
          tags,
          summary: 'A DPO ends someone else\u2019s emergency access before its time, saying why',
          params: z.strictObject({ id: ZIdSchema }),
          body: ZBreakGlassRevokeSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await revokeGrant({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          reason: request.body.reason,
        });
        return reply.status(204).send(null);
      },
    );
  };
