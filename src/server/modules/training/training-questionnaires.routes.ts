import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { ZPersonalTokenParamsSchema } from '../../../contracts/gatherings.js';
import {
  ZCompetenceResultSchema,
  ZQuestionnaireInputSchema,
  ZQuestionnaireQuerySchema,
  ZQuestionnaireSchema,
  ZResponseInputSchema,
  ZResponseReceiptSchema,
  ZSurveyResultSchema,
} from '../../../contracts/questionnaires.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  answerAsExternal,
  answerAsMember,
  answerSurvey,
  closeSurvey,
  competenceResult,
  createQuestionnaire,
  editionQuestionnaire,
  externalQuestionnaire,
  listQuestionnaires,
  surveyResult,
} from './training-questionnaires.service.js';

/** Competence questionnaires and the services survey (issue 17 §5): answers in, aggregates out. */
export const questionnaireRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['training'];
    app.get(
      '/api/training/questionnaires',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'Questionnaires (a course’s, or all): the questions, never the right answers',
          querystring: ZQuestionnaireQuerySchema,
          response: { 200: z.array(ZQuestionnaireSchema) },
        },
      },
      async (request) =>
        listQuestionnaires({ deps, ctx: requireAccess(request), courseId: request.query.courseId }),
    );
    app.post(
      '/api/training/questionnaires',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'A competence questionnaire of a course, or the services survey',
          body: ZQuestionnaireInputSchema,
          response: { 201: ZQuestionnaireSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createQuestionnaire({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/training/editions/:id/questionnaire',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'The competence questionnaire of an edition’s course',
          params: ZIdParamsSchema,
          response: { 200: ZQuestionnaireSchema },
        },
      },
      async (request) =>
        editionQuestionnaire({ deps, ctx: requireAccess(request), editionId: request.params.id }),
    );
    app.post(
      '/api/training/editions/:id/responses',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'A participant’s answers, before or after, under their own code (counted once per phase)',
          params: ZIdParamsSchema,
          body: ZResponseInputSchema,
          response: { 201: ZResponseReceiptSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await answerAsMember({
            deps,
            ctx: requireAccess(request),
            editionId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.get(
      '/api/training/personal/:token/questionnaire',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'The questionnaire an external participant answers, through their personal link',
          params: ZPersonalTokenParamsSchema,
          response: { 200: ZQuestionnaireSchema },
        },
      },
      async (request) => externalQuestionnaire({ deps, token: request.params.token }),
    );
    app.post(
      '/api/training/personal/:token/responses',
      {
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'An external participant’s answers through their personal link',
          params: ZPersonalTokenParamsSchema,
          body: ZResponseInputSchema,
          response: { 201: ZResponseReceiptSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await answerAsExternal({ deps, token: request.params.token, input: request.body })),
    );
    app.post(
      '/api/training/questionnaires/:id/responses',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'A member’s answers to the services survey, at the start or at the end (once each)',
          params: ZIdParamsSchema,
          body: ZResponseInputSchema,
          response: { 201: ZResponseReceiptSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await answerSurvey({
            deps,
            ctx: requireAccess(request),
            questionnaireId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.get(
      '/api/training/editions/:id/competence',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'An edition’s competence gain per domain (paired, at least five pairs behind each number)',
          params: ZIdParamsSchema,
          response: { 200: ZCompetenceResultSchema },
        },
      },
      async (request) =>
        competenceResult({ deps, ctx: requireAccess(request), editionId: request.params.id }),
    );
    app.post(
      '/api/training/questionnaires/:id/close',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'Close the services survey: no more answers; its results are given from then on',
          params: ZIdParamsSchema,
          response: { 200: ZQuestionnaireSchema },
        },
      },
      async (request) =>
        closeSurvey({ deps, ctx: requireAccess(request), questionnaireId: request.params.id }),
    );
    app.get(
      '/api/training/questionnaires/:id/results',
      {
        config: { access: 'training.dashboard' },
        schema: {
          tags,
          summary: 'The services survey in aggregate (at least five people behind each number)',
          params: ZIdParamsSchema,
          response: { 200: ZSurveyResultSchema },
        },
      },
      async (request) =>
        surveyResult({ deps, ctx: requireAccess(request), questionnaireId: request.params.id }),
    );
  };
