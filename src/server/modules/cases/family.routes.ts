import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZFamilyNetworkSchema,
  ZLegalRoleCreateSchema,
  ZLegalRoleEndSchema,
  ZLegalRoleParamsSchema,
  ZPlacementAddressSchema,
  ZPlacementCreateSchema,
  ZPlacementEndSchema,
  ZPlacementParamsSchema,
  ZPlacementSchema,
  ZPlacementVisitSchema,
  ZRelationCreateSchema,
  ZRelationParamsSchema,
  ZResidenceRecordSchema,
  ZResidenceSchema,
  ZRevealReasonSchema,
} from '../../../contracts/tutela.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as network from './family-network.service.js';
import * as placements from './placements.service.js';
import * as residence from './residence.service.js';

const ZRelationSchema = ZFamilyNetworkSchema.shape.relations.element;
const ZLegalRoleItemSchema = ZFamilyNetworkSchema.shape.legalRoles.element;

/**
 * The family network and legal roles, residence status and placements (issue 15, items 4, 5, 8).
 * Routes declare; services decide.
 */
export const familyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/households/:id/network',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['family'],
          summary:
            'A household’s family network: its people as the viewer may see them, relations, legal roles (audited)',
          params: ZIdParamsSchema,
          response: { 200: ZFamilyNetworkSchema },
        },
      },
      async (request) =>
        network.readNetwork({ deps, ctx: requireAccess(request), householdId: request.params.id }),
    );
    app.post(
      '/api/households/:id/relations',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary: 'Record a relation between two people of the household',
          params: ZIdParamsSchema,
          body: ZRelationCreateSchema,
          response: { 201: ZRelationSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await network.addRelation({
            deps,
            ctx: requireAccess(request),
            householdId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.delete(
      '/api/households/:id/relations/:relationId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary: 'Remove a relation recorded by mistake',
          params: ZRelationParamsSchema,
        },
      },
      async (request, reply) => {
        await network.removeRelation({
          deps,
          ctx: requireAccess(request),
          householdId: request.params.id,
          relationId: request.params.relationId,
        });
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/households/:id/legal-roles',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary:
            'Record a legal role (parental responsibility, tutore, curatore speciale, guardian ad litem)',
          params: ZIdParamsSchema,
          body: ZLegalRoleCreateSchema,
          response: { 201: ZLegalRoleItemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await network.addLegalRole({
            deps,
            ctx: requireAccess(request),
            householdId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/households/:id/legal-roles/:roleId/end',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary: 'End a legal role on a date',
          params: ZLegalRoleParamsSchema,
          body: ZLegalRoleEndSchema,
        },
      },
      async (request, reply) => {
        await network.endLegalRole({
          deps,
          ctx: requireAccess(request),
          householdId: request.params.id,
          roleId: request.params.roleId,
          input: request.body,
        });
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/people/:id/residence',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['family'],
          summary: 'A person’s residence status (special data: one person at a time, audited, never listed)',
          params: ZIdParamsSchema,
          response: { 200: ZResidenceRecordSchema },
        },
      },
      async (request) =>
        residence.readResidence({ deps, ctx: requireAccess(request), personId: request.params.id }),
    );
    app.put(
      '/api/people/:id/residence',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary: 'Record a person’s residence status (permit type and expiry for a permit only)',
          params: ZIdParamsSchema,
          body: ZResidenceSchema,
          response: { 200: ZResidenceRecordSchema },
        },
      },
      async (request) =>
        residence.updateResidence({
          deps,
          ctx: requireAccess(request),
          personId: request.params.id,
          input: request.body,
        }),
    );
    app.get(
      '/api/cases/:id/placements',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['family'],
          summary:
            'A case’s placements and visits (an address only to the clinical team, never a protected one)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZPlacementSchema) },
        },
      },
      async (request) =>
        placements.listPlacements({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.post(
      '/api/cases/:id/placements',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary: 'Record a placement of a person of the case (the address encrypted)',
          params: ZIdParamsSchema,
          body: ZPlacementCreateSchema,
          response: { 201: ZPlacementSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await placements.createPlacement({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/cases/:id/placements/:placementId/end',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary: 'End a placement on a date',
          params: ZPlacementParamsSchema,
          body: ZPlacementEndSchema,
          response: { 200: ZPlacementSchema },
        },
      },
      async (request) =>
        placements.endPlacement({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          placementId: request.params.placementId,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/placements/:placementId/visits',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['family'],
          summary: 'Record a visit to a placement',
          params: ZPlacementParamsSchema,
          body: ZPlacementVisitSchema,
          response: { 201: ZPlacementSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await placements.addVisit({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            placementId: request.params.placementId,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/cases/:id/placements/:placementId/address',
      {
        config: { access: 'cases.read', keepNoAnswer: true },
        schema: {
          tags: ['family'],
          summary:
            'Reveal a placement’s address to the clinical team (step-up within 15 minutes, a reason; audited)',
          params: ZPlacementParamsSchema,
          body: ZRevealReasonSchema,
          response: { 200: ZPlacementAddressSchema },
        },
      },
      async (request) =>
        placements.revealAddress({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          placementId: request.params.placementId,
          reason: request.body.reason,
        }),
    );
  };
