import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZEmployerInputSchema,
  ZEmployerListSchema,
  ZEmployerSchema,
  ZInitiativeInputSchema,
  ZInitiativeListSchema,
  ZInitiativeSchema,
  ZInitiativeUpdateSchema,
  ZOfferInputSchema,
  ZOfferListQuerySchema,
  ZOfferListSchema,
  ZOfferSchema,
} from '../../../contracts/autonomy.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  addEmployer,
  createInitiative,
  listEmployers,
  listInitiatives,
  updateInitiative,
} from './autonomy-initiatives.service.js';
import { createOffer, listOffers, updateOffer } from './autonomy-offers.service.js';

/**
 * The offers catalogue, the social enterprises and the employers (issue 20, items 1 and 3): read
 * with autonomy.read, kept with autonomy.catalogue by the autonomy workers (the service says which).
 */
export const catalogueRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['autonomy'];
    app.get(
      '/api/autonomy/offers',
      {
        config: { access: 'autonomy.read' },
        schema: {
          tags,
          summary: 'The partners’ offers catalogue, filtered',
          querystring: ZOfferListQuerySchema,
          response: { 200: ZOfferListSchema },
        },
      },
      async (request) => listOffers({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/autonomy/offers',
      {
        config: { access: 'autonomy.catalogue' },
        schema: {
          tags,
          summary: 'Add an offer to the catalogue (autonomy workers)',
          body: ZOfferInputSchema,
          response: { 201: ZOfferSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createOffer({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.put(
      '/api/autonomy/offers/:id',
      {
        config: { access: 'autonomy.catalogue' },
        schema: {
          tags,
          summary: 'Change an offer of the service’s catalogue (never fewer places than enrolled)',
          params: ZIdParamsSchema,
          body: ZOfferInputSchema,
          response: { 200: ZOfferSchema },
        },
      },
      async (request) =>
        updateOffer({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/autonomy/initiatives',
      {
        config: { access: 'autonomy.read' },
        schema: {
          tags,
          summary: 'The social enterprises the project supports, with jobs created and filled',
          response: { 200: ZInitiativeListSchema },
        },
      },
      async (request) => listInitiatives({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/autonomy/initiatives',
      {
        config: { access: 'autonomy.catalogue' },
        schema: {
          tags,
          summary: 'Record a social enterprise the project supports (autonomy workers)',
          body: ZInitiativeInputSchema,
          response: { 201: ZInitiativeSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createInitiative({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.patch(
      '/api/autonomy/initiatives/:id',
      {
        config: { access: 'autonomy.catalogue' },
        schema: {
          tags,
          summary:
            'Change a social enterprise: its stage (recorded with its date), jobs created, description',
          params: ZIdParamsSchema,
          body: ZInitiativeUpdateSchema,
          response: { 200: ZInitiativeSchema },
        },
      },
      async (request) =>
        updateInitiative({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/autonomy/employers',
      {
        config: { access: 'autonomy.read' },
        schema: {
          tags,
          summary: 'Employers and social enterprises of the registry a placement may go to',
          response: { 200: ZEmployerListSchema },
        },
      },
      async (request) => listEmployers({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/autonomy/employers',
      {
        config: { access: 'autonomy.catalogue' },
        schema: {
          tags,
          summary: 'Add an employer or social enterprise to the community registry (autonomy workers)',
          body: ZEmployerInputSchema,
          response: { 201: ZEmployerSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addEmployer({ deps, ctx: requireAccess(request), input: request.body })),
    );
  };
