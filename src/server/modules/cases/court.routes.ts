import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdSchema } from '../../../contracts/common.js';
import { ZOwnCaseCreateSchema } from '../../../contracts/tutela.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as ownCases from './own-cases.service.js';

/** Tutela Minori's own cases, court orders and their deadlines, reports to the court. Routes declare; services decide. */
export const courtRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/cases',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary:
            'Open a case as the service with the mandate (child protection), from a court decree, a report or the family’s request',
          body: ZOwnCaseCreateSchema,
          response: { 201: z.object({ caseId: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await ownCases.openOwnCase({ deps, ctx: requireAccess(request), input: request.body })),
    );
  };
