import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZResearchNoteInputSchema, ZResearchSessionSchema } from '../../../contracts/case-services.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as research from './session-research.service.js';

const tags = ['research'];

/** Researchers in sessions (issue 22, item 4): their sessions and their pseudonymised notes. */
export const sessionResearchRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/research/sessions',
      {
        config: { access: 'research.sessions' },
        schema: {
          tags,
          summary:
            'The sessions the researcher took part in, by date and the case’s research code, with their own notes',
          response: { 200: z.array(ZResearchSessionSchema) },
        },
      },
      async (request) => research.listResearchSessions({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/research/sessions/:id/notes',
      {
        config: { access: 'research.sessions' },
        schema: {
          tags,
          summary:
            'Write a research note on a held session (the family’s names are replaced by research codes before it is stored)',
          params: ZIdParamsSchema,
          body: ZResearchNoteInputSchema,
          response: { 201: ZResearchSessionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await research.addResearchNote({
            deps,
            ctx: requireAccess(request),
            sessionId: request.params.id,
            body: request.body.body,
          }),
        ),
    );
  };
