import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZAtRiskUpdateSchema,
  ZConsentCreateSchema,
  ZConsentSchema,
  ZExclusionCreateSchema,
  ZExclusionSchema,
  ZHouseholdCreateSchema,
  ZHouseholdListItemSchema,
  ZHouseholdListQuerySchema,
  ZHouseholdSchema,
  ZPersonAddSchema,
  ZPersonChangeSchema,
  ZPersonParamsSchema,
  ZPersonSchema,
  ZPersonUpdateSchema,
  ZReasonSchema,
  ZSafetyDetailsSchema,
} from '../../../contracts/households.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as households from './households.service.js';
import * as consents from './person-consents.service.js';
import * as edits from './person-edits.service.js';
import * as safety from './person-safety.service.js';

/** Households and people: registration, safety details, the at-risk mark, consents, conflict-of-interest locks. Routes declare; services decide. */
export const householdsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/households',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary:
            'Households of the acting service; q finds by code, a member’s name (partial, accents and case ignored), codice fiscale, STP or ENI (audited per household found)',
          querystring: ZHouseholdListQuerySchema,
          response: { 200: pageOf(ZHouseholdListItemSchema) },
        },
      },
      async (request) =>
        households.listHouseholds({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/households',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Register a household and its members',
          body: ZHouseholdCreateSchema,
          response: { 201: ZHouseholdSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await households.createHousehold({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/households/:id',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary: 'A household with its members and consents (no safety field)',
          params: ZIdParamsSchema,
          response: { 200: ZHouseholdSchema },
        },
      },
      async (request) =>
        households.getHousehold({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/households/:id/people',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Add a member to a household of the acting service',
          params: ZIdParamsSchema,
          body: ZPersonAddSchema,
          response: { 201: ZPersonSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await households.addPerson({
            deps,
            ctx: requireAccess(request),
            householdId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.put(
      '/api/people/:personId',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary:
            'Correct a member of a household of the acting service (name, birth, identifiers, relationship, languages); kept in the person’s history',
          params: ZPersonParamsSchema,
          body: ZPersonUpdateSchema,
          response: { 200: ZPersonSchema },
        },
      },
      async (request) =>
        edits.updatePerson({
          deps,
          ctx: requireAccess(request),
          personId: request.params.personId,
          input: request.body,
        }),
    );
    app.post(
      '/api/people/:personId/remove',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary:
            'Remove a member registered by mistake (with a reason; refused once anything refers to them)',
          params: ZPersonParamsSchema,
          body: ZReasonSchema,
        },
      },
      async (request, reply) => {
        await edits.removePerson({
          deps,
          ctx: requireAccess(request),
          personId: request.params.personId,
          reason: request.body.reason,
        });
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/people/:personId/changes',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary: 'Who changed what in a person’s record, newest first (audited)',
          params: ZPersonParamsSchema,
          response: { 200: z.array(ZPersonChangeSchema) },
        },
      },
      async (request) =>
        edits.personHistory({ deps, ctx: requireAccess(request), personId: request.params.personId }),
    );
    app.post(
      '/api/people/:personId/safety/reveal',
      {
        config: { access: 'households.read', keepNoAnswer: true },
        schema: {
          tags: ['households'],
          summary: 'Reveal a person’s safety details (step-up within 15 minutes, a reason; audited)',
          params: ZPersonParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZSafetyDetailsSchema },
        },
      },
      async (request) =>
        safety.revealSafety({
          deps,
          ctx: requireAccess(request),
          personId: request.params.personId,
          reason: request.body.reason,
        }),
    );
    app.put(
      '/api/people/:personId/safety',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Set a person’s safety details and safe-contact rules (encrypted)',
          params: ZPersonParamsSchema,
          body: ZSafetyDetailsSchema,
        },
      },
      async (request, reply) => {
        await safety.updateSafety({
          deps,
          ctx: requireAccess(request),
          personId: request.params.personId,
          input: request.body,
        });
        return reply.status(204).send();
      },
    );
    app.put(
      '/api/people/:personId/at-risk',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary:
            'Mark a person at risk from the household’s perpetrator, or clear the mark (with a reason)',
          params: ZPersonParamsSchema,
          body: ZAtRiskUpdateSchema,
        },
      },
      async (request, reply) => {
        await safety.setAtRisk({
          deps,
          ctx: requireAccess(request),
          personId: request.params.personId,
          input: request.body,
        });
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/people/:personId/consents',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Record a consent (or a court order) for a person',
          params: ZPersonParamsSchema,
          body: ZConsentCreateSchema,
          response: { 201: ZConsentSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await consents.createConsent({
            deps,
            ctx: requireAccess(request),
            personId: request.params.personId,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/consents/:id/revoke',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Revoke a consent: the access it gave ends in the same transaction',
          params: ZIdParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZConsentSchema },
        },
      },
      async (request) =>
        consents.revokeConsent({
          deps,
          ctx: requireAccess(request),
          consentId: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.get(
      '/api/people/:personId/exclusions',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary: 'Conflict-of-interest locks on a person',
          params: ZPersonParamsSchema,
          response: { 200: z.array(ZExclusionSchema) },
        },
      },
      async (request) =>
        consents.listExclusions({ deps, ctx: requireAccess(request), personId: request.params.personId }),
    );
    app.post(
      '/api/people/:personId/exclusions',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Lock a staff member or mediator out of a person’s cases',
          params: ZPersonParamsSchema,
          body: ZExclusionCreateSchema,
          response: { 201: ZExclusionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await consents.addExclusion({
            deps,
            ctx: requireAccess(request),
            personId: request.params.personId,
            input: request.body,
          }),
        ),
    );
  };
