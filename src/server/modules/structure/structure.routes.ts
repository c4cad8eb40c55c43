import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZDistrictCreateSchema,
  ZDistrictSchema,
  ZDistrictUpdateSchema,
  ZMunicipalityParamsSchema,
  ZMunicipalityQuerySchema,
  ZMunicipalitySchema,
  ZMunicipalityUpdateSchema,
  ZOrganisationCreateSchema,
  ZOrganisationSchema,
  ZOrganisationUpdateSchema,
  ZServiceCreateSchema,
  ZServiceQuerySchema,
  ZServiceSchema,
  ZServiceUpdateSchema,
} from '../../../contracts/structure.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as structure from './structure.service.js';

export const structureRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['structure'];

    app.get(
      '/api/districts',
      {
        config: { access: 'structure.read' },
        schema: { tags, summary: 'Ambiti territoriali', response: { 200: z.array(ZDistrictSchema) } },
      },
      async (request) => structure.listDistricts({ deps, ctx: requireAccess(request) }),
    );

    app.post(
      '/api/districts',
      {
        config: { access: 'structure.write' },
        schema: {
          tags,
          summary: 'Create an Ambito',
          body: ZDistrictCreateSchema,
          response: { 201: ZDistrictSchema },
        },
      },
      async (request, reply) => {
        const result = await structure.createDistrict({
          deps,
          ctx: requireAccess(request),
          input: request.body,
        });
        return reply.status(201).send(result);
      },
    );

    app.patch(
      '/api/districts/:id',
      {
        config: { access: 'structure.write' },
        schema: {
          tags,
          summary: 'Edit an Ambito',
          params: ZIdParamsSchema,
          body: ZDistrictUpdateSchema,
          response: { 200: z.object({ id: z.string() }) },
        },
      },
      async (request) =>
        structure.updateDistrict({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );

    app.get(
      '/api/municipalities',
      {
        config: { access: 'structure.read' },
        schema: {
          tags,
          summary: 'Comuni with ISTAT codes, optionally of one Ambito',
          querystring: ZMunicipalityQuerySchema,
          response: { 200: z.array(ZMunicipalitySchema) },
        },
      },
      async (request) =>
        structure.listMunicipalities({
          deps,
          ctx: requireAccess(request),
          districtId: request.query.districtId,
        }),
    );

    app.patch(
      '/api/municipalities/:istatCode',
      {
        config: { access: 'structure.write' },
        schema: {
          tags,
          summary: 'Move a comune to another Ambito (membership is data, not code)',
          params: ZMunicipalityParamsSchema,
          body: ZMunicipalityUpdateSchema,
          response: { 200: ZMunicipalitySchema },
        },
      },
      async (request) =>
        structure.moveMunicipality({
          deps,
          ctx: requireAccess(request),
          istatCode: request.params.istatCode,
          input: request.body,
        }),
    );

    app.get(
      '/api/organisations',
      {
        config: { access: 'structure.read' },
        schema: { tags, summary: 'Partner organisations', response: { 200: z.array(ZOrganisationSchema) } },
      },
      async (request) => structure.listOrganisations({ deps, ctx: requireAccess(request) }),
    );

    app.post(
      '/api/organisations',
      {
        config: { access: 'structure.write' },
        schema: {
          tags,
          summary: 'Create an organisation',
          body: ZOrganisationCreateSchema,
          response: { 201: ZOrganisationSchema },
        },
      },
      async (request, reply) => {
        const result = await structure.createOrganisation({
          deps,
          ctx: requireAccess(request),
          input: request.body,
        });
        return reply.status(201).send(result);
      },
    );

    app.patch(
      '/api/organisations/:id',
      {
        config: { access: 'structure.write' },
        schema: {
          tags,
          summary: 'Edit an organisation',
          params: ZIdParamsSchema,
          body: ZOrganisationUpdateSchema,
          response: { 200: z.object({ id: z.string() }) },
        },
      },
      async (request) =>
        structure.updateOrganisation({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );

    app.get(
      '/api/services',
      {
        config: { access: 'structure.read' },
        schema: {
          tags,
          summary: 'Services inside the organisations',
          querystring: ZServiceQuerySchema,
          response: { 200: z.array(ZServiceSchema) },
        },
      },
      async (request) =>
        structure.listServices({
          deps,
          ctx: requireAccess(request),
          organisationId: request.query.organisationId,
        }),
    );

    app.post(
      '/api/services',
      {
        config: { access: 'structure.write' },
        schema: {
          tags,
          summary: 'Create a service',
          body: ZServiceCreateSchema,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) => {
        const result = await structure.createService({
          deps,
          ctx: requireAccess(request),
          input: request.body,
        });
        return reply.status(201).send(result);
      },
    );

    app.patch(
      '/api/services/:id',
      {
        config: { access: 'structure.write' },
        schema: {
          tags,
          summary: 'Edit or deactivate a service',
          params: ZIdParamsSchema,
          body: ZServiceUpdateSchema,
          response: { 200: z.object({ id: z.string() }) },
        },
      },
      async (request) =>
        structure.updateService({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
  };
