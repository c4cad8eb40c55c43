import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { TSitePageDetail } from '../../src/contracts/website.js';
import type { TVideoDetail } from '../../src/contracts/website-videos.js';
import { DEMO_CHAPTER } from '../../src/server/modules/website/demo-video/index.js';
import { multipartBody } from '../harness/multipart.js';
import { testAppKit } from '../harness/test-app.js';

/*
 * The video manual (issue 24, item 4): a video uploaded in resumable pieces by its editor only,
 * checked by content; tracks checked as WebVTT; a chapter goes public only with its video, Italian
 * subtitles, a release and a second editor's check (the service says which is missing, a trigger
 * holds it on every path); the public reads only what publication copied, seeks by byte ranges,
 * and finds lines across the transcripts with each language's dictionary.
 *
 * The video is the demo's (made by scripts/make-demo-video.sh with ffmpeg, kept in the repository
 * so this tier needs only Node); the browser journey makes its own with ffmpeg at test time.
 */
const { t, call, ok, fields, system } = testAppKit();
const VIDEO = readFileSync(
  new URL('../../src/server/modules/website/demo-video/demo-video.webm', import.meta.url),
);
const IT = DEMO_CHAPTER.it;
const publicGet = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Starts a tus upload as `who` and returns its id. */
async function startUpload(who: string, size: number, type = 'video/webm') {
  const session = await t.signIn(who);
  const created = await session.request({
    method: 'POST',
    url: '/api/website/uploads',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(size),
      'upload-metadata': `filename ${b64('colloquio.webm')},filetype ${b64(type)}`,
    },
  });
  expect(created.statusCode).toBe(201);
  const id = String(created.headers.location).split('/').pop()!;
  return { session, id };
}

async function sendPiece(
  session: Awaited<ReturnType<typeof t.signIn>>,
  id: string,
  offset: number,
  piece: Buffer,
) {
  return session.request({
    method: 'PATCH',
    url: `/api/website/uploads/${id}`,
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    payload: piece,
  });
}

/** Uploads `data` in two pieces, asking the server where it stands in between (as a resume does). */
async function uploadVideo(who: string, data: Buffer, type = 'video/webm') {
  const { session, id } = await startUpload(who, data.length, type);
  const half = Math.floor(data.length / 2);
  expect((await sendPiece(session, id, 0, data.subarray(0, half))).statusCode).toBe(204);
  const head = await session.request({
    method: 'HEAD',
    url: `/api/website/uploads/${id}`,
    headers: { 'tus-resumable': '1.0.0' },
  });
  const offset = Number(head.headers['upload-offset']);
  expect(offset).toBe(half);
  expect((await sendPiece(session, id, offset, data.subarray(offset))).statusCode).toBe(204);
  return id;
}

let counter = 0;
async function newChapter() {
  counter += 1;
  const page = await ok<TSitePageDetail>('redazione', 'POST', '/api/website/pages', {
    page: { kind: 'video', slug: `capitolo-${counter}`, category: 'general' },
    italian: { title: `Capitolo di prova ${counter}`, summary: 'Una pratica.', body: '<p>Testo.</p>' },
  });
  await ok('redazione', 'PUT', `/api/website/pages/${page.id}/video/settings`, {
    workPackage: 'wp1',
    practice: 'Il colloquio a tre',
    chapterNumber: 10 + counter,
  });
  return page;
}
const videoOf = (id: string) => ok<TVideoDetail>('redazione', 'GET', `/api/website/pages/${id}/video`);
const putTrack = (who: string, id: string, lang: string, kind: string, vtt: string) =>
  call(who, 'PUT', `/api/website/pages/${id}/tracks/${lang}/${kind}`, { vtt });

/** A chapter with its video, Italian subtitles and one release; the check is left to the test. */
async function readyButUnchecked() {
  const page = await newChapter();
  const uploadId = await uploadVideo('redazione', VIDEO);
  await ok('redazione', 'POST', `/api/website/pages/${page.id}/video`, { uploadId });
  expect((await putTrack('redazione', page.id, 'it', 'subtitles', IT.subtitles)).statusCode).toBe(200);
  const detail = await ok<TVideoDetail>('redazione', 'POST', `/api/website/pages/${page.id}/releases`, {
    personName: 'Anna Prova',
    personRole: 'Operatrice',
  });
  return { ...page, videoFileId: detail.video!.fileId, releaseId: detail.releases[0]!.id };
}
/** The second editor confirms the check of the video they watched. */
const check = (who: string, page: { id: string; videoFileId: string }) =>
  call(who, 'POST', `/api/website/pages/${page.id}/video/check`, {
    confirmed: true,
    videoFileId: page.videoFileId,
  });

