import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZApproveInputSchema,
  ZAssessmentInputSchema,
  ZAssessmentListSchema,
  ZCareAssessmentSchema,
  ZCarePlanSchema,
  ZGoalInputSchema,
  ZGoalParamsSchema,
  ZProgressInputSchema,
  ZReturnInputSchema,
  ZReviewInputSchema,
  ZVersionParamsSchema,
} from '../../../contracts/care-plan.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as assessments from './assessments.service.js';
import * as reviews from './plan-reviews.service.js';
import * as plan from './plan-versions.service.js';

/** Assessments, the versioned plan and its reviews (issue 22, items 1-2). Routes declare; services decide. */
export const carePlanRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];
    const planResponse = { 200: ZCarePlanSchema };

    app.get(
      '/api/cases/:id/assessments',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: "The case's assessments, each child's by date (clinical team, supervisor)",
          params: ZIdParamsSchema,
          response: { 200: ZAssessmentListSchema },
        },
      },
      async (request) =>
        assessments.listCaseAssessments({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/cases/:id/assessments',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary:
            'Record a dated assessment of a child (clinical team); a correction names the one it corrects',
          params: ZIdParamsSchema,
          body: ZAssessmentInputSchema,
          response: { 201: ZCareAssessmentSchema },
        },
      },
      async (request, reply) => {
        const created = await assessments.createAssessment({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        });
        return reply.code(201).send(created);
      },
    );
    app.get(
      '/api/cases/:id/plan',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: "The plan's versions, the approved one, the draft, and the reviews",
          params: ZIdParamsSchema,
          response: planResponse,
        },
      },
      async (request) => plan.getPlan({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/cases/:id/plan/versions',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Open a draft version, copied from the approved one (or the draft already open)',
          params: ZIdParamsSchema,
          response: planResponse,
        },
      },
      async (request) => plan.createDraft({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/cases/:id/plan/goals',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Add a goal to the draft (opened from the approved version if none)',
          params: ZIdParamsSchema,
          body: ZGoalInputSchema,
          response: planResponse,
        },
      },
      async (request) =>
        plan.addGoal({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.put(
      '/api/cases/:id/plan/goals/:goalId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary:
            "Change a goal's substance: in the draft; an approved goal is changed in a new draft beside it",
          params: ZGoalParamsSchema,
          body: ZGoalInputSchema,
          response: planResponse,
        },
      },
      async (request) =>
        plan.updateGoal({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          goalId: request.params.goalId,
          input: request.body,
        }),
    );
    app.delete(
      '/api/cases/:id/plan/goals/:goalId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Remove a goal from the draft',
          params: ZGoalParamsSchema,
          response: planResponse,
        },
      },
      async (request) =>
        plan.removeGoal({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          goalId: request.params.goalId,
        }),
    );
    app.post(
      '/api/cases/:id/plan/goals/:goalId/progress',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: "Record a goal's progress on the approved plan (the approval stands)",
          params: ZGoalParamsSchema,
          body: ZProgressInputSchema,
          response: planResponse,
        },
      },
      async (request) =>
        plan.recordProgress({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          goalId: request.params.goalId,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/plan/versions/:versionId/submit',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Submit a draft or returned version for approval',
          params: ZVersionParamsSchema,
          response: planResponse,
        },
      },
      async (request) =>
        plan.submitVersion({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          versionId: request.params.versionId,
        }),
    );
    app.post(
      '/api/cases/:id/plan/versions/:versionId/approve',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags,
          summary: 'Approve a submitted version (supervisor, never the lead or the submitter): frozen',
          params: ZVersionParamsSchema,
          body: ZApproveInputSchema,
          response: planResponse,
        },
      },
      async (request) =>
        plan.approveVersion({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          versionId: request.params.versionId,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/plan/versions/:versionId/return',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags,
          summary: 'Return a submitted version with comments (supervisor)',
          params: ZVersionParamsSchema,
          body: ZReturnInputSchema,
          response: planResponse,
        },
      },
      async (request) =>
        plan.returnVersion({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          versionId: request.params.versionId,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/plan/reviews',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Record a review of the approved plan, or a case conference with outside services',
          params: ZIdParamsSchema,
          body: ZReviewInputSchema,
          response: planResponse,
        },
      },
      async (request) =>
        reviews.recordReview({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
  };
