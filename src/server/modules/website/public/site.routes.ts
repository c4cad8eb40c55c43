import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HELP_SLUG, HOME_SLUG, SITE_LANGUAGES, type TSiteLanguage } from '../../../../contracts/website.js';
import type { Tx } from '../../../platform/db/client.js';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import { html } from '../../../platform/public-pages/html.js';
import { pickLanguage } from '../../../platform/public-pages/languages.js';
import { cachedAsset, sharedAssetRoutes } from '../../../platform/public-pages/shared-assets.js';
import { publishedHelpServices } from '../website-help.service.js';
import { previewSigner } from '../website-preview.js';
import { siteCache } from './site-cache.js';
import { siteConferenceRoutes } from './site-conference.routes.js';
import { latestText, menuPages, publishedNews, publishedPage } from './site-data.js';
import { newsFeed, sitemap } from './site-feeds.js';
import { hrefIn, renderSitePage, type SiteFrame, type SitePage } from './site-layout.js';
import { siteVideoRoutes } from './site-video.routes.js';
import {
  eventsTeaser,
  helpServices,
  latestNews,
  newsItemPage,
  newsListPage,
  notFoundPage,
  safetyPage,
  textPage,
} from './site-views.js';
import { siteWords } from './site-words.js';

/**
 * The public website (issue 24, item 1) at `/sito`: server-rendered HTML that works without
 * JavaScript, no session and no cookie, nothing fetched from elsewhere. Published content only —
 * a draft is reached by nobody but an editor's signed, expiring preview link.
 */

/** Links shared on social apps come back with tracking parameters: dropped, never an error. */
const ZPageQuerySchema = z.object({ lang: z.string().max(12).optional() });
const ZSlugParamsSchema = z.strictObject({ slug: z.string().max(100) });
const ZPreviewQuerySchema = z.object({
  lang: z.enum(SITE_LANGUAGES),
  expires: z.coerce.number().int(),
  token: z.string().max(64),
});
const page = { 200: z.string() };

const ASSET_DIR = new URL('./assets/', import.meta.url);
const ASSETS = {
  'site.css': 'text/css; charset=utf-8',
  'video-player.js': 'text/javascript; charset=utf-8',
} as const;

export type Outcome = { status: number; page: Omit<SitePage, 'path'> };
/** Renders a page of the site in its frame, through the short cache (`cacheable` false: a search). */
export type ServePage = (
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  make: (lang: TSiteLanguage, tx: Tx) => Promise<Outcome>,
  cacheable?: boolean,
) => Promise<void>;

