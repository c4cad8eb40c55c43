import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  HANDOVER_STATUSES,
  ZHandoverAnswerSchema,
  ZHandoverParamsSchema,
  ZHandoverProposalSchema,
  ZHandoverSchema,
  ZReferralReasonSchema,
} from '../../../contracts/case-documents.js';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as handover from './case-handover.service.js';
import { printCaseSummary } from './case-summary-pdf.js';

const tags = ['cases'];
const ZStatusSchema = z.object({ status: z.enum(HANDOVER_STATUSES) });

/** Hand-over, the referral's reason for the receiving team, the printed summary (issue 22, item 7). */
export const caseHandoverRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:id/handovers',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'The hand-overs of a case',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZHandoverSchema) },
        },
      },
      async (request) =>
        handover.listHandovers({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.get(
      '/api/handovers/mine',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'Hand-overs waiting for my answer',
          response: { 200: z.array(ZHandoverSchema) },
        },
      },
      async (request) => handover.myHandovers({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/cases/:id/handovers',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'The lead proposes handing the case to a colleague of the same service',
          params: ZIdParamsSchema,
          body: ZHandoverProposalSchema,
          response: { 201: z.object({ id: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await handover.proposeHandover({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/cases/:id/handovers/:handoverId/answer',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'The colleague named accepts (becomes lead) or declines',
          params: ZHandoverParamsSchema,
          body: ZHandoverAnswerSchema,
          response: { 200: ZStatusSchema },
        },
      },
      async (request) =>
        handover.answerHandover({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          handoverId: request.params.handoverId,
          answer: request.body.answer,
        }),
    );
    app.post(
      '/api/cases/:id/handovers/:handoverId/withdraw',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'The proposer withdraws a hand-over not yet answered',
          params: ZHandoverParamsSchema,
          response: { 200: ZStatusSchema },
        },
      },
      async (request) =>
        handover.withdrawHandover({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          handoverId: request.params.handoverId,
        }),
    );
    app.get(
      '/api/cases/:id/referral-reason',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'The referral’s reason and shared sections, kept for the team that received the case',
          params: ZIdParamsSchema,
          response: { 200: ZReferralReasonSchema },
        },
      },
      async (request) =>
        handover.referralReason({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.get(
      '/api/cases/:id/summary.pdf',
      {
        config: { access: 'cases.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'The case summary as a watermarked PDF built for the reader’s role (audited)',
          params: ZIdParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await printCaseSummary({ deps, ctx: requireAccess(request), caseId: request.params.id });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
