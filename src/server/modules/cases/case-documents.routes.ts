import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCaseDocumentCreatedSchema,
  ZCaseDocumentParamsSchema,
  ZCaseDocumentSchema,
} from '../../../contracts/case-documents.js';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { acceptFileUploads } from '../../platform/storage/upload.js';
import * as documents from './case-documents.service.js';
import { caseHandoverRoutes } from './case-handover.routes.js';

const tags = ['cases'];

/**
 * Documents attached to a household, a case, a session or a consultation (issue 22, item 6); downloads go through the
 * platform's single-use links (`POST /api/files/:id/link`), after the module's file rule
 * (court-report-files.service.ts asks case-documents.service.ts). Routes declare; services decide.
 */
export const caseDocumentsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await acceptFileUploads(app);
    await app.register(caseHandoverRoutes(deps));
    app.get(
      '/api/cases/:id/documents',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'The documents of a case, its sessions and its household (clinical team and supervisors)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZCaseDocumentSchema) },
        },
      },
      async (request) =>
        documents.listCaseDocuments({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.get(
      '/api/households/:id/documents',
      {
        config: { access: 'households.read' },
        schema: {
          tags,
          summary: 'The documents of a household (whoever sees the household)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZCaseDocumentSchema) },
        },
      },
      async (request) =>
        documents.listHouseholdDocuments({
          deps,
          ctx: requireAccess(request),
          householdId: request.params.id,
        }),
    );
    app.get(
      '/api/consultations/:id/documents',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'The documents of a consultation (its team and the consulting service’s coordinators)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZCaseDocumentSchema) },
        },
      },
      async (request) =>
        documents.listConsultationDocuments({
          deps,
          ctx: requireAccess(request),
          consultationId: request.params.id,
        }),
    );
    app.post(
      '/api/case-documents/:kind/:id',
      {
        config: { access: 'cases.write', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'Attach a document to a household, case, session or consultation (multipart/form-data: `documentClass` and `title`, then the file in `file`)',
          params: ZCaseDocumentParamsSchema,
          response: { 201: ZCaseDocumentCreatedSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await documents.addDocument({
            deps,
            ctx: requireAccess(request),
            kind: request.params.kind,
            id: request.params.id,
            request,
          }),
        ),
    );
    app.delete(
      '/api/case-documents/:id',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Remove a document from its record (its uploader or the case lead; kept for the audit)',
          params: ZIdParamsSchema,
        },
      },
      async (request, reply) => {
        await documents.removeDocument({ deps, ctx: requireAccess(request), id: request.params.id });
        return reply.status(204).send();
      },
    );
  };
