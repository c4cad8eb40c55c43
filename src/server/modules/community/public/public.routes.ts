import { readFileSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemTransaction } from '../../../platform/db/context.js';
import type { Deps } from '../../../platform/deps.js';
import { cachedAsset, sharedAssetRoutes } from '../../../platform/public-pages/shared-assets.js';
import { showCancel, submitCancel, ZCancelFormSchema } from './public-cancel.js';
import { upcomingEvents } from './public-data.js';
import { listPage, safetyPage } from './public-event-pages.js';
import { showFeedback, submitFeedback, ZFeedbackFormSchema } from './public-feedback.js';
import { sendPage } from './public-layout.js';
import {
  type Outcome,
  showEvent,
  submitRegistration,
  ZPublicRegistrationFormSchema,
} from './public-registration.js';
import { showWalkIn, submitWalkIn, ZWalkInFormSchema } from './public-walk-in.js';
import { pickLanguage } from './public-words.js';

/**
 * The public pages of community events (issue 19, items 5 and 6): server-rendered HTML that works
 * without JavaScript, no session, no cookie, nothing fetched from elsewhere. Rate limited per
 * address: pages and the walk-in form as `public-page`, every form sent as `link`, files as `static`.
 */

/** A form's fields, as a browser sends them; small: the longest form is a few hundred bytes. */
const FORM_BODY_LIMIT = 8 * 1024;

/**
 * The querystring of a page reached by a link. Not strict: links shared on social apps come back
 * with tracking parameters appended (fbclid, utm_…), and a resident must never get an error page
 * for them; unknown keys are dropped, never read.
 */
const pageQuery = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ lang: z.string().max(12).optional(), ...shape });
/** The querystring of a form's own action: only the page's language. */
const ZFormQuerySchema = z.strictObject({ lang: z.string().max(12).optional() });
const ZSlugParamsSchema = z.strictObject({ slug: z.string().max(100) });
const ZSessionParamsSchema = z.strictObject({ sessionId: z.string().max(100) });
/**
 * A page is HTML (a string sent as text/html is never serialized); its 400, 404 and 409 pages too.
 * Only 200 is declared: a problem+json refusal before the handler must keep its own shape.
 */
const page = { 200: z.string() };

