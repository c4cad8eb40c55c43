import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZActivityEditSchema,
  ZActivityInputSchema,
  ZActivitySchema,
  ZActivityStatusInputSchema,
  ZMilestoneEditSchema,
  ZMilestoneInputSchema,
  ZMilestoneReachedSchema,
  ZMilestoneSchema,
  ZPlanSchema,
  ZRiskEditSchema,
  ZRiskInputSchema,
  ZRiskSchema,
} from '../../../contracts/governance-plan.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { partnersRoutes } from './governance-partners.routes.js';
import {
  addActivity,
  addMilestone,
  addRisk,
  editActivity,
  editMilestone,
  editRisk,
  getPlan,
  markMilestoneReached,
  postActivityUpdate,
} from './governance-plan.service.js';
import { monthlyProgressReport } from './governance-progress-report.js';

/**
 * The project plan (issue 21, item 3): read with governance.read, kept by the coordinators
 * (governance.manage, and requireGovernanceManager + RLS beneath). The monthly progress report as
 * PDF. What lasts and the partner directory are in governance-partners.routes.ts.
 */
export const planRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];
    await app.register(partnersRoutes(deps));

    app.get(
      '/api/governance/plan',
      {
        config: { access: 'governance.read' },
        schema: { tags, summary: 'The project plan by work package', response: { 200: ZPlanSchema } },
      },
      async (request) => getPlan({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/governance/plan/activities',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Add an activity',
          body: ZActivityInputSchema,
          response: { 201: ZActivitySchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addActivity({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.patch(
      '/api/governance/plan/activities/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Change an activity',
          params: ZIdParamsSchema,
          body: ZActivityEditSchema,
          response: { 200: ZActivitySchema },
        },
      },
      async (request) =>
        editActivity({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/governance/plan/activities/:id/updates',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Post a status update on an activity (the activity takes its status)',
          params: ZIdParamsSchema,
          body: ZActivityStatusInputSchema,
          response: { 201: ZActivitySchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await postActivityUpdate({
            deps,
            ctx: requireAccess(request),
            id: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/governance/plan/milestones',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Add a milestone',
          body: ZMilestoneInputSchema,
          response: { 201: ZMilestoneSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addMilestone({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.patch(
      '/api/governance/plan/milestones/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Change a milestone',
          params: ZIdParamsSchema,
          body: ZMilestoneEditSchema,
          response: { 200: ZMilestoneSchema },
        },
      },
      async (request) =>
        editMilestone({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/governance/plan/milestones/:id/reached',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Mark a milestone reached (on a day not in the future)',
          params: ZIdParamsSchema,
          body: ZMilestoneReachedSchema,
          response: { 200: ZMilestoneSchema },
        },
      },
      async (request) =>
        markMilestoneReached({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/governance/plan/risks',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Add a risk or issue',
          body: ZRiskInputSchema,
          response: { 201: ZRiskSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addRisk({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.patch(
      '/api/governance/plan/risks/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Change a risk or issue',
          params: ZIdParamsSchema,
          body: ZRiskEditSchema,
          response: { 200: ZRiskSchema },
        },
      },
      async (request) =>
        editRisk({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/governance/reports/progress',
      {
        config: { access: 'governance.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'The monthly progress report as PDF (audited)',
          // The month is judged by the service, so a malformed and a future month read alike.
          querystring: z.strictObject({ month: z.string().max(20) }),
        },
      },
      async (request, reply) => {
        const file = await monthlyProgressReport({
          deps,
          ctx: requireAccess(request),
          month: request.query.month,
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
