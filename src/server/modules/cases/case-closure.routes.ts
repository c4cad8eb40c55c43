import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCaseSchema } from '../../../contracts/cases.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { ZClosureDecisionSchema, ZReopenSchema } from '../../../contracts/tutela.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as closure from './case-closure.service.js';

/** A supervisor's answer to a closure request, and reopening a closed case. Routes declare; services decide. */
export const caseClosureRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/cases/:id/closure/decision',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags: ['cases'],
          summary: 'Refuse a closure request, or send it back to the lead with comments (supervisor)',
          params: ZIdParamsSchema,
          body: ZClosureDecisionSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        closure.decideClosure({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    // cases.read, not cases.write: a coordinator (who supervises but does not write cases) reopens
    // too; the service lets only the case's lead (with cases.write) or that coordinator through.
    app.post(
      '/api/cases/:id/reopen',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary:
            'Reopen a closed case with a reason (case lead, or the coordinator supervising the service)',
          params: ZIdParamsSchema,
          body: ZReopenSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        closure.reopenCase({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
  };
