import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHAPTER } from '../../src/server/modules/website/demo-video/index.js';
import { siteWords } from '../../src/server/modules/website/public/site-words.js';
import { DEMO_CHAPTER_SLUG } from '../../src/server/modules/website/website-video.demo.js';
import { type E2eApp, expectAccessible, PHONE, signIn, startApp, stopApp } from './support.js';

/*
 * The video manual (issue 24, item 4) in Chromium: the demo chapter read in Arabic and Urdu on a
 * phone (axe clean, captions on in the reader's language, a transcript line plays the video from
 * its moment, nothing from elsewhere); then an editor uploads a video made here with ffmpeg, in
 * resumable pieces, writes its Italian subtitles and a release; a second editor checks it and
 * publishes it, and it is on the site.
 */

let app: E2eApp;
let workDir: string;
let videoPath: string;
beforeAll(async () => {
  app = await startApp();
  workDir = mkdtempSync(join(tmpdir(), 'trama-video-'));
  videoPath = join(workDir, 'incontro.webm');
  // Made at test time, never downloaded: 3 seconds of a test pattern with a tone.
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=10:duration=3'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=330:duration=3', '-c:v', 'libvpx-vp9', '-b:v', '50k'],
    ...['-c:a', 'libopus', '-b:a', '24k', videoPath],
  ]);
});
afterAll(async () => {
  await stopApp();
  rmSync(workDir, { recursive: true, force: true });
});

describe('video manual', () => {
  it('plays the demo chapter in Arabic and Urdu on a phone: captions in the reader’s language, a transcript that seeks', async () => {
    const context = await app.browser.newContext({
      baseURL: app.baseUrl,
      locale: 'ar',
      viewport: PHONE,
      isMobile: true,
    });
    const reader = await context.newPage();
    const elsewhere: string[] = [];
    reader.on('request', (request) => {
      if (new URL(request.url()).origin !== app.baseUrl) elsewhere.push(request.url());
    });
    for (const lang of ['ar', 'ur'] as const) {
      const w = siteWords(lang);
      await reader.goto(`/sito/video?lang=${lang}`);
      await reader.getByRole('heading', { level: 1, name: w.videosTitle }).waitFor();
      await expectAccessible(reader, `the video manual in ${lang}`);
      await reader.getByRole('link', { name: DEMO_CHAPTER[lang].title }).click();
      await reader.waitForURL(`**/sito/video/${DEMO_CHAPTER_SLUG}?lang=${lang}`);
      await reader.getByRole('heading', { name: w.transcriptTitle }).waitFor();
      await expectAccessible(reader, `the demo chapter in ${lang}`);
      const showing = await reader.evaluate(() =>
        [...(document.getElementById('chapter-video') as HTMLVideoElement).textTracks]
          .filter((t) => t.mode === 'showing')
          .map((t) => `${t.kind}:${t.language}`),
      );
      expect(showing).toEqual([`subtitles:${lang}`]);
    }
    // The third line of the transcript is said at 0:08: choosing it plays the video from there.
    const third = DEMO_CHAPTER.ur.subtitles.split('\n\n')[3]!.split('\n')[1]!;
    await reader.getByRole('link', { name: new RegExp(third.slice(0, 12)) }).click();
    await reader.waitForFunction(() => {
      const video = document.getElementById('chapter-video') as HTMLVideoElement;
      return video.currentTime >= 8 && video.readyState >= 2;
    });
    expect(elsewhere).toEqual([]);

    // Searching the transcripts finds the chapter at the moment the words are said (0:20).
    const it = siteWords('it');
    await reader.goto('/sito/video?lang=it');
    await reader.getByLabel(it.searchLabel).fill('appunti');
    await reader.getByRole('button', { name: it.searchButton }).click();
    await reader.getByRole('heading', { name: it.searchResultsTitle('appunti') }).waitFor();
    await expectAccessible(reader, 'search results in the transcripts');
    await reader.getByRole('link', { name: DEMO_CHAPTER.it.title }).first().click();
    await reader.waitForFunction(
      () => (document.getElementById('chapter-video') as HTMLVideoElement).currentTime >= 20,
    );
    await context.close();
  });

  it('an editor uploads a chapter in resumable pieces; a second editor checks and publishes it', async () => {
    const slug = `video-${Date.now().toString(36)}`;
    const title = 'Accogliere una famiglia appena arrivata';
    const { context, page: editor } = await signIn('redazione');
    await editor.goto('/website');
    await editor.getByRole('button', { name: 'Nuova pagina' }).click();
    await editor.locator('#site-page-new-kind').selectOption({ label: 'Capitolo del manuale video' });
    await editor.getByLabel('Indirizzo').fill(slug);
    await editor.locator('input[name$="title"]').fill(title);
    await editor.getByLabel('Testo (HTML semplice)').fill('<p>Il primo incontro con la famiglia.</p>');
    await editor.getByRole('button', { name: 'Crea la bozza' }).click();
    await editor.getByRole('heading', { level: 1, name: title }).waitFor();

    await editor.getByLabel('Pacchetto di lavoro').selectOption({ index: 2 });
    await editor.getByLabel('Pratica mostrata').fill('L’accoglienza della famiglia');
    await editor.getByLabel('Numero del capitolo').fill('7');
    await editor.getByRole('button', { name: 'Salva i dati del capitolo' }).click();
    await editor.getByText('Dati del capitolo salvati.').waitFor();

    await editor.getByLabel('Video da caricare').setInputFiles(videoPath);
    await editor.getByRole('button', { name: 'Carica il video' }).click();
    await editor.getByText('Video caricato. Il capitolo è tornato in bozza.').waitFor({ timeout: 60_000 });

    await editor.getByRole('button', { name: /Scrivi i sottotitoli in Italiano/i }).click();
    await editor
      .getByLabel(/Testo WebVTT in Italiano/i)
      .fill('WEBVTT\n\n00:00.000 --> 00:03.000\nBenvenuti: vi accompagniamo.\n');
    await editor.getByRole('button', { name: 'Salva la traccia' }).click();
    await editor.getByText('Traccia salvata.').waitFor();

    await editor.getByRole('button', { name: 'Registra una liberatoria' }).click();
    await editor.getByLabel('Nome e cognome').fill('Carla Prova');
    await editor.getByLabel('Ruolo nel video').fill('Assistente sociale');
    await editor.getByRole('button', { name: 'Registra la liberatoria' }).click();
    await editor.getByRole('cell', { name: 'Carla Prova' }).waitFor();
    await editor
      .getByText(
        'La verifica deve confermarla un’altra redattrice o un altro redattore, non chi ha caricato il video.',
      )
      .waitFor();
    await expectAccessible(editor, 'a video chapter being prepared');
    const chapterUrl = editor.url();
    await context.close();

    const second = await signIn('redazione2');
    await second.page.goto(chapterUrl);
    await second.page.getByText(/Ho guardato tutto il video/).click();
    await second.page.getByRole('button', { name: 'Conferma la verifica' }).click();
    await second.page.getByText('Il video è pronto: nulla impedisce di pubblicare il capitolo.').waitFor();
    await second.page.getByRole('button', { name: 'Pubblica ora' }).click();
    await second.page.getByText('Pagina pubblicata.').waitFor();
    const published = await second.page.request.get(`/sito/video/${slug}?lang=it`);
    expect(published.status()).toBe(200);
    expect(await published.text()).toContain('Benvenuti: vi accompagniamo.');
    await second.context.close();
  }, 240_000);
});
