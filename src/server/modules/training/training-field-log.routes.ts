import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZFieldLogEntrySchema,
  ZFieldLogFeedbackSchema,
  ZFieldLogInputSchema,
  ZFieldLogSchema,
} from '../../../contracts/training.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { answerFieldLog, readFieldLog, writeFieldLog } from './training-field-log.service.js';

/** The field log of experiential training (issue 17 §6). */
export const fieldLogRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['training'];
    app.get(
      '/api/training/editions/:id/field-log',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'The field log of an edition: one’s own entries, or every entry for its trainers',
          params: ZIdParamsSchema,
          response: { 200: ZFieldLogSchema },
        },
      },
      async (request) => readFieldLog({ deps, ctx: requireAccess(request), editionId: request.params.id }),
    );
    app.post(
      '/api/training/editions/:id/field-log',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'A trainee’s entry: date, hours, activity, reflections; a case only if on its team',
          params: ZIdParamsSchema,
          body: ZFieldLogInputSchema,
          response: { 201: ZFieldLogEntrySchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await writeFieldLog({
            deps,
            ctx: requireAccess(request),
            editionId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.put(
      '/api/training/field-log/:id/feedback',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'The supervising trainer’s feedback on an entry',
          params: ZIdParamsSchema,
          body: ZFieldLogFeedbackSchema,
          response: { 200: ZFieldLogEntrySchema },
        },
      },
      async (request) =>
        answerFieldLog({
          deps,
          ctx: requireAccess(request),
          entryId: request.params.id,
          feedback: request.body.feedback,
        }),
    );
  };
