import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZBreachDecisionSchema,
  ZBreachInputSchema,
  ZBreachNotificationInputSchema,
  ZBreachSchema,
  ZBreachSummarySchema,
} from '../../../contracts/privacy-breaches.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  decideBreach,
  getBreach,
  listBreaches,
  recordBreach,
  recordBreachNotification,
} from './privacy-breaches.service.js';

const MANAGE = { access: 'privacy.manage' } as const;

/** The breach register (issue 23, item 5): the DPO only. */
export const breachRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['privacy'];
    app.get(
      '/api/privacy/breaches',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'The breach register (audited)',
          response: { 200: z.array(ZBreachSummarySchema) },
        },
      },
      async (request) => listBreaches({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/privacy/breaches',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Record a suspected breach',
          body: ZBreachInputSchema,
          response: { 201: ZBreachSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordBreach({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/privacy/breaches/:id',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'A breach with what the audit trail shows it reached and its 72-hour clock (audited)',
          params: ZIdParamsSchema,
          response: { 200: ZBreachSchema },
        },
      },
      async (request) => getBreach({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/privacy/breaches/:id/decision',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Record the assessment and the decision to notify, with reasons',
          params: ZIdParamsSchema,
          body: ZBreachDecisionSchema,
          response: { 200: ZBreachSchema },
        },
      },
      async (request) =>
        decideBreach({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/privacy/breaches/:id/notifications',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Record a notification sent (the Garante, the people concerned, a partner, the police)',
          params: ZIdParamsSchema,
          body: ZBreachNotificationInputSchema,
          response: { 200: ZBreachSchema },
        },
      },
      async (request) =>
        recordBreachNotification({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
  };
