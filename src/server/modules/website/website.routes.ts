import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZHelpServiceInputSchema,
  ZHelpServicePublishSchema,
  ZHelpServiceSchema,
  ZSiteDiffQuerySchema,
  ZSiteDiffSchema,
  ZSiteLangParamsSchema,
  ZSitePageCreateSchema,
  ZSitePageDetailSchema,
  ZSitePageSettingsSchema,
  ZSitePageSummarySchema,
  ZSitePagesQuerySchema,
  ZSitePreviewSchema,
  ZSiteTransitionSchema,
  ZSiteTranslationInputSchema,
  ZSiteVersionSchema,
  ZSiteVersionsQuerySchema,
} from '../../../contracts/website.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { listHelpServices, saveHelpService, setHelpServicePublished } from './website-help.service.js';
import {
  changeSettings,
  createSitePage,
  listSitePages,
  readSitePage,
  saveTranslation,
} from './website-pages.service.js';
import { diffVersions, listVersions, previewLink } from './website-versions.service.js';
import { movePage } from './website-workflow.js';

const EDIT = { access: 'website.edit' } as const;

/** The editorial side of the public website (issue 24, item 3): editors only. */
export const websiteRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['website'];
    app.get(
      '/api/website/pages',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The site’s pages and news, those being worked on first, with their translation states',
          querystring: ZSitePagesQuerySchema,
          response: { 200: z.array(ZSitePageSummarySchema) },
        },
      },
      async (request) => listSitePages({ deps, ctx: requireAccess(request), kind: request.query.kind }),
    );
    app.post(
      '/api/website/pages',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Create a page or news item with its Italian text (a draft)',
          body: ZSitePageCreateSchema,
          response: { 201: ZSitePageDetailSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createSitePage({
            deps,
            ctx: requireAccess(request),
            input: request.body.page,
            italian: request.body.italian,
          }),
        ),
    );
    app.get(
      '/api/website/pages/:id',
      {
        config: EDIT,
        schema: {
          tags,
          summary:
            'A page with the latest text of each language, its history and the actions open to the caller',
          params: ZIdParamsSchema,
          response: { 200: ZSitePageDetailSchema },
        },
      },
      async (request) => readSitePage({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/website/pages/:id/settings',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Change a page’s address, category, place in the tree and menu',
          params: ZIdParamsSchema,
          body: ZSitePageSettingsSchema,
          response: { 200: ZSitePageDetailSchema },
        },
      },
      async (request) =>
        changeSettings({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.put(
      '/api/website/pages/:id/translations/:lang',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Save a language’s text as a new version (HTML sanitised); the page returns to draft',
          params: ZSiteLangParamsSchema,
          body: ZSiteTranslationInputSchema,
          response: { 200: ZSitePageDetailSchema },
        },
      },
      async (request) =>
        saveTranslation({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          lang: request.params.lang,
          input: request.body,
        }),
    );
    app.post(
      '/api/website/pages/:id/transitions',
      {
        config: EDIT,
        schema: {
          tags,
          summary:
            'Move a page through the workflow: submit, approve, return, schedule, publish, archive, restore',
          params: ZIdParamsSchema,
          body: ZSiteTransitionSchema,
          response: { 200: ZSitePageDetailSchema },
        },
      },
      async (request) => {
        const ctx = requireAccess(request);
        await movePage({ deps, ctx, id: request.params.id, transition: request.body });
        return readSitePage({ deps, ctx, id: request.params.id });
      },
    );
    app.get(
      '/api/website/pages/:id/versions',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Every version of a page in one language, newest first',
          params: ZIdParamsSchema,
          querystring: ZSiteVersionsQuerySchema,
          response: { 200: z.array(ZSiteVersionSchema) },
        },
      },
      async (request) =>
        listVersions({ deps, ctx: requireAccess(request), id: request.params.id, lang: request.query.lang }),
    );
    app.get(
      '/api/website/pages/:id/diff',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'What changed between two versions, word by word',
          params: ZIdParamsSchema,
          querystring: ZSiteDiffQuerySchema,
          response: { 200: ZSiteDiffSchema },
        },
      },
      async (request) =>
        diffVersions({ deps, ctx: requireAccess(request), id: request.params.id, ...request.query }),
    );
    app.post(
      '/api/website/pages/:id/preview/:lang',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'A signed link, valid 30 minutes, to the page as the public would see it in one language',
          params: ZSiteLangParamsSchema,
          response: { 200: ZSitePreviewSchema },
        },
      },
      async (request) =>
        previewLink({ deps, ctx: requireAccess(request), id: request.params.id, lang: request.params.lang }),
    );

    app.get(
      '/api/website/help-services',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The services of “where to get help”',
          response: { 200: z.array(ZHelpServiceSchema) },
        },
      },
      async (request) => listHelpServices({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/website/help-services',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Add a service (not public until another editor publishes it)',
          body: ZHelpServiceInputSchema,
          response: { 201: ZHelpServiceSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await saveHelpService({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.put(
      '/api/website/help-services/:id',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Change a service (it leaves the public page until published again)',
          params: ZIdParamsSchema,
          body: ZHelpServiceInputSchema,
          response: { 200: ZHelpServiceSchema },
        },
      },
      async (request) =>
        saveHelpService({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.put(
      '/api/website/help-services/:id/published',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Publish a service on the help page (an editor other than its writer) or take it off',
          params: ZIdParamsSchema,
          body: ZHelpServicePublishSchema,
          response: { 200: ZHelpServiceSchema },
        },
      },
      async (request) =>
        setHelpServicePublished({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          published: request.body.published,
        }),
    );
  };
