import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZAssignInputSchema,
  ZCancelInputSchema,
  ZDeclineInputSchema,
  ZHoursLogInputSchema,
  ZMatchSchema,
  ZMediatorJobSchema,
  ZOfferInputSchema,
  ZRequestInputSchema,
  ZRequestListQuerySchema,
  ZRequestSchema,
} from '../../../contracts/mediation.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  answerAssignment,
  answerOffer,
  assignMediator,
  logHours,
  offerRequest,
  removeMediator,
} from './mediation-assignments.service.js';
import { myJobs } from './mediation-jobs.service.js';
import {
  cancelRequest,
  createRequest,
  getRequest,
  listRequests,
  requestMatches,
} from './mediation-requests.service.js';

/** Requests, matching, assignments and the mediator's own work (issue 18, items 2–4). */
export const requestRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['mediation'];
    app.post(
      '/api/mediation/requests',
      {
        config: { access: 'mediation.request' },
        schema: {
          tags,
          summary: 'Ask for a mediator; a request nobody can take is accepted and flagged unmatched',
          body: ZRequestInputSchema,
          response: { 201: ZRequestSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createRequest({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/mediation/requests',
      {
        config: { access: 'mediation.request' },
        schema: {
          tags,
          summary: 'Requests: one’s own; a coordinator’s service’s; the mediation service’s queue',
          querystring: ZRequestListQuerySchema,
          response: { 200: pageOf(ZRequestSchema) },
        },
      },
      async (request) =>
        listRequests({
          deps,
          ctx: requireAccess(request),
          status: request.query.status,
          unmatched: request.query.unmatched === 'true',
          page: request.query.page,
          pageSize: request.query.pageSize,
        }),
    );
    app.get(
      '/api/mediation/requests/:id',
      {
        config: { access: 'mediation.request' },
        schema: { tags, summary: 'One request', params: ZIdParamsSchema, response: { 200: ZRequestSchema } },
      },
      async (request) => getRequest({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.get(
      '/api/mediation/requests/:id/matches',
      {
        config: { access: 'mediation.request' },
        schema: {
          tags,
          summary: 'The suitable mediators, ranked, with the reason for each rank',
          params: ZIdParamsSchema,
          response: { 200: z.object({ items: z.array(ZMatchSchema) }) },
        },
      },
      async (request) => requestMatches({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/mediation/requests/:id/cancel',
      {
        config: { access: 'mediation.request' },
        schema: {
          tags,
          summary: 'Cancel a request',
          params: ZIdParamsSchema,
          body: ZCancelInputSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) =>
        cancelRequest({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          reason: request.body.reason ?? null,
        }),
    );
    app.post(
      '/api/mediation/requests/:id/assign',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'The mediation coordinator assigns a suitable mediator (never one already booked then)',
          params: ZIdParamsSchema,
          body: ZAssignInputSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) =>
        assignMediator({
          deps,
          ctx: requireAccess(request),
          requestId: request.params.id,
          mediatorId: request.body.mediatorId,
        }),
    );
    app.post(
      '/api/mediation/requests/:id/offer',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'Offer the request to some suitable mediators: the first to accept gets it',
          params: ZIdParamsSchema,
          body: ZOfferInputSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) =>
        offerRequest({
          deps,
          ctx: requireAccess(request),
          requestId: request.params.id,
          mediatorIds: request.body.mediatorIds,
        }),
    );
    app.post(
      '/api/mediation/requests/:id/remove-mediator',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'Take the mediator off the request: their access ends at once',
          params: ZIdParamsSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) => removeMediator({ deps, ctx: requireAccess(request), requestId: request.params.id }),
    );

    const answered = z.object({ assignmentId: z.uuid().nullable() });
    const status = z.object({ status: z.string() });
    app.get(
      '/api/mediation/my/jobs',
      {
        config: { access: 'mediation.work' },
        schema: {
          tags,
          summary: 'The mediator’s offers and assignments: the minimum, never the case file',
          response: { 200: z.object({ items: z.array(ZMediatorJobSchema) }) },
        },
      },
      async (request) => myJobs({ deps, ctx: requireAccess(request) }),
    );
    for (const [path, accept] of [
      ['accept', true],
      ['decline', false],
    ] as const)
      app.post(
        `/api/mediation/my/offers/:id/${path}`,
        {
          config: { access: 'mediation.work' },
          schema: {
            tags,
            summary: accept ? 'Accept an offer (first come, first served)' : 'Decline an offer',
            params: ZIdParamsSchema,
            response: { 200: answered },
          },
        },
        async (request) =>
          answerOffer({ deps, ctx: requireAccess(request), requestId: request.params.id, accept }),
      );
    for (const [path, confirm] of [
      ['confirm', true],
      ['decline', false],
    ] as const)
      app.post(
        `/api/mediation/my/assignments/:id/${path}`,
        {
          config: { access: 'mediation.work' },
          schema: {
            tags,
            summary: confirm ? 'Confirm an assignment' : 'Decline an assignment',
            params: ZIdParamsSchema,
            body: ZDeclineInputSchema,
            response: { 200: status },
          },
        },
        async (request) =>
          answerAssignment({
            deps,
            ctx: requireAccess(request),
            id: request.params.id,
            confirm,
            reason: request.body.reason ?? null,
          }),
      );
    app.post(
      '/api/mediation/my/assignments/:id/hours',
      {
        config: { access: 'mediation.work' },
        schema: {
          tags,
          summary: 'Log the hours and travel, or that the person did not come',
          params: ZIdParamsSchema,
          body: ZHoursLogInputSchema,
          response: { 200: status },
        },
      },
      async (request) =>
        logHours({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
  };
