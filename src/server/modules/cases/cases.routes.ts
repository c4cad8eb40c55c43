import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAddressFormSchema } from '../../../contracts/auth.js';
import {
  ZCaseListItemSchema,
  ZCaseListQuerySchema,
  ZCaseSchema,
  ZClosureRequestSchema,
  ZIntakeSchema,
  ZTeamUpdateSchema,
  ZTimelineSchema,
} from '../../../contracts/cases.js';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import { keysetPageOf } from '../../../contracts/keyset.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as history from './case-history.service.js';
import * as caseList from './case-list.service.js';
import * as casesService from './cases.service.js';

const ZStaffSchema = z.array(
  z.object({ id: ZIdSchema, displayName: z.string(), role: z.string(), addressForm: ZAddressFormSchema }),
);
const ZNamedSchema = z.array(z.object({ id: ZIdSchema, name: z.string() }));

/** Cases: the list and its filters, the case file, plan and approvals, team, closure, timeline. Routes declare; services decide. */
export const caseRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary:
            "The work list: cases one works on or supervises, filtered, 50 a page; `cursor` (a page's `nextCursor`) reads the next page without an offset",
          querystring: ZCaseListQuerySchema,
          response: { 200: keysetPageOf(ZCaseListItemSchema) },
        },
      },
      async (request) => caseList.listCases({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.get(
      '/api/cases/filters',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'What the work list can be filtered by',
          response: {
            200: z.object({
              services: ZNamedSchema,
              districts: ZNamedSchema,
              workers: z.array(z.object({ id: ZIdSchema, displayName: z.string() })),
            }),
          },
        },
      },
      async (request) => caseList.caseFilters({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/cases/staff',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'Staff who can join a case or be excluded from a person',
          querystring: z.strictObject({ caseId: ZIdSchema.optional(), personId: ZIdSchema.optional() }),
          response: { 200: ZStaffSchema },
        },
      },
      async (request) => history.staffCandidates({ deps, ctx: requireAccess(request), ...request.query }),
    );
    app.get(
      '/api/cases/:id',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'A case as the viewer may see it (the referrer: status and outcome only)',
          params: ZIdParamsSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) => casesService.getCase({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    // The assessment and the plan have their own versioned routes (care-plan.routes.ts, issue 22).
    app.put(
      '/api/cases/:id/intake',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: "Write the case's intake (clinical team)",
          params: ZIdParamsSchema,
          body: ZIntakeSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        casesService.updateFile({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          section: 'intake',
          value: request.body,
        }),
    );
    app.put(
      '/api/cases/:id/team',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Set the case team (team lead)',
          params: ZIdParamsSchema,
          body: ZTeamUpdateSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        casesService.updateTeam({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/closure',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Propose closure with an outcome and a reason (team lead)',
          params: ZIdParamsSchema,
          body: ZClosureRequestSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        casesService.requestClosure({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/closure/approve',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags: ['cases'],
          summary: 'Approve closure (supervisor)',
          params: ZIdParamsSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        casesService.approveClosure({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.get(
      '/api/cases/:id/timeline',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'The case timeline',
          params: ZIdParamsSchema,
          response: { 200: ZTimelineSchema },
        },
      },
      async (request) => history.caseTimeline({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
  };
