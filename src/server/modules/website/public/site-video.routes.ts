import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SITE_LANGUAGES, type TSiteLanguage } from '../../../../contracts/website.js';
import { VIDEO_LIMITS, VIDEO_TRACK_KINDS } from '../../../../contracts/website-videos.js';
import { queryRows } from '../../../platform/db/client.js';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import { problems } from '../../../platform/http/problem.js';
import { trustedMarkup } from '../../../platform/public-pages/html.js';
import { sendPublicCopy } from '../../../platform/storage/public-copies.js';
import type { Outcome, ServePage } from './site.routes.js';
import {
  publishedChapter,
  publishedChapters,
  publishedTrack,
  publishedTrackLanguages,
  searchTranscripts,
  transcriptOf,
} from './site-video-data.js';
import { chapterPage, type SearchHit, videosPage } from './site-video-views.js';

/**
 * The video manual on the public site (issue 24, item 4): `/sito/video` (chapters and the search
 * across transcripts), `/sito/video/<slug>` (a chapter), its tracks, and `/sito/media/<id>` (a
 * published video or poster, with byte ranges for seeking). Only what publication copied is read.
 */

const ZQuerySchema = z.object({ lang: z.string().max(12).optional(), q: z.string().max(200).optional() });
const ZSlugParamsSchema = z.strictObject({ slug: z.string().max(100) });
const page = { 200: z.string() };

export const siteVideoRoutes =
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
      '/sito/video',
      {
        config,
        schema: {
          tags,
          summary: 'The video manual, and the search across its transcripts (HTML)',
          querystring: ZQuerySchema,
          response: page,
        },
      },
      async (request, reply) => {
        const query = (request.query.q ?? '').trim().slice(0, VIDEO_LIMITS.query);
        await serve(
          request,
          reply,
          '/sito/video',
          async (lang, tx) => {
            const chapters = await publishedChapters(tx, lang);
            if (!query) return { status: 200, page: videosPage(lang, chapters, null) };
            const found = await searchTranscripts(tx, query, VIDEO_LIMITS.searchResults);
            const byPage = new Map(chapters.map((c) => [c.text.pageId, c]));
            const hits: SearchHit[] = found.flatMap((f) => {
              const chapter = byPage.get(f.page_id);
              return chapter
                ? [
                    {
                      slug: chapter.text.slug,
                      title: chapter.text.title,
                      titleLang: chapter.text.lang,
                      lang: f.lang,
                      startMs: f.start_ms,
                      excerpt: f.excerpt,
                    },
                  ]
                : [];
            });
            return { status: 200, page: videosPage(lang, chapters, { query, hits }) };
          },
          query === '',
        );
      },
    );
    app.get(
      '/sito/video/:slug',
      {
        config,
        schema: {
          tags,
          summary: 'A chapter of the video manual (HTML)',
          params: ZSlugParamsSchema,
          querystring: ZQuerySchema,
          response: page,
        },
      },
      async (request, reply) => {
        await serve(request, reply, `/sito/video/${request.params.slug}`, async (lang, tx) => {
          const chapter = await publishedChapter(tx, request.params.slug, lang);
          if (!chapter) return missing(lang);
          const tracks = await publishedTrackLanguages(tx, chapter.text.pageId);
          const transcript = await transcriptOf(tx, chapter.text.pageId, lang);
          return {
            status: 200,
            page: chapterPage(
              lang,
              {
                chapter,
                tracks,
                transcript,
                shareUrl: `${deps.config.publicUrl.replace(/\/+$/, '')}/sito/video/${chapter.text.slug}?lang=${lang}`,
              },
              (text) => trustedMarkup(text.body),
            ),
          };
        });
      },
    );
    app.get(
      '/sito/video/:slug/tracks/:lang/:file',
      {
        config: { access: 'public', rate: 'static' },
        schema: {
          tags,
          summary: 'A published text track (WebVTT)',
          params: z.strictObject({
            slug: z.string().max(100),
            lang: z.enum(SITE_LANGUAGES),
            file: z.enum(VIDEO_TRACK_KINDS.map((k) => `${k}.vtt`) as [string, ...string[]]),
          }),
        },
      },
      async (request, reply) => {
        const kind = request.params.file.replace(/\.vtt$/, '') as (typeof VIDEO_TRACK_KINDS)[number];
        const vtt = await systemTransaction(deps.db, (tx) =>
          publishedTrack(tx, request.params.slug, request.params.lang, kind),
        );
        if (vtt === undefined) throw problems.notFound();
        return reply
          .type('text/vtt; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .header('x-content-type-options', 'nosniff')
          .send(vtt);
      },
    );
    app.get(
      '/sito/media/:id',
      {
        config: { access: 'public', rate: 'static' },
        schema: {
          tags,
          summary: 'A published video or poster of the manual (byte ranges)',
          params: z.strictObject({ id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        // Public only while a chapter not archived shows it: anything else stored is not found here.
        const shown = await systemTransaction(deps.db, (tx) =>
          queryRows(
            tx,
            sql`select 1 from site_video_public v join site_pages p on p.id = v.page_id and p.state <> 'archived'
                 where v.video_file_id = ${id} or v.poster_file_id = ${id} limit 1`,
          ),
        );
        if (shown.length === 0) throw problems.notFound();
        return sendPublicCopy({ deps, fileId: id, request, reply: reply as FastifyReply });
      },
    );
  };
