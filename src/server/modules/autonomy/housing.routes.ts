import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZAddressChangeSchema,
  ZAddressDecisionSchema,
  ZAddressRequestInputSchema,
  ZAddressRequestListSchema,
  ZAddressRequestSchema,
  ZAddressSchema,
  ZOccupancyEndSchema,
  ZOccupancyInputSchema,
  ZRevealSchema,
  ZUnitInputSchema,
  ZUnitListSchema,
  ZUnitSchema,
  ZUnitUpdateSchema,
} from '../../../contracts/housing.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  decideAddressRequest,
  listAddressRequests,
  requestAddress,
  revealAddress,
} from './housing-address.service.js';
import { endOccupancy, startOccupancy } from './housing-occupancy.service.js';
import { changeAddress, createUnit, getUnit, listUnits, updateUnit } from './housing-units.service.js';

/**
 * Protected apartments (issue 20, item 4): units and stays for the housing team, the address only
 * through the reveal (a step-up and a reason), and requests to see it decided by a second person.
 */
export const housingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['housing'];
    app.get(
      '/api/housing/units',
      {
        config: { access: 'housing.read' },
        schema: {
          tags,
          summary: 'The housing team’s protected apartments with their stays (never the address)',
          response: { 200: ZUnitListSchema },
        },
      },
      async (request) => listUnits({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/housing/units/:id',
      {
        config: { access: 'housing.read' },
        schema: {
          tags,
          summary: 'A protected apartment with its stays (never the address)',
          params: ZIdParamsSchema,
          response: { 200: ZUnitSchema },
        },
      },
      async (request) => getUnit({ deps, ctx: requireAccess(request), unitId: request.params.id }),
    );
    app.post(
      '/api/housing/units',
      {
        config: { access: 'housing.manage' },
        schema: {
          tags,
          summary: 'Add a protected apartment (its address is encrypted)',
          body: ZUnitInputSchema,
          response: { 201: ZUnitSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createUnit({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.patch(
      '/api/housing/units/:id',
      {
        config: { access: 'housing.manage' },
        schema: {
          tags,
          summary: 'Change a protected apartment (the capacity never below what is booked)',
          params: ZIdParamsSchema,
          body: ZUnitUpdateSchema,
          response: { 200: ZUnitSchema },
        },
      },
      async (request) =>
        updateUnit({ deps, ctx: requireAccess(request), unitId: request.params.id, input: request.body }),
    );
    app.put(
      '/api/housing/units/:id/address',
      {
        config: { access: 'housing.manage' },
        schema: {
          tags,
          summary: 'Change a protected apartment’s address (step-up, reason, audited)',
          params: ZIdParamsSchema,
          body: ZAddressChangeSchema,
          response: { 200: ZUnitSchema },
        },
      },
      async (request) =>
        changeAddress({ deps, ctx: requireAccess(request), unitId: request.params.id, input: request.body }),
    );
    app.post(
      '/api/housing/units/:id/address/reveal',
      {
        config: { access: 'housing.address', keepNoAnswer: true },
        schema: {
          tags,
          summary:
            'See a protected apartment’s address (step-up, reason, audited; once with an approved request)',
          params: ZIdParamsSchema,
          body: ZRevealSchema,
          response: { 200: ZAddressSchema },
        },
      },
      async (request) =>
        revealAddress({
          deps,
          ctx: requireAccess(request),
          unitId: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.post(
      '/api/housing/units/:id/address-requests',
      {
        config: { access: 'housing.address' },
        schema: {
          tags,
          summary: 'Ask to see a protected apartment’s address once (a coordinator decides)',
          params: ZIdParamsSchema,
          body: ZAddressRequestInputSchema,
          response: { 201: ZAddressRequestSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await requestAddress({
            deps,
            ctx: requireAccess(request),
            unitId: request.params.id,
            reason: request.body.reason,
          }),
        ),
    );
    app.get(
      '/api/housing/address-requests',
      {
        config: { access: 'housing.address' },
        schema: {
          tags,
          summary: 'My requests to see an address, and those a housing coordinator decides',
          response: { 200: ZAddressRequestListSchema },
        },
      },
      async (request) => listAddressRequests({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/housing/address-requests/:id/decision',
      {
        config: { access: 'housing.manage' },
        schema: {
          tags,
          summary: 'Approve or refuse a request to see an address (never one’s own)',
          params: ZIdParamsSchema,
          body: ZAddressDecisionSchema,
          response: { 200: ZAddressRequestSchema },
        },
      },
      async (request) =>
        decideAddressRequest({
          deps,
          ctx: requireAccess(request),
          requestId: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/housing/units/:id/occupancies',
      {
        config: { access: 'housing.manage' },
        schema: {
          tags,
          summary: 'Record a household’s stay (never over capacity on any day)',
          params: ZIdParamsSchema,
          body: ZOccupancyInputSchema,
          response: { 201: ZUnitSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await startOccupancy({
            deps,
            ctx: requireAccess(request),
            unitId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/housing/occupancies/:id/end',
      {
        config: { access: 'housing.manage' },
        schema: {
          tags,
          summary: 'End a household’s stay with the reason',
          params: ZIdParamsSchema,
          body: ZOccupancyEndSchema,
          response: { 200: ZUnitSchema },
        },
      },
      async (request) =>
        endOccupancy({
          deps,
          ctx: requireAccess(request),
          occupancyId: request.params.id,
          input: request.body,
        }),
    );
  };