const ASSET_DIR = new URL('./assets/', import.meta.url);
const ASSETS = {
  'public.css': 'text/css; charset=utf-8',
  'forms.css': 'text/css; charset=utf-8',
} as const;
type AssetFile = keyof typeof ASSETS;
export const publicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Only this plugin's routes read forms; everything else stays JSON-only.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => {
        // Own properties only (Object.fromEntries): a `__proto__` field is a plain key, refused by the input guard.
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    // Read once at start: a handful of small files, served from memory.
    const files = {
      assets: Object.fromEntries(
        Object.keys(ASSETS).map((f) => [f, readFileSync(new URL(f, ASSET_DIR))]),
      ) as Record<AssetFile, Buffer>,
    };
    const tags = ['community-public'];
    // Pages as the public site's (a room behind one address opens them at once); the forms that
    // register, cancel or answer as the public token routes, per address and strict.
    const config = { access: 'public', rate: 'public-page' } as const;
    const formConfig = { access: 'public', rate: 'link' } as const;
    const send = (reply: FastifyReply, outcome: Outcome) =>
      sendPage(reply, outcome.status, { ...outcome.spec, publicUrl: deps.config.publicUrl });
    const langOf = (lang: string | undefined, headers: Record<string, unknown>) =>
      pickLanguage(
        lang,
        typeof headers['accept-language'] === 'string' ? headers['accept-language'] : undefined,
      );

    app.get(
      '/eventi',
      {
        config,
        schema: {
          tags,
          summary: 'The public calendar of community events (HTML)',
          querystring: pageQuery({}),
          response: page,
        },
      },
      async (request, reply) => {
        const lang = langOf(request.query.lang, request.headers);
        const events = await systemTransaction(deps.db, (sys) => upcomingEvents(sys));
        return send(reply, { status: 200, spec: listPage(lang, events) });
      },
    );
    app.get(
      '/eventi/sicurezza',
      {
        config,
        schema: { tags, summary: 'How to browse safely (HTML)', querystring: pageQuery({}), response: page },
      },
      async (request, reply) =>
        send(reply, { status: 200, spec: safetyPage(langOf(request.query.lang, request.headers)) }),
    );
    app.get(
      '/eventi/:slug',
      {
        config,
        schema: {
          tags,
          summary: 'One event and its registration form (HTML)',
          params: ZSlugParamsSchema,
          querystring: pageQuery({}),
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await showEvent({
            deps,
            lang: langOf(request.query.lang, request.headers),
            slug: request.params.slug,
          }),
        ),
    );
    app.post(
      '/eventi/:slug',
      {
        config: formConfig,
        bodyLimit: FORM_BODY_LIMIT,
        schema: {
          tags,
          summary: 'A resident registers (form post; answers a page)',
          params: ZSlugParamsSchema,
          querystring: ZFormQuerySchema,
          body: ZPublicRegistrationFormSchema,
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await submitRegistration({
            deps,
            lang: langOf(request.query.lang, request.headers),
            slug: request.params.slug,
            form: request.body,
          }),
        ),
    );
    app.get(
      '/eventi/:slug/annulla',
      {
        config,
        schema: {
          tags,
          summary: 'Cancel a registration with its ticket code (HTML)',
          params: ZSlugParamsSchema,
          querystring: pageQuery({}),
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await showCancel({
            deps,
            lang: langOf(request.query.lang, request.headers),
            slug: request.params.slug,
          }),
        ),
    );
    app.post(
      '/eventi/:slug/annulla',
      {
        config: formConfig,
        bodyLimit: FORM_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Cancel a registration with its ticket code (form post)',
          params: ZSlugParamsSchema,
          querystring: ZFormQuerySchema,
          body: ZCancelFormSchema,
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await submitCancel({
            deps,
            lang: langOf(request.query.lang, request.headers),
            slug: request.params.slug,
            code: request.body.code,
          }),
        ),
    );
    app.get(
      '/eventi/:slug/parere',
      {
        config,
        schema: {
          tags,
          summary: 'Anonymous feedback after the event (HTML)',
          params: ZSlugParamsSchema,
          querystring: pageQuery({ t: z.string().max(40).optional() }),
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await showFeedback({
            deps,
            lang: langOf(request.query.lang, request.headers),
            slug: request.params.slug,
            ticket: request.query.t,
          }),
        ),
    );
    app.post(
      '/eventi/:slug/parere',
      {
        config: formConfig,
        bodyLimit: FORM_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Anonymous feedback, once per ticket (form post)',
          params: ZSlugParamsSchema,
          querystring: ZFormQuerySchema,
          body: ZFeedbackFormSchema,
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await submitFeedback({
            deps,
            lang: langOf(request.query.lang, request.headers),
            slug: request.params.slug,
            form: request.body,
          }),
        ),
    );
    app.get(
      '/eventi/presenza/:sessionId',
      {
        config,
        schema: {
          tags,
          summary: 'Walk-in: the page the session’s rotating QR opens (HTML)',
          params: ZSessionParamsSchema,
          querystring: pageQuery({ c: z.string().max(40).optional(), t: z.string().max(200).optional() }),
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await showWalkIn({
            deps,
            lang: langOf(request.query.lang, request.headers),
            sessionId: request.params.sessionId,
            code: request.query.c,
            token: request.query.t,
          }),
        ),
    );
    app.post(
      '/eventi/presenza/:sessionId',
      {
        // Each post registers someone: counted as strictly as the other forms (ADR 0015).
        config: formConfig,
        bodyLimit: FORM_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Walk-in: attendance with a ticket, or an anonymous registration and attendance (form post)',
          params: ZSessionParamsSchema,
          querystring: ZFormQuerySchema,
          body: ZWalkInFormSchema,
          response: page,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await submitWalkIn({
            deps,
            lang: langOf(request.query.lang, request.headers),
            sessionId: request.params.sessionId,
            form: request.body,
          }),
        ),
    );

    const assetConfig = { access: 'public', rate: 'static' } as const;
    for (const [name, type] of Object.entries(ASSETS))
      app.get(
        `/eventi/assets/${name}`,
        { config: assetConfig, schema: { hide: true } },
        async (_request, reply) => cachedAsset(reply, type).send(files.assets[name as AssetFile]),
      );
    await app.register(sharedAssetRoutes('/eventi/assets'));
  };
