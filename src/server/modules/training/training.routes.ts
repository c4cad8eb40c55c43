import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { ZPlaceSchema } from '../../../contracts/gatherings.js';
import {
  ZApprovalsSchema,
  ZCourseInputSchema,
  ZCourseSchema,
  ZEditionInputSchema,
  ZEditionPlacesSchema,
  ZEditionSchema,
  ZEnrolmentResultSchema,
  ZExternalEnrolmentSchema,
  ZMyTrainingSchema,
  ZOwnRequestSchema,
  ZPlaceDecisionSchema,
  ZStaffEnrolmentSchema,
} from '../../../contracts/training.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  createCourse,
  createEdition,
  getCourse,
  getEdition,
  listCourses,
  listEditions,
  updateCourse,
} from './training.service.js';
import { approvalsToDecide } from './training-approvals.service.js';
import {
  cancelPlace,
  confirmOffer,
  decidePlace,
  enrolExternal,
  enrolStaff,
  listPlaces,
  myTraining,
  requestOwnPlace,
} from './training-places.service.js';

/** The catalogue, editions and registrations (issue 17). Attendance and certificates have their own files. */
export const trainingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['training'];
    app.get(
      '/api/training/courses',
      {
        config: { access: 'training.browse' },
        schema: { tags, summary: 'The course catalogue', response: { 200: z.array(ZCourseSchema) } },
      },
      async (request) => listCourses({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/training/courses',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'A new course of the trainer’s service, citing the observatory’s findings it answers',
          body: ZCourseInputSchema,
          response: { 201: ZCourseSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createCourse({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/training/courses/:id',
      {
        config: { access: 'training.browse' },
        schema: { tags, summary: 'A course', params: ZIdParamsSchema, response: { 200: ZCourseSchema } },
      },
      async (request) => getCourse({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/training/courses/:id',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'A course changed by its trainers (editions keep the hours they were held with)',
          params: ZIdParamsSchema,
          body: ZCourseInputSchema,
          response: { 200: ZCourseSchema },
        },
      },
      async (request) =>
        updateCourse({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/training/courses/:id/editions',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'The editions of a course',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZEditionSchema) },
        },
      },
      async (request) => listEditions({ deps, ctx: requireAccess(request), courseId: request.params.id }),
    );
    app.post(
      '/api/training/courses/:id/editions',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'A new edition: capacity, registration window, sessions',
          params: ZIdParamsSchema,
          body: ZEditionInputSchema,
          response: { 201: ZEditionSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createEdition({
            deps,
            ctx: requireAccess(request),
            courseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.get(
      '/api/training/editions/:id',
      {
        config: { access: 'training.browse' },
        schema: { tags, summary: 'An edition', params: ZIdParamsSchema, response: { 200: ZEditionSchema } },
      },
      async (request) => getEdition({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.get(
      '/api/training/editions/:id/places',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary:
            'The registrations the caller may see: all for the edition’s trainers, their staff’s for a coordinator, their own otherwise',
          params: ZIdParamsSchema,
          response: { 200: ZEditionPlacesSchema },
        },
      },
      async (request) => listPlaces({ deps, ctx: requireAccess(request), editionId: request.params.id }),
    );
    app.post(
      '/api/training/editions/:id/places',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'Ask for a place for oneself: a seat if one is free, the waiting list otherwise',
          params: ZIdParamsSchema,
          body: ZOwnRequestSchema,
          response: { 201: ZEnrolmentResultSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await requestOwnPlace({
            deps,
            ctx: requireAccess(request),
            editionId: request.params.id,
            profession: request.body.profession,
          }),
        ),
    );
    app.post(
      '/api/training/editions/:id/staff',
      {
        config: { access: 'training.enrol' },
        schema: {
          tags,
          summary: 'A coordinator enrols a member of their organisation',
          params: ZIdParamsSchema,
          body: ZStaffEnrolmentSchema,
          response: { 201: ZEnrolmentResultSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await enrolStaff({
            deps,
            ctx: requireAccess(request),
            editionId: request.params.id,
            userId: request.body.userId,
            profession: request.body.profession,
          }),
        ),
    );
    app.post(
      '/api/training/editions/:id/externals',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'A trainer enrols someone without a Trama account, who gets a personal expiring link',
          params: ZIdParamsSchema,
          body: ZExternalEnrolmentSchema,
          response: { 201: ZEnrolmentResultSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await enrolExternal({
            deps,
            ctx: requireAccess(request),
            editionId: request.params.id,
            person: request.body,
          }),
        ),
    );
    app.post(
      '/api/training/places/:id/cancel',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'Cancel a registration; a seat it held goes to the first person waiting',
          params: ZIdParamsSchema,
          response: { 200: ZPlaceSchema },
        },
      },
      async (request) => cancelPlace({ deps, ctx: requireAccess(request), placeId: request.params.id }),
    );
    app.post(
      '/api/training/places/:id/confirm',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'Confirm a place offered from the waiting list, before its deadline',
          params: ZIdParamsSchema,
          response: { 200: ZPlaceSchema },
        },
      },
      async (request) => confirmOffer({ deps, ctx: requireAccess(request), placeId: request.params.id }),
    );
    app.post(
      '/api/training/places/:id/decision',
      {
        config: { access: 'training.enrol' },
        schema: {
          tags,
          summary: 'A coordinator approves or refuses a request of their organisation’s staff',
          params: ZIdParamsSchema,
          body: ZPlaceDecisionSchema,
          response: { 200: ZPlaceSchema },
        },
      },
      async (request) =>
        decidePlace({
          deps,
          ctx: requireAccess(request),
          placeId: request.params.id,
          approve: request.body.approve,
        }),
    );
    app.get(
      '/api/training/approvals',
      {
        config: { access: 'training.enrol' },
        schema: {
          tags,
          summary: 'A coordinator’s organisation’s requests awaiting approval, in every edition',
          response: { 200: ZApprovalsSchema },
        },
      },
      async (request) => approvalsToDecide({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/training/mine',
      {
        config: { access: 'training.browse' },
        schema: {
          tags,
          summary: 'My registrations, hours and certificates',
          response: { 200: ZMyTrainingSchema },
        },
      },
      async (request) => myTraining({ deps, ctx: requireAccess(request) }),
    );
  };
