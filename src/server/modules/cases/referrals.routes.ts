import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import { ZReasonSchema } from '../../../contracts/households.js';
import {
  ZReferralCreateSchema,
  ZReferralListItemSchema,
  ZReferralListQuerySchema,
  ZReferralSchema,
  ZReferralSendSchema,
  ZReferralUpdateSchema,
} from '../../../contracts/referrals.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as answers from './referral-answers.service.js';
import * as referralsService from './referrals.service.js';

/** Referrals: drafts, sending with its legal basis, accepting (which opens a case), declining, revoking, closing. Routes declare; services decide. */
export const referralsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/referrals',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['referrals'],
          summary: 'Referrals sent or received by the acting service',
          querystring: ZReferralListQuerySchema,
          response: { 200: pageOf(ZReferralListItemSchema) },
        },
      },
      async (request) =>
        referralsService.listReferrals({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/referrals',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Draft a referral',
          body: ZReferralCreateSchema,
          response: { 201: ZReferralSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await referralsService.createReferral({ deps, ctx: requireAccess(request), input: request.body }),
          ),
    );
    app.get(
      '/api/referrals/:id',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['referrals'],
          summary: 'A referral: the sender sees status and outcome, the recipient the content while it waits',
          params: ZIdParamsSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        referralsService.getReferral({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.patch(
      '/api/referrals/:id',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Edit a draft referral',
          params: ZIdParamsSchema,
          body: ZReferralUpdateSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        referralsService.updateReferral({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.delete(
      '/api/referrals/:id',
      {
        config: { access: 'referrals.send' },
        schema: { tags: ['referrals'], summary: 'Delete a draft referral', params: ZIdParamsSchema },
      },
      async (request, reply) => {
        await referralsService.deleteReferral({ deps, ctx: requireAccess(request), id: request.params.id });
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/referrals/:id/send',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Send a draft: needs consents or a court order, or a permitted override with a reason',
          params: ZIdParamsSchema,
          body: ZReferralSendSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        referralsService.sendReferral({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          overrideReason: request.body.consentOverrideReason,
        }),
    );
    app.post(
      '/api/referrals/:id/accept',
      {
        config: { access: 'referrals.answer' },
        schema: {
          tags: ['referrals'],
          summary:
            'Accept a referral and open the case, or the consultation for a consultation referral (409 if it was answered meanwhile)',
          params: ZIdParamsSchema,
          response: { 200: z.object({ caseId: ZIdSchema.optional(), consultationId: ZIdSchema.optional() }) },
        },
      },
      async (request) => answers.acceptReferral({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/referrals/:id/decline',
      {
        config: { access: 'referrals.answer' },
        schema: {
          tags: ['referrals'],
          summary: 'Decline a referral with a reason',
          params: ZIdParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        answers.declineReferral({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.post(
      '/api/referrals/:id/revoke',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Withdraw a referral not yet answered',
          params: ZIdParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        answers.revokeReferral({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.post(
      '/api/referrals/:id/close',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'File a declined referral',
          params: ZIdParamsSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) => answers.closeReferral({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
  };
