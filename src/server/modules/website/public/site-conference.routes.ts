import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TSiteLanguage } from '../../../../contracts/website.js';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import { problems } from '../../../platform/http/problem.js';
import { sendPublicCopy } from '../../../platform/storage/public-copies.js';
import type { Outcome, ServePage } from './site.routes.js';
import { isPublishedDocument, publishedConference, publishedConferences } from './site-conference-data.js';
import { conferencePage, conferencesPage } from './site-conference-views.js';

/**
 * Conferences on the public site (issue 24, item 5): `/sito/convegni` (the list),
 * `/sito/convegni/<slug>` (a conference) and its documents, public only while the published page
 * offers them. Registration and the survey are the community calendar's pages (`/eventi/…`).
 */

const ZQuerySchema = z.object({ lang: z.string().max(12).optional() });
const page = { 200: z.string() };

export const siteConferenceRoutes =
  ({
    deps,
    serve,
    missing,
  }: {
    deps: Deps;
    serve: ServePage;
    missing: (lang: TSiteLanguage) => Outcome;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'public', rate: 'public-page' } as const;
    const tags = ['website-public'];

    app.get(
      '/sito/convegni',
      {
        config,
        schema: { tags, summary: 'The conferences (HTML)', querystring: ZQuerySchema, response: page },
      },
      async (request, reply) => {
        await serve(request, reply, '/sito/convegni', async (lang, tx) => ({
          status: 200,
          page: conferencesPage(lang, await publishedConferences(tx, lang)),
        }));
      },
    );
    app.get(
      '/sito/convegni/:slug',
      {
        config,
        schema: {
          tags,
          summary: 'A conference: event, registration, programme, speakers, materials (HTML)',
          params: z.strictObject({ slug: z.string().max(100) }),
          querystring: ZQuerySchema,
          response: page,
        },
      },
      async (request, reply) => {
        await serve(request, reply, `/sito/convegni/${request.params.slug}`, async (lang, tx) => {
          const conference = await publishedConference(tx, request.params.slug, lang);
          if (!conference) return missing(lang);
          return { status: 200, page: conferencePage(lang, conference, deps.config.publicUrl) };
        });
      },
    );
    app.get(
      '/sito/convegni/:slug/materiali/:fileId',
      {
        config: { access: 'public', rate: 'static' },
        schema: {
          tags,
          summary: 'A document of a published conference (PDF, as an attachment)',
          params: z.strictObject({ slug: z.string().max(100), fileId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const { slug, fileId } = request.params;
        const title = await systemTransaction(deps.db, (tx) => isPublishedDocument(tx, slug, fileId));
        if (title === null) throw problems.notFound();
        return sendPublicCopy({
          deps,
          fileId,
          request,
          reply: reply as FastifyReply,
          // By characters, not UTF-16 units: a cut emoji would make the header's encoding throw.
          download: `${Array.from(title).slice(0, 100).join('')}.pdf`,
        });
      },
    );
  };
