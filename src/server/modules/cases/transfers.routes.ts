import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCaseSchema } from '../../../contracts/cases.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZTransferCreateSchema,
  ZTransferParamsSchema,
  ZTransferRefuseSchema,
  ZTransferSchema,
} from '../../../contracts/tutela.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { caseClosureRoutes } from './case-closure.routes.js';
import * as transfers from './transfers.service.js';

/**
 * Transfers between Ambiti, and (registered from here) closing and reopening: the routes that move
 * a case's status (issue 15, items 6 and 7). Routes declare; services decide.
 */
export const transfersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(caseClosureRoutes(deps));
    app.post(
      '/api/cases/:id/transfers',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary:
            'Ask a service of another Ambito to take the case (case lead), on the consent to that service or a court order of the case',
          params: ZIdParamsSchema,
          body: ZTransferCreateSchema,
          response: { 201: ZTransferSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await transfers.requestTransfer({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.get(
      '/api/transfers',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary:
            'Transfers received by the service (open ones first) and those of cases one may open; the receiving side sees the request, never the case',
          response: { 200: z.array(ZTransferSchema) },
        },
      },
      async (request) => transfers.listTransfers({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/transfers/:transferId/accept',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary:
            'Accept a transfer (receiving service): the case, its household and file move; the acceptor becomes lead and the previous team loses access',
          params: ZTransferParamsSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        transfers.acceptTransfer({ deps, ctx: requireAccess(request), id: request.params.transferId }),
    );
    app.post(
      '/api/transfers/:transferId/refuse',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Refuse a transfer with a reason (receiving service)',
          params: ZTransferParamsSchema,
          body: ZTransferRefuseSchema,
          response: { 200: ZTransferSchema },
        },
      },
      async (request) =>
        transfers.refuseTransfer({
          deps,
          ctx: requireAccess(request),
          id: request.params.transferId,
          input: request.body,
        }),
    );
    app.post(
      '/api/transfers/:transferId/withdraw',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Withdraw a transfer request still waiting for an answer (case lead)',
          params: ZTransferParamsSchema,
          response: { 200: ZTransferSchema },
        },
      },
      async (request) =>
        transfers.withdrawTransfer({ deps, ctx: requireAccess(request), id: request.params.transferId }),
    );
  };