describe('video manual', () => {
  it('takes a video in resumable pieces from its editor only, and checks it by content', async () => {
    const page = await newChapter();
    expect((await videoOf(page.id)).blockers).toEqual(['video', 'subtitles_it', 'releases', 'check']);

    // Only editors reach the endpoint; another editor cannot see or continue someone's upload.
    const outsider = await t.signIn('operatrice');
    const refused = await outsider.request({
      method: 'POST',
      url: '/api/website/uploads',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' },
    });
    expect(refused.statusCode).toBe(403);
    const { session, id } = await startUpload('redazione', VIDEO.length);
    const other = await t.signIn('redazione2');
    const peek = await other.request({
      method: 'HEAD',
      url: `/api/website/uploads/${id}`,
      headers: { 'tus-resumable': '1.0.0' },
    });
    expect(peek.statusCode).toBe(404);
    // Nor through an address whose query names someone else's upload after one of their own.
    const own = await startUpload('redazione2', 10);
    const smuggled = await own.session.request({
      method: 'PATCH',
      url: `/api/website/uploads/${own.id}?x=/${id}`,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      payload: VIDEO.subarray(0, 10),
    });
    expect(smuggled.statusCode).toBe(404);
    // Half sent: not yet a video to take.
    await sendPiece(session, id, 0, VIDEO.subarray(0, 1000));
    const early = await call('redazione', 'POST', `/api/website/pages/${page.id}/video`, { uploadId: id });
    expect(early.statusCode).toBe(409);
    expect(
      (await call('redazione2', 'POST', `/api/website/pages/${page.id}/video`, { uploadId: id })).statusCode,
    ).toBe(404);

    // Bytes that are not a video, declared as one: refused by content, and the gathered copy goes.
    const fake = Buffer.from('%PDF-1.4\n'.padEnd(4000, 'x'));
    const fakeId = await uploadVideo('redazione', fake);
    const wrong = await call('redazione', 'POST', `/api/website/pages/${page.id}/video`, {
      uploadId: fakeId,
    });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(415);
    expect(fields(wrong)).toContain('file');
    expect(
      (await call('redazione', 'POST', `/api/website/pages/${page.id}/video`, { uploadId: fakeId }))
        .statusCode,
    ).toBe(404);

    const uploadId = await uploadVideo('redazione', VIDEO);
    const detail = await ok<TVideoDetail>('redazione', 'POST', `/api/website/pages/${page.id}/video`, {
      uploadId,
    });
    expect(detail.video).toMatchObject({ contentType: 'video/webm', sizeBytes: VIDEO.length });
    expect(detail.blockers).toEqual(['subtitles_it', 'releases', 'check']);
    // The editor who uploaded it may not check it.
    expect(detail.canCheck).toBe(false);
  });

  it('checks tracks as WebVTT and keeps the publication to a complete, second-checked chapter', async () => {
    const page = await readyButUnchecked();
    const bad = await putTrack(
      'redazione',
      page.id,
      'en',
      'subtitles',
      'WEBVTT\n\n00:05.000 --> 00:04.000\nBackwards\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['vtt']);
    expect(bad.json().errors[0].message.en).toContain('End timestamp is not greater than start timestamp');
    expect((await putTrack('redazione', page.id, 'en', 'subtitles', 'Not a track')).statusCode).toBe(400);

    const early = await call('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, {
      action: 'publish',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().localized.en.detail).toContain('the check by another editor');
    // Nor by any other path: the trigger refuses a direct update.
    await expect(
      system(sql`update site_pages set state = 'published' where id = ${page.id}`),
    ).rejects.toMatchObject({ cause: { code: 'TR020' } });

    expect((await check('redazione', page)).statusCode).toBe(409);
    // A check of another video than the current one (replaced while it was watched) is refused.
    expect((await check('redazione2', { ...page, videoFileId: page.releaseId })).statusCode).toBe(409);
    const checked = (await check('redazione2', page)).json() as TVideoDetail;
    expect(checked.blockers).toEqual([]);
    // A new release clears the check: whoever checks confirms the releases too.
    const again = await ok<TVideoDetail>('redazione', 'POST', `/api/website/pages/${page.id}/releases`, {
      personName: 'Bruno Prova',
      personRole: 'Mediatore',
    });
    expect(again.check).toBeNull();
    expect(again.blockers).toEqual(['check']);
    expect((await check('redazione2', page)).statusCode).toBe(200);
    expect(
      (await call('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, { action: 'publish' }))
        .statusCode,
    ).toBe(200);
  });

  it('shows the public only what publication copied, with byte ranges and searchable transcripts', async () => {
    const page = await readyButUnchecked();
    await putTrack('redazione', page.id, 'ar', 'subtitles', DEMO_CHAPTER.ar.subtitles);
    await putTrack('redazione', page.id, 'it', 'descriptions', IT.descriptions);
    await putTrack('redazione', page.id, 'it', 'chapters', IT.chapters);
    // A poster from a phone, with the place it was taken: the site gets it re-encoded, without it.
    const poster = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#246' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 31/1 0/1' } })
      .toBuffer();
    const form = multipartBody({ file: { name: 'foto.jpg', type: 'image/jpeg', data: poster } });
    const withPoster = await (await t.signIn('redazione')).request({
      method: 'POST',
      url: `/api/website/pages/${page.id}/poster`,
      payload: form.payload,
      headers: { 'content-type': form.contentType },
    });
    expect(withPoster.statusCode).toBe(200);
    const detail = (await check('redazione2', page)).json() as TVideoDetail;
    expect(detail.poster).toMatchObject({ contentType: 'image/webp' });
    const path = `/sito/video/${page.slug}`;
    expect((await publicGet(`${path}?lang=it`)).statusCode).toBe(404);
    expect((await publicGet(`/sito/media/${detail.video!.fileId}`)).statusCode).toBe(404);
    await ok('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, { action: 'publish' });

    const shown = await publicGet(`${path}?lang=ar`);
    expect(shown.statusCode).toBe(200);
    // Captions on in the reader's language; the Italian transcript only where Arabic is missing.
    expect(shown.body).toMatch(
      /<track kind="subtitles" src="[^"]+\/ar\/subtitles\.vtt" srclang="ar" label="[^"]+" default>/,
    );
    expect(shown.body).toContain(DEMO_CHAPTER.ar.subtitles.split('\n')[3]);
    expect(shown.body).toContain('/sito/assets/video-player.js');
    const italian = await publicGet(`${path}?lang=it`);
    expect(italian.body).toContain('Una stanza luminosa con un tavolo rotondo e tre sedie.');
    expect(italian.body).toContain('Prepararsi');

    const track = await publicGet(`${path}/tracks/it/subtitles.vtt`);
    expect(track.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(track.body).toBe(IT.subtitles);
    const range = await publicGet(`/sito/media/${detail.video!.fileId}`, { range: 'bytes=0-99' });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-type']).toBe('video/webm');
    expect(range.rawPayload.equals(VIDEO.subarray(0, 100))).toBe(true);
    expect(range.headers['set-cookie']).toBeUndefined();

    // A track saved after publication stays out of sight until the chapter is published again.
    await putTrack('redazione', page.id, 'en', 'subtitles', DEMO_CHAPTER.en.subtitles);
    expect((await publicGet(`${path}/tracks/en/subtitles.vtt`)).statusCode).toBe(404);
    expect((await publicGet(`${path}?lang=it`)).statusCode).toBe(200);

    // Italian stemming finds "mediatrice" from "mediatrici"; Arabic lines are searched with Arabic's.
    const found = await publicGet('/sito/video?lang=it&q=mediatrici');
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('<mark>mediatrice</mark>');
    expect(found.body).toContain(`/sito/video/${page.slug}?lang=it&amp;t=8`);
    const arabicWord = DEMO_CHAPTER.ar.subtitles.split('\n')[3]!.split(/\s+/)[1]!;
    const arabic = await publicGet(`/sito/video?lang=ar&q=${encodeURIComponent(arabicWord)}`);
    expect(arabic.body).toContain('<mark>');
    expect((await publicGet('/sito/video?lang=it&q=zzzzinesistente')).body).not.toContain('<mark>');

    const shownPoster = await publicGet(`/sito/media/${detail.poster!.fileId}`);
    expect(shownPoster.headers['content-type']).toBe('image/webp');
    expect((await sharp(shownPoster.rawPayload).metadata()).exif).toBeUndefined();

    // The person filmed withdraws their release: the chapter leaves the site at once.
    await ok('redazione', 'DELETE', `/api/website/pages/${page.id}/releases/${page.releaseId}`);
    expect((await publicGet(`${path}?lang=it`)).statusCode).toBe(404);
    expect((await publicGet(`/sito/media/${detail.video!.fileId}`)).statusCode).toBe(404);
    await ok('redazione', 'POST', `/api/website/pages/${page.id}/transitions`, {
      action: 'archive',
      note: 'Superato',
    });
    expect((await publicGet(`/sito/media/${detail.video!.fileId}`)).statusCode).toBe(404);
    expect((await publicGet(`${path}/tracks/it/subtitles.vtt`)).statusCode).toBe(404);
  });
});
