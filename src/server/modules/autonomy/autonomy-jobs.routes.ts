import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZEnrolmentInputSchema,
  ZEnrolmentUpdateSchema,
  ZFollowUpInputSchema,
  ZFollowUpParamsSchema,
  ZJobPlacementInputSchema,
  ZJobPlacementUpdateSchema,
  ZPlanSchema,
  ZSkillsInputSchema,
} from '../../../contracts/autonomy.js';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { addPlacement, recordFollowUp, saveSkills, updatePlacement } from './autonomy-jobs.service.js';
import { enrol, updateEnrolment } from './autonomy-offers.service.js';

const ZEnrolmentParamsSchema = z.strictObject({ enrolmentId: ZIdSchema });
const ZPlacementParamsSchema = z.strictObject({ placementId: ZIdSchema });

/**
 * A plan's enrolments in offers, its skills balance and its job placements with their 6- and
 * 12-month outcomes (issue 20, items 1 and 3): written by whoever writes the plan; each answers
 * the whole plan as its readers see it.
 */
export const jobRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['autonomy'];
    app.post(
      '/api/autonomy/plans/:id/enrolments',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Enrol the plan’s person in an offer (a place is taken, or 409 when full)',
          params: ZIdParamsSchema,
          body: ZEnrolmentInputSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        enrol({ deps, ctx: requireAccess(request), planId: request.params.id, input: request.body }),
    );
    app.patch(
      '/api/autonomy/enrolments/:enrolmentId',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Record an enrolment’s outcome (completed or dropped gives the place back)',
          params: ZEnrolmentParamsSchema,
          body: ZEnrolmentUpdateSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        updateEnrolment({
          deps,
          ctx: requireAccess(request),
          enrolmentId: request.params.enrolmentId,
          input: request.body,
        }),
    );
    app.put(
      '/api/autonomy/plans/:id/skills',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Save the plan’s skills balance',
          params: ZIdParamsSchema,
          body: ZSkillsInputSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        saveSkills({ deps, ctx: requireAccess(request), planId: request.params.id, input: request.body }),
    );
    app.post(
      '/api/autonomy/plans/:id/placements',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Propose a job placement with an employer or social enterprise of the registry',
          params: ZIdParamsSchema,
          body: ZJobPlacementInputSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        addPlacement({ deps, ctx: requireAccess(request), planId: request.params.id, input: request.body }),
    );
    app.patch(
      '/api/autonomy/placements/:placementId',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Move a job placement on (proposed → active or not started, active → ended)',
          params: ZPlacementParamsSchema,
          body: ZJobPlacementUpdateSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        updatePlacement({
          deps,
          ctx: requireAccess(request),
          placementId: request.params.placementId,
          input: request.body,
        }),
    );
    app.put(
      '/api/autonomy/placements/:id/follow-ups/:months',
      {
        config: { access: 'autonomy.write' },
        schema: {
          tags,
          summary: 'Record where the person stands 6 or 12 months after the placement began',
          params: ZFollowUpParamsSchema,
          body: ZFollowUpInputSchema,
          response: { 200: ZPlanSchema },
        },
      },
      async (request) =>
        recordFollowUp({
          deps,
          ctx: requireAccess(request),
          placementId: request.params.id,
          months: request.params.months === '6' ? 6 : 12,
          input: request.body,
        }),
    );
  };
