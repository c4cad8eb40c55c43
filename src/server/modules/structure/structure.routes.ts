import { eq } from 'drizzle-orm';
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
import { districts, municipalities, organisations, services } from '../../platform/tenancy/tenancy.sql.js';
import * as structure from './structure.service.js';

export const structureRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['structure'];
    const write = { deps, uniqueField: 'code', referenceField: 'districtId' };

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
        const result = await structure.auditedWrite({
          ...write,
          ctx: requireAccess(request),
          action: 'district.created',
          recordType: 'district',
          work: async (tx) => {
            const [row] = await tx
              .insert(districts)
              .values({ ...request.body, managingBody: request.body.managingBody ?? null })
              .returning({
                id: districts.id,
                code: districts.code,
                name: districts.name,
                managingBody: districts.managingBody,
              });
            return { id: row!.id, result: { ...row!, municipalityCount: 0 } };
          },
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
        structure.auditedWrite({
          ...write,
          ctx: requireAccess(request),
          action: 'district.updated',
          recordType: 'district',
          work: async (tx) => {
            const [row] = await tx
              .update(districts)
              .set(request.body)
              .where(eq(districts.id, request.params.id))
              .returning({ id: districts.id });
            return row ? { id: row.id, result: row } : null;
          },
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
        structure.auditedWrite({
          ...write,
          ctx: requireAccess(request),
          action: 'municipality.updated',
          recordType: 'municipality',
          work: async (tx) => {
            const [row] = await tx
              .update(municipalities)
              .set({ districtId: request.body.districtId })
              .where(eq(municipalities.istatCode, request.params.istatCode))
              .returning();
            return row ? { id: row.istatCode, result: row } : null;
          },
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
        const result = await structure.auditedWrite({
          ...write,
          uniqueField: 'name',
          ctx: requireAccess(request),
          action: 'organisation.created',
          recordType: 'organisation',
          work: async (tx) => {
            const [row] = await tx.insert(organisations).values(request.body).returning({
              id: organisations.id,
              name: organisations.name,
              kind: organisations.kind,
              districtId: organisations.districtId,
            });
            return { id: row!.id, result: { ...row!, kind: request.body.kind, serviceCount: 0 } };
          },
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
        structure.auditedWrite({
          ...write,
          ctx: requireAccess(request),
          action: 'organisation.updated',
          recordType: 'organisation',
          work: async (tx) => {
            const [row] = await tx
              .update(organisations)
              .set(request.body)
              .where(eq(organisations.id, request.params.id))
              .returning({ id: organisations.id });
            return row ? { id: row.id, result: row } : null;
          },
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
        const result = await structure.auditedWrite({
          ...write,
          uniqueField: 'name',
          referenceField: 'organisationId',
          ctx: requireAccess(request),
          action: 'service.created',
          recordType: 'service',
          work: async (tx) => {
            const [row] = await tx.insert(services).values(request.body).returning({ id: services.id });
            return { id: row!.id, result: row! };
          },
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
        structure.auditedWrite({
          ...write,
          ctx: requireAccess(request),
          action: 'service.updated',
          recordType: 'service',
          work: async (tx) => {
            const [row] = await tx
              .update(services)
              .set(request.body)
              .where(eq(services.id, request.params.id))
              .returning({ id: services.id });
            return row ? { id: row.id, result: row } : null;
          },
        }),
    );
  };
