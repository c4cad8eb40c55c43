import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZMediatorSessionSchema,
  ZSessionCreateSchema,
  ZSessionListItemSchema,
  ZSessionNoteCreateSchema,
  ZSessionSchema,
} from '../../../contracts/cases.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as notes from './session-notes.service.js';
import * as sessions from './sessions.service.js';

/** Sessions: a case's sessions with sealed notes, and the mediator's own list. Routes declare; services decide. */
export const sessionsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/sessions',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['sessions'],
          summary: 'Sessions of a case (no notes)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZSessionListItemSchema) },
        },
      },
      async (request) =>
        sessions.listSessions({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.post(
      '/api/cases/:id/sessions',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['sessions'],
          summary: 'Record a session with its sealed notes',
          params: ZIdParamsSchema,
          body: ZSessionCreateSchema,
          response: { 201: ZSessionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await sessions.createSession({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/sessions/:id/notes',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['sessions'],
          summary:
            'Write a note section after the session, once (the session’s mediator: the mediation note; sealed; audited)',
          params: ZIdParamsSchema,
          body: ZSessionNoteCreateSchema,
          response: { 201: ZSessionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await notes.addSessionNote({
            deps,
            ctx: requireAccess(request),
            sessionId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.get(
      '/api/sessions/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['sessions'],
          summary: 'A session with the note sections the viewer may read (the rest sealed; audited)',
          params: ZIdParamsSchema,
          response: { 200: ZSessionSchema },
        },
      },
      async (request) => sessions.getSession({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.get(
      '/api/my-sessions',
      {
        config: { access: 'sessions.attend' },
        schema: {
          tags: ['sessions'],
          summary: 'The mediator’s sessions: the minimum needed to attend',
          response: { 200: z.array(ZMediatorSessionSchema) },
        },
      },
      async (request) => sessions.mySessions({ deps, ctx: requireAccess(request) }),
    );
  };
