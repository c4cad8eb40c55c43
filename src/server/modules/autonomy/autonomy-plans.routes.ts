import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZGoalInputSchema,
  ZGoalUpdateSchema,
  ZMeetingInputSchema,
  ZPlanCandidatesQuerySchema,
  ZPlanCandidatesSchema,
  ZPlanCreateSchema,
  ZPlanExitSchema,
  ZPlanListQuerySchema,
  ZPlanPageSchema,
  ZPlanSchema,
  ZPlanUpdateSchema,
  ZStepInputSchema,
  ZStepUpdateSchema,
  ZTutorOptionsSchema,
} from '../../../contracts/autonomy.js';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  addGoal,
  addStep,
  recordMeeting,
  removeStep,
  updateGoal,
  updateStep,
} from './autonomy-plan-parts.service.js';
import {
  exitPlan,
  getPlan,
  listPlans,
  listTutors,
  openPlan,
  searchCandidates,
  updatePlan,
} from './autonomy-plans.service.js';

const ZGoalParamsSchema = z.strictObject({ goalId: ZIdSchema });
const ZStepParamsSchema = z.strictObject({ stepId: ZIdSchema });

/**
 * Autonomy plans (issue 20, item 2): listed and read by the household's team and the tutor, opened
 * and changed by the team that works the household and by the tutor.
 */
export const planRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['autonomy'];
    app.get(
      '/api/autonomy/plans',
      {
        config: { access: 'autonomy.read' },
        schema: {
          tags,
          summary: 'The autonomy plans the caller reads, soonest review first (keyset pages)',
          querystring: ZPlanListQuerySchema,
          response: { 200: ZPlanPageSchema },
        },
      },
      async (request) => listPlans({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/autonomy/plans',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Open an autonomy plan for an adult of a household the team works',
          body: ZPlanCreateSchema,
          response: { 201: ZPlanSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await openPlan({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/autonomy/plan-candidates',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Adults of the households the team works a plan may be opened for',
          querystring: ZPlanCandidatesQuerySchema,
          response: { 200: ZPlanCandidatesSchema },
        },
      },
      async (request) => searchCandidates({ deps, ctx: requireAccess(request), q: request.query.q }),
    );
    app.get(
      '/api/autonomy/tutors',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Who may be named a plan’s tutor (names and services only)',
          response: { 200: ZTutorOptionsSchema },
        },
      },
      async (request) => listTutors({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/autonomy/plans/:id',
      {
        config: { access: 'autonomy.read' },
        schema: {
          tags,
          summary: 'An autonomy plan',
          params: ZIdParamsSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) => getPlan({ deps, ctx: requireAccess(request), planId: request.params.id }),
    );
    app.patch(
      '/api/autonomy/plans/:id',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Change a plan’s tutor or next review',
          params: ZIdParamsSchema,
          body: ZPlanUpdateSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        updatePlan({ deps, ctx: requireAccess(request), planId: request.params.id, input: request.body }),
    );
    app.post(
      '/api/autonomy/plans/:id/exit',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Close a plan with its exit reason and date',
          params: ZIdParamsSchema,
          body: ZPlanExitSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        exitPlan({ deps, ctx: requireAccess(request), planId: request.params.id, input: request.body }),
    );
    app.post(
      '/api/autonomy/plans/:id/goals',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Add a goal to a plan',
          params: ZIdParamsSchema,
          body: ZGoalInputSchema,
          response: { 201: ZPlanSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await addGoal({
            deps,
            ctx: requireAccess(request),
            planId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.patch(
      '/api/autonomy/goals/:goalId',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Change a goal (status, description, target date)',
          params: ZGoalParamsSchema,
          body: ZGoalUpdateSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        updateGoal({ deps, ctx: requireAccess(request), goalId: request.params.goalId, input: request.body }),
    );
    app.post(
      '/api/autonomy/goals/:goalId/steps',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Add a step to a goal',
          params: ZGoalParamsSchema,
          body: ZStepInputSchema,
          response: { 201: ZPlanSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await addStep({
            deps,
            ctx: requireAccess(request),
            goalId: request.params.goalId,
            input: request.body,
          }),
        ),
    );
    app.patch(
      '/api/autonomy/steps/:stepId',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Tick a step done (or not)',
          params: ZStepParamsSchema,
          body: ZStepUpdateSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        updateStep({ deps, ctx: requireAccess(request), stepId: request.params.stepId, input: request.body }),
    );
    app.delete(
      '/api/autonomy/steps/:stepId',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Remove a step',
          params: ZStepParamsSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) => removeStep({ deps, ctx: requireAccess(request), stepId: request.params.stepId }),
    );
    app.post(
      '/api/autonomy/plans/:id/meetings',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Record a tutoring, orientation or review meeting (a clinician’s note is sealed)',
          params: ZIdParamsSchema,
          body: ZMeetingInputSchema,
          response: { 201: ZPlanSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await recordMeeting({
            deps,
            ctx: requireAccess(request),
            planId: request.params.id,
            input: request.body,
          }),
        ),
    );
  };
