import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { TSiteLanguage } from '../../../contracts/website.js';
import { VIDEO_TRACK_KINDS } from '../../../contracts/website-videos.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import { DEMO_CHAPTER } from './demo-video/index.js';
import { sanitiseBody } from './website-html.js';
import { requirePage } from './website-pages.repository.js';
import { siteFileOwner } from './website-shared.js';
import { parseTrack } from './website-video-tracks.js';
import { publishNow } from './website-workflow.js';

/**
 * The demo chapter of the video manual (issue 24, "Done when"): its text and its subtitles,
 * picture descriptions and parts in all ten languages, one release, written by one editor and
 * checked by the other. The text is seeded with the rest of the site; the video and its poster
 * (made by `scripts/make-demo-video.sh`, kept in `demo-video/`) are stored through platform/storage
 * once the app runs, and the chapter is published then.
 */

export const DEMO_CHAPTER_SLUG = 'primo-colloquio-mediazione';
const DIR = new URL('./demo-video/', import.meta.url);

export async function seedDemoChapter(tx: Tx, author: string) {
  const [page] = await queryRows<{ id: string }>(
    tx,
    sql`insert into site_pages (kind, slug, category, state, created_by)
        values ('video', ${DEMO_CHAPTER_SLUG}, 'general', 'draft', ${author}) returning id`,
  );
  const id = page!.id;
  for (const [lang, text] of Object.entries(DEMO_CHAPTER) as [TSiteLanguage, (typeof DEMO_CHAPTER)['it']][]) {
    await tx.execute(
      sql`insert into site_page_versions (page_id, lang, number, title, summary, body, based_on, author_id)
          values (${id}, ${lang}, 1, ${text.title}, ${text.summary}, ${sanitiseBody(text.body)}, ${lang === 'it' ? null : 1}, ${author})`,
    );
  }
  await tx.execute(
    sql`insert into site_videos (page_id, work_package, practice, chapter_number)
        values (${id}, 'wp1', 'Il colloquio a tre: operatrice, donna e mediatrice', 1)`,
  );
  for (const [lang, text] of Object.entries(DEMO_CHAPTER) as [TSiteLanguage, (typeof DEMO_CHAPTER)['it']][])
    for (const kind of VIDEO_TRACK_KINDS)
      await tx.execute(
        sql`insert into site_video_tracks (page_id, lang, kind, vtt, cue_count, updated_by)
            values (${id}, ${lang}, ${kind}, ${text[kind]}, ${parseTrack(text[kind], kind).length}, ${author})`,
      );
  await tx.execute(
    sql`insert into site_video_releases (page_id, person_name, person_role, recorded_by)
        values (${id}, 'Giulia Esempio (dati di esempio)', 'Operatrice del centro antiviolenza', ${author})`,
  );
}

/** Stores the demo video and poster, has the second editor check them, and publishes the chapter. */
export async function seedDemoChapterFiles(deps: Deps) {
  const [chapter] = await systemTransaction(deps.db, (tx) =>
    queryRows<{ page_id: string; created_by: string }>(
      tx,
      sql`select v.page_id, p.created_by from site_videos v join site_pages p on p.id = v.page_id
           where p.slug = ${DEMO_CHAPTER_SLUG} and p.kind = 'video' and v.video_file_id is null`,
    ),
  );
  if (!chapter) return;
  const [checker] = await systemTransaction(deps.db, (tx) =>
    queryRows<{ id: string }>(tx, sql`select id from users where username = 'redazione2'`),
  );
  const actor = { system: { createdBy: chapter.created_by, serviceId: null, label: 'demo' } };
  const owner = siteFileOwner('site_page', chapter.page_id);
  const poster = await storeFile({
    deps,
    actor,
    input: {
      ...owner,
      kind: 'image',
      fileName: 'copertina.png',
      declaredType: 'image/png',
      content: createReadStream(new URL('demo-poster.png', DIR)),
    },
  });
  await storeFile({
    deps,
    actor,
    input: {
      ...owner,
      kind: 'video',
      fileName: 'primo-colloquio.webm',
      declaredType: 'video/webm',
      content: createReadStream(new URL('demo-video.webm', DIR)),
    },
    within: async ({ tx, fileId }) => {
      await tx.execute(
        sql`update site_videos set video_file_id = ${fileId}, video_uploaded_by = ${chapter.created_by}, video_uploaded_at = now(),
              poster_file_id = ${poster.id}, poster_uploaded_by = ${chapter.created_by}, poster_uploaded_at = now(),
              checked_by = ${checker?.id ?? null}, checked_at = now()
             where page_id = ${chapter.page_id}`,
      );
      await publishNow(tx, await requirePage(tx, chapter.page_id, true), checker?.id ?? null);
    },
  });
}
