import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZEngagementInputSchema,
  ZMapQuerySchema,
  ZMapSchema,
  ZNeedAnswerSchema,
  ZNeedInputSchema,
  ZNeedListQuerySchema,
  ZNeedSchema,
  ZResourceInputSchema,
  ZResourceListQuerySchema,
  ZResourceListSchema,
  ZResourceSchema,
  ZTimelineItemSchema,
} from '../../../contracts/community.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { communityMap } from './community-map.service.js';
import { addNeed, answerNeed, holderNeeds, listNeeds } from './community-needs.service.js';
import { addEngagement, addResource, holderTimeline, listResources } from './community-timeline.service.js';

const ZNeedParamsSchema = z.strictObject({ needId: ZIdSchema });
const ZNeedListSchema = z.object({ items: z.array(ZNeedSchema) });

/**
 * Around the registry (issue 19, items 2–4): information needs, a holder's engagement timeline,
 * the complementary-resources ledger and the map.
 */
export const registryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['community'];
    app.get(
      '/api/community/holders/:id/needs',
      {
        config: { access: 'community.read' },
        schema: {
          tags,
          summary: 'What a holder’s community asked for, newest first',
          params: ZIdParamsSchema,
          response: { 200: ZNeedListSchema },
        },
      },
      async (request) => holderNeeds({ deps, ctx: requireAccess(request), holderId: request.params.id }),
    );
    app.post(
      '/api/community/holders/:id/needs',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Record an information need (from a meeting, a survey, a contact, an event)',
          params: ZIdParamsSchema,
          body: ZNeedInputSchema,
          response: { 201: ZNeedSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await addNeed({
            deps,
            ctx: requireAccess(request),
            holderId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/community/needs/:needId/answer',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Record what was answered to a need',
          params: ZNeedParamsSchema,
          body: ZNeedAnswerSchema,
          response: { 200: ZNeedSchema },
        },
      },
      async (request) =>
        answerNeed({ deps, ctx: requireAccess(request), needId: request.params.needId, input: request.body }),
    );
    app.get(
      '/api/community/needs',
      {
        config: { access: 'community.read' },
        schema: {
          tags,
          summary: 'What each community asked for and what was answered, newest first',
          querystring: ZNeedListQuerySchema,
          response: { 200: ZNeedListSchema },
        },
      },
      async (request) => listNeeds({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.get(
      '/api/community/holders/:id/timeline',
      {
        config: { access: 'community.read' },
        schema: {
          tags,
          summary:
            'A holder’s engagement timeline: meetings, contacts, events co-organised, resources offered',
          params: ZIdParamsSchema,
          response: { 200: z.object({ items: z.array(ZTimelineItemSchema) }) },
        },
      },
      async (request) => holderTimeline({ deps, ctx: requireAccess(request), holderId: request.params.id }),
    );
    app.post(
      '/api/community/holders/:id/engagements',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Record a meeting or a contact with a holder',
          params: ZIdParamsSchema,
          body: ZEngagementInputSchema,
          response: { 201: ZTimelineItemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await addEngagement({
            deps,
            ctx: requireAccess(request),
            holderId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.get(
      '/api/community/resources',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'The complementary-resources ledger with its totals (workers and coordinators)',
          querystring: ZResourceListQuerySchema,
          response: { 200: ZResourceListSchema },
        },
      },
      async (request) => listResources({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/community/resources',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary:
            'Record a complementary resource (a room, volunteer hours, money…) with its valuation rule',
          body: ZResourceInputSchema,
          response: { 201: ZResourceSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addResource({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/community/map',
      {
        config: { access: 'community.read' },
        schema: {
          tags,
          summary: 'The comuni with their holders and recent or coming events, for the map and its list',
          querystring: ZMapQuerySchema,
          response: { 200: ZMapSchema },
        },
      },
      async (request) => communityMap({ deps, ctx: requireAccess(request), query: request.query }),
    );
  };
