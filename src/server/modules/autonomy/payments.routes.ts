import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZBudgetInputSchema,
  ZBudgetListSchema,
  ZBudgetSchema,
  ZLandlordSchema,
  ZLedgerExportQuerySchema,
  ZLedgerQuerySchema,
  ZLedgerSchema,
  ZRentPaymentSchema,
  ZRentRefusalSchema,
  ZRentRequestInputSchema,
  ZRentRequestListQuerySchema,
  ZRentRequestListSchema,
  ZRentRequestSchema,
  ZRentReversalSchema,
  ZRevealSchema,
} from '../../../contracts/housing.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { acceptFileUploads } from '../../platform/storage/upload.js';
import { createBudget, listBudgets } from './payments-budgets.service.js';
import { approveRequest, payRequest, refuseRequest, reverseRequest } from './payments-decisions.service.js';
import { exportLedger, getLedger } from './payments-ledger.service.js';
import {
  addDocument,
  cancelRequest,
  createRequest,
  getRequest,
  listRequests,
  registerRentRequestFiles,
  revealLandlord,
} from './payments-requests.service.js';

const ZNoBodySchema = z.strictObject({});

/**
 * Rent support (issue 20, item 5): budgets per year and funding line, requests by the housing team
 * or finance, decided and paid by a finance officer who did not ask (four eyes), the ledger and its
 * export for the accounts office. Routes declare; the services decide.
 */
export const paymentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['payments'];
    registerRentRequestFiles();
    await acceptFileUploads(app);
    app.get(
      '/api/payments/budgets',
      {
        // payments.request, not .read: whoever asks for support picks the funding line (RLS: the
        // service's housing team and finance read its budgets).
        config: { access: 'payments.request' },
        schema: {
          tags,
          summary: 'The service’s rent support budgets: committed, paid (the ledger’s net) and remaining',
          response: { 200: ZBudgetListSchema },
        },
      },
      async (request) => listBudgets({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/payments/budgets',
      {
        config: { access: 'payments.approve' },
        schema: {
          tags,
          summary: 'Create the budget of a year and funding line (a finance officer)',
          body: ZBudgetInputSchema,
          response: { 201: ZBudgetSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createBudget({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/payments/requests',
      {
        config: { access: 'payments.request' },
        schema: {
          tags,
          summary: 'The service’s rent support requests, newest first (keyset pages)',
          querystring: ZRentRequestListQuerySchema,
          response: { 200: ZRentRequestListSchema },
        },
      },
      async (request) => listRequests({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/payments/requests',
      {
        config: { access: 'payments.request' },
        schema: {
          tags,
          summary: 'Ask for rent support for a household hosted in one of the service’s apartments',
          body: ZRentRequestInputSchema,
          response: { 201: ZRentRequestSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createRequest({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/payments/requests/:id',
      {
        config: { access: 'payments.request' },
        schema: {
          tags,
          summary: 'A rent support request, with what the viewer may do with it',
          params: ZIdParamsSchema,
          response: { 200: ZRentRequestSchema },
        },
      },
      async (request) => getRequest({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/payments/requests/:id/approve',
      {
        config: { access: 'payments.approve' },
        schema: {
          tags,
          summary: 'Approve a request and reserve its amount on the funding line (never one’s own)',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZRentRequestSchema },
        },
      },
      async (request) => approveRequest({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/payments/requests/:id/refuse',
      {
        config: { access: 'payments.approve' },
        schema: {
          tags,
          summary: 'Refuse a waiting request with a reason (never one’s own)',
          params: ZIdParamsSchema,
          body: ZRentRefusalSchema,
          response: { 200: ZRentRequestSchema },
        },
      },
      async (request) =>
        refuseRequest({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/payments/requests/:id/cancel',
      {
        config: { access: 'payments.request' },
        schema: {
          tags,
          summary: 'Withdraw one’s own request while nobody has decided it',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZRentRequestSchema },
        },
      },
      async (request) => cancelRequest({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/payments/requests/:id/pay',
      {
        config: { access: 'payments.approve' },
        schema: {
          tags,
          summary: 'Mark an approved order paid with its date and reference; the ledger records it',
          params: ZIdParamsSchema,
          body: ZRentPaymentSchema,
          response: { 200: ZRentRequestSchema },
        },
      },
      async (request) =>
        payRequest({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/payments/requests/:id/reverse',
      {
        config: { access: 'payments.approve' },
        schema: {
          tags,
          summary: 'Reverse a paid order by a counter-entry in the ledger (the order stays as paid)',
          params: ZIdParamsSchema,
          body: ZRentReversalSchema,
          response: { 200: ZRentRequestSchema },
        },
      },
      async (request) =>
        reverseRequest({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/payments/requests/:id/landlord/reveal',
      {
        config: { access: 'payments.read', keepNoAnswer: true },
        schema: {
          tags,
          summary: 'A private landlord’s details, after a step-up, with a reason (audited)',
          params: ZIdParamsSchema,
          body: ZRevealSchema,
          response: { 200: ZLandlordSchema },
        },
      },
      async (request) =>
        revealLandlord({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.post(
      '/api/payments/requests/:id/documents',
      {
        config: { access: 'payments.request', rate: 'expensive' },
        schema: {
          tags,
          summary: 'Attach a supporting document (multipart/form-data, the file in the field `file`)',
          params: ZIdParamsSchema,
          response: { 201: ZRentRequestSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addDocument({ deps, ctx: requireAccess(request), id: request.params.id, request })),
    );
    app.get(
      '/api/payments/ledger',
      {
        config: { access: 'payments.read' },
        schema: {
          tags,
          summary: 'The rent ledger by funding line and household, with each line’s reconciliation',
          querystring: ZLedgerQuerySchema,
          response: { 200: ZLedgerSchema },
        },
      },
      async (request) => getLedger({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.get(
      '/api/payments/ledger/export',
      {
        config: { access: 'payments.read', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'The rent ledger for the accounts office as XLSX or CSV (no address, no landlord; audited)',
          querystring: ZLedgerExportQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await exportLedger({ deps, ctx: requireAccess(request), query: request.query });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
