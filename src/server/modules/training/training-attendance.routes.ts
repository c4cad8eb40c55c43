import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZAttendanceInputSchema,
  ZAttendanceRowSchema,
  ZCheckinCodeSchema,
  ZCheckinResultSchema,
  ZCheckinSchema,
  ZPersonalCheckinSchema,
  ZPersonalPageSchema,
  ZPersonalTokenParamsSchema,
} from '../../../contracts/gatherings.js';
import { ZCalendarLinkSchema } from '../../../contracts/training.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { CALENDAR_CONTENT_TYPE } from '../../platform/gatherings/calendar.js';
import { getAttendance, printSignatureSheet, recordAttendance } from './training-attendance.service.js';
import { editionCalendar, makeCalendarLink, personalFeed } from './training-calendar.js';
import { checkInExternal, checkInMember, getCheckinCode } from './training-checkin.service.js';
import { confirmPersonal, personalCalendar, personalPage } from './training-personal.service.js';

const calendarHeaders = { 'content-type': CALENDAR_CONTENT_TYPE, 'cache-control': 'no-store' };

/**
 * Attendance, QR check-in, the signature sheet, calendars and the external participant's page
 * (issue 17 §2-3). The personal link's routes and the calendar feed are public: the token in the
 * address is the key, looked up by its hash, and they are rate limited per address.
 */
export const attendanceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['training'];
    app.get(
      '/api/training/sessions/:id/attendance',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'A session’s attendance: one row per confirmed participant (the edition’s trainers)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZAttendanceRowSchema) },
        },
      },
      async (request) => getAttendance({ deps, ctx: requireAccess(request), sessionId: request.params.id }),
    );
    app.put(
      '/api/training/sessions/:id/attendance',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'The trainer marks attendance, or copies it from the signed sheet',
          params: ZIdParamsSchema,
          body: ZAttendanceInputSchema,
          response: { 200: z.array(ZAttendanceRowSchema) },
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
    app.get(
      '/api/training/sessions/:id/signature-sheet',
      {
        config: { access: 'training.manage', rate: 'expensive' },
        schema: {
          tags,
          summary: 'The session’s signature sheet as a PDF (audited)',
          params: ZIdParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await printSignatureSheet({
          deps,
          ctx: requireAccess(request),
          sessionId: request.params.id,
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
    app.get(
      '/api/training/sessions/:id/checkin-code',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'The rotating check-in code and its QR, while the session’s check-in is open',
          params: ZIdParamsSchema,
          response: { 200: ZCheckinCodeSchema },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await getCheckinCode({ deps, ctx: requireAccess(request), sessionId: request.params.id })),
    );
    app.post(
      '/api/training/sessions/:id/checkin',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'A signed-in participant checks in by scanning the code',
          params: ZIdParamsSchema,
          body: ZCheckinSchema,
          response: { 200: ZCheckinResultSchema },
        },
      },
      async (request) =>
        checkInMember({
          deps,
          ctx: requireAccess(request),
          sessionId: request.params.id,
          code: request.body.code,
        }),
    );
    app.get(
      '/api/training/personal/:token',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'An external participant’s page, opened by their personal link',
          params: ZPersonalTokenParamsSchema,
          response: { 200: ZPersonalPageSchema },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await personalPage({ deps, token: request.params.token, clientIp: request.ip ?? null })),
    );
    app.post(
      '/api/training/personal/:token/confirm',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'An external participant confirms a place offered from the waiting list',
          params: ZPersonalTokenParamsSchema,
          response: { 200: ZPersonalPageSchema },
        },
      },
      async (request) => confirmPersonal({ deps, token: request.params.token, clientIp: request.ip ?? null }),
    );
    app.post(
      '/api/training/personal/:token/checkin',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'An external participant checks in by scanning the code',
          params: ZPersonalTokenParamsSchema,
          body: ZPersonalCheckinSchema,
          response: { 200: ZCheckinResultSchema },
        },
      },
      async (request) =>
        checkInExternal({
          deps,
          token: request.params.token,
          sessionId: request.body.sessionId,
          code: request.body.code,
          clientIp: request.ip ?? null,
        }),
    );
    app.get(
      '/api/training/personal/:token/calendar.ics',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'The external participant’s sessions as a calendar',
          params: ZPersonalTokenParamsSchema,
        },
      },
      async (request, reply) =>
        reply.headers(calendarHeaders).send(await personalCalendar({ deps, token: request.params.token })),
    );
    app.post(
      '/api/training/calendar-link',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'Make (or remake, revoking the old) one’s personal calendar link',
          response: { 200: ZCalendarLinkSchema },
        },
      },
      async (request) => makeCalendarLink({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/calendar/:file',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'A personal calendar feed, fetched by a calendar app with the token in its address',
          params: z.strictObject({ file: z.string().max(120) }),
        },
      },
      async (request, reply) =>
        reply.headers(calendarHeaders).send(await personalFeed({ deps, file: request.params.file })),
    );
    app.get(
      '/api/training/editions/:id/calendar.ics',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'An edition’s sessions as a calendar file',
          params: ZIdParamsSchema,
        },
      },
      async (request, reply) =>
        reply
          .headers(calendarHeaders)
          .send(await editionCalendar({ deps, ctx: requireAccess(request), editionId: request.params.id })),
    );
  };
