import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZGlossaryQuerySchema,
  ZGlossaryTermInputSchema,
  ZGlossaryTermSchema,
  ZMaterialInputSchema,
  ZMaterialSchema,
  ZMaterialSummarySchema,
  ZMaterialVersionEditSchema,
  ZMaterialVersionInputSchema,
  ZMaterialVersionSchema,
  ZReviewInputSchema,
} from '../../../contracts/mediation-library.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { contentDisposition } from '../../platform/storage/file-names.js';
import { getGlossaryTerm, saveGlossaryTerm, searchGlossary } from './mediation-glossary.service.js';
import {
  addVersion,
  editDraft,
  getMaterial,
  listMaterials,
  reviewVersion,
  saveMaterial,
  submitVersion,
  versionPdf,
} from './mediation-library.service.js';

/** The materials library and the glossary of the intercultural communication unit (issue 18, item 7). */
export const libraryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['mediation'];
    app.get(
      '/api/mediation/materials',
      {
        config: { access: 'mediation.library' },
        schema: {
          tags,
          summary: 'The library: materials with the languages in use (and, for writers, in review)',
          response: { 200: z.object({ items: z.array(ZMaterialSummarySchema) }) },
        },
      },
      async (request) => listMaterials({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/mediation/materials',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'A new material (the mediation coordinator)',
          body: ZMaterialInputSchema,
          response: { 201: ZMaterialSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await saveMaterial({ deps, ctx: requireAccess(request), id: null, input: request.body })),
    );
    app.get(
      '/api/mediation/materials/:id',
      {
        config: { access: 'mediation.library' },
        schema: {
          tags,
          summary: 'One material with its versions (drafts for writers only)',
          params: ZIdParamsSchema,
          response: { 200: ZMaterialSchema },
        },
      },
      async (request) => getMaterial({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/mediation/materials/:id',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'Change a material’s title, kind and summary (its service’s mediation coordinator)',
          params: ZIdParamsSchema,
          body: ZMaterialInputSchema,
          response: { 200: ZMaterialSchema },
        },
      },
      async (request) =>
        saveMaterial({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/mediation/materials/:id/versions',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'A new draft in a language (the next version number of that language)',
          params: ZIdParamsSchema,
          body: ZMaterialVersionInputSchema,
          response: { 201: ZMaterialVersionSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await addVersion({
            deps,
            ctx: requireAccess(request),
            materialId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.put(
      '/api/mediation/material-versions/:id',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'Edit a draft (its author or the mediation coordinator)',
          params: ZIdParamsSchema,
          body: ZMaterialVersionEditSchema,
          response: { 200: ZMaterialVersionSchema },
        },
      },
      async (request) =>
        editDraft({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/mediation/material-versions/:id/submit',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'Send a draft for review',
          params: ZIdParamsSchema,
          response: { 200: ZMaterialVersionSchema },
        },
      },
      async (request) => submitVersion({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.post(
      '/api/mediation/material-versions/:id/review',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'Approve (retiring the version in use) or return with a comment: never the author',
          params: ZIdParamsSchema,
          body: ZReviewInputSchema,
          response: { 200: ZMaterialSchema },
        },
      },
      async (request) =>
        reviewVersion({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/mediation/material-versions/:id/pdf',
      {
        config: { access: 'mediation.library', rate: 'expensive' },
        schema: {
          tags,
          summary: 'An approved version as PDF, right-to-left scripts shaped and ordered (audited)',
          params: ZIdParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await versionPdf({ deps, ctx: requireAccess(request), id: request.params.id });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition(file.filename))
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
    app.get(
      '/api/mediation/glossary',
      {
        config: { access: 'mediation.library' },
        schema: {
          tags,
          summary: 'Search the glossary: the Italian term or a translation, accents and case aside',
          querystring: ZGlossaryQuerySchema,
          response: { 200: z.object({ items: z.array(ZGlossaryTermSchema) }) },
        },
      },
      async (request) => searchGlossary({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/mediation/glossary',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'A new term with its translations (mediators and the mediation coordinator)',
          body: ZGlossaryTermInputSchema,
          response: { 201: ZGlossaryTermSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await saveGlossaryTerm({ deps, ctx: requireAccess(request), id: null, input: request.body })),
    );
    app.get(
      '/api/mediation/glossary/:id',
      {
        config: { access: 'mediation.library' },
        schema: {
          tags,
          summary: 'One term with all its translations',
          params: ZIdParamsSchema,
          response: { 200: ZGlossaryTermSchema },
        },
      },
      async (request) => getGlossaryTerm({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/mediation/glossary/:id',
      {
        config: { access: 'mediation.library.write' },
        schema: {
          tags,
          summary: 'Replace a term and its translations',
          params: ZIdParamsSchema,
          body: ZGlossaryTermInputSchema,
          response: { 200: ZGlossaryTermSchema },
        },
      },
      async (request) =>
        saveGlossaryTerm({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
  };
