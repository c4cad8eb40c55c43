import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZEventInputSchema,
  ZEventListQuerySchema,
  ZEventPageSchema,
  ZEventSchema,
  ZEventUpdateSchema,
  ZRegistrationInputSchema,
  ZRegistrationSchema,
  ZTicketSchema,
} from '../../../contracts/community.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { CALENDAR_CONTENT_TYPE } from '../../platform/gatherings/calendar.js';
import { membersCalendar, publicCalendar } from './community-calendar.js';
import { cancelEvent, updateEvent } from './community-event-changes.service.js';
import { createEvent, getEvent, listEvents } from './community-events.service.js';
import { cancelRegistration, listRegistrations, registerOnBehalf } from './community-participants.service.js';

const calendarHeaders = { 'content-type': CALENDAR_CONTENT_TYPE, 'cache-control': 'no-store' };
const ZPlaceParamsSchema = z.strictObject({ id: ZIdSchema, placeId: ZIdSchema });

/**
 * Community events (issue 19, item 5): the calendar every member reads, and the organisers' work —
 * create, change, cancel, register someone on their behalf, read and cancel registrations. The
 * public calendar feed is open (a calendar app fetches it without an account), rate limited per
 * address like the other public links.
 */
export const eventRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['community'];
    app.get(
      '/api/community/events',
      {
        config: { access: 'community.read' },
        schema: {
          tags,
          summary: 'Events: those not yet over first (soonest first), then past ones (latest first)',
          querystring: ZEventListQuerySchema,
          response: { 200: ZEventPageSchema },
        },
      },
      async (request) => listEvents({ deps, ctx: requireAccess(request), query: request.query }),
    );
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
      '/api/community/events.ics',
      {
        config: { access: 'community.read' },
        schema: { tags, summary: 'Every planned event’s sessions as a calendar (no participants)' },
      },
      async (request, reply) =>
        reply.headers(calendarHeaders).send(await membersCalendar({ deps, ctx: requireAccess(request) })),
    );
    app.get(
      '/eventi/calendario.ics',
      {
        config: { access: 'public', rate: 'link' },
        schema: { tags, summary: 'The public calendar of published events (title, place, comune)' },
      },
      async (_request, reply) => reply.headers(calendarHeaders).send(await publicCalendar({ deps })),
    );
    app.get(
      '/api/community/events/:id',
      {
        config: { access: 'community.read' },
        schema: { tags, summary: 'One event', params: ZIdParamsSchema, response: { 200: ZEventSchema } },
      },
      async (request) => getEvent({ deps, ctx: requireAccess(request), eventId: request.params.id }),
    );
    app.put(
      '/api/community/events/:id',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Change an event (its organisers); the capacity never below the seats taken',
          params: ZIdParamsSchema,
          body: ZEventUpdateSchema,
          response: { 200: ZEventSchema },
        },
      },
      async (request) =>
        updateEvent({ deps, ctx: requireAccess(request), eventId: request.params.id, input: request.body }),
    );
    app.post(
      '/api/community/events/:id/cancel',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Cancel an event (its organisers); its registrations stay for the record',
          params: ZIdParamsSchema,
          response: { 200: ZEventSchema },
        },
      },
      async (request) => cancelEvent({ deps, ctx: requireAccess(request), eventId: request.params.id }),
    );
    app.get(
      '/api/community/events/:id/registrations',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Who registered (the event’s organisers only; audited)',
          params: ZIdParamsSchema,
          response: { 200: z.object({ items: z.array(ZRegistrationSchema) }) },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await listRegistrations({ deps, ctx: requireAccess(request), eventId: request.params.id })),
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
    app.post(
      '/api/community/events/:id/registrations/:placeId/cancel',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Cancel a registration (the event’s organisers); the first person waiting gets the seat',
          params: ZPlaceParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await cancelRegistration({
          deps,
          ctx: requireAccess(request),
          eventId: request.params.id,
          placeId: request.params.placeId,
        });
        return reply.status(204).send(null);
      },
    );
  };
