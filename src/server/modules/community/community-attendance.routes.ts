import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZAttendanceInputSchema,
  ZCheckinCodeSchema,
  ZCheckinInputSchema,
  ZCheckinResultSchema,
  ZHeadCountInputSchema,
  ZHeadCountSchema,
  ZSessionDetailSchema,
  ZTicketLookupQuerySchema,
  ZTicketLookupSchema,
} from '../../../contracts/community.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  addHeadCount,
  checkInTicket,
  getCheckinCode,
  getSession,
  recordAttendance,
  removeHeadCount,
} from './community-attendance.service.js';
import { lookupTicket } from './community-participants.service.js';

const noStore = { 'cache-control': 'no-store' };

/**
 * Check-in and counting at community events (issue 19, item 6), the organisers' side: the
 * session's list, the walk-in QR, tickets scanned, the list ticked and head counts. Every route
 * answers 404 to anyone but the event's organisers.
 */
export const attendanceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['community'];
    app.get(
      '/api/community/sessions/:id',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'A session as its organisers work it: registrations, who came, head counts (audited)',
          params: ZIdParamsSchema,
          response: { 200: ZSessionDetailSchema },
        },
      },
      async (request, reply) =>
        reply
          .headers(noStore)
          .send(await getSession({ deps, ctx: requireAccess(request), sessionId: request.params.id })),
    );
    app.get(
      '/api/community/sessions/:id/checkin-code',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'The walk-in QR’s address with the current code, while the session’s check-in is open',
          params: ZIdParamsSchema,
          response: { 200: ZCheckinCodeSchema },
        },
      },
      async (request, reply) =>
        reply
          .headers(noStore)
          .send(await getCheckinCode({ deps, ctx: requireAccess(request), sessionId: request.params.id })),
    );
    app.post(
      '/api/community/sessions/:id/checkin',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'The organiser scans a person’s ticket at the session',
          params: ZIdParamsSchema,
          body: ZCheckinInputSchema,
          response: { 200: ZCheckinResultSchema },
        },
      },
      async (request) =>
        checkInTicket({
          deps,
          ctx: requireAccess(request),
          sessionId: request.params.id,
          ticketCode: request.body.ticketCode,
        }),
    );
    app.get(
      '/api/community/tickets',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'A ticket scanned outside a session: its event among the caller’s, and today’s sessions',
          querystring: ZTicketLookupQuerySchema,
          response: { 200: ZTicketLookupSchema },
        },
      },
      async (request, reply) =>
        reply
          .headers(noStore)
          .send(await lookupTicket({ deps, ctx: requireAccess(request), ticketCode: request.query.code })),
    );
    app.put(
      '/api/community/sessions/:id/attendance',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'The organiser ticks the list: present or not, per registration',
          params: ZIdParamsSchema,
          body: ZAttendanceInputSchema,
          response: { 200: ZSessionDetailSchema },
        },
      },
      async (request) =>
        recordAttendance({
          deps,
          ctx: requireAccess(request),
          sessionId: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/community/sessions/:id/head-counts',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'A head count (single-session events only; no identities, not de-duplicated)',
          params: ZIdParamsSchema,
          body: ZHeadCountInputSchema,
          response: { 201: ZHeadCountSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await addHeadCount({
            deps,
            ctx: requireAccess(request),
            sessionId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.delete(
      '/api/community/head-counts/:headCountId',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Remove a head count recorded by mistake (the event’s organisers)',
          params: z.strictObject({ headCountId: ZIdSchema }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeHeadCount({ deps, ctx: requireAccess(request), headCountId: request.params.headCountId });
        return reply.status(204).send(null);
      },
    );
  };
