import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZCampaignInputSchema,
  ZCampaignListSchema,
  ZCampaignSchema,
  ZCampaignUpdateSchema,
  ZFunderInputSchema,
  ZFunderListQuerySchema,
  ZFunderPageSchema,
  ZFunderSchema,
  ZFunderUpdateSchema,
  ZFundraisingChoicesSchema,
  ZOpportunityInputSchema,
  ZOpportunityMoveSchema,
  ZOpportunitySchema,
  ZOpportunityUpdateSchema,
  ZPipelineSchema,
  ZResourceLedgerQuerySchema,
  ZResourceLedgerSchema,
  ZResourceRecordSchema,
  ZVolunteerRateInputSchema,
  ZVolunteerRateSchema,
} from '../../../contracts/fundraising.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { acceptFileUploads } from '../../platform/storage/upload.js';
import { createFunder, fundraisingChoices, listFunders, updateFunder } from './governance-funders.service.js';
import { createCampaign, listCampaigns, pipeline, updateCampaign } from './governance-fundraising.service.js';
import {
  attachOpportunityFile,
  createOpportunity,
  getOpportunity,
  updateOpportunity,
} from './governance-opportunities.service.js';
import { moveOpportunity } from './governance-opportunities-move.js';
import {
  recordResource,
  resourceLedger,
  saveVolunteerRate,
  volunteerRate,
} from './governance-resources.service.js';

const READ = { access: 'fundraising.read' } as const;
const WRITE = { access: 'fundraising.write' } as const;

/**
 * Routes of governance's fundraising (issue 21, items 5 and 6): funders, opportunities and their
 * moves and documents, campaigns, the complementary-resources ledger and the volunteer-hour rate.
 * Coordinators and fundraisers only (fundraising.read / fundraising.write; RLS says the same).
 */
export const fundraisingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['fundraising'];
    await acceptFileUploads(app);
    app.get(
      '/api/fundraising/pipeline',
      {
        config: READ,
        schema: {
          tags,
          summary: 'The pipeline: stages, sums, conversion, deadlines',
          response: { 200: ZPipelineSchema },
        },
      },
      async (request) => pipeline({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/fundraising/choices',
      {
        config: READ,
        schema: {
          tags,
          summary: 'Funders, campaigns, owners and holders to pick from',
          response: { 200: ZFundraisingChoicesSchema },
        },
      },
      async (request) => fundraisingChoices({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/fundraising/funders',
      {
        config: READ,
        schema: {
          tags,
          summary: 'Funders and donors, a page (audited)',
          querystring: ZFunderListQuerySchema,
          response: { 200: ZFunderPageSchema },
        },
      },
      async (request) => listFunders({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/fundraising/funders',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Add a funder or donor',
          body: ZFunderInputSchema,
          response: { 201: ZFunderSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createFunder({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.put(
      '/api/fundraising/funders/:id',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Change a funder’s name, contact, notes, state',
          params: ZIdParamsSchema,
          body: ZFunderUpdateSchema,
          response: { 200: ZFunderSchema },
        },
      },
      async (request) =>
        updateFunder({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/fundraising/opportunities',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Add a funding opportunity',
          body: ZOpportunityInputSchema,
          response: { 201: ZOpportunitySchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createOpportunity({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/fundraising/opportunities/:id',
      {
        config: READ,
        schema: {
          tags,
          summary: 'An opportunity with its moves and documents',
          params: ZIdParamsSchema,
          response: { 200: ZOpportunitySchema },
        },
      },
      async (request) => getOpportunity({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/fundraising/opportunities/:id',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Change an opportunity (not its stage)',
          params: ZIdParamsSchema,
          body: ZOpportunityUpdateSchema,
          response: { 200: ZOpportunitySchema },
        },
      },
      async (request) =>
        updateOpportunity({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/fundraising/opportunities/:id/move',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Move an opportunity to its next stage (received also records the money in the ledger)',
          params: ZIdParamsSchema,
          body: ZOpportunityMoveSchema,
          response: { 200: ZOpportunitySchema },
        },
      },
      async (request) =>
        moveOpportunity({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/fundraising/opportunities/:id/files',
      {
        config: { access: 'fundraising.write', rate: 'expensive' },
        schema: {
          tags,
          summary: 'Attach a document to an opportunity (multipart/form-data, the file in the field `file`)',
          params: ZIdParamsSchema,
          response: { 201: z.object({ id: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await attachOpportunityFile({
            deps,
            ctx: requireAccess(request),
            id: request.params.id,
            request,
          }),
        ),
    );
    app.get(
      '/api/fundraising/campaigns',
      {
        config: READ,
        schema: { tags, summary: 'Campaigns with their progress', response: { 200: ZCampaignListSchema } },
      },
      async (request) => listCampaigns({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/fundraising/campaigns',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Add a campaign',
          body: ZCampaignInputSchema,
          response: { 201: ZCampaignSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createCampaign({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.put(
      '/api/fundraising/campaigns/:id',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Change a campaign’s title, goal or dates',
          params: ZIdParamsSchema,
          body: ZCampaignUpdateSchema,
          response: { 200: ZCampaignSchema },
        },
      },
      async (request) =>
        updateCampaign({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/fundraising/resources',
      {
        config: READ,
        schema: {
          tags,
          summary: 'The complementary-resources ledger for a period, with totals',
          querystring: ZResourceLedgerQuerySchema,
          response: { 200: ZResourceLedgerSchema },
        },
      },
      async (request) => resourceLedger({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/fundraising/resources',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Record a complementary resource (volunteer hours valued at the rate)',
          body: ZResourceRecordSchema,
          response: { 201: z.object({ id: ZIdSchema, valueCents: z.number().int() }) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordResource({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/fundraising/volunteer-rate',
      {
        config: READ,
        schema: { tags, summary: 'The value of a volunteer hour', response: { 200: ZVolunteerRateSchema } },
      },
      async (request) => volunteerRate({ deps, ctx: requireAccess(request) }),
    );
    app.put(
      '/api/fundraising/volunteer-rate',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Set the value of a volunteer hour (coordinators)',
          body: ZVolunteerRateInputSchema,
          response: { 200: ZVolunteerRateSchema },
        },
      },
      async (request) => saveVolunteerRate({ deps, ctx: requireAccess(request), input: request.body }),
    );
  };
