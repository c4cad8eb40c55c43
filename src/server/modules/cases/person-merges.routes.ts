import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { ZPersonParamsSchema } from '../../../contracts/households.js';
import {
  ZDuplicatePairSchema,
  ZMergeRevertSchema,
  ZPersonMergeInputSchema,
  ZPersonMergeSchema,
} from '../../../contracts/person-merges.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as merges from './person-merges.service.js';

const tags = ['households'];

/** Duplicate people and their merge (issue 22, item 7; ADR 0025). Routes declare; the service decides. */
export const personMergesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/people/duplicates',
      {
        config: { access: 'households.write' },
        schema: {
          tags,
          summary:
            'People of the acting service’s households who look like one person registered twice (similar names and birth dates, or the same identifier)',
          response: { 200: z.array(ZDuplicatePairSchema) },
        },
      },
      async (request) => merges.listDuplicates({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/people/:personId/merges',
      {
        config: { access: 'households.read' },
        schema: {
          tags,
          summary: 'The merges a person’s record took part in, kept or merged',
          params: ZPersonParamsSchema,
          response: { 200: z.array(ZPersonMergeSchema) },
        },
      },
      async (request) =>
        merges.mergesOf({ deps, ctx: requireAccess(request), personId: request.params.personId }),
    );
    app.post(
      '/api/people/:personId/merge',
      {
        config: { access: 'households.write' },
        schema: {
          tags,
          summary:
            'Merge a duplicate into this person: the duplicate is kept, read-only, and the merge can be undone',
          params: ZPersonParamsSchema,
          body: ZPersonMergeInputSchema,
          response: { 201: ZPersonMergeSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await merges.mergePeople({
            deps,
            ctx: requireAccess(request),
            keptId: request.params.personId,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/person-merges/:id/revert',
      {
        config: { access: 'households.write' },
        schema: {
          tags,
          summary: 'Undo a merge: both records as they were, except details changed since',
          params: ZIdParamsSchema,
          body: ZMergeRevertSchema,
          response: { 200: ZPersonMergeSchema },
        },
      },
      async (request) =>
        merges.revertMerge({
          deps,
          ctx: requireAccess(request),
          mergeId: request.params.id,
          reason: request.body.reason,
        }),
    );
  };
