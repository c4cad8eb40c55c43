import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZConsultationListItemSchema,
  ZConsultationSchema,
  ZConsultationSessionInputSchema,
  ZConsultationStatusSchema,
  ZConsultationUpdateSchema,
  ZOpinionInputSchema,
  ZOpinionParamsSchema,
  ZPresentationSchema,
} from '../../../contracts/consultations.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as opinions from './consultation-opinion.service.js';
import * as sessions from './consultation-sessions.service.js';
import * as service from './consultations.service.js';

/** Ethnoclinical consultations for first-line services (issue 22, item 5). Routes declare; services decide. */
const tags = ['consultations'];

export const consultationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/consultations',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'Consultations the acting service gives, asked for or supervises, nearest deadline first',
          querystring: z.strictObject({ status: ZConsultationStatusSchema.optional() }),
          response: { 200: z.array(ZConsultationListItemSchema) },
        },
      },
      async (request) =>
        service.listConsultations({
          deps,
          ctx: requireAccess(request),
          ...(request.query.status ? { status: request.query.status } : {}),
        }),
    );
    app.get(
      '/api/consultations/:id',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary:
            'A consultation as the viewer may read it (the requester: status, deadline, approved opinion)',
          params: ZIdParamsSchema,
          response: { 200: ZConsultationSchema },
        },
      },
      async (request) =>
        service.getConsultation({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.patch(
      '/api/consultations/:id',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Set the kind, the court’s request, the lead therapist, the opinion’s due date',
          params: ZIdParamsSchema,
          body: ZConsultationUpdateSchema,
          response: { 200: ZConsultationSchema },
        },
      },
      async (request) =>
        service.updateConsultation({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.put(
      '/api/consultations/:id/presentation',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'The pre-session presentation and the axes agreed',
          params: ZIdParamsSchema,
          body: ZPresentationSchema,
          response: { 200: ZConsultationSchema },
        },
      },
      async (request) =>
        sessions.savePresentation({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/consultations/:id/sessions',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Record a consultation session with its attendance',
          params: ZIdParamsSchema,
          body: ZConsultationSessionInputSchema,
          response: { 201: ZConsultationSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await sessions.recordSession({
            deps,
            ctx: requireAccess(request),
            id: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/consultations/:id/opinions',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Write a new version of the opinion (a draft)',
          params: ZIdParamsSchema,
          body: ZOpinionInputSchema,
          response: { 201: ZConsultationSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await opinions.draftOpinion({
            deps,
            ctx: requireAccess(request),
            id: request.params.id,
            text: request.body.text,
          }),
        ),
    );
    app.put(
      '/api/consultations/:id/opinions/:opinionId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Edit a draft of the opinion (an approved version is frozen)',
          params: ZOpinionParamsSchema,
          body: ZOpinionInputSchema,
          response: { 200: ZConsultationSchema },
        },
      },
      async (request) =>
        opinions.editOpinion({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          opinionId: request.params.opinionId,
          text: request.body.text,
        }),
    );
    app.post(
      '/api/consultations/:id/opinions/:opinionId/approve',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'The lead therapist approves a version: it is frozen and delivered to the requester',
          params: ZOpinionParamsSchema,
          response: { 200: ZConsultationSchema },
        },
      },
      async (request) =>
        opinions.approveOpinion({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          opinionId: request.params.opinionId,
        }),
    );
    app.get(
      '/api/consultations/:id/opinions/:opinionId/pdf',
      {
        config: { access: 'cases.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'The opinion as a PDF watermarked with the reader and the date (audited)',
          params: ZOpinionParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await opinions.printOpinion({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          opinionId: request.params.opinionId,
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
    app.post(
      '/api/consultations/:id/close',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Close the consultation',
          params: ZIdParamsSchema,
          response: { 200: ZConsultationSchema },
        },
      },
      async (request) =>
        service.closeConsultation({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/consultations/:id/convert',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Take the family into care: open a case from the consultation, nothing retyped',
          params: ZIdParamsSchema,
          response: { 200: z.object({ caseId: ZIdSchema }) },
        },
      },
      async (request) =>
        service.convertConsultation({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.get(
      '/api/cases/:id/consultation',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'The consultation a case was opened from, if the viewer reaches it',
          params: ZIdParamsSchema,
          response: { 200: z.object({ consultationId: ZIdSchema.nullable() }) },
        },
      },
      async (request) =>
        service.consultationOfCase({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
  };
