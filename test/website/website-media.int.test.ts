import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { TSitePageDetail } from '../../src/contracts/website.js';
import type { TMedia } from '../../src/contracts/website-media.js';
import { multipartBody } from '../harness/multipart.js';
import { testAppKit } from '../harness/test-app.js';

/*
 * The media library (issue 24, item 3): an image is checked by content, decoded within a pixel
 * bound, resized to a few widths without its EXIF data, described per language; a page showing it
 * is not published while a language lacks its alt text; the public reads the resized copies only
 * while a published page shows the image. Images are made here with sharp, never downloaded.
 */
const { t, call, ok, fields, system } = testAppKit();

async function upload(data: Buffer, extra: Record<string, string> = {}, type = 'image/jpeg') {
  const session = await t.signIn('redazione');
  const body = multipartBody({
    fields: { name: 'Sportello di Treviglio', altIt: 'L’ingresso dello sportello', ...extra },
    file: { name: 'foto.jpg', type, data },
  });
  return session.request({
    method: 'POST',
    url: '/api/website/media',
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

const photo = () =>
  sharp({ create: { width: 2000, height: 1000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'Trama test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 31/1 0/1' },
    })
    .toBuffer();

const count = async () => (await system<{ n: number }>(sql`select count(*)::int as n from site_media`))[0]!.n;

describe('media library', () => {
  it('resizes an image without its EXIF, and shows it only on a published page with its alt text in each language', async () => {
    const added = await upload(await photo());
    expect(added.statusCode).toBe(201);
    const media = added.json() as TMedia;
    expect(media).toMatchObject({ width: 2000, height: 1000, alts: { it: 'L’ingresso dello sportello' } });

    const page = await ok<TSitePageDetail>('redazione', 'POST', '/api/website/pages', {
      page: { kind: 'page', slug: 'sportello-foto', category: 'general' },
      italian: {
        title: 'Lo sportello',
        body: `<p>Ecco l’ingresso.</p><img src="${media.path}" alt="ignorato">`,
      },
    });
    expect(page.current[0]!.body).toBe(`<p>Ecco l’ingresso.</p><img src="${media.path}" />`);
    await ok('redazione', 'PUT', `/api/website/pages/${page.id}/translations/ar`, {
      title: 'المكتب',
      body: `<img src="${media.path}">`,
    });
    const refused = await call('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, {
      action: 'publish',
    });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['body.ar']);
    expect((await t.app.inject({ url: `/sito/immagini/${media.id}/640.webp` })).statusCode).toBe(404);

    await ok('redazione', 'PUT', `/api/website/media/${media.id}/alts`, {
      alts: { it: 'L’ingresso dello sportello', ar: 'مدخل المكتب' },
    });
    await ok('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, { action: 'publish' });
    const arabic = (await t.app.inject({ url: '/sito/sportello-foto?lang=ar' })).body;
    expect(arabic).toContain(
      `srcset="/sito/immagini/${media.id}/320.webp 320w, /sito/immagini/${media.id}/640.webp 640w, /sito/immagini/${media.id}/1280.webp 1280w"`,
    );
    expect(arabic).toContain('alt="مدخل المكتب"');
    // English has no text of its own: the Italian page, with the Italian alt text.
    expect((await t.app.inject({ url: '/sito/sportello-foto?lang=en' })).body).toContain(
      'alt="L’ingresso dello sportello"',
    );

    const copy = await t.app.inject({ url: `/sito/immagini/${media.id}/640.webp` });
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-type']).toBe('image/webp');
    const meta = await sharp(copy.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 640, height: 320 });
    expect(meta.exif).toBeUndefined();

    expect((await call('redazione', 'DELETE', `/api/website/media/${media.id}`)).statusCode).toBe(409);
    await ok('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, {
      action: 'archive',
      note: 'Vecchia',
    });
    expect((await t.app.inject({ url: `/sito/immagini/${media.id}/640.webp` })).statusCode).toBe(404);
    expect((await call('redazione', 'DELETE', `/api/website/media/${media.id}`)).statusCode).toBe(204);
  });

  it('refuses what is not an image, an image past the pixel bound, and a missing alt text, storing nothing', async () => {
    const before = await count();
    const pdf = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.statusCode).toBeGreaterThanOrEqual(415);
    expect(fields(pdf)).toEqual(['file']);
    // 50 million pixels of one colour: a small file that would decode to 150 MB.
    const bomb = await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const refused = await upload(bomb, {}, 'image/png');
    expect(refused.statusCode).toBe(422);
    expect(fields(refused)).toEqual(['file']);
    expect(fields(await upload(await photo(), { altIt: '' }))).toEqual(['altIt']);
    expect(await count()).toBe(before);
    expect((await call('operatrice', 'GET', '/api/website/media')).statusCode).toBe(403);
  });
});
