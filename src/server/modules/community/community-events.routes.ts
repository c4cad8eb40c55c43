import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZEventInputSchema,
  ZEventSchema,
  ZRegistrationInputSchema,
  ZTicketSchema,
} from '../../../contracts/community.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { createEvent, getEvent, registerOnBehalf } from './community-events.service.js';

/** Community events: create, read, register someone on their behalf (issue 19, item 5). */
export const eventRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['community'];
    app.post(
      '/api/community/events',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Create an awareness meeting, a workshop or a citizenship lab (community workers)',
          body: ZEventInputSchema,
          response: { 201: ZEventSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createEvent({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/community/events/:id',
      {
        config: { access: 'community.read' },
        schema: { tags, summary: 'One event', params: ZIdParamsSchema, response: { 200: ZEventSchema } },
      },
      async (request) => getEvent({ deps, ctx: requireAccess(request), eventId: request.params.id }),
    );
    app.post(
      '/api/community/events/:id/registrations',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Register someone on their behalf (the event’s organisers); the ticket code is shown once',
          params: ZIdParamsSchema,
          body: ZRegistrationInputSchema,
          response: { 201: ZTicketSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await registerOnBehalf({
            deps,
            ctx: requireAccess(request),
            eventId: request.params.id,
            input: request.body,
          }),
        ),
    );
  };
