import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZLegalHoldInputSchema,
  ZLegalHoldLiftSchema,
  ZLegalHoldSchema,
  ZRetentionPolicyInputSchema,
  ZRetentionPolicyParamsSchema,
  ZRetentionPolicySchema,
  ZRetentionRunDetailSchema,
  ZRetentionRunSchema,
} from '../../../contracts/privacy.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { liftLegalHold, listLegalHolds, placeLegalHold } from './privacy-holds.service.js';
import { listRetentionPolicies, setRetentionPolicy } from './privacy-policies.service.js';
import {
  approveRetentionRun,
  discardRetentionRun,
  getRetentionRun,
  listRetentionRuns,
  proposeRetentionRun,
} from './privacy-runs.service.js';

const MANAGE = { access: 'privacy.manage' } as const;

/** Privacy operations (issue 23): retention periods, legal holds and retention runs. The DPO only. */
export const privacyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['privacy'];
    app.get(
      '/api/privacy/retention/policies',
      {
        config: { access: 'privacy.retention.read' },
        schema: {
          tags,
          summary: 'Retention periods by organisation and class (audited)',
          response: { 200: z.array(ZRetentionPolicySchema) },
        },
      },
      async (request) => listRetentionPolicies({ deps, ctx: requireAccess(request) }),
    );
    app.put(
      '/api/privacy/retention/policies/:organisationId/:retentionClass',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Set a retention period within its legal bounds',
          params: ZRetentionPolicyParamsSchema,
          body: ZRetentionPolicyInputSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await setRetentionPolicy({
          deps,
          ctx: requireAccess(request),
          ...request.params,
          input: request.body,
        });
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/api/privacy/legal-holds',
      {
        config: MANAGE,
        schema: { tags, summary: 'Legal holds (audited)', response: { 200: z.array(ZLegalHoldSchema) } },
      },
      async (request) => listLegalHolds({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/privacy/legal-holds',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Place a legal hold on a household',
          body: ZLegalHoldInputSchema,
          response: { 201: ZLegalHoldSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await placeLegalHold({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.post(
      '/api/privacy/legal-holds/:id/lift',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Lift a legal hold, with a reason',
          params: ZIdParamsSchema,
          body: ZLegalHoldLiftSchema,
          response: { 200: ZLegalHoldSchema },
        },
      },
      async (request) =>
        liftLegalHold({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/privacy/retention/runs',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Retention runs, newest first',
          response: { 200: z.array(ZRetentionRunSchema) },
        },
      },
      async (request) => listRetentionRuns({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/privacy/retention/runs',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Make a dry run: what would be anonymised today (nothing changes)',
          response: { 201: ZRetentionRunDetailSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await proposeRetentionRun({ deps, ctx: requireAccess(request) })),
    );
    app.get(
      '/api/privacy/retention/runs/:id',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'A retention run with its households (audited)',
          params: ZIdParamsSchema,
          response: { 200: ZRetentionRunDetailSchema },
        },
      },
      async (request) => getRetentionRun({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/privacy/retention/runs/:id/approve',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Approve a dry run: its households are anonymised in the background',
          params: ZIdParamsSchema,
          response: { 200: ZRetentionRunDetailSchema },
        },
      },
      async (request) => approveRetentionRun({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/privacy/retention/runs/:id/discard',
      {
        config: MANAGE,
        schema: {
          tags,
          summary: 'Discard a dry run',
          params: ZIdParamsSchema,
          response: { 200: ZRetentionRunDetailSchema },
        },
      },
      async (request) => discardRetentionRun({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
  };
