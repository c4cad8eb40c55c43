import { readFileSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * What every public page shares: the base stylesheet, the quick-exit script (the only script of the public pages) and
 * the fonts, served by Trama itself (no font is fetched from elsewhere): Noto
 * for Arabic and Urdu (Naskh) and Punjabi (Gurmukhi), which few old phones carry; every other
 * script uses the phone's own fonts. Read once, served from memory, cached by the browser.
 */

/** Where "Leave now" goes: an everyday page that says nothing about where the person was. */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=meteo';

const FONT_DIR = new URL('../../../../assets/fonts/noto/', import.meta.url);
const FONTS = {
  'NotoNaskhArabic-Regular.ttf': 'font/ttf',
  'NotoNaskhArabic-Bold.ttf': 'font/ttf',
  'NotoSansGurmukhi-Regular.woff': 'font/woff',
  'NotoSansGurmukhi-Bold.woff': 'font/woff',
} as const;
type FontFile = keyof typeof FONTS;

/** A small public file, cached for a day (names do not change within a release). */
export const cachedAsset = (reply: FastifyReply, type: string) =>
  reply.type(type).header('cache-control', 'public, max-age=86400');

/** `<prefix>/base.css`, `<prefix>/quick-exit.js` and `<prefix>/fonts/:file` for the four fonts. */
export const sharedAssetRoutes =
  (prefix: string): FastifyPluginAsyncZod =>
  async (app) => {
    const files = Object.fromEntries(
      Object.keys(FONTS).map((f) => [f, readFileSync(new URL(f, FONT_DIR))]),
    ) as Record<FontFile, Buffer>;
    const quickExit = readFileSync(new URL('./quick-exit.js', import.meta.url));
    const base = readFileSync(new URL('./base.css', import.meta.url));
    app.get(
      `${prefix}/base.css`,
      { config: { access: 'public', rate: 'static' }, schema: { hide: true } },
      async (_r, reply) => cachedAsset(reply, 'text/css; charset=utf-8').send(base),
    );
    app.get(
      `${prefix}/quick-exit.js`,
      { config: { access: 'public', rate: 'static' }, schema: { hide: true } },
      async (_r, reply) => cachedAsset(reply, 'text/javascript; charset=utf-8').send(quickExit),
    );
    app.get(
      `${prefix}/fonts/:file`,
      {
        config: { access: 'public', rate: 'static' },
        schema: {
          hide: true,
          params: z.strictObject({ file: z.enum(Object.keys(FONTS) as [FontFile, ...FontFile[]]) }),
        },
      },
      async (request, reply) =>
        cachedAsset(reply, FONTS[request.params.file]).send(files[request.params.file]),
    );
  };
