import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZAgendaItemInputSchema,
  ZAgendaItemSchema,
  ZAgendaMoveSchema,
  ZAgendaParamsSchema,
  ZAttendanceInputSchema,
  ZAttendanceSchema,
  ZInvitationsSentSchema,
  ZMeetingSchema,
  ZMeetingSummarySchema,
  ZMeetingUpdateSchema,
} from '../../../contracts/governance-committees.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { CALENDAR_CONTENT_TYPE } from '../../platform/gatherings/calendar.js';
import { acceptFileUploads } from '../../platform/storage/upload.js';
import { attachAgendaFile } from './governance-agenda-files.js';
import { meetingCalendarFile, sendInvitations } from './governance-invitations.js';
import { cancelMeeting, getMeeting, recordAttendance, updateMeeting } from './governance-meetings.service.js';
import { addAgendaItem, moveAgendaItem, updateAgendaItem } from './governance-meetings-agenda.js';

const ZAgendaSchema = z.array(ZAgendaItemSchema);

/**
 * A meeting's routes (issue 21, item 1): read by the committee's members, kept by its chair and
 * secretary (RLS: trama_governance_committees; the policy answers a member with a 403 in words).
 */
export const meetingsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];
    await acceptFileUploads(app);
    const read = { config: { access: 'governance.read' as const } };
    app.get(
      '/api/governance/meetings/:id',
      {
        ...read,
        schema: {
          tags,
          summary: 'A meeting with its agenda, documents, attendance and quorum (audited: names members)',
          params: ZIdParamsSchema,
          response: { 200: ZMeetingSchema },
        },
      },
      async (request) => getMeeting({ deps, ctx: requireAccess(request), meetingId: request.params.id }),
    );
    app.put(
      '/api/governance/meetings/:id',
      {
        ...read,
        schema: {
          tags,
          summary: 'Change a meeting’s time, place, link or mark it held (chair or secretary)',
          params: ZIdParamsSchema,
          body: ZMeetingUpdateSchema,
          response: { 200: ZMeetingSummarySchema },
        },
      },
      async (request) =>
        updateMeeting({
          deps,
          ctx: requireAccess(request),
          meetingId: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/governance/meetings/:id/cancel',
      {
        ...read,
        schema: {
          tags,
          summary: 'Cancel a meeting (chair or secretary)',
          params: ZIdParamsSchema,
          response: { 200: ZMeetingSummarySchema },
        },
      },
      async (request) => cancelMeeting({ deps, ctx: requireAccess(request), meetingId: request.params.id }),
    );
    app.post(
      '/api/governance/meetings/:id/agenda',
      {
        ...read,
        schema: {
          tags,
          summary: 'Add an item at the end of the agenda (chair or secretary)',
          params: ZIdParamsSchema,
          body: ZAgendaItemInputSchema,
          response: { 201: ZAgendaSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await addAgendaItem({
            deps,
            ctx: requireAccess(request),
            meetingId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.put(
      '/api/governance/meetings/:id/agenda/:itemId',
      {
        ...read,
        schema: {
          tags,
          summary: 'Change an agenda item’s title or presenter',
          params: ZAgendaParamsSchema,
          body: ZAgendaItemInputSchema,
          response: { 200: ZAgendaSchema },
        },
      },
      async (request) =>
        updateAgendaItem({
          deps,
          ctx: requireAccess(request),
          meetingId: request.params.id,
          itemId: request.params.itemId,
          input: request.body,
        }),
    );
    app.post(
      '/api/governance/meetings/:id/agenda/:itemId/move',
      {
        ...read,
        schema: {
          tags,
          summary: 'Move an agenda item up or down',
          params: ZAgendaParamsSchema,
          body: ZAgendaMoveSchema,
          response: { 200: ZAgendaSchema },
        },
      },
      async (request) =>
        moveAgendaItem({
          deps,
          ctx: requireAccess(request),
          meetingId: request.params.id,
          itemId: request.params.itemId,
          direction: request.body.direction,
        }),
    );
    app.post(
      '/api/governance/meetings/:id/agenda/:itemId/files',
      {
        config: { access: 'governance.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'Attach a document to an agenda item (multipart/form-data, the file in the field `file`)',
          params: ZAgendaParamsSchema,
          response: { 201: z.object({ id: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await attachAgendaFile({
            deps,
            ctx: requireAccess(request),
            meetingId: request.params.id,
            itemId: request.params.itemId,
            request,
          }),
        ),
    );
    app.put(
      '/api/governance/meetings/:id/attendance',
      {
        ...read,
        schema: {
          tags,
          summary: 'Record who was present, absent or excused (chair or secretary)',
          params: ZIdParamsSchema,
          body: ZAttendanceInputSchema,
          response: { 200: ZAttendanceSchema },
        },
      },
      async (request) =>
        recordAttendance({
          deps,
          ctx: requireAccess(request),
          meetingId: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/governance/meetings/:id/invitations',
      {
        ...read,
        schema: {
          tags,
          summary: 'Mail every current member with an address an ICS invitation (chair or secretary)',
          params: ZIdParamsSchema,
          response: { 200: ZInvitationsSentSchema },
        },
      },
      async (request) => sendInvitations({ deps, ctx: requireAccess(request), meetingId: request.params.id }),
    );
    app.get(
      '/api/governance/meetings/:id/calendar.ics',
      {
        ...read,
        schema: { tags, summary: 'The meeting as a calendar file', params: ZIdParamsSchema },
      },
      async (request, reply) =>
        reply
          .headers({
            'content-type': CALENDAR_CONTENT_TYPE,
            'content-disposition': 'attachment; filename="riunione.ics"',
            'cache-control': 'no-store',
          })
          .send(
            await meetingCalendarFile({ deps, ctx: requireAccess(request), meetingId: request.params.id }),
          ),
    );
  };
