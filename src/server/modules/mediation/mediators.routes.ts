import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZAbsenceInputSchema,
  ZConflictInputSchema,
  ZConflictSchema,
  ZMediatorInputSchema,
  ZMediatorSchema,
  ZRateInputSchema,
  ZRateSchema,
} from '../../../contracts/mediation.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { listRates, setRate } from './mediation-rates.service.js';
import { declareConflict, listConflicts, removeConflict } from './mediator-conflicts.service.js';
import {
  addAbsence,
  getMediator,
  listMediators,
  mediatorAccounts,
  removeAbsence,
  saveMediator,
} from './mediators.service.js';

/** The mediator registry, absences, declared conflicts and the cooperatives' rates (issue 18, item 1). */
export const mediatorRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['mediation'];
    const mediatorParams = z.strictObject({ id: z.union([ZIdSchema, z.literal('me')]) });
    app.get(
      '/api/mediation/mediators',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'The registry (the mediation coordinator)',
          response: { 200: z.object({ items: z.array(ZMediatorSchema) }) },
        },
      },
      async (request) => listMediators({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/mediation/mediator-accounts',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'The people holding the mediator role, to add to the registry (the mediation coordinator)',
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: ZIdSchema, displayName: z.string(), organisationName: z.string().nullable() }),
              ),
            }),
          },
        },
      },
      async (request) => mediatorAccounts({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/mediation/mediators',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'Add a mediator to the registry',
          body: ZMediatorInputSchema,
          response: { 201: ZMediatorSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await saveMediator({ deps, ctx: requireAccess(request), id: null, input: request.body })),
    );
    app.get(
      '/api/mediation/mediators/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'One mediator: the coordinator, or the mediator themselves as “me”',
          params: mediatorParams,
          response: { 200: ZMediatorSchema },
        },
      },
      async (request) => getMediator({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/mediation/mediators/:id',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'Replace a mediator’s record (languages and weekly hours whole)',
          params: ZIdParamsSchema,
          body: ZMediatorInputSchema,
          response: { 200: ZMediatorSchema },
        },
      },
      async (request) =>
        saveMediator({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/mediation/mediators/:id/absences',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Record an absence: the coordinator for anyone, a mediator for “me”',
          params: mediatorParams,
          body: ZAbsenceInputSchema,
          response: { 201: z.object({ id: ZIdSchema, from: z.string(), to: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await addAbsence({
            deps,
            ctx: requireAccess(request),
            mediatorId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.delete(
      '/api/mediation/absences/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Remove an absence', params: ZIdParamsSchema, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await removeAbsence({ deps, ctx: requireAccess(request), absenceId: request.params.id });
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/api/mediation/mediators/:id/conflicts',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'A mediator’s declared conflicts (the mediation coordinator only)',
          params: ZIdParamsSchema,
          response: { 200: z.object({ items: z.array(ZConflictSchema) }) },
        },
      },
      async (request) => listConflicts({ deps, ctx: requireAccess(request), mediatorId: request.params.id }),
    );
    app.post(
      '/api/mediation/mediators/:id/conflicts',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'Declare a conflict: a person, a household (by code) or a community',
          params: ZIdParamsSchema,
          body: ZConflictInputSchema,
          response: { 201: z.object({ id: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await declareConflict({
            deps,
            ctx: requireAccess(request),
            mediatorId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.delete(
      '/api/mediation/conflicts/:id',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'Remove a declared conflict',
          params: ZIdParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeConflict({ deps, ctx: requireAccess(request), conflictId: request.params.id });
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/api/mediation/rates',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'The cooperatives’ hourly rates',
          response: { 200: z.object({ items: z.array(ZRateSchema) }) },
        },
      },
      async (request) => listRates({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/mediation/organisations/:id/rates',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary: 'A cooperative’s rates from a date (never rewriting an earlier one)',
          params: ZIdParamsSchema,
          body: ZRateInputSchema,
          response: { 201: ZRateInputSchema.extend({ organisationId: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await setRate({
            deps,
            ctx: requireAccess(request),
            organisationId: request.params.id,
            input: request.body,
          }),
        ),
    );
  };
