import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZFeedbackLinkSchema,
  ZFeedbackPageSchema,
  ZFeedbackSummarySchema,
  ZFeedbackTokenParamsSchema,
  ZPersonFeedbackInputSchema,
  ZRatingInputSchema,
  ZRequestSchema,
} from '../../../contracts/mediation.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { CALENDAR_CONTENT_TYPE } from '../../platform/gatherings/calendar.js';
import { makeMediatorCalendarLink, mediatorFeed } from './mediation-calendar.js';
import {
  answerFeedback,
  feedbackPage,
  feedbackSummary,
  makeFeedbackLink,
  rateAssignment,
} from './mediation-feedback.service.js';

const ZFeedbackSummaryQuerySchema = z.strictObject({ mediatorId: ZIdSchema });
const ZCalendarLinkSchema = z.object({ url: z.string() });
const ZCalendarTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

const noStore = { 'cache-control': 'no-store' };

/**
 * Feedback from both sides and the mediator's calendar feed (issue 18, items 4 and 6). The
 * person's answer page and the calendar feed are public: the token in the address is the key,
 * counted per address as a link (ADR 0015), and the log keeps the route's pattern, never the token.
 */
export const feedbackRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['mediation'];
    app.post(
      '/api/mediation/assignments/:id/rating',
      {
        config: { access: 'mediation.request' },
        schema: {
          tags,
          summary: 'The requester rates a mediation that took place, once',
          params: ZIdParamsSchema,
          body: ZRatingInputSchema,
          response: { 200: ZRequestSchema },
        },
      },
      async (request) =>
        rateAssignment({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/mediation/assignments/:id/feedback-link',
      {
        config: { access: 'mediation.request' },
        schema: {
          tags,
          summary: 'The requester makes (or remakes) the link the person mediated answers through',
          params: ZIdParamsSchema,
          response: { 200: ZFeedbackLinkSchema },
        },
      },
      async (request, reply) =>
        reply
          .headers(noStore)
          .send(await makeFeedbackLink({ deps, ctx: requireAccess(request), id: request.params.id })),
    );
    app.get(
      '/api/public/mediation-feedback/:token',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary:
            'The answer page of the person mediated: their language, its direction, whether it is open',
          params: ZFeedbackTokenParamsSchema,
          response: { 200: ZFeedbackPageSchema },
        },
      },
      async (request, reply) =>
        reply.headers(noStore).send(await feedbackPage({ deps, token: request.params.token })),
    );
    app.post(
      '/api/public/mediation-feedback/:token',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'The person mediated answers three questions, anonymously',
          params: ZFeedbackTokenParamsSchema,
          body: ZPersonFeedbackInputSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await answerFeedback({ deps, token: request.params.token, input: request.body });
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/mediation/feedback',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'A mediator’s ratings, and the people’s answers once five people answered',
          querystring: ZFeedbackSummaryQuerySchema,
          response: { 200: ZFeedbackSummarySchema },
        },
      },
      async (request) =>
        feedbackSummary({ deps, ctx: requireAccess(request), mediatorId: request.query.mediatorId }),
    );
    app.post(
      '/api/mediation/my/calendar-link',
      {
        config: { access: 'mediation.work' },
        schema: {
          tags,
          summary: 'Make (or remake, revoking the old) the mediator’s calendar link',
          response: { 200: ZCalendarLinkSchema },
        },
      },
      async (request, reply) =>
        reply.headers(noStore).send(await makeMediatorCalendarLink({ deps, ctx: requireAccess(request) })),
    );
    app.get(
      '/api/mediation/calendar/:token',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'The mediator’s assignments as a calendar feed, fetched with the token in its address',
          params: ZCalendarTokenParamsSchema,
        },
      },
      async (request, reply) =>
        reply
          .headers({ 'content-type': CALENDAR_CONTENT_TYPE, ...noStore })
          .send(await mediatorFeed({ deps, token: request.params.token })),
    );
  };