export const siteRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const assets = Object.fromEntries(
      Object.keys(ASSETS).map((f) => [f, readFileSync(new URL(f, ASSET_DIR))]),
    ) as Record<keyof typeof ASSETS, Buffer>;
    const config = { access: 'public', rate: 'public-page' } as const;
    const tags = ['website-public'];
    const accessibility = deps.config.accessibility ?? {
      statementUrl: 'https://form.agid.gov.it/',
      feedbackUrl: 'mailto:accessibilita@trama.localhost',
    };
    const langOf = (request: FastifyRequest) =>
      pickLanguage(
        (request.query as { lang?: string }).lang,
        typeof request.headers['accept-language'] === 'string'
          ? request.headers['accept-language']
          : undefined,
      );

    /** Renders `make`'s page in its frame, or sends the copy rendered in the last seconds. */
    const serve: ServePage = async (request, reply, path, make, cacheable = true) => {
      const lang = langOf(request);
      const key = `${path} ${lang}`;
      let entry = cacheable ? siteCache.get(key) : undefined;
      if (!entry) {
        const rendered = await systemTransaction(deps.db, async (tx) => {
          const outcome = await make(lang, tx);
          const frame: SiteFrame = {
            publicUrl: deps.config.publicUrl,
            menu: await menuPages(tx, lang),
            accessibility,
          };
          return { status: outcome.status, html: renderSitePage({ ...outcome.page, path }, frame), lang };
        });
        if (cacheable) siteCache.set(key, rendered);
        entry = { ...rendered, until: 0 };
      }
      // Awaited: the handler's promise settles once the page is sent, never before (no second send).
      await reply
        .status(entry.status)
        .type('text/html; charset=utf-8')
        .header('cache-control', entry.status === 200 ? 'public, max-age=60' : 'no-store')
        .header('content-language', entry.lang)
        .header('vary', 'accept-language')
        .send(entry.html);
    };

    const read = <T>(work: (tx: Tx) => Promise<T>) => systemTransaction(deps.db, work);
    const base = deps.config.publicUrl.replace(/\/+$/, '');
    const missing = (lang: TSiteLanguage): Outcome => ({ status: 404, page: notFoundPage(lang) });
    await app.register(siteVideoRoutes({ deps, serve, missing }));
    await app.register(siteConferenceRoutes({ deps, serve, missing }));

    app.get(
      '/sito',
      {
        config,
        schema: {
          tags,
          summary: 'The public site’s home page (HTML)',
          querystring: ZPageQuerySchema,
          response: page,
        },
      },
      (request, reply) =>
        serve(request, reply, '/sito', async (lang, tx) => {
          const home = await publishedPage(tx, 'page', HOME_SLUG, lang);
          const news = await publishedNews(tx, lang, 3);
          const w = siteWords(lang);
          const extra = html`${latestNews(lang, news)}${eventsTeaser(lang)}`;
          return {
            status: 200,
            page: home
              ? textPage(lang, home, extra)
              : {
                  lang,
                  title: w.siteName,
                  body: html`<h1>${w.siteName}</h1><p class="lead">${w.tagline}</p>${extra}`,
                },
          };
        }),
    );
    app.get(
      '/sito/aiuto',
      {
        config,
        schema: {
          tags,
          summary: 'Where to get help: 112, 1522 and the services (HTML)',
          querystring: ZPageQuerySchema,
          response: page,
        },
      },
      (request, reply) =>
        serve(request, reply, '/sito/aiuto', async (lang, tx) => {
          const text = await publishedPage(tx, 'page', HELP_SLUG, lang);
          const services = await publishedHelpServices(tx);
          const list = helpServices(lang, services);
          const w = siteWords(lang);
          return {
            status: 200,
            page: text
              ? textPage(lang, text, list, `${base}${hrefIn(lang, '/sito/aiuto')}`)
              : { lang, title: w.menuHelp, body: html`<h1>${w.menuHelp}</h1>${list}` },
          };
        }),
    );
    app.get(
      '/sito/sicurezza',
      {
        config,
        schema: {
          tags,
          summary: 'How to browse safely (HTML)',
          querystring: ZPageQuerySchema,
          response: page,
        },
      },
      (request, reply) =>
        serve(request, reply, '/sito/sicurezza', async (lang) => ({ status: 200, page: safetyPage(lang) })),
    );
    app.get(
      '/sito/notizie',
      { config, schema: { tags, summary: 'The news (HTML)', querystring: ZPageQuerySchema, response: page } },
      (request, reply) =>
        serve(request, reply, '/sito/notizie', async (lang, tx) => ({
          status: 200,
          page: newsListPage(lang, await publishedNews(tx, lang)),
        })),
    );
    app.get(
      '/sito/notizie/:slug',
      {
        config,
        schema: {
          tags,
          summary: 'A news item (HTML)',
          params: ZSlugParamsSchema,
          querystring: ZPageQuerySchema,
          response: page,
        },
      },
      (request, reply) =>
        serve(request, reply, `/sito/notizie/${request.params.slug}`, async (lang, tx) => {
          const text = await publishedPage(tx, 'news', request.params.slug, lang);
          return text
            ? { status: 200, page: newsItemPage(lang, text, deps.config.publicUrl) }
            : missing(lang);
        }),
    );
    app.get(
      '/sito/feed.xml',
      {
        config,
        schema: { tags, summary: 'The news as RSS 2.0, in one language', querystring: ZPageQuerySchema },
      },
      async (request, reply) => {
        const lang = langOf(request);
        const news = await read((tx) => publishedNews(tx, lang));
        return reply
          .type('application/rss+xml; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(newsFeed({ lang, news, publicUrl: deps.config.publicUrl }));
      },
    );
    app.get(
      '/sito/sitemap.xml',
      { config, schema: { tags, summary: 'Every published page in every language it is published in' } },
      async (_request, reply) =>
        reply
          .type('application/xml; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(await read((tx) => sitemap(tx, deps.config.publicUrl))),
    );
    app.get(
      '/sito/anteprima/:id',
      {
        config,
        schema: {
          tags,
          summary: 'An editor’s preview of a page not yet public, by a signed link valid 30 minutes (HTML)',
          params: z.strictObject({ id: z.uuid() }),
          querystring: ZPreviewQuerySchema,
          response: page,
        },
      },
      async (request, reply) => {
        const { lang, expires, token } = request.query;
        const outcome = await read(async (tx) => {
          const signer = await previewSigner({ sys: tx, keyring: deps.keyring });
          const text = signer.valid(request.params.id, lang, expires, token)
            ? await latestText(tx, request.params.id, lang)
            : undefined;
          const frame: SiteFrame = {
            publicUrl: deps.config.publicUrl,
            menu: await menuPages(tx, lang),
            accessibility,
          };
          const body = text ? { status: 200, page: textPage(lang, text) } : missing(lang);
          return {
            status: body.status,
            html: renderSitePage({ ...body.page, path: '/sito', preview: true }, frame),
          };
        });
        return (reply as FastifyReply)
          .status(outcome.status)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .send(outcome.html);
      },
    );
    app.get(
      '/sito/:slug',
      {
        config,
        schema: {
          tags,
          summary: 'A page of the site (HTML)',
          params: ZSlugParamsSchema,
          querystring: ZPageQuerySchema,
          response: page,
        },
      },
      (request, reply) =>
        serve(request, reply, `/sito/${request.params.slug}`, async (lang, tx) => {
          const text = await publishedPage(tx, 'page', request.params.slug, lang);
          return text && text.slug !== HOME_SLUG
            ? { status: 200, page: textPage(lang, text, '', `${base}${hrefIn(lang, `/sito/${text.slug}`)}`) }
            : missing(lang);
        }),
    );
    // Any deeper path under /sito is the site's 404, never the operator app.
    app.get('/sito/*', { config, schema: { hide: true, querystring: ZPageQuerySchema } }, (request, reply) =>
      serve(request, reply, '/sito/404', async (lang) => missing(lang)),
    );

    const assetConfig = { access: 'public', rate: 'static' } as const;
    for (const [name, type] of Object.entries(ASSETS))
      app.get(
        `/sito/assets/${name}`,
        { config: assetConfig, schema: { hide: true } },
        async (_request, reply) => cachedAsset(reply, type).send(assets[name as keyof typeof ASSETS]),
      );
    await app.register(sharedAssetRoutes('/sito/assets'));
  };
