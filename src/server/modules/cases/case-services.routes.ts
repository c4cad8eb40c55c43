import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCaseServiceCreateSchema,
  ZCaseServicesViewSchema,
  ZCaseServiceUpdateSchema,
  ZFollowupCreateSchema,
  ZFollowupDoneSchema,
  ZOutsideParticipantCreateSchema,
  ZSessionNoteEditSchema,
  ZSessionPracticeSchema,
  ZSessionStatusChangeSchema,
} from '../../../contracts/case-services.js';
import { ZSessionSchema } from '../../../contracts/cases.js';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as services from './case-services.service.js';
import * as notes from './session-notes.service.js';
import * as sessions from './session-practice.service.js';

const ZCaseItemParamsSchema = z.strictObject({ id: ZIdSchema, itemId: ZIdSchema });

/**
 * Services delivered, follow-ups (issue 22, item 3) and sessions as they happened (item 4): status,
 * notes edited with their history, outside participants. Routes declare; services decide.
 */
export const caseServicesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/services',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary:
            'Services delivered and follow-ups of a case (the clinical team and a supervisor; audited)',
          params: ZIdParamsSchema,
          response: { 200: ZCaseServicesViewSchema },
        },
      },
      async (request) =>
        services.getCaseServices({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.post(
      '/api/cases/:id/services',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Record a service delivered (type from the national list of social services)',
          params: ZIdParamsSchema,
          body: ZCaseServiceCreateSchema,
          response: { 201: ZCaseServicesViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await services.addCaseService({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.patch(
      '/api/cases/:id/services/:itemId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Change a service’s status, end date or hours',
          params: ZCaseItemParamsSchema,
          body: ZCaseServiceUpdateSchema,
          response: { 200: ZCaseServicesViewSchema },
        },
      },
      async (request) =>
        services.updateCaseService({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          serviceId: request.params.itemId,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/followups',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Plan a follow-up: what, by when, by whom of the team',
          params: ZIdParamsSchema,
          body: ZFollowupCreateSchema,
          response: { 201: ZCaseServicesViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await services.addFollowup({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/cases/:id/followups/:itemId/done',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Mark a follow-up done, with its outcome',
          params: ZCaseItemParamsSchema,
          body: ZFollowupDoneSchema,
          response: { 200: ZCaseServicesViewSchema },
        },
      },
      async (request) =>
        services.markFollowupDone({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          followupId: request.params.itemId,
          input: request.body,
        }),
    );
    app.post(
      '/api/sessions/:id/status',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['sessions'],
          summary: 'Mark a session held, cancelled or missed (with a reason), or scheduled again',
          params: ZIdParamsSchema,
          body: ZSessionStatusChangeSchema,
          response: { 200: ZSessionSchema },
        },
      },
      async (request) =>
        sessions.changeSessionStatus({
          deps,
          ctx: requireAccess(request),
          sessionId: request.params.id,
          input: request.body,
        }),
    );
    app.put(
      '/api/sessions/:id/notes',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['sessions'],
          summary: 'Edit a note section after the session; the text before is kept (sealed; audited)',
          params: ZIdParamsSchema,
          body: ZSessionNoteEditSchema,
          response: { 200: ZSessionSchema },
        },
      },
      async (request) =>
        notes.editSessionNote({
          deps,
          ctx: requireAccess(request),
          sessionId: request.params.id,
          input: request.body,
        }),
    );
    app.get(
      '/api/sessions/:id/practice',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['sessions'],
          summary: 'A session’s status, outside participants and the earlier texts of the notes one may read',
          params: ZIdParamsSchema,
          response: { 200: ZSessionPracticeSchema },
        },
      },
      async (request) =>
        sessions.readSessionPractice({ deps, ctx: requireAccess(request), sessionId: request.params.id }),
    );
    app.post(
      '/api/sessions/:id/outside-participants',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['sessions'],
          summary: 'Record an outside professional who attended (by role; never given the case)',
          params: ZIdParamsSchema,
          body: ZOutsideParticipantCreateSchema,
          response: { 201: ZSessionPracticeSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await sessions.addOutsideParticipant({
            deps,
            ctx: requireAccess(request),
            sessionId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.delete(
      '/api/sessions/:id/outside-participants/:itemId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['sessions'],
          summary: 'Remove an outside participant recorded by mistake',
          params: ZCaseItemParamsSchema,
          response: { 200: ZSessionPracticeSchema },
        },
      },
      async (request) =>
        sessions.removeOutsideParticipant({
          deps,
          ctx: requireAccess(request),
          sessionId: request.params.id,
          participantId: request.params.itemId,
        }),
    );
  };
